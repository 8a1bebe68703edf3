"""Figures in a list share what is written once: the unit on the last one, a bound after the last one."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.normalize import make_view
from extractor.quantities import find


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("产值分别突破70和50亿元", [("突破70", "7000000000", "元", "more_than"), ("50亿元", "5000000000", "元", None)]),
        (
            "比分别提高1.9个和3.3个百分点",
            [("1.9个", "1.9", "个百分点", None), ("3.3个百分点", "3.3", "个百分点", None)],
        ),
        ("城乡居民人均可支配收入分别增长7%和8%左右", [("7%", "7", "%", "about"), ("8%左右", "8", "%", "about")]),
        (
            "分别增长3.5%左右、6%左右、5%左右",
            [("3.5%左右", "3.5", "%", "about"), ("6%左右", "6", "%", "about"), ("5%左右", "5", "%", "about")],
        ),
        ("建成6座书院、3座博物馆", [("6座", "6", "座", None), ("3座", "3", "座", None)]),
        # a count's unit that stands alone only at a word's end, right before the next figure's digits (found blind
        # in round s591); 分 and ° are no counts, and go on into the next figure as before (2分15秒)
        ("新增小额信贷295笔1452万元", [("295笔", "295", "笔", None), ("1452万元", "14520000", "元", None)]),
        # or after a word of their sum (a probe of hand-written excerpts, w101); a word that goes on is none
        ("发放小额扶贫贷款86笔共340万元。", [("86笔", "86", "笔", None), ("340万元", "3400000", "元", None)]),
        ("发放贷款86笔计340万元", [("86笔", "86", "笔", None), ("340万元", "3400000", "元", None)]),
        ("全村86片共同富裕", []),
        ("开展排污权交易25笔23.5万元", [("25笔", "25", "笔", None), ("23.5万元", "235000", "元", None)]),
        # counts of 支 in a list stay counts; only a series of numbered 支 names canals (东四支,八支,九支)
        ("共组建巡逻队3支、三支志愿服务队", [("3支", "3", "支", None), ("三支", "3", "支", None)]),
        # a list a PDF copy spaced out (found blind in round s75); spaced on one side only, it is no list
        (
            "增速比一季度分別上升了 9.4 和 0.6 個百分點",
            [("9.4", "9.4", "个百分点", None), ("0.6 個百分點", "0.6", "个百分点", None)],
        ),
        ("增速上升了9.4 和0.6个百分点", [("0.6个百分点", "0.6", "个百分点", None)]),
        # a change's start written without its unit takes the unit of where it leads (found blind in round s158);
        # without 由 or 从 before it, a bare number stays none
        (
            "農民每人平均純收入由8194增加到11255元",
            [("8194", "8194", "元", None), ("11255元", "11255", "元", None)],
        ),
        ("由1.2增长到1.5亿元", [("1.2", "120000000", "元", None), ("1.5亿元", "150000000", "元", None)]),
        ("8194增加到11255元", [("11255元", "11255", "元", None)]),
        # a single digit in characters before a digit times a power takes the power (三、五千元: three or five
        # thousand, read as 3 元 on the excerpts), and the two, neighbours, are one range (figure_lists.paired_range);
        # one as large or larger, or digits, stay as written
        ("每户能增收三、五千元", [("三、五千元", "3000", "元", None)]),
        ("每户增收四、五萬元", [("四、五萬元", "40000", "元", None)]),
        ("每户增收四、六萬元", [("四", "40000", "元", None), ("六萬元", "60000", "元", None)]),
        # after 分别 the two are a list's figures, and two rates are a list as often (test_points.py)
        ("分别新增3、4个", [("3", "3", "个", None), ("4个", "4", "个", None)]),
        ("五、三千元", [("三千元", "3000", "元", None)]),
        # a slash after a count's unit joins two figures of one thing (found blind in round s736); after digits it
        # runs through a code
        (
            "农机总动力1459台/2.68万千瓦,其中",
            [("1459台", "1459", "台", None), ("2.68万千瓦", "26800", "千瓦", None)],
        ),
        ("索引号:001/2017-00344", []),
        # the same after a unit in letters: a store's power and energy (found blind in round s782)
        ("莘县观城200MW/400MWh电化学储能项目", [("200MW", "200", "MW", None), ("400MWh", "400", "MWh", None)]),
        ("网址www.gov.cn/2017-00344", []),
        # a bare 万 after the sentence's money figure, 目前 and 已经 between (found blind in round s781)
        (
            "房产总额达594万元,目前已经达到1356万,",
            [("594万元", "5940000", "元", None), ("1356万", "13560000", "元", None)],
        ),
        # a list of bare figures closed by one unit: each takes it, not the last but one alone (found by a probe of
        # hand-written excerpts)
        (
            "户型分为50、75、100平方米",
            [("50", "50", "平方米", None), ("75", "75", "平方米", None), ("100平方米", "100", "平方米", None)],
        ),
        (
            "分别增长3、5、8个百分点",
            [("3", "3", "个百分点", None), ("5", "5", "个百分点", None), ("8个百分点", "8", "个百分点", None)],
        ),
        ("2019、2020、2021年", []),
    ],
)
def test_list_shares_unit_and_bound(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    got = [(text[q.start : q.end], q.base_value, q.base_unit, q.approx) for q in find(text, make_view(text))]
    assert [(r, Decimal(v), u, a) for r, v, u, a in expected] == got


def test_years_in_a_list_stay_years() -> None:
    assert find("2019和2020年", make_view("2019和2020年")) == []


def test_a_unit_that_pinyin_ruby_cuts_lends_nothing_to_the_list_before_it() -> None:
    # 1.2、3.5、2.7個(gè)百分點: 3.5 took 个, the unit cut short by the ruby inside 個百分點 (a wrong unit, found on the
    # stand-in once lists chained); the unit read past the ruby is 个百分点, and the figures before it are left alone
    from extractor import extract

    text = "群眾滿意率96.1%,同比分別提升1.2、3.5、2.7個(gè)百分點(diǎn)。\n"
    assert [(q.raw, q.base_unit) for q in extract(text).quantities] == [("96.1%", "%"), ("2.7個(gè)百分點", "个百分点")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the months listed (七、八、九) and the count of them (三个月), digits one by one, no 93 个月 (found blind in
        # round s954); a pair after the list is a range (三四个)
        ("降雨多集中在七、八、九三个月,", [("三个月", "3", "个月")]),
        ("一、二、三三个年级的学生", [("三个", "3", "个")]),
        ("全镇一、二、三四个组", [("三四个", "3", "个")]),
        # a list that 第 opens holds ordinals, each one (found blind in round s954, read as 8 个 and 9 个)
        ("第七、八、九个村民小组", []),
        ("获得第3、4名", []),
        ("新建3、4个", [("3、4个", "3", "个")]),
    ],
)
def test_a_list_of_digits_before_a_count_holds_no_figure(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(text[q.start : q.end], q.base_value, q.base_unit) for q in find(text, make_view(text))]
    assert [(r, Decimal(v), u) for r, v, u in expected] == got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a decimal and its section count to a thousand: the digits after them are a figure of their own (found blind
        # in round s951, read as 28828 户); an integer's section, or digits finer than the decimal's, go on
        ("总人口2.4万4828户", [("2.4万", "24000", "人"), ("4828户", "4828", "户")]),
        ("财政收入1.5亿3000万元", [("1.5亿", "150000000", "元"), ("3000万元", "30000000", "元")]),
        ("共2万4828户", [("2万4828户", "24828", "户")]),
        ("共1.2万50元", [("1.2万50元", "12050", "元")]),
    ],
)
def test_a_decimal_section_ends_before_a_coarser_figure(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(text[q.start : q.end], q.base_value, q.base_unit) for q in find(text, make_view(text))]
    assert [(r, Decimal(v), u) for r, v, u in expected] == got
