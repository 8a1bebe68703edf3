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


UNIT_LINE_TABLE = (
    "               1991 年~1993 年龙港镇工业分行业总产值(表一)\n"
    "                                                     单位:万元\n\n"
    "      指标名称        1991 年 1992 年 1993 年\n\n"
    "        合 计       31517 70983 125558\n"
    "      塑料制品业     11665 20235  28871\n\n"
    "     其中:毛毯业           21379  23317\n"
    "      从业人员(人)    2100  2350  2600\n"
    "      产量(万台)      12  13  15.5\n"
)


def test_a_table_under_its_unit_line_with_years_for_columns_is_read() -> None:
    # a town gazetteer's table (found blind in round s218): the unit stands on its own line over the table, the rows'
    # heads are bare; a row with fewer cells than years cannot be placed and is left out; a row's own unit wins
    assert _cells(UNIT_LINE_TABLE) == [
        ("31517", Decimal("315170000"), "元"),
        ("70983", Decimal("709830000"), "元"),
        ("125558", Decimal("1255580000"), "元"),
        ("11665", Decimal("116650000"), "元"),
        ("20235", Decimal("202350000"), "元"),
        ("28871", Decimal("288710000"), "元"),
        ("2100", Decimal("2100"), "人"),
        ("2350", Decimal("2350"), "人"),
        ("2600", Decimal("2600"), "人"),
        ("12", Decimal("120000"), "台"),
        ("13", Decimal("130000"), "台"),
        ("15.5", Decimal("155000.0"), "台"),
    ]
    assert _cells(UNIT_LINE_TABLE.replace("\n", "\r\n")) == _cells(UNIT_LINE_TABLE)


def test_a_table_under_a_unit_line_whose_columns_are_not_years_is_left_alone() -> None:
    assert _cells(UNIT_LINE_TABLE.replace("1991 年 1992 年 1993 年", "计划 完成 完成率")) == []
    # one row is no table
    assert _cells("单位:万元\n项目 2008年 2009年\n合计 3120 2804\n") == []
    # a unit the lexicon does not know: the table is left alone, its rows with units of their own too
    assert _cells(UNIT_LINE_TABLE.replace("单位:万元", "单位:见附注")) == []


PIPES = (
    "常住人口数据 | ||\n指标 | 数量 | |\n常住人口(人) | 69168 | |\n0-14岁总数(人) | 14897 | |\n"
    "家庭户总户数(户) | 20053 | |\n"
)


def test_a_table_drawn_with_bars_whose_rows_carry_their_units_is_read() -> None:
    # a township's census page (found blind in round s301): each row's head names its unit, one cell its number
    cells = [c for c in _cells(PIPES) if c[0] in {"69168", "14897", "20053"}]
    assert cells == [
        ("69168", Decimal("69168"), "人"),
        ("14897", Decimal("14897"), "人"),
        ("20053", Decimal("20053"), "户"),
    ]


def test_one_barred_row_alone_or_a_row_with_an_unknown_unit_is_left_alone() -> None:
    assert _cells("指标 | 数量 | |\n常住人口(人) | 69168 | |\n") == []
    assert _cells("耕地(某某) | 5000 | |\n林地(某某) | 3000 | |\n") == []


def test_rows_of_a_label_its_unit_in_brackets_a_colon_and_the_number_are_read() -> None:
    # a data page's lines (a probe of hand-written excerpts, w150): 万人 scales the cell; a clause may follow it
    text = (
        "二、农业生产\n耕地（亩）：12600\n\u3000其中：水田（亩）：8350\n粮食总产量（吨）：8760，同比增长3.1%\n"
        "劳动力资源（万人）：1.26\n"
    )
    assert _cells(text) == [
        ("12600", Decimal("12600"), "亩"),
        ("8350", Decimal("8350"), "亩"),
        ("8760", Decimal("8760"), "吨"),
        ("3.1%", Decimal("3.1"), "%"),
        ("1.26", Decimal("12600.00"), "人"),
    ]
    # one such line alone, a number a unit follows, or a unit the lexicon does not know: left to the other readers
    assert _cells("耕地（亩）：12600\n") == []
    assert _cells("耕地（亩）：12600亩\n林地（亩）：3000亩\n") == [
        ("12600亩", Decimal("12600"), "亩"),
        ("3000亩", Decimal("3000"), "亩"),
    ]
    assert _cells("耕地（某某）：12600\n林地（某某）：3000\n") == []


