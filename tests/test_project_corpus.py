"""Projects against the project record corpus (issue 11) and the issue's own examples.

The corpus (``tests/records/projects_dev.json``, ``projects_heldout.json``, ``projects_heldout2.json``) was annotated
by helpers who never saw the tool's output: sentences of the corpus reports with the projects a reader lists in them,
and phrases that are not projects. The development part was used to tune the rules. The first held-out part (other
reports) was scored once at the end of the first round and has been tuned on since; the second held-out part
(four more reports, every sentence of them, so that precision counts every extra) was annotated later and is the
one not tuned on. The floors below sit just under the figures measured (see the issue note), so that a change that
loses projects, lets generic phrases back in or reads statuses worse fails here. A prediction answers one gold name:
a list read as one name does not find each of its items.
"""

from __future__ import annotations

from typing import Any

import pytest
from project_corpus import RECORDS, Score, load, report_path, score

from extractor import extract
from extractor.loaders import load_bytes

R = "一、2025年工作回顾\n"
P = "二、2026年工作安排\n"

# Figures measured when the rules were settled (precision, recall, status accuracy), less a small margin.
FLOORS = {
    "dev": (0.91, 0.82, 0.89),  # measured P 0.917, R 0.828, status 0.900
    "heldout": (0.81, 0.83, 0.86),  # tuned on since its first scoring: P 0.822, R 0.837, status 0.870
    "heldout2": (0.745, 0.725, 0.85),  # not tuned on (totals read only): P 0.756, R 0.736, status 0.858
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def split(request: pytest.FixtureRequest) -> tuple[str, Score]:
    return request.param, score(load(request.param))


def test_split_meets_its_floor(split: tuple[str, Score]) -> None:
    name, s = split
    p, r, st = FLOORS[name]
    assert s.precision >= p and s.recall >= r and s.status_acc >= st, f"{name}: {s.line()}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_corpus_is_grounded_and_large_enough(name: str) -> None:
    records = load(name)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for r in records:
        path = report_path(r["source"])
        assert path is not None, r["source"]
        text = load_bytes(path.read_bytes(), str(path)).text  # the GB18030 reports decoded as the tool does
        assert text[r["start"] : r["start"] + len(r["text"])] == r["text"], r["id"]
        assert r["part"] in ("review", "plan")
        for g in r["projects"]:
            assert g["name"] in r["text"], (r["id"], g["name"])
            money = g.get("investment")  # as written (4300万元), or a number of 元
            assert money is None or isinstance(money, (int, float)) or money in r["text"], (r["id"], money)
            assert all(loc in r["text"] for loc in g.get("locations", [])), r["id"]
        assert all(n in r["text"] for n in r.get("not_projects", [])), r["id"]


def test_corpus_sizes() -> None:
    records = load("dev") + load("heldout")
    with_projects = [r for r in records if r["projects"]]
    negatives = [r for r in records if not r["projects"] and r.get("not_projects")]
    assert len(with_projects) >= 200 and len(negatives) >= 60
    sources = [{r["source"] for r in load(name)} for name in ("dev", "heldout", "heldout2")]
    assert all(a.isdisjoint(b) for i, a in enumerate(sources) for b in sources[i + 1 :])


def _projects(text: str) -> list[Any]:
    return extract(text).projects


# The forms of issue 11: one sentence each, with the projects a reader lists (name, status).
POSITIVE = [
    (
        P + "加快推进S465改建、安宁河一桥拆除重建、南部新城生态湿地公园等项目建设。",
        [("S465改建", "in_progress"), ("安宁河一桥拆除重建", "in_progress"), ("南部新城生态湿地公园", "in_progress")],
    ),
    (R + "建成新六路、西环路，城市路网进一步完善。", [("新六路", "completed"), ("西环路", "completed")]),
    (
        P + "开工建设G227县城段改线、C35水泥路17.793公里，推进成昆铁路复线冕宁至米易段、米会高速建设。",
        [
            ("G227县城段改线", "planned"),
            ("C35水泥路", "planned"),
            ("成昆铁路复线冕宁至米易段", "in_progress"),
            ("米会高速", "in_progress"),
        ],
    ),
    (
        R + "新山水库、丙海水利枢纽开工建设，前进渠续建配套与节水改造工程完工，水塘安置房（二期）建成交付。",
        [
            ("新山水库", "started"),
            ("丙海水利枢纽", "started"),
            ("前进渠续建配套与节水改造工程", "completed"),
            ("水塘安置房（二期）", "completed"),
        ],
    ),
    (
        R + "年产80万吨净水剂、安宁股份磷酸铁锂等项目建成投产，白马铁矿三期开工建设，"
        "夏家坪钒钛磁铁矿勘查开发项目签约落地。",
        [
            ("年产80万吨净水剂", "operating"),
            ("安宁股份磷酸铁锂", "operating"),
            ("白马铁矿三期", "started"),
            ("夏家坪钒钛磁铁矿勘查开发项目", "signed"),
        ],
    ),
    (P + "建成“川菜”种质资源中心库。", [("“川菜”种质资源中心库", "in_progress")]),
    (R + "投资5642万元的贤家新区市政道路开工建设。", [("贤家新区市政道路", "started")]),
    # Two works joined by 及, the first with its own head, are two names; 基本建成 after a weak head is its status.
    (
        R + "商贸大街南延道路及孝义河桥翻新改造建成通车。",
        [("商贸大街南延道路", "operating"), ("孝义河桥翻新改造", "operating")],
    ),
    (R + "安宁市工业设计创新中心基本建成。", [("安宁市工业设计创新中心", "completed")]),
    # A list closed by its count (四个项目) without 等; 的 and a works word after a name; a pair whose first item
    # ends with its works word; 立足 is no part of a name.
    (
        R + "工业区新入驻八木化纤、杰达电力、长江聚氨酯四个项目。",
        [("八木化纤", "signed"), ("杰达电力", "signed"), ("长江聚氨酯", "signed")],
    ),
    (P + "加快“燕赵西湖”项目的开发建设。", [("“燕赵西湖”项目", "in_progress")]),
    (P + "年内完成致富路改造和幸福街东延工程。", [("致富路改造", "in_progress"), ("幸福街东延工程", "in_progress")]),
    (P + "立足海拉尔食品产业园建设，推进新兴工业发展。", [("海拉尔食品产业园", "in_progress")]),
    (R + "“雅江1号”智算中心建成投用。", [("“雅江1号”智算中心", "operating")]),
    # A capacity inside a name, after its owner's name; a figure after a verb or a joiner opens the name.
    (
        R + "晶科能源200兆瓦太阳能电池组件项目建成投产，胡村110千伏变电站建成，宏鑫公司1.5万吨铜加工等项目开工。",
        [
            ("晶科能源200兆瓦太阳能电池组件项目", "operating"),
            ("胡村110千伏变电站", "completed"),
            ("宏鑫公司1.5万吨铜加工", "started"),
        ],
    ),
    (R + "黄河三角洲可持续发展研究院建设深入推进。", [("黄河三角洲可持续发展研究院", "in_progress")]),
    # A phase marks one work whatever the name ends with; a kind of building listed with named works is one work.
    (R + "虎门港综合保税区一期建成投用。", [("虎门港综合保税区一期", "operating")]),
    (
        R + "阜东小学、中医院、回迁安置小区加快建设。",
        [("阜东小学", "in_progress"), ("中医院", "in_progress"), ("回迁安置小区", "in_progress")],
    ),
    # A count of works names none of them; a named work may follow the counted kind, and a count may sit inside a
    # name after its owner's name.
    (
        R + "加快建设6个乡镇工业园区和龙泉装备制造产业园，华丰农机2000台收割机生产线技改项目建成投产。",
        [("龙泉装备制造产业园", "in_progress"), ("华丰农机2000台收割机生产线技改项目", "operating")],
    ),
    # Housing estates, schools, car parks and depots are works where a works verb speaks of them.
    (
        P + "加快建设滨江佳苑、县实验高中和人民路地下停车场，新建县粮食储备库。",
        [
            ("滨江佳苑", "in_progress"),
            ("县实验高中", "in_progress"),
            ("人民路地下停车场", "in_progress"),
            ("县粮食储备库", "planned"),
        ],
    ),
    # A list's items are its names, even when the last one's head could read the whole list as one name.
    (
        P + "加快推进龙江水电和沿江铁路等重大工程建设。",
        [("龙江水电", "in_progress"), ("沿江铁路", "in_progress")],
    ),
    # The verb at the head of a long clause governs its later works, past the kinds between them.
    (
        P + "加快推进华峰集团年产30万吨己二酸扩能项目、城区集中供热管网改造提升、老旧小区雨污分流改造、"
        "龙腾新材料碳纤维生产线项目。",
        [("华峰集团年产30万吨己二酸扩能项目", "in_progress"), ("龙腾新材料碳纤维生产线项目", "in_progress")],
    ),
    # Works brought in (引进, 签订) are signed.
    (
        R + "成功引进华丰科技、龙腾新材料等项目，签订汇川电机项目合同。",
        [("华丰科技", "signed"), ("龙腾新材料", "signed"), ("汇川电机项目", "signed")],
    ),
    # A batch of works of a kind the lexicon does not know lists works by name; each item's own money opens it.
    (
        R + "宁德时代、比亚迪等一批新能源汽车零部件项目建成投产，投资8亿元华润啤酒、12亿元海螺水泥技改等项目开工。",
        [("宁德时代", "operating"), ("比亚迪", "operating"), ("华润啤酒", "started"), ("海螺水泥技改", "started")],
    ),
    # 提速实施 in a plan is a work under way, as 加快实施 is; 建好 is its completion, in a plan still to come.
    (
        P + "提速实施东岳大道、城北水厂扩能改造等项目，建好城南科技园。",
        [("东岳大道", "in_progress"), ("城北水厂扩能改造", "in_progress"), ("城南科技园", "in_progress")],
    ),
    # 新建项目 and 新签约项目 name the list's kind, not its state: the state is the word after it.
    (R + "东辰电子、恒远精密等新签约项目扎实推进。", [("东辰电子", "in_progress"), ("恒远精密", "in_progress")]),
    (R + "红星水厂、东城污水处理厂等12个新建项目相继启动。", [("红星水厂", "started"), ("东城污水处理厂", "started")]),
    # A weak head may be followed by an adverb of its state (即将, 相继); 即将 holds back every status word after it.
    (R + "城南粮食储备库即将建成投产运营。", [("城南粮食储备库", "in_progress")]),
    # A work with its main structure done, its money of the year spent or in busy construction is under way; one
    # that opens to pupils or patients (建成招生, 启用) operates.
    (
        R + "市医院应急救治综合楼完成主体结构，城北物流园完成投资2.6亿元，东城商贸市场正在紧张建设中，"
        "县职业技术学院建成招生，城南客运站启用。",
        [
            ("市医院应急救治综合楼", "in_progress"),
            ("城北物流园", "in_progress"),
            ("东城商贸市场", "in_progress"),
            ("县职业技术学院", "operating"),
            ("城南客运站", "operating"),
        ],
    ),
    # Approval and land taking come before works; a park that opens operates; a road ready for traffic is done.
    (
        R + "城南灌溉二期工程获批，东湖文化公园揭碑开园，城西第二人民医院启动建设，滨河大道具备通车条件。",
        [
            ("城南灌溉二期工程", "planned"),
            ("东湖文化公园", "operating"),
            ("城西第二人民医院", "started"),
            ("滨河大道", "completed"),
        ],
    ),
    # A power corridor and a ring road are works where a works word speaks of them.
    (P + "加快北部电力外送通道、滨江环线建设。", [("北部电力外送通道", "in_progress"), ("滨江环线", "in_progress")]),
    # A capacity that opens a name is part of it, a space after its figure or not; a hospital's new campus is a work.
    (
        R + "220 千伏城北变电站扩建和10万千瓦热电联产项目开工建设，市妇幼保健院新院区建成投用。",
        [
            ("220 千伏城北变电站扩建", "started"),
            ("10万千瓦热电联产项目", "started"),
            ("市妇幼保健院新院区", "operating"),
        ],
    ),
    # A works phrase joined to a generic headed one by 与 is one work's name.
    (P + "加快北河综合治理与生态修复工程。", [("北河综合治理与生态修复工程", "in_progress")]),
    # The county's own hospital moved is one work; a kind alone (县医院) is none.
    (
        P + "加快县医院迁建、市体育馆改造，建设县医院。",
        [("县医院迁建", "in_progress"), ("市体育馆改造", "in_progress")],
    ),
    # 加快 gives the pace; the stage word after it (筹建) gives the state.
    (
        R + "城东职业技术学院加快筹建，城西污水处理厂加快建设。",
        [("城东职业技术学院", "planned"), ("城西污水处理厂", "in_progress")],
    ),
    # Works by name in a list closed by a sector's projects (等农业产业项目); kinds there (灌区改造) are no works.
    (
        R + "青山源生物饮料、绿丰养殖等农业产业项目建设完工，灌区改造、河道治理等农田水利项目加快推进。",
        [("青山源生物饮料", "completed"), ("绿丰养殖", "completed")],
    ),
    # A long list of works without heads is read whole.
    (
        R + "成功引进北辰新材料科技、东江锂电池循环利用、南湖生物医药研发中试、青峰冷链物流配送、汇源食品精深加工、"
        "西岭中药饮片生产、长丰智能装备制造、金石光电显示面板、远航新能源电池包、银河数据中心机柜等一批重点项目。",
        [
            ("北辰新材料科技", "signed"),
            ("东江锂电池循环利用", "signed"),
            ("南湖生物医药研发中试", "signed"),
            ("青峰冷链物流配送", "signed"),
            ("汇源食品精深加工", "signed"),
            ("西岭中药饮片生产", "signed"),
            ("长丰智能装备制造", "signed"),
            ("金石光电显示面板", "signed"),
            ("远航新能源电池包", "signed"),
            ("银河数据中心机柜", "signed"),
        ],
    ),
    # Works each with its own money, joined by list marks, are works by name; one alone needs its head.
    (
        P + "启动投资2.1亿元的晨星汽车零部件、投资1亿元的康达二期精炼项目，支持投资5亿元的远航物流。",
        [("晨星汽车零部件", "planned"), ("康达二期精炼项目", "planned")],
    ),
    # A long list of works, each with its money, is read whole.
    (
        R + "年内引进投资18亿元的北辰新材料产业园、投资9.6亿元的东江锂电池回收利用、投资7亿元的南湖生物医药中试"
        "基地、投资3.5亿元的青峰冷链物流中心、投资3亿元的汇源食品深加工、投资1.2亿元的西岭中药饮片厂等一批项目。",
        [
            ("北辰新材料产业园", "signed"),
            ("东江锂电池回收利用", "signed"),
            ("南湖生物医药中试基地", "signed"),
            ("青峰冷链物流中心", "signed"),
            ("汇源食品深加工", "signed"),
            ("西岭中药饮片厂", "signed"),
        ],
    ),
    # A part of the work done (主体, 土建, right before or after the completion word): the work is under way.
    (
        R + "城南水厂主体工程完工，滨河公园项目土建基本完工，东城学校项目全面完工，县医院门诊楼项目完成主体结构。",
        [
            ("城南水厂主体工程", "in_progress"),
            ("滨河公园项目", "in_progress"),
            ("东城学校项目", "completed"),
            ("县医院门诊楼项目", "in_progress"),
        ],
    ),
    # Only a gap word (基本, 全面) stands between a part and its completion word: 主体育场 is a stadium, done.
    (R + "市奥体中心主体育场完工。", [("市奥体中心主体育场", "completed")]),
]


@pytest.mark.parametrize(("text", "want"), POSITIVE, ids=[w[0][0] for _, w in POSITIVE])
def test_issue_forms(text: str, want: list[tuple[str, str]]) -> None:
    got = {p.name: p.status for p in _projects(text)}
    assert got == dict(want)


def test_evidence_and_investment_either_side() -> None:
    got = {p.name: p for p in _projects(P + "投资5642万元的贤家新区市政道路开工建设，白马铁矿三期项目总投资3.2亿元。")}
    assert got["贤家新区市政道路"].investment.raw == "5642万元"
    assert got["贤家新区市政道路"].evidence == "verb"
    assert got["白马铁矿三期项目"].investment.raw == "3.2亿元"
    assert got["白马铁矿三期项目"].evidence == "head"
    listed = _projects(P + "加快推进S465改建、南部新城生态湿地公园等项目建设。")
    assert [p.evidence for p in listed] == ["list", "head"]
    assert _projects(P + "实施“蓝天碧水”工程。")[0].evidence == "quoted"


NEGATIVE = [
    P + "谋划储备重大市政基础设施项目、产业扶持项目、新能源项目、文旅项目、康养项目。",
    P + "推动在库项目和新签约入统项目尽快开工，服务业等领域项目加快落地，争取省市县三级项目支持。",
    P + "坚持项目为王，一切围着项目转，突出“项目为王”导向，强招商上项目。",
    P + "引进更多项目、关键项目、高质量项目和优质企业和项目。",
    R + "深入开展项目建设“百日会战”，创建省五星级园区，入选首批国家级零碳园区。",
    R + "我们狠抓园区建设，堵住项目流失漏洞，对接成果转化项目12个。",
    R + "游客人次和出游总花费保持高速增长，新上项目1600个。",
    P + "嚐试发展以家庭农场、无公害蔬菜庄园、创意农业产业园等为主的多模式农业。",
    P + "实施农村饮水安全工程、“十个全覆盖”工程，抓好水利、交通等重点工程。",
    # A title given by a rating verb, and a kind of project named by a modifier of kind.
    R + "示范区获批“国家级湿地公园”，被列为国家农业科技园区。",
    P + "谋划一批综合性项目、基地型项目和清洁能源保障性项目。",
    R + "对100余公里农村公路进行了改造。",
    R + "铁路、高速公路、机场等重大基础设施加快建设，中医院完成改造。",
    P + "举办第一期培训班，每期培训200人。",
    P + "争取国债项目、补短板项目、新型工业项目和氢基能源项目落地，推进口袋公园建设。",
    P + "建设省级特色小镇和红色教育培训基地，实施生态保护修复工程。",
    P + "每个县（市）、区确定1个以上改造项目，推进百万果苗进新村、建设万亩城市森林三大工程。",
    R + "建成5个污水处理站和12座农村公益性公墓，新建乡镇敬老院3所。",
    R + "完成河道清淤、灌区改造等一批小型水利工程。",
    P + "坚持大抓产业、大干项目。",
    R + "全年实施农村道路提档升级工程完成36处。",
    R + "实现乡乡通高速、村村通客车，X高铁和XX高速加快建设。",
    R + "我们抓项目、推项目，打通制约项目落地的堵点，立行立改项目全部完成。",
    R + "获批全省唯一国家级现代农业产业园，智慧农业建设工作列入全国数字乡村建设案例。",
    R + "龙湖产业园区管委会挂牌成立，推广“千万工程”经验，跨境公路运输常态化开行。",
    R + "办成了通水通气两件大事，实施长期整改项目和发展战略工程，获批本年度全省唯一国家级农业产业园。",
    R + "龙头企业落地投产，十余个项目开工，建成分布式光伏项目6个、总装机8万千瓦。",
    # An item's number before 项目 is no part of a name; a list closed by 等新型基础设施 lists kinds of works.
    P + "一是重大项目加快建设。二是项目储备更加充实。（三）项目建设提速。——项目推进有力。",
    P + "布局建设一批算力平台、千兆光网、充电网络、北斗导航等新型基础设施。",
    R + "三大物流通道和货运集散中心建设初显成效。",
    # A length before a kind of road, even with a space after the figure, and a kind of power corridor.
    R + "完成了 533.5 公里通村公路，推进电力外送通道建设。",
    # A rating of scenic areas and a slogan of two heads name no work.
    R + "推进A级旅游景区提质升级，好项目大项目加快落地建设。",
    # A joined name whose headed part is generic and whose other part is no work names none.
    P + "优先支持重大战略实施、重点地区发展和重大项目落地。",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[len(P) : len(P) + 8] for t in NEGATIVE])
