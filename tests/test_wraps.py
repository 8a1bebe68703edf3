"""Text as it arrives from a PDF copy: a figure split from its unit by a line wrap, a page footer or stray spaces
is read whole; its span covers the wrap and ``raw`` holds it as written. A gap that is not clearly a wrap joins
nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor import extract
from extractor.wraps import gap_end


def _quantities(text: str) -> list[tuple[str, Decimal, str]]:
    doc = extract(text)
    for q in doc.quantities:
        assert text[q.span.start : q.span.end] == q.raw
    return [(q.raw, q.base_value, q.base_unit) for q in doc.quantities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年实现财政收入23\n亿元，同比增长5%。", [("23\n亿元", "2300000000", "元"), ("5%", "5", "%")]),
        ("花生种植面积达\n7860\n亩，增长10%。", [("7860\n亩", "7860", "亩"), ("10%", "10", "%")]),
        ("新建标准化厂房13600\n平方米。", [("13600\n平方米", "13600", "平方米")]),
        ("完成固定资产投资4022\n- 1 -\n万元。", [("4022\n- 1 -\n万元", "40220000", "元")]),
        ("完成固定资产投资4022\r\n\r\n- 1 -\r\n\r\n万元。", [("4022\r\n\r\n- 1 -\r\n\r\n万元", "40220000", "元")]),
        ("完成投资4022\n第 3 页 共 9 页\n万元。", [("4022\n第 3 页 共 9 页\n万元", "40220000", "元")]),
        ("完成投资4022\nP. 3\n万元。", [("4022\nP. 3\n万元", "40220000", "元")]),
        # A yearbook's page number over its running head (found blind in round s206): 天 is no unit of 242.
        ("人口结构稳定。\nP. 242\n天府新区年鉴\n全镇投资5亿元。", [("5亿元", "500000000", "元")]),
        ("人口结构稳定。\n- 242 -\n天府新区年鉴", []),
        # and the year in the running head over it is no figure cut from 天 by the page number
        ("Page 242 - 天府新区(眉山)年鉴2022\nP. 242\n天府新区(眉山)年鉴 2022", []),
        ("占比提高5 个百 分点。", [("5 个百 分点", "5", "个百分点")]),
        ("实现总产值2.3亿 元。", [("2.3亿 元", "230000000", "元")]),
        ("建成大棚3300 余栋。", [("3300 余栋", "3300", "栋")]),
        ("接待游客12.5\n万人次，增长8%。", [("12.5\n万人次", "125000", "人次"), ("8%", "8", "%")]),
        # a wrap inside the unit itself
        ("与俄罗斯隔江相望，边境线全长35公\n里，辖15个行政村。", [("35公\n里", "35", "公里"), ("15个", "15", "个")]),
        # a fixed-width layout's wrap inside the number (found blind in round s59): 350吨 alone would be wrong
        (
            "油料作物172公顷，总产油料341吨。种植瓜菜153公顷，总产瓜菜4\n350吨，比上年增1413吨。",
            [
                ("172公顷", "172", "公顷"),
                ("341吨", "341", "吨"),
                ("153公顷", "153", "公顷"),
                ("4\n350吨", "4350", "吨"),
                ("1413吨", "1413", "吨"),
            ],
        ),
        (
            "全乡辖26个自然村，26个村民委员会；有2788户，总人口1\n0485人。",
            [
                ("26个", "26", "个"),
                ("26个", "26", "个"),
                ("2788户", "2788", "户"),
                ("1\n0485人", "10485", "人"),
            ],
        ),
        # a decimal head, and a head that ends with its point (found by wrapping the excerpts at 30 characters)
        ("上年全镇农作物播种面积达到新的高度共计12.9\n7万亩，其中粮食", [("12.9\n7万亩", "129700", "亩")]),
        ("全镇今年工业总产值达5106.\n4萬元", [("5106.\n4萬元", "51064000", "元")]),
        # a document-sharing site's chunk number opening the line inside a number (found in the stand-in's copies,
        # and blind in round s341, where 7% of 34.\n3、7% was read alone), with LF and CRLF
        (
            "镇位于市东部，共辖37个行政村，328个村民组，总人口8467\n\n2、3人，是个平原大镇。",
            [("37个", "37", "个"), ("328个", "328", "个"), ("8467\n\n2、3人", "84673", "人")],
        ),
        (
            "镇位于市东部，共辖37个行政村，328个村民组，总人口8467\r\n\r\n2、3人，是个平原大镇。",
            [("37个", "37", "个"), ("328个", "328", "个"), ("8467\r\n\r\n2、3人", "84673", "人")],
        ),
        (
            "簕竹镇距县城32公里，界域面积167.\n\n2、78平方公里，下辖8个村委会。",
            [("32公里", "32", "公里"), ("167.\n\n2、78平方公里", "167.78", "平方公里"), ("8个", "8", "个")],
        ),
        (
            "全乡参选率89.7%。其中在投票站投票人数占参选人数的34.\n3、7%。",
            [("89.7%", "89.7", "%"), ("34.\n3、7%", "34.7", "%")],
        ),
        # a space between groups kept after the break (68 872亩 wrapped after 68)
        ("全镇完成了各项工作任务，全乡共有耕地达到了68\n 872亩，", [("68\n 872亩", "68872", "亩")]),
        # a short line of words that carries on a long one breaks inside the number too (found by four probes of PDF
        # copies, where 400萬元, 870万元 and 8.3% were read alone)
        (
            "全鄉新發展優質柑橘2800畝，柑橘總面積達1.6萬畝，實\n現產值2\n400萬元；",
            [("2800畝", "2800", "亩"), ("1.6萬畝", "16000.0", "亩"), ("2\n400萬元", "24000000", "元")],
        ),
        (
            "全年拆解报废渔船58艘，压减功率0.96万千瓦，发放\r\n减船补助资金2\r\n870万元；",
            [("58艘", "58", "艘"), ("0.96万千瓦", "9600.00", "千瓦"), ("2\r\n870万元", "28700000", "元")],
        ),
        # a wrap before the number's point (总投资1\n.2亿元: a probe of hand-written excerpts, w128; three on the
        # stand-in, 2\n.42万人); a head that has its point already makes no number with a second
        (
            "全镇完成了各项工作任务，安装路灯300盏，项目总投资1\n.2亿元，",
            [("300盏", "300", "盏"), ("1\n.2亿元", "120000000.0", "元")],
        ),
        ("全镇完成了各项工作任务，安装路灯300盏，项目总投资1.2\n.5亿元，", [("300盏", "300", "盏")]),
        (
            "投資的食品加工項目投資額達1.5億元。全年僑捐公益\n款物折合人民幣860萬元，比上年增長1\n8.3%，主要用於",
            [("1.5億元", "150000000.0", "元"), ("860萬元", "8600000", "元"), ("1\n8.3%", "18.3", "%")],
        ),
    ],
)
def test_figure_read_across_a_wrap(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _quantities(text) == [(r, Decimal(v), u) for r, v, u in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sentence ends before the break: what follows is a new paragraph.
        ("全年完成23。\n亿元项目开工。", []),
        # The next line opens a numbered item: its number is not the figure's.
        ("增长5\n1.加快发展工业。", []),
        ("增长5\n(一)亿元以上项目", []),
        # A blank line without a page number is a paragraph break.
        ("共有23\n\n亿元项目", []),
        # Too many spaces is layout (a table), not a wrap.
        ("合计23        亿元", []),
        # A number on the next line is a number of its own (no 2301); with a leading zero it is a code.
        ("全年增长23\n01亿元", []),
        ("全年增长23\n11亿元", [("11亿元", "1100000000", "元")]),
        # A line that opens with an item's number: 2 numbers the item, it borrows no 亿元 as a list's figure would.
        ("全年实现地区生产总值\n\n2、7.1亿元，增长5%。", [("7.1亿元", "710000000.0", "元"), ("5%", "5", "%")]),
        ("  12、3亿元用于道路建设。", [("3亿元", "300000000", "元")]),
        # a heading's number in characters borrows no unit from the count after it (found blind in round s561)
        ("现将情况汇报如下:\n一、三个项目的基本情况", [("三个", "3", "个")]),
        # after a list of numbers (1、2、5、8、13) a chunk's number joins none of them; nor after a short line (a row)
        ("三是以1、2、5、8、1\n3、14村为一带的粮油开发", []),
        ("总人口8467\n\n2、3人", [("3人", "3", "人")]),
        # a short line carries on no long one that a mark, a number or a space ends, nor one of a table's rows: the
        # next line's number is its own
        ("全年持续推进渔船双控工作并取得良好的成效。\n补助资金2\n870万元", [("870万元", "8700000", "元")]),
        ("全年持续推进渔船双控工作并取得良好的成效，发放\n补助 资金2\n870万元", [("870万元", "8700000", "元")]),
        ("序号 项目名称 建设内容 建设地点 责任单位 总投资\n合计2\n400万元", [("400万元", "4000000", "元")]),
        # A number alone on its line after a sentence's end (a year over a broken text layer) is cut short by no
        # wrap; after words it is (面积达\n7860\n亩, above).
        ("发展态势持续巩固。\n2022\n成近1.07亿元。", [("近1.07亿元", "107000000.00", "元")]),
        # A line that opens with a key and its colon is the next item of a table of facts (found blind in round s85).
        ("区划代码前6位: 150981\n人口数量: 3.20 万人", [("3.20 万人", "32000.00", "人")]),
        ("总得票:928\n所在地: 中国->内蒙古", []),
        # a box spaces its keys to one width (found blind in round s89, read as 69,000 方)
        ("人 口:6.9万\n方 言:玉林话", [("6.9万", "69000.0", "人")]),
        # an infobox's postal code on the line after its key, the population's key on the next (found blind in round
        # s468, read as 151816 people)
        ("電話區號\n0451\n郵政編碼\n151816\n人口數量\n", []),
        # a mobile phone number at a line's end, before a project form's next key (found blind in round s592, read
        # as 13,452,649,655 项)
        ("项目负责人 徐德迁 联系电话 13452649655\n项目审批 奉节县民族宗教事务委员会", []),
        # A census's table of labels and numbers, one a line: the next row's label (家庭户, 户口) is no unit of this
        # row's number (found blind in round s278, 764 家 and 74 户); a clause's number is read across as before.
        # The block's rows in a row take their labels' units (table_cells.py); a lone row is left alone.
        (
            "总人口1655\n男891\n女764\n家庭户户数503\n老年女74\n户口本地住在本地1615\n",
            [("1655", "1655", "人"), ("891", "891", "人"), ("764", "764", "人"), ("503", "503", "户")],
        ),
        ("共有农户764\n户，其中贫困户50户。", [("764\n户", "764", "户"), ("50户", "50", "户")]),
        # a column of cells, one a line: a signed figure opening the next line is its own, no range's second number
        # after a dash (73\n-3.03% read as 3.03 to 73: found blind in round s402)
        (
            "年度\n人口數\n成長率\n73\n3936\n-3.03%\n74\n4206\n6.86%\n",
            [("-3.03%", "-3.03", "%"), ("6.86%", "6.86", "%")],
        ),
        # a table's last cell at its line's end before a row whose name opens with a unit: no count of 12.4 firms
        # (家禽出笼 under 牛出栏 … 12.4, found by a probe of hand-written excerpts)
        ("全年生猪出栏12.4\n家禽出笼2万只。", [("2万只", "20000", "只")]),
        # columns set apart by spaces: a signed figure after them is its own, no range's second number (增值税  6852
        # -9.6%, read as 9.6 to 6852 %: found by a probe of hand-written excerpts)
        ("增值税  6852  -9.6%\n", [("-9.6%", "-9.6", "%")]),
        # the next line opens with a name whose first character is a unit (天门, a city's paper, under a page's
        # count of characters; 天燈村, a village, after a bare 萬 of money): units.tsv opens, found blind in rounds
        # s930 and s934, read as 309 天 and 120,000 天
        ("文章字数:309\n  天门日报讯(全媒体记者李潇潇通讯员)", []),
        ("十五畝 年收入12萬\n天燈村村民鄧祖華今年已經", [("十五畝", "15", "亩"), ("12萬", "120000", "元")]),
    ],
)
def test_not_a_wrap(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _quantities(text) == [(r, Decimal(v), u) for r, v, u in expected]


def test_wrapped_figure_keeps_its_sentence() -> None:
    """The figure's level and its change sit on two lines: they are one sentence, one indicator."""
    text = "一、工作回顾\n全年实现财政收入4022\n- 1 -\n万元，同比增长5%。\n二、工作计划\n完成投资5亿元。"
    doc = extract(text)
    [ind] = doc.indicators
    assert ind.name == "财政收入"
    assert ind.value is not None and ind.value.raw == "4022\n- 1 -\n万元"
    assert ind.change is not None and ind.change.value.raw == "5%"
    assert [s.kind for s in doc.sections] == ["review", "plan"]


