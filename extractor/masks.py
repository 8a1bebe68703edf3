"""Where no quantity may start: noise regions, the negative list (negatives.tsv) and, for Chinese numerals, short
quotations (a slogan's numerals count nothing)."""

from __future__ import annotations

from functools import cache

import regex

from extractor import _compiled, points, ruby
from extractor._data import alternation, table
from extractor.segment import Span


class Masks:
    """Positions where no quantity may start: noise, the negative list, and (for Chinese numerals) short quotes."""

    def __init__(self, n: int) -> None:
        self.blocked = bytearray(n)
        self.quoted = bytearray(n)
        # Regions a figure is read across (pinyin ruby in 500万(wàn)元): start -> end, and the starts sorted.
        self.through: dict[int, int] = {}
        self.through_starts: list[int] = []

    def block(self, start: int, end: int) -> None:
        self.blocked[start:end] = b"\x01" * (end - start)

    def quote(self, start: int, end: int) -> None:
        self.quoted[start:end] = b"\x01" * (end - start)


@cache
def _negatives() -> tuple[regex.Pattern[str], tuple[_compiled.Pattern, ...]]:
    rows = table("negatives.tsv")
    # Longest first (a trie) and tried at every position (overlapped): the longest literal starting at a position
    # covers every shorter one starting there, so the blocked positions are those of every occurrence of every
    # literal.
    literals = [r["text"] for r in rows if r["kind"] == "literal"]
    literal_re = _compiled.compile(alternation(literals) or r"(?!)")
    # Each pattern on its own: one alternation of all of them is twenty times slower on long texts. Each goes to the
    # engine that skips faster to where it may match (see the file's legend).
    patterns = tuple(_compiled.compile_scan(r["text"]) for r in rows if r["kind"] == "pattern")
    return literal_re, patterns


# A quotation of up to 40 characters is a slogan or a programme name (“一个载体、四个体系”,
# “实施三大战略、建设两个基地，努力打造宜居宜业的生态型小城镇”): its Chinese numerals count nothing.
# The standard engine finds these three times faster than regex in a report.
_QUOTES = _compiled.compile_re(
    r"“[^“”\n。]{1,40}”|‘[^‘’\n。]{1,40}’|「[^「」\n。]{1,40}」|『[^『』\n。]{1,40}』|\"[^\"\n。]{1,40}\""
)
# A copy that damaged its marks still quotes: an apostrophe or an opening mark that an opening mark closes
# (锚定'两个确保“, “停一停“). Its own pattern: in one alternation with the pairs above, each scan is three times slower.
_DAMAGED_QUOTES = _compiled.compile_re(r"['“‘][^“”‘’'\n。]{1,40}[“']")


def negative_spans(view: str) -> list[tuple[int, int]]:
    literal_re, patterns = _negatives()
    out = [m.span() for m in literal_re.finditer(view, overlapped=True)]
    for pat in patterns:
        out.extend((m.start(), m.end()) for m in pat.finditer(view))
    return out


def build_masks(view: str, blocked: list[tuple[int, int]], through: list[tuple[int, int]] | None = None) -> Masks:
    """Masks of ``view``: ``blocked`` spans (noise) hold no quantity start; ``through`` spans (sorted, pinyin ruby,
    blocked as well) are read across inside a figure, as are the spaces beside a point (22. 30亿元: points.py)."""
    masks = Masks(len(view))
    if through:
        # A negative written across pinyin ruby (三次產(chǎn)業 for 三次产业) is read without it, blocked in the view.
        plain = ruby.without(view, [Span(s, e) for s, e in through])
        assert plain.pos is not None
        for s, e in negative_spans(plain.text):
            if e > s:
                masks.block(plain.pos[s], plain.pos[e - 1] + 1)
    spaced = points.spaced(view) + points.letter_spaced(view)
    if spaced:
        through = sorted([*(through or ()), *spaced])
        blocked = [*blocked, *spaced]
    if through:
        masks.through = dict(through)
        masks.through_starts = [s for s, _ in through]
    for s, e in blocked:
        masks.block(s, e)
    for s, e in negative_spans(view):
        masks.block(s, e)
    for s, e in quotations(view):
        masks.quote(s, e)
    return masks


def quotations(view: str) -> list[tuple[int, int]]:
    """The short quotations of ``view`` (slogans and programme names: see ``_QUOTES``), as spans; two patterns may
    find overlapping ones."""
    return [m.span() for quotes in (_QUOTES, _DAMAGED_QUOTES) for m in quotes.finditer(view)]
