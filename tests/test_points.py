"""Decimal points a copy turned into spaces (全乡总收入累计达482 3亿元，年均增长9 1%): read in a text that kept no point
anywhere, with spans and ``raw`` as written; elsewhere such a space is no point."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor import extract

LOST = "全乡行政区划面积56 3平方公里。全乡总收入累计达482 3亿元，年均增长9 1%；留区税收年均增长16 25%。"


def test_a_copy_that_lost_its_points_is_read_with_them() -> None:
    doc = extract(LOST)
    got = [(q.raw, q.base_value, q.base_unit) for q in doc.quantities]
    assert got == [
        ("56 3平方公里", Decimal("56.3"), "平方公里"),
        ("482 3亿元", Decimal("48230000000"), "元"),
        ("9 1%", Decimal("9.1"), "%"),
        ("16 25%", Decimal("16.25"), "%"),
    ]
    assert all(LOST[q.span.start : q.span.end] == q.raw for q in doc.quantities)


@pytest.mark.parametrize(
    ("text", "raws"),
    [
        # a point kept elsewhere: the copy has its points, and 12 5% may be two cells of a table
        ("增长8.5%，国内生产总值5 9亿元，占比12 5%。", ["8.5%"]),
        ("农民人均纯收入27 183元，增长9 1%，税收增长16 25%。", ["27 183元", "9 1%", "16 25%"]),  # 3 digits: groups
        ("补偿大病住院患者 8 9 8 人，完成5 9亿元，增长9 1%。", ["5 9亿元", "9 1%"]),  # digits spaced one by one: unread
        # one such figure alone shows no habit: 1.65 or 165 万 (許縣長決定動用1 65萬元, found blind in round s841)
        ("决定动用1 65万元。", []),
        ("农民人均纯收入27 183元，增长9 1%。", ["27 183元"]),
        ("2016 2亿元的项目", []),  # a year before a space is no whole part
    ],
)
def test_a_space_is_a_point_only_where_the_copy_lost_every_point(text: str, raws: list[str]) -> None:
    assert [q.raw for q in extract(text).quantities] == raws


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 29851、2万元 shows the habit (no list puts a long number beside one digit); 33、7% and 3、6% follow it
        (
            "工业总产值29851、2万元，去年同期为45027、1万元，同比下降33、7%；原矿656279、03吨，同比增长3、6%。",
            [
                ("29851、2万元", "298512000"),
                ("45027、1万元", "450271000"),
                ("33、7%", "33.7"),
                ("656279、03吨", "656279.03"),
                ("3、6%", "3.6"),
            ],
        ),
        # the same with 。 for the point
        (
            "全乡茶园总面积16735。76亩，占茶园种面积42。11%。上半年茶青产量121。18吨，产值526。24万元。",
            [("16735。76亩", "16735.76"), ("42。11%", "42.11"), ("121。18吨", "121.18"), ("526。24万元", "5262400")],
        ),
        # 。 between digits before a unit ends no sentence: a point, whether or not the text keeps one elsewhere
        # (found blind in round s115: 307。5 read as 5 平方公里); a date or a time after it starts a sentence
        (
            "亩产1.5吨。林海镇幅员面积307。5平方公里，占幅员面积的31。2%。2020年为0。2020年全镇完成100。5月份开始",
            [("1.5吨", "1.5"), ("307。5平方公里", "307.5"), ("31。2%", "31.2")],
        ),
        # and before a sign per mille or of degrees (found blind in round s664)
        (
            "人口32915人。出生率9。93‰;死亡119人,死亡率3。61‰。年均气温12。5℃。",
            [("32915人", "32915"), ("9。93‰", "9.93"), ("119人", "119"), ("3。61‰", "3.61"), ("12。5℃", "12.5")],
        ),
    ],
)
def test_a_copy_that_put_a_mark_for_every_point_is_read_with_them(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.raw, q.base_value) for q in extract(text).quantities] == [(r, Decimal(v)) for r, v in expected]


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("分别增长3、5%，完成10、20万元。", []),  # lists: no sign of the habit
        ("增长8.5%，工业总产值29851、2万元。", []),  # a point kept elsewhere
        ("工业总产值29851、2万元，2、5、8、13、14村受益。", ["29851、2万元"]),  # a list of five stays one
    ],
)
def test_a_mark_is_a_point_only_where_the_copy_shows_the_habit(text: str, points: list[str]) -> None:
    assert [q.raw for q in extract(text).quantities if "、" in q.raw] == points


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a space after the point (a PDF copy): the figure is read across it, never its tail alone
        (
            "全镇工农业总产值达22. 30亿元，财政收入5248. 7万元。",
            [("22. 30亿元", "2230000000"), ("5248. 7万元", "52487000")],
        ),
        ("共有7. 5万 人口。", [("7. 5万 人", "75000")]),
        # a space before the point
        ("镇情烧锅镇在农安县西南部, 133 .9平方公里。", [("133 .9平方公里", "133.9")]),
        # an item's number opening a line, then its first words: no point
        ("工作安排：\n1. 30个村完成改造。", [("30个", "30")]),
        # a whole part as short as an item's number after a space, in a text that spaces its figures from the words
        # on both sides again and again (a district's gazetteer, found blind in round s868: 67 公顷 was read alone)
        (
            "占地面积 19. 67 公顷, 建筑面积 51 万平方米, 计划投资 30 亿元。 2018 年开工建设。",
            [("19. 67 公顷", "19.67"), ("51 万平方米", "510000"), ("30 亿元", "3000000000")],
        ),
        # ... where the text shows no such habit, the short whole part after a space may number an item
        ("工作要点 1. 30个村完成改造。", [("30个", "30")]),
    ],
)
def test_a_space_beside_a_point_is_read_across(text: str, expected: list[tuple[str, str]]) -> None:
    _reads_grounded(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a flipbook's copy put an ellipsis for the thin space between groups, twice or more (found blind, round r52)
        (
            "海拔1…790 米，年末生猪存栏 97…073 头，羊存栏 25…111 只。",
            [("1…790 米", "1790"), ("97…073 头", "97073"), ("25…111 只", "25111")],
        ),
        # once only: no habit, and the group alone after it is no figure (790 米 would be wrong)
        ("最高海拔1…790 米。", []),
        ("第1、2…100条", []),
    ],
)
def test_an_ellipsis_is_a_thousands_separator_where_the_copy_shows_the_habit(
    text: str, expected: list[tuple[str, str]]
) -> None:
    _reads_grounded(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a scan's text layer spacing every character, digits and points too (a township gazetteer's flipbook: found
        # blind in rounds s267 and s381)
        (
            "境 内 捕捞 渔轮 1 8 2 艘 , 其 他 机 动 渔船 2 6 4 艘 , 水 产 品 总 产 量 1 1 2 7 0 6 吨 。"
            " 冷 库 3 6 座 , 农 业 总 收 入 2 9  . 5 万 元 , 增 加 1 3 6            . 7 倍 。",
            [
                ("1 8 2 艘", "182"),
                ("2 6 4 艘", "264"),
                ("1 1 2 7 0 6 吨", "112706"),
                ("3 6 座", "36"),
                ("2 9  . 5 万 元", "295000"),
                ("1 3 6            . 7 倍", "136.7"),
            ],
        ),
        # a PDF's layer spacing the digits alone, runs of two that words follow four times (found blind in round s799)
        (
            "我镇农村公路分布于 2 9 个行政村,其中村道 1 4 条, 村庄道路 5 2 条。共巡察各线 3 0 余次。",
            [("2 9 个", "29"), ("1 4 条", "14"), ("5 2 条", "52"), ("3 0 余次", "30")],
        ),
        # three such runs are no habit yet
        ("分布于 2 9 个行政村,其中村道 1 4 条, 村庄道路 5 2 条。", []),
        # no habit: 5 3 may be two cells of a table, and is neither 53 nor 3
        ("全村 5 3 户 , 人口 210 人。", [("210 人", "210")]),
    ],
)
def test_digits_spaced_letter_by_letter_are_one_number_where_the_copy_shows_the_habit(
    text: str, expected: list[tuple[str, str]]
) -> None:
    _reads_grounded(text, expected)


def _reads_grounded(text: str, expected: list[tuple[str, str]]) -> None:
    """The figures read from ``text`` are ``expected`` (raw, base value), each span quoting its raw text."""
    doc = extract(text)
    assert [(q.raw, q.base_value) for q in doc.quantities] == [(r, Decimal(v)) for r, v in expected]
    assert all(text[q.span.start : q.span.end] == q.raw for q in doc.quantities)
