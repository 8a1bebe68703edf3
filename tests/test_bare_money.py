"""A bare 万 or 亿 is money when a money word names it, or when light words (任务, 完成, 占全年) stand between it and
the amount of money before it in its sentence (issue 14: 财政一般预算收入任务174万，完成198万); it counts people when a
population word names it (人口4.25万)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor import extract


def _reads(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(q.raw, q.base_value, q.base_unit) for q in extract(text).quantities]
    assert got == [(raw, Decimal(v), unit) for raw, v, unit in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("财政一般预算收入任务174万，完成198万。", [("174万", "1740000", "元"), ("198万", "1980000", "元")]),
        (
            "完成国地两税848万元，占全年任务1550万的55%。",
            [("848万元", "8480000", "元"), ("1550万", "15500000", "元"), ("55%", "55", "%")],
        ),
        ("完成投资5000万元，占全年计划8000万。", [("5000万元", "50000000", "元"), ("8000万", "80000000", "元")]),
        # an adverb of a milestone between the money word and its verb (found blind in round s428)
        ("现代城税收首次突破5000万,同比增长52.1%", [("突破5000万", "50000000", "元"), ("52.1%", "52.1", "%")]),
        # an approximation word between the number and the scale (20余万: over 200,000 元)
        ("街道累计筹得资金20余万，调拨防疫物资。", [("20余万", "200000", "元")]),
        ("3多措并举", []),  # 多 that no scale or unit follows belongs to the next word
        ("全镇耕地占全年1.2万", []),  # no amount of money before it: a bare scale counts nothing
        # a tax (国税, 地税, 纳税) and a rent are money; 已 may stand between the word and the figure
        ("国税已完成2269万，地税已完成1699万。", [("2269万", "22690000", "元"), ("1699万", "16990000", "元")]),
        ("盘活闲置厂房，年收入租金15万；", [("15万", "150000", "元")]),
        # 超 and 过 between the word and the figure (found blind in round s79)
        ("1-6月份磁灶镇税收收入超2亿\n", [("超2亿", "200000000", "元")]),
        ("今年灯具产值过10亿。", [("10亿", "1000000000", "元")]),
        # 实际入库 (found blind in round s83)
        ("全镇财税收入实际入库293万，完成全年预算的101.2%", [("293万", "2930000", "元"), ("101.2%", "101.2", "%")]),
        # a population word names a number of people (人口4.25万): 人, never money
        ("全镇总人口3.5万，其中农业人口2.8万。", [("3.5万", "35000", "人"), ("2.8万", "28000", "人")]),
        ("全镇有2.3万的农户", []),
        # a labour force moved is people too (found blind in round s430), beside the money it brought home
        (
            "全年轉移勞動力 1.1萬,帶回勞務收入1.2億;",
            [("1.1萬", "11000", "人"), ("1.2億", "120000000", "元")],
        ),
        # a word of measure that ends with its unit names it (土方5.7萬: found blind in round s99), never over money
        (
            "圩堤加固,長2300米,土方5.7萬\n二、面上工程:1600米,土石方2.4萬。",
            [("2300米", "2300", "米"), ("5.7萬", "57000", "方"), ("1600米", "1600", "米"), ("2.4萬", "24000", "方")],
        ),
        ("土方工程投资50万，", [("50万", "500000", "元")]),
        # a population named right after the scale, though 实 may also start a verb after a figure (实施): found
        # blind in round s80
        ("积极应对约11万实际管理人口、7000多家市场主体", [("约11万", "110000", "人"), ("7000多家", "7000", "家")]),
        # the thing a bare scale measures, joined by 的, when its size is its cost: a project, a works, a cluster
        ("打造105亿的产业集群。", [("105亿", "10500000000", "元")]),
        # money itself after 的 (found blind in round s96)
        ("保守估计一年将产生1.5亿的税收,", [("1.5亿", "150000000", "元")]),
        # dividends (found blind in round s103)
        ("毛家村有23个股东代表到场,共分红217万;", [("23个", "23", "个"), ("217万", "2170000", "元")]),
        # a village's collective economy is its income (found blind in round s881); with a unit it may count land
        ("2020年发放光伏扶贫村集体经济92万，各村制定", [("92万", "920000", "元")]),
        ("发展集体经济1.2万亩，", [("1.2万亩", "12000", "亩")]),
        ("群众投工投劳折资约90万。", [("约90万", "900000", "元")]),
        # a whole number after an income per head (found blind in round s879); a word after it or two digits are none
        ("农民人均纯收入8503\n辖9个村", [("8503", "8503", "元"), ("9个", "9", "个")]),
        ("农村居民人均可支配收入18363。", [("18363", "18363", "元")]),
        ("人均收入12。", []),
        ("人均纯收入18363完成财政收入", []),
        ("人均纯收入增长850，", []),  # a change's unit lost may be a percentage's
        ("3千万的格瑞斯油茶加工项目和5千万的茶叶项目，", [("3千万", "30000000", "元"), ("5千万", "50000000", "元")]),
        ("全镇有2.3万的农户参与项目", []),  # the words after 的 name people: the figure counts them
        ("带动2万的群众参与工程", []),
        # 近 or 逾 between the money word and the figure, 投入 as a money word, and a verb or 对 after the scale
        ("诸如投资近2.47个亿的处理场", [("近2.47个亿", "247000000", "元")]),
        # and after a numeral in characters, which was read as a count of 个 (三年內計劃突破一個億: found in round s739)
        ("全年完成税收两个亿，", [("两个亿", "200000000", "元")]),
        ("年产值2500万元，三年内计划突破一個億。", [("2500万元", "25000000", "元"), ("突破一個億", "100000000", "元")]),
        ("引进三个亿元项目。", [("三个", "3", "个")]),  # a class of what is counted
        ("成为一个亿万富翁。", []),
        ("投资120万完成亲水游步道清理", [("120万", "1200000", "元")]),
        ("投入300余万对农贸市场进行改造", [("300余万", "3000000", "元")]),
        # a population right after the scale (6.1万常住人口): 人
        ("198栋居民楼、6.1万常住人口。", [("198栋", "198", "栋"), ("6.1万", "61000", "人")]),
        # and after a nationality's name or 各族 (found on the stand-in: its annotators counted the six such)
        ("这里生活着1.6万彝族群众。", [("1.6万", "16000", "人")]),
        ("23个民族的5萬多各族同胞,傣族", [("23个", "23", "个"), ("5萬多", "50000", "人")]),
        ("带动1.2万藏族", []),
    ],
)
def test_bare_scale_of_money(text: str, expected: list[tuple[str, str, str]]) -> None:
    _reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rate whose % sign the copy lost, right after a verb of a rate and before its clause's end
        (
            "工商税收1980万元，同比增长52.07，地方财政收入完成632万元，同比增长41.37。",
            [
                ("1980万元", "19800000", "元"),
                ("52.07", "52.07", "%"),
                ("632万元", "6320000", "元"),
                ("41.37", "41.37", "%"),
            ],
        ),
        ("实现工业总产值 13 亿元，增长 25，", [("13 亿元", "1300000000", "元"), ("25", "25", "%")]),
        (
            "销售 2.85 亿元，分别增长 29 和 27；",
            [("2.85 亿元", "285000000", "元"), ("29", "29", "%"), ("27", "27", "%")],
        ),
        ("万元GDP能耗同比下降3.5；", [("3.5", "3.5", "%")]),
        ("人均纯收入增加300，", []),  # a verb of amounts: the unit lost is not known
        ("贷款余额达554万元，比年初增长2", [("554万元", "5540000", "元")]),  # cut short: what followed is not known
        ("投资增长350，", []),  # more often an amount whose unit was lost than a rate
        ("增长25户，", [("25户", "25", "户")]),
        ("总产值增长2019，", []),
    ],
)
def test_a_rate_whose_sign_was_lost(text: str, expected: list[tuple[str, str, str]]) -> None:
    _reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare scale before 大关 is money when money, or a money word, stands earlier in its sentence
        (
            "实现财政收入2.25亿元，较上年增长了7.4%，连续两年突破两亿大关，",
            [
                ("2.25亿元", "225000000", "元"),
                ("7.4%", "7.4", "%"),
                ("两年", "2", "年"),  # 连续两年: a span of years (units.tsv counted_kind)
                ("突破两亿", "200000000", "元"),
            ],
        ),
        ("规上工业产值继2023年突破60亿大关之后，", [("突破60亿", "6000000000", "元")]),
        ("游客人数突破百万大关，", []),  # no money in its sentence: a count of an unwritten unit
        ("粮食产量突破两亿大关。", []),
        ("财政收入2.25亿元。粮食产量突破两亿大关。", [("2.25亿元", "225000000", "元")]),  # money of another sentence
    ],
)
def test_a_milestone_of_money(text: str, expected: list[tuple[str, str, str]]) -> None:
    _reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole number with no scale and no unit right after a population word counts people: an encyclopedia's
        # box, a profile's line, a census's first row (found on the excerpts, eleven such figures)
        ("面积:77.5平方公里 人口:15212(2003年)", [("77.5平方公里", "77.5", "平方公里"), ("15212", "15212", "人")]),
        (
            "總戶數380戶,總人口1390,人均年收入3000元。",
            [("380戶", "380", "户"), ("1390", "1390", "人"), ("3000元", "3000", "元")],
        ),
        ("(第五次人口普查数据) 总人口 8614 男 4597 女 4017", [("8614", "8614", "人")]),
        # not after 人 (每人500 is money each), nor a density, a short number, a census's name or a word after it
        ("每人500,人口密度120,人口12,人口普查 | 104143,人口1390户。", [("1390户", "1390", "户")]),
    ],
)
def test_a_bare_whole_number_after_a_population_word_counts_people(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(q.raw, q.base_value, q.base_unit) for q in extract(text).quantities] == [
        (r, Decimal(v), u) for r, v, u in expected
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a budget's staff, a count's label right before each bare number (found blind in round s828)
        (
            "人员情况:编制人数42,其中:行政编制人数19、事业编制人数0;离休人数0。",
            [("42", "42", "人"), ("19", "19", "人"), ("0", "0", "人"), ("0", "0", "人")],
        ),
        ("全年受理件数12;办结件数12。", [("12", "12", "件"), ("12", "12", "件")]),
        ("全村总户数为 2794,", [("2794", "2794", "户")]),
        ("实有人数49", [("49", "49", "人")]),  # at the text's end too
        # a share of the count (占总户数80), a unit or a word after the number, a rate: no count of the label's
        ("其中困难户87户,占总户数90,户均创收。", [("87户", "87", "户")]),
        ("参保人数3000人,参保人数增长5%。", [("3000人", "3000", "人"), ("5%", "5", "%")]),
        ("户均人数3.5,", []),  # an average, no whole count
    ],
)
def test_a_bare_count_after_its_label(text: str, expected: list[tuple[str, str, str]]) -> None:
    _reads(text, expected)



def test_a_fall_to_zero_after_a_percentage_in_its_clause_is_zero_percent() -> None:
    # probes of hand-written excerpts (w249): 贫困发生率由2014年的43.2%降为0
    doc = extract("贫困发生率由2014年的43.2%降为0。")
    assert [(q.raw, q.base_value, q.base_unit) for q in doc.quantities] == [
        ("43.2%", Decimal("43.2"), "%"),
        ("0", Decimal("0"), "%"),
    ]
    # with no percentage before it in its clause, or with words going on, no unit is known
    assert [q.raw for q in extract("由5户降为0，库存降至0。").quantities] == ["5户"]
    assert [q.raw for q in extract("发生率由3%降为0.5万户").quantities] == ["3%", "0.5万户"]
