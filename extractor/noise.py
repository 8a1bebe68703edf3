"""Noise regions: web boilerplate, watermarks and template placeholders, found by patterns in ``data/noise.tsv``.

Nothing is removed: regions are reported with their spans, and later stages read no data inside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractor import _compiled
from extractor._data import any_of, table

# A footer is only noise when no report paragraph follows it: a long line that reads like prose.
_PROSE_LINE = 60
# Scopes whose matches may stand anywhere (not whole lines); the through ones are read across (see noise.tsv).
_INLINE = ("inline", "through", "through_repeated", "keyword_line")
# A toneless syllable in brackets (镇(zhen)) is ruby only in a text that holds this many ruby brackets: one
# (mu) or (ha) after a unit is a gloss, where ruby stands after every character.
MIN_REPEATED = 3


@dataclass(frozen=True)
class NoiseRegion:
    kind: str
    start: int
    end: int
    through: bool = False  # the words on both sides read as one across it (pinyin ruby inside 增長)


@cache
def _patterns() -> tuple[tuple[str, str, regex.Pattern[str], tuple[str, ...]], ...]:
    """(kind, scope, pattern, needs); a line or tail pattern must match a whole line (it is tried with fullmatch).
    needs: the words one of which a text must hold for the row to be tried (empty: always tried)."""
    return tuple(
        (r["kind"], r["scope"], _compiled.compile(r["pattern"]), tuple(w for w in r["needs"].split("|") if w))
        for r in table("noise.tsv")
    )


def _tried(needs: tuple[str, ...], view: str) -> bool:
    # a look for a word costs a fraction of the row's search, and most texts hold none of a row's words
    return not needs or any(w in view for w in needs)


@cache
def _inline() -> tuple[tuple[str, regex.Pattern[str], frozenset[str] | None, tuple[str, ...]], ...]:
    """The inline rows, each with the characters its matches open with (None: too many to look for). Looking for a
    few characters runs at memory speed, where each row's scan costs as much as reading the text."""
    return tuple(
        (kind, pat, _compiled.first_characters(pat.pattern), needs)
        for kind, scope, pat, needs in _patterns()
        if scope == "inline"
    )


@cache
def _any_whole_line() -> _compiled.Pattern:
    """Every line and tail pattern in one: most lines match none, and one look rules them all out. Tried on every
    line, it is the standard engine's where that reads the rows alike (three times faster on a report's lines)."""
    return any_of([pat.pattern for _, scope, pat, _ in _patterns() if scope not in _INLINE], plain=True)


def _is_prose(line: str) -> bool:
    return len(line.strip()) >= _PROSE_LINE and "。" in line


def find(view: str) -> list[NoiseRegion]:
    """Noise regions in ``view`` (spans are valid in the original text), sorted and non-overlapping."""
    found: list[NoiseRegion] = []
    tail_start: int | None = None
    inline = _inline()
    whole_line = [
        (kind, scope, pat) for kind, scope, pat, needs in _patterns() if scope not in _INLINE and _tried(needs, view)
    ]
    for kind, pat, first, needs in inline:
        if (first is not None and not any(ch in view for ch in first)) or not _tried(needs, view):
            continue  # no character a match opens with: most rows (xx, **, $!{…}) in most reports
        found.extend(NoiseRegion(kind, m.start(), m.end()) for m in pat.finditer(view) if m.end() > m.start())
    found.extend(_through(view))
    found.extend(_keyword_lines(view))
    # Line patterns are tried once per line: anchoring them with ^…$ in MULTILINE mode made the engine try
    # every position of the text.
    last_prose: int | None = None  # where the text's last prose line starts (-1: none), found on first need
    ls = 0
    for line in view.split("\n"):
        after = ls + len(line) + 1
        # A CRLF line's \r is its end, not its text: the line patterns would otherwise never match it whole.
        le = after - 2 if line.endswith("\r") else after - 1
        if le > ls and _any_whole_line().fullmatch(view, ls, le) is not None:
            for kind, scope, pat in whole_line:
                if pat.fullmatch(view, ls, le) is None:
                    continue
                if scope == "tail":
                    if tail_start is None or ls < tail_start:
                        if last_prose is None:
                            last_prose = _last_prose_start(view)
                        # No prose line follows (view[le] ends this line): reading the rest again for every
                        # footer-like line was quadratic.
                        if last_prose <= le:
                            tail_start = ls
                    continue
                found.append(NoiseRegion(kind, ls, le))
        ls = after
    if tail_start is not None:
        found.append(NoiseRegion("footer", tail_start, len(view.rstrip())))
    return _merge(found)


def _keyword_lines(view: str) -> list[NoiseRegion]:
    """The whole lines that hold a match of a keyword_line row (a spam line's words, wherever they stand in it): each
    row is searched once through the text, where a line pattern that looks for words anywhere in a line would
    cost a scan of every line."""
    out: list[NoiseRegion] = []
    for kind, scope, pat, needs in _patterns():
        if scope != "keyword_line" or not _tried(needs, view):
            continue  # none of the words the row needs: most texts
        pos = line_start = 0
        while (m := pat.search(view, pos)) is not None:
            # the line's start, looked for back to the last line's end only: each character is read once
            ls = max(line_start, view.rfind("\n", line_start, m.start()) + 1)
            nl = view.find("\n", m.end())
            le = len(view) if nl < 0 else nl
            pos = line_start = le + 1
            if le > ls and view[le - 1] == "\r":
                le -= 1
            out.append(NoiseRegion(kind, ls, le))
    return out


def _through(view: str) -> list[NoiseRegion]:
    """Regions read across (pinyin ruby); the through_repeated ones only where ruby is frequent in the text."""
    sure: list[NoiseRegion] = []
    if_repeated: list[NoiseRegion] = []
    for kind, scope, pat, needs in _patterns():
        if scope in ("through", "through_repeated") and _tried(needs, view):
            into = sure if scope == "through" else if_repeated
            into.extend(NoiseRegion(kind, m.start(), m.end(), True) for m in pat.finditer(view) if m.end() > m.start())
    if len(sure) + len(if_repeated) < MIN_REPEATED:
        return sure
    return sure + if_repeated


def _last_prose_start(view: str) -> int:
    """Where the last prose line of ``view`` starts (lines as ``str.splitlines`` cuts them), or -1. Read from the end:
    the lines keep their ends, so they add up to the view."""
    pos = len(view)
    for line in reversed(view.splitlines(keepends=True)):
        pos -= len(line)
        if _is_prose(line):
            return pos
    return -1


def _merge(regions: list[NoiseRegion]) -> list[NoiseRegion]:
    regions.sort(key=lambda r: (r.start, -r.end))
    out: list[NoiseRegion] = []
    for r in regions:
        if out and r.start < out[-1].end:
            last = out[-1]
            # A region swallowed by a larger one keeps the larger one's kind; it is read across only when all its
            # parts are.
            out[-1] = NoiseRegion(last.kind, last.start, max(r.end, last.end), last.through and r.through)
            continue
        out.append(r)
    return out