def test_gap_end_is_bounded() -> None:
    view = "增长5" + "\n" * 10 + "%"
    assert gap_end(view, 3) is None
    assert gap_end("5 %", 1) == 2
    assert gap_end("5。\n%", 2) is None


@pytest.mark.parametrize(
    ("clause", "raw", "base", "year"),
    [
        ("同 比增长5.5%", "5.5%", "同 比", None),
        ("比 上年增长5.5%", "5.5%", "比 上年", None),
        ("比上年增 长5.5%", "5.5%", "比上年", None),
        ("比 2018 年增长 5.5%", "5.5%", "比 2018 年", 2018),
        ("同比增长\t5.5%", "5.5%", "同比", None),
        ("比上年提高5 个百 分点", "5 个百 分点", "比上年", None),
        ("比上年提 高 5个百 分点", "5个百 分点", "比上年", None),
        ("增 长 5.5%", "5.5%", None, None),
    ],
)
def test_space_inside_a_change_word(clause: str, raw: str, base: str | None, year: int | None) -> None:
    """Spaces a PDF copy puts inside change words (同 比, 增 长) or before the figure are read across; the base is
    given as written."""
    text = f"地区生产总值完成12亿元，{clause}。"
    [ind] = extract(text).indicators
    assert (ind.name, ind.value and ind.value.raw) == ("地区生产总值", "12亿元")
    assert ind.change is not None
    c = ind.change
    assert (c.direction, c.value.raw, c.base, c.base_year) == ("up", raw, base, year)
    assert text[c.value.span.start : c.value.span.end] == raw


