"""Panels: targets beside next year's actuals, written by hand from the 海拉尔区 reports 2012–2019."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import extract, extract_file
from extractor.cli import app
from extractor.keywords import measure
from extractor.panel import PANEL_COLUMNS, Coverage, build, coverage, region_key

DATA = Path(__file__).parent / "data" / "hailar"
YEARS = range(2012, 2020)

# GDP growth: the target in the report of year Y (预期目标: 地区生产总值增长…) and the actual for Y in the report of
# Y+1 (地区生产总值完成…，同比增长…). 2017's actual is missing: the 2018 report says only 稳中有升. There is no 2020
# report, so 2019 has no actual.
GDP_GROWTH = {
    2012: (21, "exact", 18.5, -2.5),
    2013: (20, "exact", 10.1, -9.9),
    2014: (11, "exact", 9.1, -1.9),
    2015: (8, "exact", 8.9, 0.9),
    2016: (7.5, "exact", 7.2, -0.3),
    2017: (7.5, "exact", None, None),
    2018: (6, "about", 6.0, 0),
    2019: (3.5, "about", None, None),
}
# Budget-revenue growth, read from the reports: the 2015 report sets 公共财政预算收入增长7%, the 2016 report gives
# 地方公共财政预算收入…同比增长10.3%; the 2016 report sets 5%, the 2017 report 一般公共财政预算收入…按可比口径增长13%;
# the 2017 report sets 按可比口径增长7.5%, the 2018 report gives only a level (剔除虚增空转因素后完成10.4亿元).
BUDGET_GROWTH = {2015: (7, 10.3), 2016: (5, 13), 2017: (7.5, None)}
# GDP level targets (达到X亿元) against the next report's level, in 元.
GDP_LEVEL = {2013: (28_200_000_000, 25_370_000_000), 2015: (29_600_000_000, 28_790_000_000)}


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return [json.loads(extract_file(str(DATA / f"hailar_{y}.txt"), include_text=True).model_dump_json()) for y in YEARS]


def _rows(rows: list[dict], indicator: str, measure_: str) -> dict[int, dict]:
    return {r["year"]: r for r in rows if r["indicator"] == indicator and r["measure"] == measure_}


def test_gdp_growth_targets_meet_next_years_actuals(docs: list[dict]) -> None:
    rows, _ = build(docs)
    got = _rows(rows, "gdp", "growth")
    for year, (target, qualifier, actual, gap) in GDP_GROWTH.items():
        r = got[year]
        assert (r["target_value"], r["target_qualifier"]) == (target, qualifier), year
        assert r["actual_value"] == actual, year
        assert r["gap"] == (None if gap is None else pytest.approx(gap)), year
        assert r["region"] == "海拉尔区" and r["admin_code"] == "150702"
        assert "地区生产总值" in r["target_sentence"]
    assert got[2012]["gap_unit"] == "个百分点"


def test_budget_revenue_targets_meet_actuals_under_older_names(docs: list[dict]) -> None:
    rows, _ = build(docs)
    got = _rows(rows, "budget_revenue", "growth")
    for year, (target, actual) in BUDGET_GROWTH.items():
        assert (got[year]["target_value"], got[year]["actual_value"]) == (target, actual), year


def test_gdp_level_targets_and_gap_in_yuan(docs: list[dict]) -> None:
    rows, _ = build(docs)
    got = _rows(rows, "gdp", "level")
    for year, (target, actual) in GDP_LEVEL.items():
        assert (got[year]["target_value"], got[year]["actual_value"]) == (target, actual)
        assert got[year]["gap"] == actual - target and got[year]["gap_unit"] == "元"


def test_missing_year_leaves_the_side_empty_never_zero(docs: list[dict]) -> None:
    without_2016 = [d for d in docs if d["meta"]["year_planned"] != 2016]
    rows, _ = build(without_2016)
    got = _rows(rows, "gdp", "growth")
    assert got[2015]["target_value"] == 8 and got[2015]["actual_value"] is None and got[2015]["gap"] is None
    assert 2016 not in got or got[2016]["target_value"] is None


def test_duplicate_reports_are_merged_and_disagreement_is_reported(docs: list[dict]) -> None:
    rows, warnings = build([*docs, docs[0]])
    assert _rows(rows, "gdp", "growth")[2012]["target_value"] == 21
    twin = json.loads(json.dumps(docs[0]))
    twin["source"]["sha256"] = "0" * 64
    for g in twin["goals"]:
        for t in g["targets"]:
            if t["canonical"] == "gdp" and t["measure"] == "growth":
                t["value"]["base_value"] = 25
    rows, warnings = build([*docs, twin])
    r = _rows(rows, "gdp", "growth")[2012]
    assert r["target_value"] == 21 and "disagree" in (r["note"] or "")
    assert any("second report" in w for w in warnings) and any("different targets" in w for w in warnings)


@pytest.mark.parametrize(
    ("a", "b"),
    [("海拉尔区", "海拉尔"), ("洪山鎮", "洪山镇"), ("洪山镇", "洪山"), ("安国市", "安国"), ("黑龙江省", "黑龙江")],
)
def test_region_matching(a: str, b: str) -> None:
    assert region_key(a) == region_key(b)


def test_different_regions_stay_apart() -> None:
    assert region_key("海拉尔区") != region_key("满洲里市")


def test_csv_and_stata_read_back(docs: list[dict], tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(app, ["panel", str(results), "-o", str(tmp_path / "panel.csv"), "--bom", "-q"])
    assert r.exit_code == 0, r.output
    raw = (tmp_path / "panel.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    csv_df = pd.read_csv(tmp_path / "panel.csv", encoding="utf-8-sig")
    assert list(csv_df.columns) == PANEL_COLUMNS
    r = runner.invoke(app, ["panel", str(results), "-o", str(tmp_path / "panel.dta"), "-q"])
    assert r.exit_code == 0, r.output
    dta = pd.read_stata(tmp_path / "panel.dta")
    assert len(dta) == len(csv_df)
    g = dta[(dta.indicator == "gdp") & (dta.measure == "growth") & (dta.year == 2013)].iloc[0]
    assert (g.target_value, g.target_qualifier, g.actual_value) == (20, "exact", 10.1)
    assert g.region == "海拉尔区"
    assert g.actual_estimated == 0  # 同比增长10.1%: a final figure


def test_panel_from_a_batch_database_gets_a_table(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "reports.db"
    r = CliRunner().invoke(app, ["batch", str(DATA), "--format", "sqlite", "--out", str(db), "--quiet", "--jobs", "1"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["panel", str(db), "-o", str(tmp_path / "p.csv"), "-q"])
    assert r.exit_code == 0, r.output
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT year, target_value, actual_value FROM panel WHERE indicator='gdp' AND measure='growth' ORDER BY year"
    ).fetchall()
    con.close()
    got = {y: (t, a) for y, t, a in rows}
    for year, (target, _, actual, _) in GDP_GROWTH.items():
        assert got[year] == (target, actual), year


# The 海拉尔区 reports plan 2012–2019 and review 2011–2018: nine region-years. GDP growth has both sides in
# 2012–2016 and 2018 (GDP_GROWTH), one side in 2011 (the 2012 report's 同比增长22.3%), 2017 and 2019.
def test_coverage_counts_region_years_by_sides(docs: list[dict]) -> None:
    rows, _ = build(docs)
    assert coverage(docs, rows) == Coverage(both=6, one=3, none=0)
    # Without the 2017 report, 2016 loses its actual, and 2017 has neither side: its target was in that report and
    # the 2018 report, which still reviews 2017, gives no figure (稳中有升).
    without_2017 = [d for d in docs if d["meta"]["year_planned"] != 2017]
    rows, _ = build(without_2017)
    assert coverage(without_2017, rows) == Coverage(both=5, one=3, none=1)
    assert coverage(without_2017, rows, key=None).total == 9
    # Without the 2015 and 2016 reports no report plans or reviews 2015: it still counts, with neither side. 2014
    # keeps its target, 2016 its actual (the 2017 report).
    gap = [d for d in docs if d["meta"]["year_planned"] not in (2015, 2016)]
    rows, _ = build(gap)
    assert coverage(gap, rows) == Coverage(both=3, one=5, none=1)


def test_coverage_line_goes_to_stderr(docs: list[dict], tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    r = CliRunner().invoke(app, ["panel", str(results)])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == ",".join(PANEL_COLUMNS)  # stdout: data only
    assert "coverage of 9 region-years: gdp growth: 6 with target and actual, 3 with one side, 0 with none" in r.stderr
    assert "coverage" not in r.stdout
    r = CliRunner().invoke(app, ["panel", str(results), "-q"])
    assert r.stderr == ""


def _report(region: str, year: int, body: str) -> dict:
    text = f"{region}{year}年政府工作报告\n一、{year - 1}年工作回顾\n{body}\n二、{year}年工作安排\n（一）主要目标\n" + (
        "今年经济社会发展的主要预期目标是：地区生产总值增长8%左右，一般公共预算收入增长6%。"
    )
    return json.loads(extract(text).model_dump_json())


def test_an_estimated_actual_is_flagged_in_its_own_column() -> None:
    docs = [
        _report("平安县", 2018, "全县地区生产总值完成80亿元，比上年增长7%，一般公共预算收入完成5亿元，增长9%。"),
        _report(
            "平安县",
            2019,
            "全县地区生产总值预计实现86亿元，比上年增长7.5%；一般公共预算收入完成5.4亿元，同口径增长8%。",
        ),
    ]
    rows, _ = build(docs)
    gdp = _rows(rows, "gdp", "growth")
    assert (gdp[2018]["target_value"], gdp[2018]["actual_value"], gdp[2018]["actual_estimated"]) == (8, 7.5, True)
    assert (gdp[2017]["actual_value"], gdp[2017]["actual_estimated"]) == (7, False)
    assert gdp[2019]["actual_estimated"] is None  # no actual yet
    budget = _rows(rows, "budget_revenue", "growth")
    b = budget[2018]
    assert (b["target_value"], b["actual_value"], b["actual_estimated"]) == (6, 8, False)


def test_keyword_measure_equals_a_hand_count() -> None:
    text = "當前位置：首頁 > 環保\n加強環境保護，推進生態環保。生態優先，綠色發展。"
    noise = [(0, text.index("\n"))]
    words = [("环保", "environment"), ("生态", "environment"), ("绿色", "environment"), ("创新", "innovation")]
    row = measure(text, noise, words)
    # Body: the second line only (the breadcrumb is noise); 环保 appears once there (环境保护 is another word).
    body = text[text.index("\n") + 1 :]
    assert row["body_chars"] == len(body)
    assert (row["n_环保"], row["n_生态"], row["n_绿色"], row["n_创新"]) == (1, 2, 1, 0)
    assert row["environment_count"] == 4
    assert row["environment_per_10k"] == round(4 * 10000 / len(body), 4)


def test_keywords_command_on_reports(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("生态\n绿色\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["keywords", str(DATA / "hailar_2019.txt"), "--dict", str(words)])
    assert r.exit_code == 0, r.output
    header, row = r.stdout.splitlines()[:2]
    assert "n_生态" in header and "words_per_10k" in header
    assert int(row.split(",")[header.split(",").index("n_生态")]) > 0
