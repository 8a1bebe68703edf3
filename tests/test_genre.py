"""meta.genre, plan-only and review-only documents, and committing sentences without headings (issue 12, items 1-2).

The genre of every corpus report is written by hand in ``tests/corpus/manifest_genres.tsv`` (a copy of the
corpus manifest with a genre column). Plan-only and review-only documents are cut from corpus reports: the plan
(or review) part of a report, without its part heading, under a 工作要点 (or 工作总结) title.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLE

from extractor import extract, extract_file
from extractor.loaders import load
from extractor.records import committing
from extractor.records.genre import from_title

MANIFEST = Path(__file__).resolve().parent / "corpus" / "manifest_genres.tsv"


def _manifest() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader((x for x in f if not x.startswith("#")), delimiter="\t"))


def test_manifest_copy_names_every_corpus_report() -> None:
    assert {r["file"] for r in _manifest()} == {p.name for p in CORPUS.iterdir()}


@pytest.mark.parametrize("row", _manifest(), ids=lambda r: r["file"])
def test_corpus_genre(row: dict[str, str]) -> None:
    assert extract_file(str(CORPUS / row["file"])).meta.genre == row["genre"]


def test_sample_is_a_summary_plan() -> None:
    assert extract_file(str(SAMPLE)).meta.genre == "summary_plan"


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("2022年安国市政府工作报告", "work_report"),
        ("洪山镇2019年工作总结及2020年工作规划", "summary_plan"),
        ("某某镇2019年工作总结和2020年工作打算", "summary_plan"),
        ("某某镇2019年工作总结", "summary"),
        ("米易县2022年重点工作要点", "plan"),
        ("某某县2023年工作计划", "plan"),
        ("某某市国民经济和社会发展第十四个五年规划纲要", "plan"),
        ("某某县乡村振兴三年行动方案", "plan"),
        ("某某县农村人居环境整治实施方案", "plan"),
        ("行政长官2017年施政报告", "policy_address"),
        ("在全县经济工作会议上的讲话", None),
        ("", None),
    ],
)
def test_title_genre(title: str, genre: str | None) -> None:
    assert from_title(title) == genre


def _target_raws(doc: object) -> set[str]:
    return {t.value.raw for g in doc.goals for t in g.targets if t.value}  # type: ignore[attr-defined]


def _indicator_raws(doc: object) -> set[str]:
    """Each indicator's level, or its change when it has no level (上半年按年实质增长4.0%)."""
    return {i.value.raw if i.value else i.change.value.raw for i in doc.indicators}  # type: ignore[attr-defined]


def _report(body: str, title: str) -> str:
    return f"{title}\n{body}"


def _cut(name: str, kind: str) -> tuple[str, object]:
    """The part of one kind of a corpus report, without its heading, and the report's own extraction."""
    loaded = load(str(CORPUS / name))
    doc = extract(loaded.text)
    parts = [s for s in doc.sections if s.kind == kind]
    start = parts[0].heading_span.end if parts[0].heading_span else parts[0].span.start
    end = parts[-1].span.end
    return loaded.text[start:end], doc


# Five reports, each cut twice: its plan part under a 工作要点 title, its review part under a 工作总结 title.
CUTS = [
    ("county_boye_2025.txt", "博野县", 2025),
    ("county_anguo_2022.txt", "安国市", 2022),
    ("prefecture_zhongwei_2023.txt", "中卫市", 2023),
    ("prefecture_sanming_2020.txt", "三明市", 2020),
    ("county_hailar_2019.txt", "海拉尔区", 2019),
]


@pytest.mark.parametrize(("name", "region", "year"), CUTS, ids=[c[0] for c in CUTS])
def test_plan_only_document(name: str, region: str, year: int) -> None:
    body, whole = _cut(name, "plan")
    doc = extract(_report(body, f"{region}{year}年重点工作要点"))
    assert doc.meta.genre == "plan"
    assert doc.meta.region == region
    assert doc.meta.year_planned == year
    assert doc.indicators == []
    # The goals of the plan part, read without its heading, are the report's own (at least 90% of them).
    expected = {g.text for g in whole.goals}  # type: ignore[attr-defined]
    found = {g.text for g in doc.goals}
    assert len(expected & found) >= 0.9 * len(expected)


