"""What an indicator's name means: its id in the lexicon (indicators.tsv), with scope and manner words around it
left out, and what a figure of it measures (a level, a share, a growth, a change in points)."""

from __future__ import annotations

from functools import cache

import regex

from extractor import _compiled
from extractor._data import column, table

MAX_NAME = 24  # the longest name an indicator's figure takes


@cache
def growth_ids() -> frozenset[str]:
    return frozenset(r["id"] for r in table("indicators.tsv") if r["growth_of"])


@cache
def _canonical() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in table("indicators.tsv"):
        for name in [r["name"], *[a for a in r["aliases"].split("|") if a]]:
            out.setdefault(name, r["id"])
    return out


@cache
def _canonical_trim() -> _compiled.Pattern:
    """Scope and manner words that may stand around a lexicon name without changing what it measures."""
    words = column("name_affixes.tsv", "word", position="canonical_trim")
    scopes = column("name_affixes.tsv", "word", position="leading")
    alts = sorted({*words, *(w for w in scopes if not w.endswith("*"))}, key=len, reverse=True)
    return _compiled.compile_plain("(?:" + "|".join(regex.escape(w) for w in alts) + ")*")


def leading_name(view: str, s: int, e: int) -> tuple[int, int] | None:
    """The longest lexicon name the text starts with (固定资产投资扭转下滑态势 -> 固定资产投资)."""
    idx = _canonical()
    for j in range(min(e, s + MAX_NAME), s + 1, -1):
        if view[s:j] in idx:
            return s, j
    return None


@cache
def canonical(name_simplified: str) -> str | None:
    """The lexicon id of a name: the name itself, or a lexicon name with only scope and manner words around it
    (生产总值年均, 年底全市城镇化率); never a name merely inside another (工农业总产值 is not 农业总产值)."""
    idx = _canonical()
    if name_simplified in idx:
        return idx[name_simplified]
    trim = _canonical_trim()
    best = None
    n = len(name_simplified)
    for i in range(n):
        if not _only_words(name_simplified[:i], trim):
            continue
        for j in range(n, i + 1, -1):
            cid = idx.get(name_simplified[i:j])
            if cid is not None and _only_words(name_simplified[j:], trim):
                if best is None or j - i > len(best[0]):
                    best = (name_simplified[i:j], cid)
                break
    return best[1] if best else None


def _only_words(s: str, words: _compiled.Pattern) -> bool:
    """Whether ``s`` is made of trim words only (or is empty)."""
    return words.fullmatch(s) is not None


@cache
def measure_words(kind: str) -> tuple[str, ...]:
    """Words of measures.tsv: what a percentage's subject says it measures."""
    return column("measures.tsv", "word", kind=kind)


def measure_of(name_simplified: str, base_unit: str, has_value: bool) -> str:
    if not has_value:
        return "growth"
    if base_unit == "个百分点":
        return "change_pp"
    if base_unit == "%":
        if name_simplified.endswith(measure_words("growth_suffix")):
            return "growth"
        return "share"
    return "level"
