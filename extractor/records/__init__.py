"""Record builders: metadata, indicators, goals and projects, each reading the shared analysis of a text."""

from __future__ import annotations

from extractor import models as M
from extractor.quantities import QMatch


class QuantityModels:
    """The Quantity model of each mention, built once and shared by every record that quotes it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._make, self._make_span = M.builder(M.Quantity), M.builder(M.Span)
        # Keyed by the mention itself: quantities.find() returns each mention once and nothing changes it after,
        # so one model per mention object is one per reading. The entry keeps the mention alive, so its id() is
        # never reused while the entry stands.
        self._built: dict[int, tuple[QMatch, M.Quantity]] = {}

    def __call__(self, q: QMatch) -> M.Quantity:
        hit = self._built.get(id(q))
        if hit is not None and hit[0] is q:
            return hit[1]
        m = self._make(self._fields(q))
        self._built[id(q)] = (q, m)
        return m

    def every(self, qs: list[QMatch]) -> list[M.Quantity]:
        """The models of ``qs``, in order, each built once."""
        built = self._built
        todo = [q for q in qs if id(q) not in built] if built else qs
        if not todo:
            return [built[id(q)][1] for q in qs]
        fields, make = self._fields, self._make
        models = [make(fields(q)) for q in todo]
        built.update(zip(map(id, todo), zip(todo, models, strict=True), strict=True))
        return models if todo is qs else [built[id(q)][1] for q in qs]

    def _fields(self, q: QMatch) -> dict[str, object]:
        return {
            "raw": self.text[q.start : q.end],
            "span": self._make_span({"start": q.start, "end": q.end}),
            "number": q.number,
            "high": q.high,
            "unit": q.unit,
            "base_value": q.base_value,
            "base_high": q.base_high,
            "base_unit": q.base_unit,
            "approx": q.approx,
        }


class SpanModels(dict[tuple[int, int], M.Span]):
    """One Span model per (start, end), made on first use: the records read in one sentence share its Span (a
    model each costs as much as a small record, and a dense sentence holds thousands of records)."""

    def __init__(self) -> None:
        super().__init__()
        self._make = M.builder(M.Span)

    def __missing__(self, key: tuple[int, int]) -> M.Span:
        span = self[key] = self._make({"start": key[0], "end": key[1]})
        return span
