"""Record builders: metadata, indicators, goals and projects, each reading the shared analysis of a text."""

from __future__ import annotations

from extractor import models as M
from extractor.quantities import QMatch


class QuantityModels:
    """The Quantity model of each mention, built once and shared by every record that quotes it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._built: dict[tuple[object, ...], M.Quantity] = {}

    def __call__(self, q: QMatch) -> M.Quantity:
        # Every builder hands in mentions of the text's one quantities.find(), never copied or changed, so the span
        # alone would do today; keying on everything the model shows keeps one model per distinct reading even
        # if two mentions ever share a span.
        key = (q.start, q.end, q.number, q.high, q.unit, q.base_value, q.base_high, q.base_unit, q.approx)
        m = self._built.get(key)
        if m is None:
            m = self._built[key] = M.Quantity(
                raw=self.text[q.start : q.end],
                span=M.span_of(q.start, q.end),
                number=q.number,
                high=q.high,
                unit=q.unit,
                base_value=q.base_value,
                base_high=q.base_high,
                base_unit=q.base_unit,
                approx=q.approx,
            )
        return m
