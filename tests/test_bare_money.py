"""A bare 万 or 亿 is money when a money word names it, or when light words (任务, 完成, 占全年) stand between it and
the amount of money before it in its sentence (issue 14: 财政一般预算收入任务174万，完成198万); it counts people when a
population word names it (人口4.25万)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("财政一般预算收入任务174万，完成198万。", [("174万", "1740000", "元"), ("198万", "1980000", "元")]),
        (
            "完成国地两税848万元，占全年任务1550万的55%。",
            [("848万元", "8480000", "元"), ("1550万", "15500000", "元"), ("55%", "55", "%")],
        ),
        ("完成投资5000万元，占全年计划8000万。", [("5000万元", "50000000", "元"), ("8000万", "80000000", "元")]),
        # an approximation word between the number and the scale (20余万: over 200,000 元)
        ("街道累计筹得资金20余万，调拨防疫物资。", [("20余万", "200000", "元")]),
        ("3多措并举", []),  # 多 that no scale or unit follows belongs to the next word
        ("全镇耕地占全年1.2万", []),  # no amount of money before it: a bare scale counts nothing
        # a tax (国税, 地税, 纳税) and a rent are money; 已 may stand between the word and the figure
        ("国税已完成2269万，地税已完成1699万。", [("2269万", "22690000", "元"), ("1699万", "16990000", "元")]),
        ("盘活闲置厂房，年收入租金15万；", [("15万", "150000", "元")]),
        # a population word names a number of people (人口4.25万): 人, never money
        ("全镇总人口3.5万，其中农业人口2.8万。", [("3.5万", "35000", "人"), ("2.8万", "28000", "人")]),
        ("全镇有2.3万的农户", []),
        # the thing a bare scale measures, joined by 的, when its size is its cost: a project, a works, a cluster
        ("打造105亿的产业集群。", [("105亿", "10500000000", "元")]),
        ("3千万的格瑞斯油茶加工项目和5千万的茶叶项目，", [("3千万", "30000000", "元"), ("5千万", "50000000", "元")]),
        ("全镇有2.3万的农户参与项目", []),  # the words after 的 name people: the figure counts them
        ("带动2万的群众参与工程", []),
        # 近 or 逾 between the money word and the figure, 投入 as a money word, and a verb or 对 after the scale
        ("诸如投资近2.47个亿的处理场", [("近2.47个亿", "247000000", "元")]),
        ("投资120万完成亲水游步道清理", [("120万", "1200000", "元")]),
        ("投入300余万对农贸市场进行改造", [("300余万", "3000000", "元")]),
        # a population right after the scale (6.1万常住人口): 人
        ("198栋居民楼、6.1万常住人口。", [("198栋", "198", "栋"), ("6.1万", "61000", "人")]),
    ],
)
def test_bare_scale_of_money(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(q.raw, q.base_value, q.base_unit) for q in extract(text).quantities]
    assert got == [(raw, Decimal(v), unit) for raw, v, unit in expected]
