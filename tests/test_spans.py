"""Ages and time spans (units.tsv kind span): reported as quantities, since every annotator of the township
excerpts kept them (60岁以上, 2056小时, 5个工作日), but never an indicator's, goal's or project's figure. They
mostly say whom or when a figure counts, and stay inside the name of the figure they qualify."""

from __future__ import annotations

import pytest

from extractor import extract


@pytest.mark.parametrize(
    ("text", "raw", "name", "value"),
    [
        ("辖区18岁以上人群疫苗全程接种率达95%。", "18岁以上", "辖区18岁以上人群疫苗全程接种率", "95%"),
        ("全镇60岁以上老人参保率达98.5%。", "60岁以上", "60岁以上老人参保率", "98.5%"),
        ("用3个月时间完成农房改造126户。", "3个月", "用3个月时间完成农房改造", "126户"),
    ],
)
def test_a_span_stays_inside_the_name_of_the_figure_it_qualifies(text: str, raw: str, name: str, value: str) -> None:
    doc = extract(text)
    assert raw in [q.raw for q in doc.quantities]
    assert [(i.name, i.value.raw if i.value else None) for i in doc.indicators] == [(name, value)]


def test_a_span_alone_is_no_indicator() -> None:
    # round-the-clock work is a span too (24小时值班: found blind seven times in rounds s713 to s772), never a
    # facility's name (24小时自助图书馆: negatives.tsv)
    doc = extract("干部连续值守72小时，年日照时数2056小时，实行24小时值班。")
    assert [q.raw for q in doc.quantities] == ["72小时", "2056小时", "24小时"]
    assert doc.indicators == []


def test_a_span_is_no_goal_target() -> None:
    doc = extract("2025年工作打算：力争用3个月时间完成整治，确保60岁以上老人签约率达到90%以上。")
    raws = [t.value.raw for g in doc.goals for t in g.targets if t.value]
    assert "3个月" not in raws and "60岁以上" not in raws


@pytest.mark.parametrize("text", ["该项目总投资5亿元，分3期建设。", "该项目总投资5亿元，分三期建设。"])
def test_phases_after_fen_are_no_indicator(text: str) -> None:
    # 分3期建设 says how a work is staged (units.tsv aside_after): it named an indicator 分
    doc = extract(text)
    assert [q.raw for q in doc.quantities][-1] in ("3期", "三期")
    assert [(i.name, i.value.raw if i.value else None) for i in doc.indicators] == [("该项目总投资", "5亿元")]


def test_the_unit_a_rate_is_given_for_is_no_indicator() -> None:
    # 每10户: a number in digits after 每 counts the households a rate is given for (found blind in round s642);
    # reported, but never a record's figure (it named an indicator 有)
    doc = extract("做到了每10户有1个垃圾池。")
    assert [q.raw for q in doc.quantities] == ["10户", "1个"]
    assert [(i.name, i.value.raw if i.value else None) for i in doc.indicators] == [("垃圾池", "1个")]
