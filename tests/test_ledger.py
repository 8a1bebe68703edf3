"""`govreport tasks`: the plan part as a numbered task ledger (任务台账), in a workbook or CSV."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor import extract_file, ledger
from extractor.cli import app

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = str(ROOT / "samples" / "hongshan_2019.txt")
HAILAR = ROOT / "tests" / "data" / "hailar" / "hailar_2015.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def sample_doc() -> dict[str, Any]:
    return extract_file(SAMPLE).model_dump(mode="json")


@pytest.fixture(scope="module")
def csv_rows() -> list[dict[str, str]]:
    r = runner.invoke(app, ["tasks", SAMPLE, "--format", "csv"])
    assert r.exit_code == 0, r.output
    return list(csv.DictReader(io.StringIO(r.stdout)))


def test_one_row_per_goal_in_order_with_its_heading(csv_rows: list[dict[str, str]], sample_doc: dict) -> None:
    goals = sample_doc["goals"]
    assert len(goals) > 20
    assert list(csv_rows[0]) == list(ledger.COLUMNS)
    assert [r["任务"] for r in csv_rows] == [g["text"] for g in goals]
    assert [r["板块"] for r in csv_rows] == [g["theme"] or "" for g in goals]
    plan = next(s for s in sample_doc["sections"] if s["kind"] == "plan")
    assert all(plan["span"]["start"] <= g["span"]["start"] < plan["span"]["end"] for g in goals)
    assert all(r["进度"] == r["完成情况"] == r["备注"] == "" for r in csv_rows)


def test_the_annotated_goals_are_rows(csv_rows: list[dict[str, str]], hongshan_gold: dict) -> None:
    gold = [g["text"] for g in hongshan_gold["goals"]]
    assert len(gold) == 6
    tasks = [r["任务"] for r in csv_rows]
    for text in gold:
        assert any(text in t for t in tasks), text


def test_numbering_targets_and_strength(csv_rows: list[dict[str, str]]) -> None:
    by_task = {r["任务"]: r for r in csv_rows}
    numbers = [r["序号"] for r in csv_rows]
    # goals before the first heading are 0.x; each heading's goals count from 1 under the heading's number
    assert numbers[0] == "0.1"
    first = next(r for r in csv_rows if r["板块"])
    assert first["序号"] == "1.1" and first["板块"].startswith("力促特色產業升級")
    heads = [int(n.split(".")[0]) for n in numbers]
    assert heads == sorted(heads) and max(heads) == 4  # the plan's four headings (一)…(四)
    for a, b in itertools.pairwise(csv_rows):
        if a["板块"] == b["板块"]:
            assert int(b["序号"].split(".")[1]) == int(a["序号"].split(".")[1]) + 1
        else:
            assert b["序号"].endswith(".1")
    assert by_task["引進2-3個有實力、前景好的龍頭企業落戶"]["量化指标"] == "2-3個"
    poverty = by_task["確保全鎮共排查884戶2598人貧困戶穩定脫貧"]
    assert poverty["量化指标"] == "884戶；2598人" and poverty["刚性"] == "刚性"
    assert by_task["環境衛生整治工作力爭進入全縣前列"]["刚性"] == "弹性"
    assert by_task['按照都市人群生活消費需求,轉變農業發展方式,推動農業"聯手"旅遊']["刚性"] == ""
    # no deadline or lead-unit fields on goals yet: those columns stay empty, never guessed
    assert all(r["完成时限"] == r["牵头单位"] == "" for r in csv_rows)


def test_workbook_has_a_print_ready_sheet_per_report(tmp_path: Path, csv_rows: list[dict[str, str]]) -> None:
    out = tmp_path / "tasks.xlsx"
    r = runner.invoke(app, ["tasks", SAMPLE, str(HAILAR), "-o", str(out)])
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["洪山鎮2020", "海拉尔区2015"]
    ws = wb["洪山鎮2020"]
    got = [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]
    assert got[0] == list(ledger.COLUMNS)
    assert got[1:] == [list(row.values()) for row in csv_rows]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert ws.freeze_panes == "A2"
    assert ws["C2"].alignment.wrap_text and ws["A1"].font.b
    assert ws.column_dimensions["C"].width > 40
    assert "任务台账" in ws.oddHeader.center.text
    assert wb["海拉尔区2015"].max_row > 50


def test_csv_of_several_reports_names_each(tmp_path: Path) -> None:
    r = runner.invoke(app, ["tasks", SAMPLE, str(HAILAR), "-f", "csv", "-o", str(tmp_path / "t.csv"), "--bom"])
    assert r.exit_code == 0, r.output
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:2] == [ledger.REPORT_COLUMN, "序号"]
    assert [x for x in dict.fromkeys(r[ledger.REPORT_COLUMN] for r in rows)] == ["洪山鎮2020", "海拉尔区2015"]


def test_usage_and_input_errors(tmp_path: Path) -> None:
    r = runner.invoke(app, ["tasks", SAMPLE, "-f", "xlsx"])  # a workbook needs a file
    assert r.exit_code == 2 and "-o tasks.xlsx" in r.output
    r = runner.invoke(app, ["tasks", str(tmp_path / "missing.txt"), "-f", "csv"])
    assert r.exit_code == 1 and "no such file" in r.output


def test_deadline_and_lead_unit_come_from_the_goals() -> None:
    """完成时限 and 牵头单位 are the goal's deadline (its date) and lead unit, and empty where the text is silent."""
    from extractor import extract

    text = "二、2025年工作安排\n6月底前完成G227县城段改线工程，由县交通运输局牵头。加快推进新六路建设。\n"
    rows = ledger.ledger_rows(extract(text).model_dump(mode="json"))
    assert [r[4:6] for r in rows] == [["2025-06", "县交通运输局"], ["", ""]]


def test_a_corpus_report_fills_its_deadlines() -> None:
    """博野 2025 sets tasks 年内 (within the year): those rows get 2025-12, the others stay empty."""
    from conftest import CORPUS

    rows = ledger.ledger_rows(extract_file(str(CORPUS / "county_boye_2025.txt")).model_dump(mode="json"))
    dated = [r for r in rows if r[4]]
    assert dated and all(r[4].startswith("2025") for r in dated)
    assert any("年内" in r[2] and r[4] == "2025-12" for r in dated)
    assert len(dated) < len(rows) / 4  # most tasks name no deadline, and none is guessed
