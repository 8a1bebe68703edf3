"""The level a text's own words give it: its scope words (全镇, 我县, 全市 …, scopes.tsv) counted, and a township's
name masked by the copy (xx镇, **乡), which makes the text a township's."""

from __future__ import annotations

from extractor._data import table
from extractor.records import region_lexicon as rl
from extractor.segment import Segments


def masked_level(view: str, segments: Segments) -> str | None:
    """Township, when a township's name is masked (xx镇, **乡, 某街道: a placeholder region of the noise): a copy
    that masks a name masks the report's own, so such a summary is a township's, whatever city it names. A masked
    county (**县) says nothing: a township's report masks the county above it too."""
    for r in segments.noise:
        s = view[r.start : r.end]
        for suf, level in rl.suffixes():
            if level != "township" or not s.endswith(suf) or len(s) == len(suf):
                continue
            rest = s[: -len(suf)]
            if not rl.HAN.search(rest) or rl.masked().fullmatch(rest):
                return level
    return None


def level_from_scope(view: str, least: int = 3) -> str | None:
    counts: dict[str, int] = {}
    for r in table("scopes.tsv"):
        n = view.count(r["word"])
        if n:
            n -= _ranked(r["word"], view)
        counts[r["level"]] = counts.get(r["level"], 0) + n
    best = max(counts.items(), key=lambda kv: kv[1])
    return best[0] if best[1] >= least else None


def _ranked(word: str, view: str) -> int:
    """The mentions of the scope word ``word`` that rank the text's place in its superior's (全市排名第7)."""
    ranked = rl.patterns_of("ranked_after")
    n, i = 0, view.find(word)
    while i >= 0:
        n += ranked.match(view, i + len(word)) is not None
        i = view.find(word, i + len(word))
    return n