def test_generic_phrases_are_no_projects(text: str) -> None:
    assert [p.name for p in _projects(text)] == []


def test_a_programme_with_money_of_its_own_is_one_work() -> None:
    got = _projects(R + "投资9920万元的农村饮水安全工程已建成12座供水站。")
    assert [(p.name, p.status, p.investment.raw) for p in got] == [("农村饮水安全工程", "completed", "9920万元")]


def test_both_scripts_agree() -> None:
    import opencc

    text = R + "新山水库、丙海水利枢纽开工建设，投资5642万元的贤家新区市政道路建成通车，加快推进白马铁矿三期。"
    trad = opencc.OpenCC("s2t").convert(text)
    assert len(trad) == len(text)
    simp = [(p.span.start, p.span.end, p.status, p.evidence) for p in _projects(text)]
    assert simp == [(p.span.start, p.span.end, p.status, p.evidence) for p in _projects(trad)]
    assert len(simp) == 4


def test_project_words_are_listed_once_and_statuses_unambiguous() -> None:
    from extractor._data import table

    rows = [(r["kind"], r["word"]) for r in table("projects.tsv")]
    assert len(rows) == len(set(rows)), [r for r in set(rows) if rows.count(r) > 1]
    kinds: dict[str, set[str]] = {}
    for kind, word in rows:
        if kind.startswith("status_"):
            kinds.setdefault(word, set()).add(kind)
    assert {w: k for w, k in kinds.items() if len(k) > 1} == {}


