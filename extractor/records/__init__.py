"""Record builders: metadata, indicators, goals and projects, each reading the shared analysis of a text."""

from __future__ import annotations

from extractor import models as M
from extractor.quantities import QMatch


class QuantityModels:
    """The Quantity model of each mention, built once and shared by every record that quotes it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._make, self._make_span = M.builder(M.Quantity), M.builder(M.Span)

    def __call__(self, q: QMatch) -> M.Quantity:
        return q.model if q.model is not None else self.every([q])[0]

    def every(self, qs: list[QMatch]) -> list[M.Quantity]:
        """The models of ``qs``, in order. Each is kept on its mention: quantities.find() returns each mention once
        and nothing changes it after, so one model per mention object is one per reading."""
        text, make, make_span = self.text, self._make, self._make_span
        out = []
        for q in qs:
            m = q.model
            if m is None:
                m = q.model = make(
                    {
                        "raw": text[q.start : q.end],
                        "span": make_span({"start": q.start, "end": q.end}),
                        "number": q.number,
                        "high": q.high,
                        "unit": q.unit,
                        "base_value": q.base_value,
                        "base_high": q.base_high,
                        "base_unit": q.base_unit,
                        "approx": q.approx,
                    }
                )
            out.append(m)
        return out


class SpanModels(dict[tuple[int, int], M.Span]):
    """One Span model per (start, end), made on first use: the records read in one sentence share its Span (a
    model each costs as much as a small record, and a dense sentence holds thousands of records)."""

    def __init__(self) -> None:
        super().__init__()
        self._make = M.builder(M.Span)

    def __missing__(self, key: tuple[int, int]) -> M.Span:
        span = self[key] = self._make({"start": key[0], "end": key[1]})
        return span