@pytest.mark.parametrize(("name", "region", "year"), CUTS, ids=[c[0] for c in CUTS])
def test_review_only_document(name: str, region: str, year: int) -> None:
    body, whole = _cut(name, "review")
    doc = extract(_report(body, f"{region}{year - 1}年工作总结"))
    assert doc.meta.genre == "summary"
    assert doc.meta.year_reviewed == year - 1
    assert doc.goals == []
    expected = _indicator_raws(whole)
    assert len(expected & _indicator_raws(doc)) >= 0.9 * len(expected)


def test_summary_with_a_next_step_paragraph_plans() -> None:
    text = (
        "某某镇2023年工作总结\n"
        "一年来，全镇实现地区生产总值5.2亿元，同比增长6%，新建道路10公里，完成投资2亿元，各项工作取得明显成效。\n"
        "下一步，我镇将继续加大招商引资力度，力争引进企业3家以上，新建村级道路15公里，年底前完成污水处理厂建设。\n"
    )
    doc = extract(text)
    assert (doc.meta.genre, _target_raws(doc)) == ("summary_plan", {"3家以上", "15公里"})
    assert _indicator_raws(doc) == {"5.2亿元", "10公里", "2亿元"}


def test_headed_report_keeps_the_heading_path() -> None:
    # A 下一步 sentence inside the review of a report with a plan heading stays a review sentence.
    text = (
        "某某县2020年政府工作报告\n一、2019年工作回顾\n"
        "全年完成投资12亿元，增长8%。下一步，我们将继续推进项目建设，新建道路20公里，确保工程按期完成。\n"
        "二、2020年工作安排\n今年要新建学校3所，力争引进企业5家，确保各项任务圆满完成，让群众得到实惠，"
        "让发展成果更多更公平地惠及全县人民。\n"
    )
    doc = extract(text)
    assert (doc.meta.genre, _target_raws(doc)) == ("work_report", {"3所", "5家"})


# ---------------------------------------------------------------------------------------------------------------
# Committing sentences, clause by clause


def _commits(sentence: str, planned: int = 2018, reviewed: int = 2017) -> list[str]:
    spans, _ = committing.committing_spans(sentence, 0, len(sentence), planned, reviewed)
    return [sentence[s:e] for s, e in spans]


@pytest.mark.parametrize(
    "sentence",
    [
        "政府会斥资30亿元推行樓宇更新大行动。",
        "我们将分别把幼儿学前康复服务名额由目前的3 000个增加到7 000个。",
        "我们建议将每月公共交通开支水平定于400元。",
        "目标是在本届政府内提升青年成员的整体比率至百分之十五。",
        "我们亦即将展开招聘20至30名青年人。",
        "力争引进企业3家以上。",
        "拟安排资金5亿元用于旧城改造。",
        "计划在明年新建学校2所。",
        "我承诺把服务轮候时间减至零。",
        "在2018年底前完成全部改造。",
        "要确保粮食产量稳定在50万吨。",
        "初步估计，新增的会展设施面积约23 000平方米。",
    ],
)
def test_committing_sentence(sentence: str) -> None:
    assert _commits(sentence) != []


@pytest.mark.parametrize(
    "sentence",
    [
        "全年完成了地区生产总值100亿元。",
        "社会消费品零售总额同比增长8%。",
        "新建道路比上年增加10公里。",
        "已累计投入资金5亿元。",
        "香港今年全年经济表现可望较早前预测的中间点3.5%为佳。",
        "预计全年增长6%。",
        "委员会召开会议3次，社会各界踊跃参与。",
        "房委会于2016年推行先导计划，提供857个单位。",
        "现时约有756 000户家庭居住在公屋。",
        "上半年按年实质增长4.0%。",
    ],
)
def test_achieved_or_neutral_sentence(sentence: str) -> None:
    assert _commits(sentence) == []


