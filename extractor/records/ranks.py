"""Ranks in the clauses right after a figure (列全县第一位, 位居全市前列): ranks.tsv's patterns, tried only where a
cue word of theirs stands."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import regex

from extractor import _compiled, numerals
from extractor.records.indicators import lexicon

_SENTENCE_BREAK = _compiled.compile(r"[。；;]")


def rank_phrases(view: str, s: int, e: int) -> Iterator[tuple[regex.Match[str], int | None]]:
    """Rank phrases in view[s:e], pattern by pattern in ranks.tsv's order, with the position each names
    (1 for first place, None for "among the leaders")."""
    if not may_rank(view, s, e):
        return
    for kind, pat in lexicon().ranks:
        m = pat.search(view, s, e)
        if not m:
            continue
        pos = 1 if kind == "first" else None
        if kind == "position":
            try:
                pos = int(numerals.parse(m.group("pos"))[0])
            except numerals.NumeralError:
                continue
        yield m, pos


def rank_after(view: str, text: str, start: int, limit: int) -> tuple[str, str | None, int | None, int, int] | None:
    """A rank phrase in the clauses right after a figure, before the next figure."""
    other = lexicon().other_subject_rank
    for m, pos in rank_phrases(view, start, limit):
        # Only the clause right after the figure, not a later clause about something else (烟叶质量列全县首位).
        if _SENTENCE_BREAK.search(view, start, m.start()) or other.search(view, start, m.start() + 1):
            continue
        return text[m.start() : m.end()], text[m.start("scope") : m.end("scope")], pos, m.start(), m.end()
    return None


def may_rank(view: str, s: int, e: int) -> bool:
    """Whether a rank phrase can be in view[s:e]: every one contains a cue word."""
    return _rank_cues().search(view, s, e) is not None


@cache
def _rank_cues() -> re.Pattern[str]:
    return _compiled.compile_re("|".join(re.escape(c) for c in lexicon().rank_cues))