def test_a_barred_row_whose_head_holds_pinyin_ruby_is_read() -> None:
    # a mirror site's pinyin after characters, in the head and its unit (家庭戶(hù)總戶(hù)數(shù)(戶(hù)), round s301)
    text = "家庭戶(hù)總戶(hù)數(shù)(戶(hù)) | 54713 | |\n常住人口(人) | 145247 | |\n"
    assert _cells(text) == [("54713", Decimal("54713"), "户"), ("145247", Decimal("145247"), "人")]


def test_a_census_block_of_labels_and_numbers_is_read() -> None:
    # an encyclopedia's population block of a township, in a line or one row a line with bars (found on the excerpts
    # and blind in round s408): each number takes its label's unit, 户 for the households
    for text in (
        "人口数据:(第五次人口普查数据) 总人口 8614 男 4597 女 4017 家庭户户数 2794 家庭户总人口(总) 8499 近年发展",
        "人口數據:(第五次人口普查數據)\n總人口 | 8614 |\n男 | 4597 |\n女 | 4017 |\n家庭戶戶數 | 2794 |\n"
        "家庭戶總人口(總) | 8499 |\n",
    ):
        cells = [(q.raw, q.base_value, q.base_unit) for q in extract(text).quantities]
        assert cells == [
            ("8614", Decimal(8614), "人"),
            ("4597", Decimal(4597), "人"),
            ("4017", Decimal(4017), "人"),
            ("2794", Decimal(2794), "户"),
            ("8499", Decimal(8499), "人"),
        ], text


def test_labels_of_a_census_block_in_prose_count_nothing() -> None:
    # fewer rows than a block's: 男 and 女 in a sentence give no people; 户数 200 is a count's label and its number
    # (money_cues.tsv count_label), read as one wherever it stands
    assert [(q.raw, q.base_unit) for q in extract("全村男 4597 女 4017，共有户数 200。").quantities] == [("200", "户")]


DISCLOSURE = (
    "二、主动公开政府信息情况\n第二十条第(一)项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "规章 | 0 | 0 | 0 |\n行政规范性文件 | 4 | 0 | 4 |\n第二十条第(五)项 |\n信息内容 | 本年处理决定数量 |\n"
    "行政许可 | 349 |\n第二十条第(八)项 |\n信息内容 | 本年收费金额(单位:万元) |\n行政事业性收费 | 1.5 |\n"
)


def test_a_table_whose_column_heads_say_what_they_count_is_read() -> None:
    # an open-government report's tables, drawn with bars or a cell a line (found blind in round s822): each cell
    # takes its column head's unit (count_columns.tsv, or the unit in its brackets)
    expected = [("0", Decimal(0), "件")] * 3 + [
        ("4", Decimal(4), "件"),
        ("0", Decimal(0), "件"),
        ("4", Decimal(4), "件"),
        ("349", Decimal(349), "件"),
        ("1.5", Decimal(15000), "元"),
    ]
    assert _cells(DISCLOSURE) == expected
    lines = "\n\n".join(DISCLOSURE.replace(" |", "").replace("\n", " ").split()) + "\n"
    assert _cells(lines) == expected
    traditional = DISCLOSURE.replace("本年制发件数", "本年製發件數").replace("规章", "規章")
    assert _cells(traditional) == expected


def test_the_template_of_2019_heads_its_counts_and_their_changes() -> None:
    # the report's template of 2019 to 2020 (round s882 and a probe of hand-written excerpts, w76): 本年新制作数量 and
    # 对外公开总数量 count documents, 上一年项目数量 items, and 本年增/减 gives the change of the column on its left
    text = (
        "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 0 0 0\n规范性文件 2 2 5\n第二十条第（五）项\n"
        "信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 0 0 0\n其他对外管理服务事项 12 +3 15\n"
    )
    assert _cells(text) == [
        *[("0", Decimal(0), "件")] * 3,
        ("2", Decimal(2), "件"),
        ("2", Decimal(2), "件"),
        ("5", Decimal(5), "件"),
        *[("0", Decimal(0), "项")] * 2,
        ("0", Decimal(0), "件"),
        ("12", Decimal(12), "项"),
        ("+3", Decimal(3), "项"),
        ("15", Decimal(15), "件"),
    ]
    # a change's column first in its head line has no column to take its unit from
    assert _cells("信息内容 本年增/减 处理决定数量\n行政许可 1 2\n其他事项 3 4\n") == []


