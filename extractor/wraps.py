"""Wraps: where a line break, a page footer or stray spaces split a figure from its unit.

Text copied out of a PDF keeps the layout's line breaks and page numbers, and sometimes a space between
characters: ``23\\n亿元``, ``4022\\n- 1 -\\n万元``, ``5 个百 分点``. The PDF loader rejoins such lines before
extraction (it may change the text it returns); a ``.txt`` file is read as it is, so its wraps are crossed where a
figure is read, and every span still indexes the original text. A gap is a wrap only when it is clearly one: no
sentence ends before it, and what follows is neither a heading nor another number.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from functools import cache

import regex

from extractor import _compiled
from extractor.layout import line_ends, page_number
from extractor.segment import Span, heading_markers

# A line ending in one of these ends a sentence or a clause; a line holding only a page number is a page footer.
SENTENCE_END = line_ends()
PAGE_NUMBER = page_number()
# Spaces inside a line that a PDF copy puts between characters (5 个百 分点); a longer run is layout.
_MAX_SPACES = 3
# Lines a wrap may cross: blank lines and page numbers (a page footer and header), no more.
_MAX_LINES = 4
_MAX_LINE = 24  # a page-number line is short; a longer line is text
# A line that opens with a key and its colon (人口数量: 3.20 万人, 所在地: …: found blind in round s85) is an item of a
# table of facts, not the rest of the line before it.
_KEY_LINE = re.compile(r"[\u4e00-\u9fff]{1,8}[ \t]{0,2}:")
_SPACE = " \t"
_BREAK = "\r\n"
_GAP = _SPACE + _BREAK


@cache
def _heading_start() -> regex.Pattern[str]:
    """The heading markers of every level in one pattern: a line that opens with one is a heading, not a wrap."""
    return _compiled.compile("|".join(f"(?:{p.pattern})" for p in heading_markers()))


def gap_end(view: str, pos: int, no_follow: frozenset[str] | str = "") -> int | None:
    """Where the wrap gap starting at ``pos`` ends, or None when ``view[pos]`` starts no wrap.

    ``no_follow`` holds the characters that may not follow the gap (the digits: joining 5 and 1. of a list item
    would make a new number). Bounded: a gap is a few spaces, or a break and a few short lines.
    """
    n = len(view)
    if pos <= 0 or pos >= n or view[pos] not in _GAP:
        return None
    before = view[pos - 1]
    if before in SENTENCE_END or before in _GAP:
        return None
    i = pos
    while i < n and view[i] in _SPACE and i - pos <= _MAX_SPACES:
        i += 1
    if i < n and view[i] not in _GAP:
        return i if view[i] not in no_follow else None
    if i >= n or view[i] not in _BREAK:
        return None
    crossed_page = False
    blank = 0
    for _ in range(_MAX_LINES + 1):
        i += 2 if view.startswith("\r\n", i) else 1
        j = i
        while j < n and view[j] in _SPACE:
            j += 1
        eol = j
        while eol < n and view[eol] not in _BREAK and eol - j <= _MAX_LINE:
            eol += 1
        if j >= n:
            return None
        if view[j] in _BREAK:
            blank += 1
            i = j
            continue
        line = view[j:eol]
        if eol < n and view[eol] in _BREAK and PAGE_NUMBER.match(line):
            crossed_page = True
            i = eol
            continue
        # A blank line without a page number between is a paragraph break.
        if blank and not crossed_page:
            return None
        if view[j] in no_follow or _heading_start().match(view, j) is not None or _KEY_LINE.match(view, j):
            return None  # a heading, or a key of a table of facts (区划代码: 150981\n人口数量: 3.20 万人)
        return j
    return None


def joined(
    view: str,
    start: int,
    end: int,
    length: int,
    no_follow: frozenset[str] | str = "",
    stop: str = "",
    known: tuple[int, int] | None = None,
    skip: Mapping[int, int] | None = None,
) -> list[int]:
    """Positions of ``view[start:end]`` followed by the next ``length`` characters with wrap gaps skipped.

    A gap that is not a wrap, or a character of ``stop`` (punctuation no figure runs across), ends the run. The
    caller reads the characters at these positions as one string and maps what it finds back through them.
    ``known`` is a gap the caller has found already: (where it starts, where it ends). ``skip`` maps the start of
    a region read across (pinyin ruby) to its end.
    """
    where = list(range(start, end))
    i = end
    n = len(view)
    taken = 0
    while i < n and taken < length:
        if skip and i in skip:
            i = skip[i]
            continue
        if view[i] in stop:
            break
        if view[i] in _GAP:
            g = known[1] if known is not None and known[0] == i else gap_end(view, i, no_follow)
            if g is None:
                break
            i = g
            continue
        where.append(i)
        taken += 1
        i += 1
    return where


def compacted(
    view: str,
    start: int,
    end: int,
    skip: Sequence[Span] = (),
    skip_starts: Sequence[int] = (),
    spaces: bool = True,
) -> tuple[str, list[int]] | None:
    """``view[start:end]`` read as one string across its inner gaps: runs of at most a few spaces (同 比, 增长 5%;
    unless ``spaces`` is false) and the regions of ``skip`` (pinyin ruby, sorted, their starts in ``skip_starts``)
    are left out.

    Returns the string and the view position of each of its characters, or None when nothing was left out. A
    longer run of spaces is layout and stays. Linear in ``end - start``.
    """
    where: list[int] = []
    k = bisect.bisect_right(skip_starts, start) - 1
    if k < 0 or skip[k].end <= start:
        k += 1
    i = start
    while i < end:
        if k < len(skip) and skip[k].start <= i:
            i = max(i, skip[k].end)
            k += 1
            continue
        if spaces and view[i] in _SPACE:
            j = i
            while j < end and view[j] in _SPACE:
                j += 1
            if j - i <= _MAX_SPACES:
                i = j
                continue
            where.extend(range(i, j))
            i = j
            continue
        where.append(i)
        i += 1
    if len(where) == end - start:
        return None
    return "".join([view[p] for p in where]), where