@pytest.mark.parametrize(
    ("gold", "report", "recall"),
    [
        ("county_hailar_2019.json", "county_hailar_2019.txt", 1.0),
        ("prefecture_sanmenxia_2015.json", "prefecture_sanmenxia_2015.txt", 0.9),
    ],
)
def test_older_gold_projects_are_found(gold: str, report: str, recall: float) -> None:
    """The projects of two earlier whole-report annotations (tests/gold) are found: recall 1.0 and 0.93 measured."""
    import json

    from extractor import extract_file
    from extractor.evaluate import resolve_gold
    from extractor.evaluate import score as evaluate

    path = report_path(report)
    assert path is not None
    text = path.read_bytes().decode("utf-8-sig")
    want = resolve_gold(json.loads((RECORDS.parent / "gold" / gold).read_text(encoding="utf-8")), text)
    got = json.loads(extract_file(str(path)).model_dump_json())
    assert evaluate(want, got, text)["projects"]["recall"] >= recall


def test_a_category_is_a_sector_never_a_head() -> None:
    """category_<sector> rows give a project's category; category_head rows (项目, 工程) are heads and give none."""
    from extractor._data import table

    sectors = {r["kind"].removeprefix("category_") for r in table("projects.tsv")} - {"category_head"}
    got = {p.name: p.category for p in _projects(R + "东方唐韵项目开工建设，新六路、西环路建成通车。")}
    assert got == {"东方唐韵项目": None, "新六路": "transport", "西环路": "transport"}
    assert all(c is None or c in sectors for c in got.values())


