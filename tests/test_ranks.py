"""Rank phrases are only looked for where a cue word occurs (ranks.tsv, kind cue): every phrase must hold one."""

import pytest

from extractor import extract
from extractor.records import indicators as ind
from extractor.records import ranks

# (phrase, scope, position): position is None for "among the leaders" phrases
PHRASES = [
    ("列全县第二", "全县", 2),
    ("居全省首位", "全省", 1),
    ("排名全市第3位", "全市", 3),
    ("进入全县前列", "全县", None),
    ("保持全市领先", "全市", None),
    ("跻身全省前十", "全省", None),
    ("位居全国前茅", "全国", None),
]


@pytest.mark.parametrize("phrase", [p for p, _, _ in PHRASES])
def test_every_rank_phrase_holds_a_cue(phrase: str) -> None:
    view = "产值" + phrase + "。"
    assert any(pat.search(view) for _, pat in ind.lexicon().ranks), "the example must be a rank phrase"
    assert ranks.may_rank(view, 0, len(view))
    assert ranks.rank_after(view, view, 2, len(view)) is not None


@pytest.mark.parametrize(("phrase", "scope", "position"), PHRASES)
def test_rank_phrase_gives_scope_and_position(phrase: str, scope: str, position: int | None) -> None:
    text = f"2019年工作总结\n全县地区生产总值完成120亿元，{phrase}。"
    doc = extract(text)
    [indicator] = doc.indicators
    assert indicator.name == "地区生产总值"
    rank = indicator.rank
    assert rank is not None, phrase
    assert (rank.scope, rank.position) == (scope, position)
    assert rank.raw == phrase
    assert text[rank.span.start : rank.span.end] == phrase


def test_no_cue_no_rank() -> None:
    view = "产值列全县，居民收入增长"
    assert not ranks.may_rank(view, 0, len(view))
    assert ranks.rank_after(view, view, 0, len(view)) is None
