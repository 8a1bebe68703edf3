"""Patterns handed to the standard engine (``_compiled.compile_plain``, ``compile_scan``): only syntax both engines
read alike goes there, and every such pattern of the lexicons finds exactly what ``regex`` finds on the corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex

from extractor import _compiled, masks, noise
from extractor import segment as seg
from extractor.normalize import make_view
from extractor.records import indicator_ids, project_lexicon, tasks
from extractor.records import indicators as ind

DOCS = Path(__file__).resolve().parent / "data" / "docs"

# pattern, on_view, read alike by both engines
SYNTAX = [
    ("年均|年平均|平均每年", False, True),
    (r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})年(?=[底末])", False, True),
    (r"[\u4e00-\u9fff]{1,6}?(?:省|市)\.", False, True),
    (r"第[一二三]+\(", False, True),
    (r"\(?第", False, True),
    (r"^\s*[(（][0-9]+[)）]", True, True),
    (r"^\s*[(（][0-9]+[)）]", False, False),  # \s differs on U+001C-U+001F, which only the view never holds
    (r"\d+%", False, False),
    (r"\w+局", False, False),
    (r"\b年", False, False),
    (r"\p{Han}{2}", False, False),
    (r"(?i)abc", False, False),
    (r"(?>ab|a)c", False, False),
    (r"(?|(a)|(b))", False, False),
    (r"[[a-z]--[aeiou]]", False, False),
    (r"[a-z--q]", False, False),
    (r"[]a]", False, False),
    (r"[0-9", False, False),
    (r"\N{DIGIT ONE}", False, False),
]


@pytest.mark.parametrize(("pattern", "on_view", "alike"), SYNTAX)
def test_plain_syntax(pattern: str, on_view: bool, alike: bool) -> None:
    assert _compiled.plain(pattern, on_view) is alike


@pytest.mark.parametrize(
    ("pattern", "engine"),
    [
        ("(?:城市|城镇)建设", re.Pattern),
        (r"\p{Han}建设", regex.Pattern),
        (r"(?<=城市|城镇化)建设", regex.Pattern),  # a variable-width look-behind: the standard engine refuses it
    ],
)
def test_compile_plain_engine(pattern: str, engine: type) -> None:
    assert isinstance(_compiled.compile_plain(pattern), engine)


def _lexicon_patterns() -> list[tuple[str, _compiled.Pattern]]:
    lex = ind.lexicon()
    out = [(f"markers {k}", p) for k, p in seg._markers().items()]
    out += [(name, getattr(lex, name)) for name in ("leading", "trailing", "after_stops", "topic_end", "estimate")]
    out += [(f"rank {k}", p) for k, p in lex.ranks]
    out += [("canonical_trim", indicator_ids._canonical_trim())]
    out += [(f"lead unit {i}", p) for i, p in enumerate(tasks._lead_patterns())]
    out += [("noise whole line", noise._any_whole_line()), ("quotes", masks._QUOTES)]
    out += [(f"negative {p.pattern}", p) for p in masks._negatives()[1]]
    plex = project_lexicon.lexicon()
    out += [(name, getattr(plex, name)) for name in ("head_scan", "heads", "works", "capacity", "list_count")]
    return out


def _spans(pat: regex.Pattern[str] | re.Pattern[str], view: str, starts: list[tuple[int, int]]) -> list[object]:
    out: list[object] = []
    for s, e in starts:
        m = pat.match(view, s, e)
        out.append(m and (m.span(), m.groups()))
        m = pat.search(view, s, e)
        out.append(m and (m.span(), m.groups()))
        out.append([x.span() for x in pat.finditer(view, s, e)])
        m = pat.fullmatch(view, s, e)
        out.append(m and m.span())
    return out


@pytest.mark.parametrize(
    ("pattern", "engine"),
    [
        ("(?:城市|城镇)建设", re.Pattern),  # a choice of words: the engine skips to 城
        ("[一二三](?<![一二三][一二三])[一二三]{0,2}+届", re.Pattern),  # a set, then the look-behind
        ("(?<![一二三])[一二三]{1,3}+届", regex.Pattern),  # a look-behind first: regex skips to 届
        ("[一二三]{1,3}五", regex.Pattern),  # a repeat first
        (r"\p{Han}届", regex.Pattern),  # not read alike
    ],
)
def test_compile_scan_engine(pattern: str, engine: type) -> None:
    assert isinstance(_compiled.compile_scan(pattern), engine)


def test_lexicon_patterns_go_to_the_standard_engine() -> None:
    """The point of compile_plain: the lexicon patterns tried per figure or per line are the standard engine's."""
    engines = {name: type(p) for name, p in _lexicon_patterns()}
    assert all(engines[k] is re.Pattern for k in ("leading", "markers level1", "noise whole line")), engines


@pytest.mark.parametrize("doc", sorted(DOCS.glob("*.txt"))[:5], ids=lambda p: p.name)
def test_both_engines_agree_on_corpus(doc: Path) -> None:
    """Every pattern compile_plain or compile_scan gave the standard engine (and the quotes mask) matches what
    regex matches, on every line and sentence of corpus reports, with match, search, finditer and fullmatch."""
    view = make_view(doc.read_text(encoding="utf-8-sig"))
    lines = [(ln.start, ln.end) for ln in seg.split_lines(view)]
    pieces = lines + [(s.start, s.end) for a, b in lines for s in seg.split_sentences(view, a, b)]
    for name, pat in _lexicon_patterns():
        if isinstance(pat, re.Pattern):
            twin = regex.compile(pat.pattern)
            assert _spans(pat, view, pieces) == _spans(twin, view, pieces), name
