"""Noise regions: web boilerplate, watermarks and template placeholders, found by patterns in ``data/noise.tsv``.

Nothing is removed: regions are reported with their spans, and later stages read no data inside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractor._data import table

# A footer is only noise when no report paragraph follows it: a long line that reads like prose.
_PROSE_LINE = 60


@dataclass(frozen=True)
class NoiseRegion:
    kind: str
    start: int
    end: int


@cache
def _patterns() -> tuple[tuple[str, str, regex.Pattern[str]], ...]:
    out = []
    for r in table("noise.tsv"):
        pat = r["pattern"]
        if r["scope"] in ("line", "tail"):
            pat = rf"^(?:{pat})$"
        out.append((r["kind"], r["scope"], regex.compile(pat, regex.MULTILINE)))
    return tuple(out)


def _is_prose(line: str) -> bool:
    return len(line.strip()) >= _PROSE_LINE and "。" in line


def find(view: str) -> list[NoiseRegion]:
    """Noise regions in ``view`` (spans are valid in the original text), sorted and non-overlapping."""
    found: list[NoiseRegion] = []
    tail_start: int | None = None
    for kind, scope, pat in _patterns():
        for m in pat.finditer(view):
            if m.end() == m.start():
                continue
            if scope == "tail":
                if tail_start is None or m.start() < tail_start:
                    rest = view[m.end() :]
                    if not any(_is_prose(line) for line in rest.splitlines()):
                        tail_start = m.start()
                continue
            found.append(NoiseRegion(kind, m.start(), m.end()))
    if tail_start is not None:
        found.append(NoiseRegion("footer", tail_start, len(view.rstrip())))
    return _merge(found)


def _merge(regions: list[NoiseRegion]) -> list[NoiseRegion]:
    regions.sort(key=lambda r: (r.start, -r.end))
    out: list[NoiseRegion] = []
    for r in regions:
        if out and r.start < out[-1].end:
            if r.end > out[-1].end:
                last = out[-1]
                # A region swallowed by a larger one keeps the larger one's kind.
                out[-1] = NoiseRegion(last.kind, last.start, r.end)
            continue
        out.append(r)
    return out