def test_a_place_starts_at_its_own_name() -> None:
    """分别为扬名村庙沙组: the place is 扬名村庙沙组, not 为扬名村庙沙组; 和平村 keeps its 和."""
    got = _projects(
        R + "实施危桥改造工程，分别为扬名村庙沙组、新冲村梅花桥组。完成红旗路改造工程，分别为和平村、新光村。"
    )
    assert [p.locations for p in got] == [["扬名村庙沙组", "新冲村梅花桥组"], ["和平村", "新光村"]]


def test_a_place_starts_at_a_gazetteer_name_of_the_county() -> None:
    from extractor.records.projects import _place_start, lexicon

    view = "分别为石塘铺村"
    assert _place_start(view, 2, len(view), frozenset({"石塘铺村"}), lexicon()) == 3
    view = "覆盖洪山石塘铺村"  # two characters before the village: only the gazetteer knows where it starts
    assert _place_start(view, 2, len(view), frozenset(), lexicon()) == 2
    assert _place_start(view, 2, len(view), frozenset({"石塘铺村"}), lexicon()) == 4


def test_the_sample_places_come_from_the_county_gazetteer() -> None:
    from pathlib import Path

    from extractor import extract_file

    doc = extract_file(str(Path(__file__).resolve().parents[1] / "samples" / "hongshan_2019.txt"))
    bridge = next(p for p in doc.projects if p.name == "危橋改造工程項目")
    assert bridge.locations == ["揚名村廟沙組", "新衝村梅花橋組"]