def test_a_long_run_of_spaces_is_layout_not_a_change_word() -> None:
    """A table's columns (增长 and the figure far apart) are not read as one change."""
    doc = extract("地区生产总值完成12亿元，增长        5.5%。")
    assert all(i.change is None for i in doc.indicators)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新建标准化厂房13600\n平，完成投资5亿元。", [("13600\n平", "13600", "平方米"), ("5亿元", "500000000", "元")]),
        ("新建厂房13600平。", [("13600平", "13600", "平方米")]),
        ("新建厂房13600 平，", [("13600 平", "13600", "平方米")]),
        ("新建厂房13600平\n", [("13600平", "13600", "平方米")]),
        ("新建厂房13600平左右。", [("13600平左右", "13600", "平方米")]),
        # 平 is a unit only where no word goes on after it
        ("新建厂房13600\n平台建设", []),
        ("建成3平台，收入与上年持平，人均1200平均。", []),
        ("建成13600平房。", []),
        ("指标五平三降，", []),
    ],
)
def test_a_one_character_unit_across_a_wrap(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _quantities(text) == [(r, Decimal(v), u) for r, v, u in expected]


def test_a_year_at_a_lines_end_before_a_word_with_cheng_is_no_tenths() -> None:
    # 2022\n成功创建 read as 2022成 (20220 %): 成 counts tenths, and ten of them are all (a stress test that added two
    # spaces to every line's end found it; without them too)
    for eol in ("\n", "  \n", " "):
        text = f"七都镇成功获评浙江省森林城镇，2022{eol}成功创建省级生态文明建设示范镇，农户七成以上。"
        assert _quantities(text) == [("七成以上", Decimal("70"), "%")]


def test_the_tail_of_a_number_a_layout_cut_is_no_figure_of_its_own() -> None:
    # The head is too long to read across (seven digits): 8个 alone would be a wrong number, so nothing is read.
    assert _quantities("这一年全镇各项工作取得新的成效累计新增就业岗位1234567\n8个，比上年增加。") == []
    # A short line is a table's row or a heading: its next line's figure is its own.
    assert _quantities("全年增长23\n11亿元") == [("11亿元", Decimal("1100000000"), "元")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numeral in characters cut at a long line's end is read across it (found on the stand-in, where the tail
        # alone was 4592 元)
        (
            "程有道路反光鏡桿子費用等十六項,總經費一百六十萬\n四千五百九十二元。",
            [("十六項", "16", "项"), ("一百六十萬\n四千五百九十二元", "1604592", "元")],
        ),
        (
            "一鄰半嶺入村道路工程等十二項,總概算經費為五千零\n七十四萬元。",
            [("十二項", "12", "项"), ("五千零\n七十四萬元", "50740000", "元")],
        ),
        # the same with a space or two a copy left at the line's end (a stress test that added them to every line)
        (
            "程有道路反光鏡桿子費用等十六項,總經費一百六十萬  \n四千五百九十二元。",
            [("十六項", "16", "项"), ("一百六十萬  \n四千五百九十二元", "1604592", "元")],
        ),
        # across, no unit: the tail alone is none; on a short line the next line's figure is its own; a lone 一 ends
        # words (之一) and cuts no numeral
        ("一鄰半嶺入村道路工程等十二項,總概算經費為五千零\n七十四,萬元。", [("十二項", "12", "项")]),
        ("总概算经费为五千\n七十四项。", [("七十四项", "74", "项")]),
        (
            "该镇是全省一百个贫困乡镇当中最为偏远的乡镇之一\n两个村已经脱贫",
            [("一百个", "100", "个"), ("两个", "2", "个")],
        ),
        # a lone digit of two to nine after a word heads a numeral a long line's end cut (a probe of hand-written
        # excerpts, where 十万元 alone was a wrong 100000 元); after 第 it is an ordinal's, and the tail its own
        (
            "力争村集体经济收入全部达到10万元以上，其中5个村达到全镇发展目标二\n十万元以上。",
            [("10万元以上", "100000", "元"), ("5个", "5", "个"), ("二\n十万元以上", "200000", "元")],
        ),
        (
            "力争村集体经济收入全部达到10万元以上，其中5个村集体经济排名全镇第二\n十万元以上。",
            [("10万元以上", "100000", "元"), ("5个", "5", "个"), ("十万元以上", "100000", "元")],
        ),
    ],
)
def test_a_numeral_in_characters_cut_at_a_line_end(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _quantities(text) == [(r, Decimal(v), u) for r, v, u in expected]


@pytest.mark.parametrize(
    "text",
    [
        # a wrap at a number's separator cuts it too (found by hard-wrapping every excerpt at 30, 45 and 60 characters)
        "全镇完成了各项工作任务，农民人均纯收入达到了27 \n183元，",  # a space between groups, a group of three after it
        "全镇完成了各项工作任务，农民人均纯收入达到了8,90\n0萬元，",  # the head is itself a group of a longer number
        "全镇完成了各项工作任务，全乡耕地面积达到了1\n,500 畝，",  # a group's comma opening the line
        "全镇完成了各项工作任务，工农业总产值达到了22. \n30亿元，",  # a point and a space ending the line
    ],
)
def test_a_number_cut_at_its_separator_gives_no_wrong_figure(text: str) -> None:
    assert _quantities(text) == []


def test_digits_after_a_spaced_line_end_are_their_own_figure() -> None:
    # a space at a line's end before other digits than one group of three: the next line's figure stands alone
    assert _quantities("2019年完成 5\n20个村的改造") == [("20个", Decimal("20"), "个")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long line ends with the range's separator (found by hard-wrapping every excerpt at 30 and 45 characters):
        # the second number alone would stand for the range
        ("全镇今年新建各类企业和专业合作社组织预计达到4-\n5家，", [("4-\n5家", "4", "5")]),
        ("对符合条件的困难群众，救助标准为每人每年 500 ~\n 1000 元。", [("500 ~\n 1000 元", "500", "1000")]),
        # ... or cuts the second number in two
        ("全乡农民人均纯收入在七千元以上的,8000-900\n0元的有498户", [("8000-900\n0元", "8000", "9000")]),
        ("完成亿元以上项目引进5个(其中亿元以上项目2个,3-1\n0亿元项目2个)", [("3-1\n0亿元", "300000000", "1000000000")]),
    ],
)
def test_a_range_cut_at_a_line_end_is_read_whole(text: str, expected: list[tuple[str, str, str]]) -> None:
    doc = extract(text)
    got = [(q.raw, q.base_value, q.base_high) for q in doc.quantities if "\n" in q.raw]
    assert got == [(r, Decimal(lo), Decimal(hi)) for r, lo, hi in expected]