def test_a_table_copied_one_cell_a_line_with_its_rows_numbered_is_read() -> None:
    # heads with their units in brackets, then rows opening with their numbers (a probe of hand-written excerpts,
    # w106): the number is the row's, never a cell
    text = (
        "附表：2012年桑坪镇各村基本情况\n\n序号\n\n村名\n\n户数(户)\n\n人口(人)\n\n耕地面积(亩)\n\n"
        "1\n\n桑坪村\n\n468\n\n1752\n\n2316\n\n2\n\n石门村\n\n395\n\n1488\n\n1920\n\n合计\n\n863\n\n3240\n\n4236\n\n"
        "2013年，我镇将力争农业增效。\n"
    )
    rows = [("468", "1752", "2316"), ("395", "1488", "1920"), ("863", "3240", "4236")]
    assert _cells(text) == [(n, Decimal(n), u) for row in rows for n, u in zip(row, ("户", "人", "亩"), strict=True)]
    # a number out of turn is no row's number but one cell more than the heads: the table is left alone
    assert _cells(text.replace("\n\n2\n\n石门村", "\n\n5\n\n石门村")) == []
    # two heads on lines of their own are enough for the table to be looked at (总投资（万元）, 完成率（%）)
    project = "项目名称\n\n总投资（万元）\n\n完成率（%）\n\n梅溪路工程\n\n8600\n\n106.4\n\n农贸市场\n\n3200\n\n89.6\n\n"
    assert _cells(project) == [
        ("8600", Decimal(86000000), "元"),
        ("106.4", Decimal("106.4"), "%"),
        ("3200", Decimal(32000000), "元"),
        ("89.6", Decimal("89.6"), "%"),
    ]


def test_a_markdown_table_and_a_page_number_under_a_table() -> None:
    # a table written in markdown, its rule under the heads (a probe of hand-written excerpts, w105); a page's
    # number between its dashes under a table's last row is no row (— 2 —, read as 2 件)
    text = "| 信息内容 | 本年制发件数 | 现行有效件数 |\n|---|---|---|\n| 规章 | 0 | 3 |\n| 行政规范性文件 | 1 | 5 |\n"
    assert _cells(text) == [(n, Decimal(n), "件") for n in "0315"]
    paged = "信息内容        本年处理决定数量\n行政许可        9\n— 2 —\n第二十条第（六）项\n"
    assert _cells(paged) == [("9", Decimal(9), "件")]


def test_a_plans_indicator_table_set_with_ideographic_spaces() -> None:
    # rows numbered, their heads carrying their units, a column of 预期性/约束性 closing each (a probe of hand-written
    # excerpts, w117): the number and the word are no cells, and the head 属性 no column of numbers
    text = (
        "表1\u3000青石镇“十三五”主要指标\n序号\u3000指标名称\u30002015年\u30002020年\u3000年均增长（%）\u3000属性\n"
        "1\u3000地区生产总值（亿元）\u300016.3\u300025\u30009\u3000预期性\n"
        "2\u3000财政总收入（亿元）\u30001.36\u30002.2\u300010.1\u3000约束性\n"
    )
    assert _cells(text) == [
        ("16.3", Decimal(1630000000), "元"),
        ("25", Decimal(2500000000), "元"),
        ("9", Decimal(9), "%"),
        ("1.36", Decimal(136000000), "元"),
        ("2.2", Decimal(220000000), "元"),
        ("10.1", Decimal("10.1"), "%"),
    ]
    # a word between the rows that closes none is no link: the rows stand apart, one alone each, and their heads'
    # units are read for none
    assert [c for c in _cells(text.replace("\u3000预期性\n", "\u3000待定项目\n")) if c[2] == "元"] == []


