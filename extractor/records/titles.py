"""A report's title line: the first lines' one that carries a title cue (titles.tsv), with the year role and the
level the cue implies; and a text's first lines that are not blank, where its head is read."""

from __future__ import annotations

from functools import cache

import regex

from extractor import _compiled, ruby
from extractor._data import table
from extractor.records.years import years_in
from extractor.segment import Segments, Span

HEAD_LINES = 15


@cache
def _title_cues() -> tuple[tuple[regex.Pattern[str], str, str], ...]:
    return tuple((_compiled.compile(r["cue"]), r["year_role"], r["level"]) for r in table("titles.tsv"))


SPACES = _compiled.compile(r"\s+")
_CLAUSE_MARK = _compiled.compile(r"[,，。;；]")


def first_lines(view: str, segments: Segments, n: int) -> list[Span]:
    """The first ``n`` lines that are not blank: a page that sets a blank line between its lines (most web copies of
    a report) has as many lines at its head as one that does not."""
    out: list[Span] = []
    for ln in segments.lines:
        if not view[ln.start : ln.end].isspace() and ln.end > ln.start:
            out.append(ln)
            if len(out) == n:
                break
    return out


def find_title(
    text: str, view: str, segments: Segments, plain: ruby.Plain | None = None
) -> tuple[str | None, tuple[int, int] | None, str, str]:
    """The title line (first lines carrying a title cue), its span, its year role and its implied level. Cues are
    read in ``plain``, the view without its pinyin ruby (工作計(jì)劃), when given."""
    plain = plain or ruby.Plain(view)
    best = None
    noise = segments.noise_index()
    for ln in first_lines(view, segments, HEAD_LINES * 3):
        region = noise.at(ln.start)
        if region is not None and region.end >= ln.end:
            continue  # a line that is all noise (【www.…--工作总结】) names no report
        compact = SPACES.sub("", plain.slice(ln.start, ln.end))
        if len(compact) < 6 or len(compact) > 120 or _CLAUSE_MARK.search(compact.split("——")[0]):
            continue
        for pat, role, level in _title_cues():
            if pat.search(compact):
                has_year = bool(years_in(compact))
                score = (has_year, len(compact) <= 60)
                if best is None or score > best[0]:
                    best = (score, ln, role, level)
                break
        if best is not None and best[0] == (True, True):
            break
    if best is None:
        return None, None, "planned", ""
    _, ln, role, level = best
    s, e = ln.start, ln.end
    # Trimmed as the view reads it: an escaped line break is spaces there (normalize.views), text in the text.
    while s < e and view[s] in " \t\ufeff":
        s += 1
    while e > s and view[e - 1] in " \t":
        e -= 1
    return text[s:e], (s, e), role, level