def test_a_short_line_ending_with_a_separator_joins_no_range() -> None:
    # a table's row or a heading is shorter than a wrapped line: the next line's figure is its own
    assert [(q.raw, q.base_high) for q in extract("规模4-\n5家").quantities] == [("5家", None)]


# A copy that puts a blank line between its wrapped lines (found blind in round s299): three long lines at least end
# mid-sentence before one, so one there after a long line is a wrap too.
_BLANK_WRAPPED = (
    "2005 年结合旧城改造,投入资金 300 万元,已建\n\n成占地 50 亩的安德生产资料交易市场。\n\n"
    "通过提高城管规范化和市场化运作水平,城市管理逐步\n\n由粗放型向精细化管理过渡,城管质量明显提高。\n\n"
    "城镇生活垃圾无害化处理率达 100%,城镇管理工作成效显著,在全市考核中名列前茅,并通过市级卫\n\n生城镇检查。\n"
)


def test_a_blank_line_is_a_wrap_in_a_copy_that_wraps_with_one() -> None:
    text = _BLANK_WRAPPED + "已建成川菜产业化基地配套种植基地 3800\n\n余亩。\n"
    assert ("3800\n\n余亩", Decimal("3800"), "亩") in _quantities(text)


def test_a_blank_line_stays_a_paragraph_break_without_the_habit() -> None:
    text = "已建成川菜产业化基地配套种植基地 3800\n\n余亩。\n"
    assert all("3800" not in raw for raw, _, _ in _quantities(text))