def test_a_count_head_with_a_row_that_cannot_be_placed_is_left_alone() -> None:
    # a row with a number more than the heads, or a label with a digit: its cells' columns are unknown
    assert _cells("信息内容 | 本年制发件数 | 本年废止件数 |\n规章 | 0 | 0 | 7 |\n") == []
    assert _cells("信息内容 | 本年制发件数 |\n第2类 | 3 |\n") == []
    # a head in prose, a number after it: no table (贫困户数 120 is the census-like prose the tool reads elsewhere)
    assert [q.raw for q in extract("全村贫困户数 120 户，参保人数 3000 人。").quantities] == ["120 户", "3000 人"]


BUDGET = (
    "项目\t决算数（万元）\t上年数（万元）\t增减%\n税收收入\t2318\t2105\t10.1\n非税收入\t486\t523\t-7.1\n"
    "合计\t2804\t2628\t6.7\n"
)


def test_a_table_pasted_with_tabs_whose_heads_carry_units_in_brackets_or_a_percent_sign_is_read() -> None:
    # a budget's table copied as text (found by a probe of hand-written excerpts): no 单位 in its heads, a tab
    # after each, and a column of changes in percent
    expected = [
        ("2318", Decimal(23180000), "元"),
        ("2105", Decimal(21050000), "元"),
        ("10.1", Decimal("10.1"), "%"),
        ("486", Decimal(4860000), "元"),
        ("523", Decimal(5230000), "元"),
        ("-7.1", Decimal("-7.1"), "%"),
        ("2804", Decimal(28040000), "元"),
        ("2628", Decimal(26280000), "元"),
        ("6.7", Decimal("6.7"), "%"),
    ]
    assert _cells(BUDGET) == expected
    assert _cells(BUDGET.replace("\t", " | ")) == expected


def test_a_figure_in_percent_before_a_tab_heads_no_column() -> None:
    # 增长5.2% ends in a percent sign, but it is a figure: the numbers after it are a row's, not its column's
    assert _cells("财政收入增长5.2%\t税收\t12\n") == [("5.2%", Decimal("5.2"), "%")]


CAPTIONED = (
    "表一　2012年财政收入完成情况　单位：万元\n| 项目 | 年初预算 | 实际完成 | 完成预算% |\n"
    "| 财政总收入 | 2150 | 2386 | 111.0 |\n| 国税收入 | 760 | 842 | 110.8 |\n"
)


def test_a_table_under_its_captions_unit_with_words_for_columns_is_read() -> None:
    # a budget's table under a caption that ends with its unit (found by a probe of hand-written excerpts): columns
    # that name amounts are in the caption's unit, one with a percent sign in percent
    assert _cells(CAPTIONED) == [
        ("2150", Decimal(21500000), "元"),
        ("2386", Decimal(23860000), "元"),
        ("111.0", Decimal("111.0"), "%"),
        ("760", Decimal(7600000), "元"),
        ("842", Decimal(8420000), "元"),
        ("110.8", Decimal("110.8"), "%"),
    ]
    bracketed = CAPTIONED.replace("　单位：万元", "（单位：万元）").replace("| ", "").replace(" |", "　　")
    assert [c[1] for c in _cells(bracketed)] == [c[1] for c in _cells(CAPTIONED)]


def test_a_captioned_table_with_a_rate_column_written_without_its_sign_is_left_alone() -> None:
    # 同比增长 names a change whose cells are in no unit the caption gives: read in 万元, they would be wrong numbers
    assert _cells(CAPTIONED.replace("完成预算%", "同比增长")) == []


def test_a_captioned_tables_change_column_named_as_an_amount_is_read() -> None:
    # 增减额 ends with 额: the change's amount, in the caption's unit, beside 增减% (found by a probe of hand-written
    # excerpts, w162); 增减 alone names no unit, and such a table stays alone
    text = (
        "表1　一般公共预算支出预算表\n单位：万元\n项目\t2020年预算数\t2021年预算数\t增减额\t增减%\n"
        "合计\t3902.88\t4215.36\t312.48\t8.0\n公共安全支出\t210.00\t236.80\t26.80\t12.8\n"
    )
    assert _cells(text) == [
        ("3902.88", Decimal("39028800"), "元"),
        ("4215.36", Decimal("42153600"), "元"),
        ("312.48", Decimal("3124800"), "元"),
        ("8.0", Decimal("8.0"), "%"),
        ("210.00", Decimal("2100000"), "元"),
        ("236.80", Decimal("2368000"), "元"),
        ("26.80", Decimal("268000"), "元"),
        ("12.8", Decimal("12.8"), "%"),
    ]
    assert _cells(text.replace("增减额", "增减")) == []


