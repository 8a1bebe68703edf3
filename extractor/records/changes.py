"""Change words before a figure: the verb (增长, 下降), the fillers between it and the number, and the base it is
measured against (比2018年, 同比), read backwards from the figure within its clause.

Text copied from PDFs and ruby pages splits these words: ``同 比增长``, ``增 长 5%``, ``增長(zhǎng)5.8%``. The
clause is then read with those gaps left out (``wraps.compacted``) and what is found there is mapped back, so
every position still indexes the text as written.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from extractor import wraps
from extractor._data import last_chars
from extractor.segment import Span

if TYPE_CHECKING:
    from extractor.records.indicators import _Lex

_YEAR = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")


@dataclass
class ChangeInfo:
    direction: str
    base: tuple[int, int] | None  # the comparison words (比2018年, 同比)
    base_year: int | None
    verb_start: int  # where the change words begin (the name ends before them)
    verb: tuple[int, int] | None = None  # the change verb itself (增长)


def strip_back(view: str, start: int, end: int, words: tuple[str, ...]) -> int:
    """Move ``end`` back over any of ``words`` (repeatedly), not before ``start``."""
    ends = last_chars(words)
    moved = True
    while moved and end > start and view[end - 1] in ends:
        moved = False
        for w in words:
            if end - len(w) >= start and view.startswith(w, end - len(w)):
                end -= len(w)
                moved = True
                break
    return end


def read_change(
    view: str, clause_start: int, end: int, lex: _Lex, through: Sequence[Span] = (), through_starts: Sequence[int] = ()
) -> ChangeInfo | None:
    """The change words right before ``end`` (a figure's start) in ``view[clause_start:end]``, or None.

    ``through`` are the regions read across (pinyin ruby), sorted, with their starts in ``through_starts``.
    """
    if clause_start >= end:
        return None  # a figure right after the one before it: no words between them
    if view.find(" ", clause_start, end) >= 0 or view.find("\t", clause_start, end) >= 0 or _any_in(
        through, through_starts, clause_start, end
    ):
        compact = wraps.compacted(view, clause_start, end, through, through_starts)
        if compact is not None:
            s, where = compact
            c = _change_before(s, 0, len(s), lex)
            return None if c is None else _placed(c, where, end)
    return _change_before(view, clause_start, end, lex)


def _any_in(spans: Sequence[Span], starts: Sequence[int], s: int, e: int) -> bool:
    if not spans:
        return False
    i = bisect.bisect_right(starts, s)
    return (i > 0 and spans[i - 1].end > s) or (i < len(starts) and starts[i] < e)


def _placed(c: ChangeInfo, where: list[int], end: int) -> ChangeInfo:
    """``c`` found in a compacted clause, with its positions moved back to the view."""

    def at(i: int) -> int:
        return where[i] if i < len(where) else end

    def after(i: int) -> int:  # the position right after the character before compacted position i
        return where[i - 1] + 1 if i > 0 else at(0)

    return ChangeInfo(
        c.direction,
        (at(c.base[0]), after(c.base[1])) if c.base else None,
        c.base_year,
        at(c.verb_start),
        (at(c.verb[0]), after(c.verb[1])) if c.verb else None,
    )


def _change_before(view: str, clause_start: int, end: int, lex: _Lex) -> ChangeInfo | None:
    end = strip_back(view, clause_start, end, lex.fillers)
    verb = None
    if end > clause_start and view[end - 1] in last_chars(lex.verbs_longest_first):
        for w in lex.verbs_longest_first:
            if end - len(w) >= clause_start and view.startswith(w, end - len(w)):
                verb = w
                break
    direction = lex.verbs.get(verb) if verb else None
    vstart = end - len(verb) if verb else end
    if verb is None:
        for w in lex.short_verbs:
            if end - len(w) >= clause_start and view.startswith(w, end - len(w)):
                before = view[clause_start : end - len(w)]
                # A one-character verb is a change only right after the base (同比增8%, 比上年减2户).
                if any(before.rstrip("了分别").endswith(b) for b in lex.bases) or _base_in(before, lex):
                    verb, direction, vstart = w, lex.short_verbs[w], end - len(w)
                    break
    if verb is None or direction is None:
        return None
    vspan = (vstart, vstart + len(verb))
    vstart = strip_back(view, clause_start, vstart, lex.fillers)
    window = view[clause_start:vstart]
    best: tuple[int, int] | None = (
        None  # (start, end) in window; the last base wins, the longer on a tie (同比 over 比)
    )
    for b in lex.bases:
        i = _rfind_base(window, b, lex.not_bases)
        if i < 0 or (b == "与" and "相比" not in window[i:] and "同期" not in window[i:]):
            continue
        cand = (i, i + len(b))
        if best is None or cand[1] > best[1] or (cand[1] == best[1] and cand[0] < best[0]):
            best = cand
    if best is None:
        return ChangeInfo(direction, None, None, vstart, vspan)
    base_start = clause_start + best[0]
    m = _YEAR.search(view, base_start, vstart)
    return ChangeInfo(direction, (base_start, vstart), int(m.group(1)) if m else None, base_start, vspan)


def _rfind_base(window: str, base: str, not_bases: tuple[str, ...]) -> int:
    """The last occurrence of ``base`` in ``window`` that is not inside one of ``not_bases`` (比 in 按可比价)."""
    end = len(window)
    while True:
        i = window.rfind(base, 0, end)
        if i < 0:
            return i
        inside = False
        for w in not_bases:
            k = w.find(base)
            if k >= 0 and i - k >= 0 and window.startswith(w, i - k):
                inside = True
                break
        if not inside:
            return i
        end = i + len(base) - 1


def _base_in(before: str, lex: _Lex) -> bool:
    tail = before[-10:]
    return any(b in tail for b in lex.bases if b != "与") and ("年" in tail or "同期" in tail or tail.endswith("同比"))


