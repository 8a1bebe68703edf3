"""``_compiled.first_characters``: the characters a pattern's matches open with, which gate a whole-text scan
(noise rows in ``noise.find``): a text holding none of them is not scanned."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import _compiled, masks, noise
from extractor.normalize import make_view

DOCS = Path(__file__).resolve().parent / "data" / "docs"


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        ("关键词[0-9]+", {"关"}),
        (r"(?<![A-Za-z])[xX]{2,}(?![A-Za-z])", {"x", "X"}),  # a look-behind is zero-width
        ("【?(打印本页|关闭窗口)】?", {"【", "打", "关"}),  # an optional opening lets the next item open
        ("(?:ab)?c", {"a", "c"}),
        (r"\*{2,}|×{2,}", {"*", "×"}),
        ("x*", None),  # may match the empty string
        ("a|", None),
        (r"\d+", None),  # a class
        ("[^a]b", None),  # a negated set
        ("[A-Za-z]b", None),  # more than sixteen
        (r"\p{Han}", None),  # regex syntax
    ],
)
def test_first_characters(pattern: str, first: set[str] | None) -> None:
    got = _compiled.first_characters(pattern)
    assert (None if got is None else set(got)) == first


def _gated() -> list[tuple[str, object, frozenset[str]]]:
    rows = [(p.pattern, p, _compiled.first_characters(p.pattern)) for _, _, p, _ in noise._patterns()]
    rows += [(p.pattern, p, _compiled.first_characters(p.pattern)) for p in masks._negatives()[1]]
    return [(name, p, f) for name, p, f in rows if f is not None]


def test_some_noise_rows_are_gated() -> None:
    assert len(_gated()) >= 10


@pytest.mark.parametrize("doc", sorted(DOCS.glob("*.txt"))[:8], ids=lambda p: p.name)
def test_every_match_opens_with_a_first_character(doc: Path) -> None:
    """On corpus text with noise glued in, a gated pattern's matches all open with one of its characters."""
    view = make_view(doc.read_text(encoding="utf-8-sig"))
    view += "\n打印本页 【关闭窗口】 xx镇 ooo乡 **县 ×××村 x万元 关键词2 ${name} {{title}} www.example.com 二次"
    for name, pat, first in _gated():
        for m in pat.finditer(view):  # type: ignore[attr-defined]
            if m.end() > m.start():
                assert view[m.start()] in first, (name, m.group())