# Status where no heading names the plan: the sentence's own markers, or a lead-in that announces the plan.
NO_HEADINGS = [
    # 下一步…力争建成滨河路: a plan to finish a work, so it is under way, not completed.
    (
        "洪山镇2024年工作总结\n一、2024年工作回顾\n全年建成红旗路改造工程。\n"
        "下一步，我们将开工建设龙泉大桥，力争建成滨河路。",
        {"红旗路改造工程": "completed", "龙泉大桥": "planned", "滨河路": "in_progress"},
    ),
    # 将重点做好以下几方面工作： announces the plan: 启动 there is planned and 建成 under way, until a sentence turns
    # back to the review (过去一年), where 建成通车 is done.
    (
        "市政府工作报告\n2026年将重点做好以下几方面工作：\n启动东湖大道建设，实现城北水厂建成通水。\n"
        "过去一年，西环路建成通车。",
        {"东湖大道": "planned", "城北水厂": "in_progress", "西环路": "operating"},
    ),
    # The same works without the lead-in: nothing says the text plans, so 启动 is a start that happened.
    ("市政府工作报告\n启动东湖大道建设，城北水厂建成通水。", {"东湖大道": "started", "城北水厂": "operating"}),
]


@pytest.mark.parametrize(("text", "want"), NO_HEADINGS, ids=["next-step", "lead-in", "no-lead-in"])
def test_status_without_a_plan_heading(text: str, want: dict[str, str]) -> None:
    assert {p.name: p.status for p in _projects(text)} == want