UNIT_COLUMN = (
    "指标名称\t单位\t2005年\t2004年\t增长%\n社会总产值\t万元\t38650\t33420\t15.6\n粮食总产量\t吨\t18420\t17935\t2.7\n"
)


def test_a_table_whose_second_column_gives_each_rows_unit_is_read() -> None:
    # a township's main indicators (found by a probe of hand-written excerpts): each row in its own unit
    assert _cells(UNIT_COLUMN) == [
        ("38650", Decimal(386500000), "元"),
        ("33420", Decimal(334200000), "元"),
        ("15.6", Decimal("15.6"), "%"),
        ("18420", Decimal(18420), "吨"),
        ("17935", Decimal(17935), "吨"),
        ("2.7", Decimal("2.7"), "%"),
    ]
    # a unit the lexicon does not know ends the table: one row is none
    assert _cells(UNIT_COLUMN.replace("\t吨\t", "\t见注\t")) == []


def test_a_unit_column_table_with_one_column_of_numbers_is_read() -> None:
    # a township's report on its open government information (found by a probe of hand-written excerpts): 指标, 单位,
    # 统计数; a row may open with its item number
    text = (
        "指标\t单位\t统计数\n一、主动公开政府信息数\t条\t412\n三、收到申请数\t件\t5\n\u30001.当面申请数\t件\t3\n"
        "七、依申请公开信息收取的费用\t万元\t1.5\n"
    )
    assert _cells(text) == [
        ("412", Decimal(412), "条"),
        ("5", Decimal(5), "件"),
        ("3", Decimal(3), "件"),
        ("1.5", Decimal(15000), "元"),
    ]
    # one row alone is no table
    assert _cells("指标\t单位\t统计数\n一、主动公开政府信息数\t条\t412\n\n全年共收到申请。\n") == []
    # a section's heading may stand between the rows (a probe of hand-written excerpts, w107); a line of prose ends
    # the table
    sections = (
        "指标名称\t单位\t数量\n一、主动公开情况\n主动公开政府信息数\t条\t214\n二、依申请公开情况\n收到申请数\t件\t5\n"
    )
    assert _cells(sections) == [("214", Decimal(214), "条"), ("5", Decimal(5), "件")]
    prose = sections.replace("二、依申请公开情况", "全年依申请公开情况良好")
    assert _cells(prose) == []


def test_column_heads_with_units_in_brackets_set_apart_by_spaces_are_read() -> None:
    text = "作物    播种面积（亩）    总产量（吨）    比上年增减（%）\n水稻    32600    16691    2.3\n"
    expected = [("32600", Decimal(32600), "亩"), ("16691", Decimal(16691), "吨"), ("2.3", Decimal("2.3"), "%")]
    assert _cells(text) == expected


def test_a_captioned_tables_rows_may_open_with_their_item_numbers() -> None:
    # | 1.因公出国(境)费 | 0 | 0 |: the row's number before its name ended the table after its first row (found by a
    # probe of hand-written excerpts)
    text = "单位：万元\n| 项目 | 预算数 | 决算数 |\n| 合计 | 38.50 | 31.62 |\n| 1.公务接待费 | 14.00 | 10.87 |\n"
    assert [c[0] for c in _cells(text)] == ["38.50", "31.62", "14.00", "10.87"]



def test_a_unit_column_table_drawn_with_bars_and_no_spaces_is_read() -> None:
    # a probe of hand-written excerpts (w252): 农业总产值|万元|22800|23600|6.8, its cells right after the bars
    text = "指标|单位|目标|完成|增长%\n农业总产值|万元|22800|23600|6.8\n茶叶产量|吨|1350|1420|9.2\n二、重点工作\n"
    assert _cells(text) == [
        ("22800", Decimal("228000000"), "元"),
        ("23600", Decimal("236000000"), "元"),
        ("6.8", Decimal("6.8"), "%"),
        ("1350", Decimal("1350"), "吨"),
        ("1420", Decimal("1420"), "吨"),
        ("9.2", Decimal("9.2"), "%"),
    ]