def test_clauses_of_one_sentence_are_labelled_apart() -> None:
    s = "其中36亿元资助的措施已在本学年展开，政府会就相关范畴进行检讨。"
    assert _commits(s) == ["政府会就相关范畴进行检讨。"]


def test_list_items_take_their_list_label() -> None:
    doc = extract(
        "行政长官2017年施政报告\n"
        "为此，施政报告提出了不少这方面的措施，包括：\n"
        "把残疾学生在政府部门实习的计划名额由每年50个倍增至100个，提升他们的就业竞争力；\n"
        "重新兴建新的公众街市，为市民提供更多选择。\n"
    )
    assert "100个" in _target_raws(doc)


# ---------------------------------------------------------------------------------------------------------------
# The Hong Kong 2017 policy address: commitments read sentence by sentence

HK2017 = CORPUS / "other_hongkong_policy_address_2017.txt"
# Numeric targets of the address, as written (chosen by hand from its text).
HK2017_TARGETS = [
    "1.5%",
    "不少於100億元",
    "30億元",
    "5億元",
    "7億元",
    "10億元",
    "8.25%",
    "300%",
    "至少3%",
    "400元",
    "百分之二十五",
    "4 000多個",
    "約1 000個",
    "15 000平方米",
    "7 000個",
    "6 000張",
    "3,200元",
    "100個",
    "百分之十五",
    "20至30名",
]


@pytest.fixture(scope="module")
def hk2017() -> object:
    return extract_file(str(HK2017))


def test_hk2017_is_a_policy_address(hk2017: object) -> None:
    assert hk2017.meta.genre == "policy_address"  # type: ignore[attr-defined]


@pytest.mark.parametrize("raw", HK2017_TARGETS)
def test_hk2017_target(hk2017: object, raw: str) -> None:
    assert raw in _target_raws(hk2017)


@pytest.mark.parametrize("raw", ["4.0%", "3.1%", "3.5%", "2.9%", "756 000戶", "857個", "38萬個"])
def test_hk2017_achievements_stay_indicators(hk2017: object, raw: str) -> None:
    assert raw not in _target_raws(hk2017)
    assert raw in _indicator_raws(hk2017)


def test_hk2017_zero_waiting_is_a_goal(hk2017: object) -> None:
    assert any("服務輪候時間減至零" in g.text for g in hk2017.goals)  # type: ignore[attr-defined]


def test_a_paragraph_opening_with_the_planned_year_plans() -> None:
    doc = extract(
        "某某镇2019年工作总结及2020年工作打算\n"
        "一年来，全镇实现地区生产总值5.2亿元，同比增长6%，新建道路10公里，完成投资2亿元，各项工作取得明显成效。\n"
        "2020年，我镇将重点抓好以下几方面工作：\n"
        "一是加大招商引资力度，力争引进企业3家以上，确保项目早日落地见效，为全镇经济发展注入新的活力。\n"
        "二是新建村级道路15公里，年底前完成污水处理厂建设，由镇规划办负责，切实改善群众生产生活条件。\n"
    )
    assert (doc.meta.genre, _target_raws(doc)) == ("summary_plan", {"3家以上", "15公里"})
    assert _indicator_raws(doc) == {"5.2亿元", "10公里", "2亿元"}
    road = next(g for g in doc.goals if "污水处理厂" in g.text)
    assert road.deadline is not None and road.deadline.date == "2020-12"
    assert road.lead_unit is not None and road.lead_unit.name == "镇规划办"


def test_a_review_sentence_naming_the_reviewed_year_does_not_plan() -> None:
    doc = extract(
        "某某镇2019年工作总结\n"
        "2019年，全镇实现地区生产总值5.2亿元，同比增长6%，新建道路10公里，完成投资2亿元，各项工作取得明显成效，"
        "群众获得感不断增强。\n"
    )
    assert (doc.meta.genre, doc.goals) == ("summary", [])
