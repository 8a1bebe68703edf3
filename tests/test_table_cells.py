"""A table flattened into text, as a yearbook's page carries its main indicators (found on the excerpts, rounds s111
and s153): a cell's unit is its row's head's (生产总值(万元)) or its column's (2003年为2002年%). Only a table whose
every column head is a year or a percentage is read; a cell is a quantity, never a record's figure."""

from __future__ import annotations

from decimal import Decimal

from extractor import extract

ROWS = "工业总产值(万元) 3120.5 2804 111.3\n财政收入(万元) 856 790 108.4\n农民人均纯收入(元) 6120 5873 104.2\n"


def _cells(text: str) -> list[tuple[str, Decimal, str]]:
    doc = extract(text)
    for q in doc.quantities:
        assert text[q.span.start : q.span.end] == q.raw
    return [(q.raw, q.base_value, q.base_unit) for q in doc.quantities]


def test_a_table_of_main_indicators_is_read_cell_by_cell() -> None:
    text = "2008年主要经济指标\n项 目 2008年 2007年 2008年为2007年%\n" + ROWS + "(张三)\n"
    assert _cells(text) == [
        ("3120.5", Decimal("31205000"), "元"),
        ("2804", Decimal("28040000"), "元"),
        ("111.3", Decimal("111.3"), "%"),
        ("856", Decimal("8560000"), "元"),
        ("790", Decimal("7900000"), "元"),
        ("108.4", Decimal("108.4"), "%"),
        ("6120", Decimal("6120"), "元"),
        ("5873", Decimal("5873"), "元"),
        ("104.2", Decimal("104.2"), "%"),
    ]
    doc = extract(text)
    assert doc.indicators == [] and doc.goals == []


def test_one_cell_a_line_with_blank_lines_between() -> None:
    text = "主要经济指标\n\n2010\n\n2009\n\n2010年为2009%\n\n" + "\n\n".join(ROWS.replace("\n", " ").split()) + "\n"
    assert [(r, u) for r, _, u in _cells(text)] == [
        ("3120.5", "元"),
        ("2804", "元"),
        ("111.3", "%"),
        ("856", "元"),
        ("790", "元"),
        ("108.4", "%"),
        ("6120", "元"),
        ("5873", "元"),
        ("104.2", "%"),
    ]


def test_a_table_whose_columns_are_not_all_known_is_left_alone() -> None:
    # a column head that is neither a year nor a percentage: its cells' unit is unknown
    assert _cells("项目 2008年 计划数 完成率%\n" + ROWS) == []
    # one row is no table
    assert _cells("项 目 2008年 2007年 2008年为2007年%\n工业总产值(万元) 3120.5 2804 111.3\n") == []
    # rows of unlike lengths
    assert _cells("项目 2008年 2007年\n工业总产值(万元) 3120 2804\n财政收入(万元) 856 790 108.4\n") == []
