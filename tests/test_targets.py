"""A target's qualifying words are quoted without the figure's sign."""

from __future__ import annotations

import pytest

from extractor import extract

TEXT = (
    "2019年工作总结\n全县完成生产总值3亿元。\n二、2020年工作安排\n"
    "2020年主要预期目标是：城镇登记失业率控制在-1%以内，居民消费价格涨幅约负0.5%，财政收入增长-2%。"
)


def test_negative_targets_keep_their_words_and_sign() -> None:
    got = [
        (t.value.raw, str(t.value.base_value), t.qualifier, t.qualifier_raw)
        for g in extract(TEXT).goals
        for t in g.targets
        if t.value
    ]
    assert got == [
        ("控制在-1%以内", "-1", "at_most", "控制在…以内"),
        ("约负0.5%", "-0.5", "about", "约"),
        ("-2%", "-2", "exact", None),
    ]


# A figure with no subject of its own reads one from the goal's words before it, but never from before the figure
# ahead of it: those words, and that figure, are the other figure's.
_PLAN = "2019年工作总结\n全县完成生产总值3亿元。\n二、2020年工作安排\n坚持稳中求进，抓好各项工作。"
NAMELESS = [
    (_PLAN + "力争分别实际增长8%和9%。", "9%"),
    (_PLAN + "年内完成3600户、56万平方米棚户区改造。", "56万平方米"),
    (_PLAN + "可获得的津贴将由目前的每月2000元增加百分之二十三至2460元。", "2460元"),
    (_PLAN + "5%" * 40, "5%"),
]


@pytest.mark.parametrize(("text", "raw"), NAMELESS)
def test_a_subject_never_holds_the_figure_before(text: str, raw: str) -> None:
    targets = [t for g in extract(text).goals for t in g.targets if t.value is not None]
    later = [t for t in targets if t.value is not None and t.value.raw == raw][-1]
    assert len(targets) >= 2
    others = [t.value.raw for t in targets if t is not later and t.value is not None]
    assert later.subject is None or not any(o in later.subject for o in others), later.subject
