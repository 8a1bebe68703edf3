"""Rank phrases are only looked for where a cue word occurs (ranks.tsv, kind cue): every phrase must hold one."""

import pytest

from extractor.records import indicators as ind

PHRASES = ["列全县第二", "居全省首位", "排名全市第3位", "进入全县前列", "保持全市领先", "跻身全省前十", "位居全国前茅"]


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_rank_phrase_holds_a_cue(phrase: str) -> None:
    view = "产值" + phrase + "。"
    assert any(pat.search(view) for _, pat in ind.lexicon().ranks), "the example must be a rank phrase"
    assert ind.may_rank(view, 0, len(view))
    assert ind.rank_after(view, view, 2, len(view)) is not None


def test_no_cue_no_rank() -> None:
    view = "产值列全县，居民收入增长"
    assert not ind.may_rank(view, 0, len(view))
    assert ind.rank_after(view, view, 0, len(view)) is None
