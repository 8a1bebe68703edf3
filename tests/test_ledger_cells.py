"""The bare numbers of a ledger pasted as text, read in the unit of the head they stand under (ledger_cells.py)."""

import re
from decimal import Decimal

import pytest

from extractor import extract

_BARE = re.compile(r"-?[0-9.]+")


def _cells(text: str) -> list[tuple[str, Decimal, str]]:
    """The bare numbers read, each grounded: a cell's unit stands in its head, never beside it."""
    doc = extract(text)
    for q in doc.quantities:
        assert text[q.span.start : q.span.end] == q.raw
    return [(q.raw, q.base_value, q.base_unit) for q in doc.quantities if _BARE.fullmatch(q.raw)]


# a township's ledger of key projects (found by a probe of hand-written excerpts, w65): fields split by tabs
TABS = (
    "今年重点项目安排如下：\n"
    "序号\t项目名称\t建设内容\t总投资（万元）\t年度计划（万元）\t进展情况\n"
    "1\t工业园标准化厂房\t新建厂房6栋，建筑面积3.6万平方米\t18000\t6000\t主体完工\n"
    "2\t镇区污水处理厂\t日处理污水2000吨\t4500\t3000\t已建成试运行\n"
    "3\t茶园提升\t改造茶园3000亩\t1500\t—\t—\n"
)


def test_a_ledgers_bare_numbers_take_the_unit_of_their_head() -> None:
    assert _cells(TABS) == [
        ("18000", Decimal("180000000"), "元"),
        ("6000", Decimal("60000000"), "元"),
        ("4500", Decimal("45000000"), "元"),
        ("3000", Decimal("30000000"), "元"),
        ("1500", Decimal("15000000"), "元"),
    ]
    # the figures with their own units in the other fields are read as any text is
    raws = [q.raw for q in extract(TABS).quantities]
    assert "3.6万平方米" in raws and "2000吨" in raws


@pytest.mark.parametrize(
    "text",
    [
        # fields split by runs of spaces, a field holding a single space of its own nowhere
        "序号  项目名称        总投资(万元)  年度计划(万元)  进展情况\n"
        "1     物流园          15000         5000            已完成土地报批\n"
        "2     公路            11000         4000            施工图设计已完成\n",
        # by single spaces, where the head has no run of them
        "序号 项目名称 总投资(万元) 年度计划(万元) 进展情况\n"
        "1 物流园 15000 5000 已完成土地报批\n2 公路 11000 4000 施工图设计已完成\n",
    ],
)
def test_a_ledger_split_by_spaces(text: str) -> None:
    assert [c[1] for c in _cells(text)] == [Decimal(v) * 10000 for v in ("15000", "5000", "11000", "4000")]


def test_a_percentage_head_and_a_head_in_yi() -> None:
    text = (
        "序号 项目名称 总投资(亿元) 1-6月完成(亿元) 完成率(%)\n1 商贸综合体 8.6 1.12 56\n2 安置小区二期 5.2 0.86 57.3\n"
    )
    assert _cells(text) == [
        ("8.6", Decimal("860000000"), "元"),
        ("1.12", Decimal("112000000"), "元"),
        ("56", Decimal("56"), "%"),
        ("5.2", Decimal("520000000"), "元"),
        ("0.86", Decimal("86000000"), "元"),
        ("57.3", Decimal("57.3"), "%"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # one row: no ledger shows its columns so
        "序号\t项目名称\t总投资（万元）\t进展情况\n1\t物流园\t15000\t已完成\n\n全年完成投资2亿元。\n",
        # a row split otherwise ends the ledger: its fields stand under no head
        "序号\t项目名称\t总投资（万元）\t进展情况\n1\t物流园\t15000\n2\t公路\t11000\n",
        # no head carries a unit
        "序号\t项目名称\t总投资\t进展情况\n1\t物流园\t15000\t已完成\n2\t公路\t11000\t在建\n",
    ],
)
def test_no_ledger_where_its_columns_are_unsure(text: str) -> None:
    assert _cells(text) == []


def test_a_ledgers_total_row_with_blank_cells_and_a_head_whose_units_stand_on_a_second_line() -> None:
    # a probe of hand-written excerpts (w85): 合计 with its first cell and its plan's cell blank; units under names
    text = (
        "序号\t项目名称\t总投资（亿元）\t年度计划（万元）\t完成率（%）\t责任单位\n"
        "1\t双龙工业园标准化厂房\t3.2\t8000\t104.4\t镇经发办\n"
        "2\t双龙至白沙公路\t4.5\t15000\t95.5\t镇交建站\n"
        "\t合计（2个）\t7.7\t\t98.1\t\n"
    )
    assert [c[0] for c in _cells(text)] == ["3.2", "8000", "104.4", "4.5", "15000", "95.5", "7.7", "98.1"]
    two_lines = (
        "序号\t项目名称\t总投资\t年度计划\t完成率\t责任单位\n"
        "\t\t（万元）\t（万元）\t（%）\t\n"
        "1\t茶叶精深加工厂\t4800\t2000\t57.5\t乡经发办\n"
        "2\t农村饮水安全巩固提升工程\t820\t820\t47.6\t乡水管站\n"
    )
    assert _cells(two_lines) == [
        ("4800", Decimal(48000000), "元"),
        ("2000", Decimal(20000000), "元"),
        ("57.5", Decimal("57.5"), "%"),
        ("820", Decimal(8200000), "元"),
        ("820", Decimal(8200000), "元"),
        ("47.6", Decimal("47.6"), "%"),
    ]
