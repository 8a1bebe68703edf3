"""deadline and lead_unit on goals (issue 12, item 4): phrase in, value out, and silence gives null."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.records.tasks import deadline, lead_unit

PLANNED = 2025


@pytest.mark.parametrize(
    ("phrase", "raw", "date"),
    [
        ("6月底前完成G227县城段改线工程", "6月底前", "2025-06"),
        ("年底前完成全部改造任务", "年底前", "2025-12"),
        ("今年底前建成投用", "今年底前", "2025-12"),
        ("确保年内全部竣工投产", "年内", "2025-12"),
        ("上半年完成招标工作", "上半年", "2025-06"),
        ("下半年启动二期工程", "下半年", "2025-12"),
        ("一季度开工建设", "一季度", "2025-03"),
        ("第三季度完成验收", "第三季度", "2025-09"),
        ("力争到2027年实现全覆盖", "到2027年", "2027"),
        ("2026年底前建成污水处理厂", "2026年底前", "2026-12"),
        ("2025年6月底前完成拆迁", "2025年6月底前", "2025-06"),
        ("2025年9月30日前完成整改", "2025年9月30日前", "2025-09-30"),
        ("10月1日前投入使用", "10月1日前", "2025-10-01"),
        ("三年内实现村村通", "三年内", "2027"),
        ("两年内完成改造", "两年内", "2026"),
        ("确保明年底初具规模", "明年底", "2026-12"),
        ("九月底前完成秋收", "九月底前", "2025-09"),
        ("今年年中前出台实施细则", "今年年中前", "2025-06"),
        ("2025年上半年完成规划编制", "2025年上半年", "2025-06"),
        ("在2030年前实现碳达峰", "2030年前", "2030"),
    ],
)
def test_deadline(phrase: str, raw: str, date: str) -> None:
    d = deadline(phrase, phrase, 0, len(phrase), PLANNED)
    assert d is not None
    assert (d.date, d.raw) == (date, raw)
    assert phrase[d.span.start : d.span.end] == raw


@pytest.mark.parametrize(
    "phrase",
    [
        "加快推进新型城镇化建设",
        "今年中央财政安排科技投入716亿元",  # 今年中央: no 年中
        "房委会于2016年推行先导计划",  # history, not a deadline
        "首三座大楼将在年底起陆续落成",  # 年底起 starts, it is not due
        "完成投资8亿元，增长12%",
    ],
)
def test_no_deadline(phrase: str) -> None:
    assert deadline(phrase, phrase, 0, len(phrase), PLANNED) is None


def test_a_deadline_needing_the_planned_year_is_null_without_it() -> None:
    assert deadline("年底前完成", "年底前完成", 0, 5, None) is None


@pytest.mark.parametrize(
    ("phrase", "unit"),
    [
        ("6月底前完成G227县城段改线工程，由县交通运输局牵头", "县交通运输局"),
        ("由县发改局牵头，县财政局配合", "县发改局"),
        ("加快道路建设，县交通局负责", "县交通局"),
        ("牵头单位：县住建局；责任单位：各乡镇", "县住建局"),
        ("责任单位：县教育局", "县教育局"),
        ("由市生态环境局负责组织实施", "市生态环境局"),
        ("由县委宣传部牵头", "县委宣传部"),
        ("完成村庄规划编制，县自然资源和规划局负责", "县自然资源和规划局"),
        ("由开发区管委会统筹推进", "开发区管委会"),
        ("各乡镇负责落实", "各乡镇"),
    ],
)
def test_lead_unit(phrase: str, unit: str) -> None:
    u = lead_unit(phrase, phrase, 0, len(phrase))
    assert u is not None and u.name == unit
    assert phrase[u.span.start : u.span.end] == unit


@pytest.mark.parametrize(
    "phrase",
    [
        "全面负责安全生产工作",  # no unit before 负责
        "由市场主体负责",  # 市场主体 is no unit
        "新建道路20公里",
        "坚持党委领导、政府负责",  # 党委领导、政府 is a list, not a unit
    ],
)
def test_no_lead_unit(phrase: str) -> None:
    assert lead_unit(phrase, phrase, 0, len(phrase)) is None


PLAN_2025 = (
    "某某县2025年重点工作要点\n"
    "一、加快交通基础设施建设\n"
    "围绕打通对外通道，全面提升交通保障能力，6月底前完成G227县城段改线工程，由县交通运输局牵头。"
    "加快推进农村公路提档升级，新建农村公路30公里，年底前全部完工。\n"
    "二、提升公共服务水平\n"
    "持续推进教育优质均衡发展，新建幼儿园2所，完善城乡义务教育学校办学条件，不断提升群众满意度。\n"
)


def test_goals_carry_deadline_and_lead_unit() -> None:
    doc = extract(PLAN_2025)
    assert doc.meta.year_planned == 2025
    g = next(g for g in doc.goals if "G227" in g.text)
    assert g.deadline is not None and (g.deadline.date, g.deadline.raw) == ("2025-06", "6月底前")
    assert g.lead_unit is not None and g.lead_unit.name == "县交通运输局"
    road = next(g for g in doc.goals if "30公里" in g.text)
    assert road.deadline is not None and road.deadline.date == "2025-12"
    assert road.lead_unit is None  # the unit of another sentence is not borrowed
    school = next(g for g in doc.goals if "2所" in g.text)
    assert school.deadline is None and school.lead_unit is None
    for goal in doc.goals:
        for field in (goal.deadline, goal.lead_unit):
            if field is not None:
                assert PLAN_2025[field.span.start : field.span.end] in (
                    getattr(field, "raw", None),
                    getattr(field, "name", None),
                )
