"""A target's qualifying words are quoted without the figure's sign."""

from __future__ import annotations

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