def test_status_words_read_once_match_each_windows_own_search() -> None:
    # The status words of a sentence stand in for a window's own search only when no word runs over an edge of the
    # window; windows cut at every position of real text, word edges included, must read the same words, and so
    # must windows that leave the sentence.
    from conftest import CORPUS

    from extractor.normalize import make_view
    from extractor.records.projects import _StatusWords, lexicon

    lex = lexicon()
    text = (CORPUS / "county_gaoyang_2018.txt").read_text(encoding="utf-8")[:6000]
    view = make_view(text)
    words = _StatusWords(view, lex)
    found = [(m.start(), m.end()) for m in lex.status_re.finditer(view)]
    assert len(found) > 20
    assert sum(any(a < s < b for a, b in found) for s in range(len(view))) > 10  # windows that cut a word
    for sentence in ((0, len(view)), (300, len(view) - 300)):
        for s in range(0, len(view) - 60):
            for e in (s + 2, s + 7, s + 40):
                want = [(m.start(), m.end(), m.group()) for m in lex.status_re.finditer(view, s, e)]
                assert words.within(s, e, sentence) == want, (s, e, sentence)


def test_a_clause_ends_at_every_break_of_a_project_clause() -> None:
    # _clause reads the figures' break index and finds the project's own extra breaks (the tab) by search; against a
    # plain reading of the project break set, on text dense with both.
    import random

    from extractor.records.projects import _SHARED_BREAKS, CLAUSE_BREAK, MAX_CLAUSE, _clause
    from extractor.segment import CharIndex

    rng = random.Random(7)
    view = "".join(rng.choice("建成路桥\t，。、\n") for _ in range(3000))
    breaks = CharIndex(view, _SHARED_BREAKS)
    for pos in range(0, len(view), 7):
        lo, hi = max(0, pos - 300), min(len(view), pos + 300)
        got = _clause(breaks, view, pos, lo, hi)
        a, b = max(lo, pos - MAX_CLAUSE), min(hi, pos + MAX_CLAUSE)
        before = [i for i in range(a, pos) if view[i] in CLAUSE_BREAK]
        after = [i for i in range(pos, b) if view[i] in CLAUSE_BREAK]
        assert got == ((before[-1] + 1) if before else a, after[0] if after else b), pos
