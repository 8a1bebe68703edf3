"""A budget's small table under its unit line whose last head spans the heads of the next line (比上年增减情况 over
增减金额 and 增减幅度): a township's disclosure of its “三公” spending (found by a probe of hand-written excerpts,
w108, and blind in round s886)."""

from __future__ import annotations

from decimal import Decimal

from extractor import extract

TABS = (
    "表3 2016年“三公”经费预算表\n单位：万元\n项目\t2015年预算数\t2016年预算数\t比上年增减情况\n"
    "\t\t\t增减金额\t增减幅度\n合计\t31.5\t27.8\t-3.7\t-11.7%\n因公出国（境）费\t\t\t\t\n"
    "公务接待费\t9.5\t7.6\t-1.9\t-20%\n公务用车运行维护费\t22\t20.2\t-1.8\t0\n"
    "“三公”经费比上年减少，主要是压减公务接待。\n"
)


def _read(text: str) -> list[tuple[str, Decimal, str]]:
    doc = extract(text)
    for q in doc.quantities:
        assert text[q.span.start : q.span.end] == q.raw
    return [(q.raw, q.base_value, q.base_unit) for q in doc.quantities if q.raw[0] in "-0123456789"]


def test_the_heads_under_the_spanning_head_give_their_columns() -> None:
    amounts = [("31.5", "315000"), ("27.8", "278000"), ("-3.7", "-37000")]
    got = _read(TABS)
    for raw, value in amounts:
        assert (raw, Decimal(value), "元") in got
    # the column of rates whose cells carry the sign: a bare 0 under it is 0 %, the signed ones are read as written
    assert ("0", Decimal(0), "%") in got
    assert ("-11.7%", Decimal("-11.7"), "%") in got
    assert ("22", Decimal(220000), "元") in got


def test_the_same_table_drawn_with_bars_and_item_numbers() -> None:
    text = (
        "单位:万元 | ||||\n项目 | 2023年预算数 | 2024年预算数 | 比上年增、减情况 | |\n增、减金额 | 增、减幅度 | |||\n"
        "合计 | 18.15 | 22.15 | 4 | 22% |\n1.因公出国(境)费 | ||||\n其中:(1)公务用车购置费 | ||||\n"
        "(2)公务用车运行费 | 15.15 | 15.15 | 0 | 0 |\n注: 一、按照有关规定编制。 |\n"
    )
    got = _read(text)
    assert ("18.15", Decimal(181500), "元") in got
    assert ("15.15", Decimal(151500), "元") in got
    assert [q for q in got if q[0] == "0"] == [("0", Decimal(0), "元"), ("0", Decimal(0), "%")]


def test_a_rate_column_with_no_sign_or_a_row_of_more_cells_leaves_the_table_alone() -> None:
    unsigned = TABS.replace("-11.7%", "-11.7").replace("-20%", "-20")
    assert _read(unsigned) == []  # 增减幅度 with no percent sign anywhere: its cells' unit is unknown
    wider = TABS.replace("合计\t31.5\t27.8\t-3.7\t-11.7%", "合计\t31.5\t27.8\t-3.7\t-11.7%\t5")
    assert [q for q in _read(wider) if q[2] == "元"] == []