def test_a_blank_line_is_a_wrap_in_a_crlf_copy_too() -> None:
    text = (_BLANK_WRAPPED + "已建成川菜产业化基地配套种植基地 3800\n\n余亩。\n").replace("\n", "\r\n")
    assert ("3800\r\n\r\n余亩", Decimal("3800"), "亩") in _quantities(text)


def test_a_tab_after_a_number_is_no_wrap() -> None:
    # a ledger pasted as text (a probe of hand-written excerpts): a row's number, a tab, its project's name; 1 双 would
    # be a wrong count
    text = "序号\t项目名称\t建设性质\t责任单位\n1\t双龙工业园标准化厂房\t续建\t镇经发办\n"
    assert _quantities(text) == []
    # a space a PDF's copy set there still is one (新建道路 3 公里)
    assert _quantities("新建道路 3 公里") == [("3 公里", Decimal("3"), "公里")]


def test_a_row_number_and_a_space_open_a_ledger_row() -> None:
    # a ledger pasted as text with spaces (a probe of hand-written excerpts): 1 双 and 2 张 would be wrong counts, 1 亩
    # a wrong area; the next or the last line opening with the next or the last number and a space tells the row
    rows = "序号 项目名称 总投资\n1 双龙湖公园提升工程 3000万元\n2 张庄道路硬化 120万元\n3 亩产提升示范区 80万元\n"
    for text in (rows, rows.replace("\n", "\r\n")):
        assert [q[0] for q in _quantities(text)] == ["3000万元", "120万元", "80万元"]
    # a number alone at a line's head with no numbered row beside it still reads across the space (a PDF's wrap)
    assert [q[0] for q in _quantities("全镇共有\n5 个行政村，6 个社区")] == ["5 个", "6 个"]
    assert [q[0] for q in _quantities("全镇共有\n5 个行政村\n7 个社区")] == ["5 个", "7 个"]


def test_a_units_last_character_that_is_a_numerals_too_continues_it_across_a_wrap() -> None:
    # 8个百分\n点 (a probe of hand-written excerpts, read as 8 个): 点 after the wrap ends the unit 个百分点, no decimal
    # point of a new number, as 分 after 8个百\n does
    text = "新型农村合作医疗参合农民2.36万人，参合率达92.4%，比上年提高8个百分\n点。乡里及时组织干部群众抢修线路。"
    assert ("8个百分\n点", Decimal(8), "个百分点") in _quantities(text)
    assert ("8个百\n分点", Decimal(8), "个百分点") in _quantities(text.replace("8个百分\n点", "8个百\n分点"))


def test_an_ordinal_a_line_break_cut_from_its_di_is_no_count() -> None:
    # a probe of hand-written excerpts (w232): 第\n六次全国人口普查 was read as six times
    assert _quantities("与2010年第\n六次全国人口普查的38205人相比") == [("38205人", Decimal("38205"), "人")]
    assert _quantities("与2010年第\r\n6次全国人口普查相比") == []
    assert _quantities("全年共开展\n六次") == [("六次", Decimal("6"), "次")]
