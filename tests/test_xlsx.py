"""Workbooks: the same tables as the CSV outputs, typed cells, no formulas, Excel's limits."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor import tables as T
from extractor import xlsx
from extractor.api import extract_loaded
from extractor.cli import app
from extractor.loaders import load

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = str(ROOT / "samples" / "hongshan_2019.txt")
HAILAR = ROOT / "tests" / "data" / "hailar"
runner = CliRunner()


def _sheet_rows(ws: Any) -> list[dict[str, Any]]:
    it = ws.iter_rows(values_only=True)
    header = next(it)
    return [dict(zip(header, r, strict=True)) for r in it]


def _as_csv(v: Any) -> str:
    """A cell value as the CSV writes it."""
    return "" if v is None else str(v)


@pytest.fixture(scope="module")
def sample_dict() -> tuple[dict[str, Any], str]:
    loaded = load(SAMPLE)
    return extract_loaded(loaded).model_dump(mode="json"), loaded.text


def test_extract_xlsx_reads_back_as_the_csv(tmp_path: Path) -> None:
    out = tmp_path / "h.xlsx"
    r = runner.invoke(app, ["extract", SAMPLE, "--format", "xlsx", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    c = runner.invoke(app, ["extract", SAMPLE, "--format", "csv"])
    csv_rows = list(csv.DictReader(io.StringIO(c.stdout)))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [t.name for t in T.ALL_TABLES]
    compared = 0
    for t in T.UNION_TABLES:
        sheet = _sheet_rows(wb[t.name])
        want = [x for x in csv_rows if x["type"] == t.item]
        assert len(sheet) == len(want) > 0, t.name
        for got, row in zip(sheet, want, strict=True):
            assert list(got) == t.columns
            assert {k: _as_csv(v) for k, v in got.items()} == {k: row[k] for k in t.columns}
            compared += 1
    assert compared > 90
    assert len(_sheet_rows(wb["quantities"])) == int(csv_rows[0]["n_quantities"]) > 0
    assert _sheet_rows(wb["errors"]) == []


def test_cells_are_typed_and_sheets_frozen_and_filtered(tmp_path: Path, sample_dict: tuple) -> None:
    d, text = sample_dict
    out = tmp_path / "t.xlsx"
    assert xlsx.write_documents(str(out), [(d, text)]) == []
    wb = openpyxl.load_workbook(out)
    ws = wb["indicators"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    header = [c.value for c in ws[1]]
    row = {h: c for h, c in zip(header, ws[2], strict=True)}
    assert row["value_base_value"].data_type == "n" and row["value_base_value"].value == 750000000
    assert row["value_number"].value == 7.5
    assert row["doc_id"].data_type == "s" and row["name"].value == "工農業總產值"
    assert row["canonical"].value is None  # null stays an empty cell, never 0 or ""
    widths = [ws.column_dimensions[ws.cell(1, i).column_letter].width for i in range(1, ws.max_column + 1)]
    assert all(6 <= w <= 62 for w in widths)
    name_col = ws.cell(1, header.index("name") + 1).column_letter
    assert ws.column_dimensions[name_col].width > ws.column_dimensions["B"].width  # name wider than idx
    docs = _sheet_rows(wb["documents"])
    assert docs[0]["admin_code"] == "430422110" and docs[0]["year_planned"] == 2020  # a code is text, not a number


def test_a_cell_that_looks_like_a_formula_is_text(tmp_path: Path, sample_dict: tuple) -> None:
    d, text = sample_dict
    d = json.loads(json.dumps(d))
    hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "=1+1"]
    for ind, name in zip(d["indicators"], hostile, strict=False):
        ind["name"] = name
    d["meta"]["region"] = "=cmd|' /C calc'!A0"
    out = tmp_path / "f.xlsx"
    xlsx.write_documents(str(out), [(d, text)])
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in z.read(n) for n in sheets)  # no formula anywhere
    wb = openpyxl.load_workbook(out)
    ws = wb["indicators"]
    col = [c.value for c in ws[1]].index("name")
    cells = [ws.cell(r, col + 1) for r in range(2, 2 + len(hostile))]
    assert [c.value for c in cells] == hostile
    assert all(c.data_type == "s" for c in cells)
    assert _sheet_rows(wb["documents"])[0]["region"] == "=cmd|' /C calc'!A0"


def test_a_table_past_the_row_limit_continues_on_a_second_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "MAX_ROWS", 4)  # a header and three rows per sheet
    out = tmp_path / "big.xlsx"
    rows = [{"a": i, "b": f"x{i}"} for i in range(8)]
    warnings = xlsx.write_rows(str(out), "panel", ["a", "b"], rows)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["panel", "panel (2)", "panel (3)"]
    got = [r["a"] for name in wb.sheetnames for r in _sheet_rows(wb[name])]
    assert got == list(range(8))
    assert all([c.value for c in wb[n][1]] == ["a", "b"] for n in wb.sheetnames)
    assert len(warnings) == 2 and "continued on sheet 'panel (2)'" in warnings[0]


def test_a_text_longer_than_a_cell_is_cut_with_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "long.xlsx"
    warnings = xlsx.write_rows(str(out), "t", ["s"], [{"s": "字" * (xlsx.MAX_CELL + 5)}])
    assert warnings and "cut" in warnings[0]
    assert len(openpyxl.load_workbook(out)["t"]["A2"].value) == xlsx.MAX_CELL


def test_extract_xlsx_needs_an_output_file_and_is_implied_by_one(tmp_path: Path) -> None:
    r = runner.invoke(app, ["extract", SAMPLE, "--format", "xlsx"])
    assert r.exit_code == 2 and "-o FILE.xlsx" in r.output
    r = runner.invoke(app, ["extract", SAMPLE, "-o", str(tmp_path / "h.XLSX")])
    assert r.exit_code == 0, r.output
    assert zipfile.is_zipfile(tmp_path / "h.XLSX")
    r = runner.invoke(app, ["extract", SAMPLE, "-o", str(tmp_path / "h.csv")])  # only .xlsx is implied
    assert json.loads((tmp_path / "h.csv").read_text(encoding="utf-8"))["meta"]["region"] == "洪山鎮"


def test_batch_xlsx_has_the_csv_tables(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for y in (2014, 2015):
        (src / f"hailar_{y}.txt").write_bytes((HAILAR / f"hailar_{y}.txt").read_bytes())
    (src / "broken.txt").write_bytes(b"")
    book = tmp_path / "out.xlsx"
    r = runner.invoke(app, ["batch", str(src), "--out", str(book), "-q", "-j", "1"])  # .xlsx implies the format
    assert r.exit_code == 3, r.output
    r = runner.invoke(app, ["batch", str(src), "--format", "csv", "--out", str(tmp_path / "csv"), "-q", "-j", "1"])
    assert r.exit_code == 3, r.output
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == [t.name for t in T.ALL_TABLES]
    for t in T.ALL_TABLES:
        with open(tmp_path / "csv" / f"{t.name}.csv", encoding="utf-8", newline="") as f:
            want = list(csv.DictReader(f))
        got = _sheet_rows(wb[t.name])
        keys = t.keys or (("path", "kind") if t is T.ERRORS else ("doc_id",))

        def key(x: dict[str, str], keys: tuple[str, ...] = keys) -> tuple[str, ...]:
            return tuple(x[k] for k in keys)

        got_s = sorted(({k: _as_csv(v) for k, v in g.items()} for g in got), key=key)
        assert got_s == sorted(want, key=key), t.name
    assert len(_sheet_rows(wb["documents"])) == 2 and len(_sheet_rows(wb["errors"])) == 1
    resume = runner.invoke(app, ["batch", str(src), "--out", str(book), "--resume", "-q"])
    assert resume.exit_code == 1 and "cannot add to a workbook" in resume.output


def test_panel_xlsx(tmp_path: Path) -> None:
    from extractor.panel import PANEL_COLUMNS

    results = tmp_path / "r.jsonl"
    docs = [extract_loaded(load(str(HAILAR / f"hailar_{y}.txt"))).model_dump_json() for y in (2012, 2013)]
    results.write_text("\n".join(docs) + "\n", encoding="utf-8")
    out = tmp_path / "panel.xlsx"
    r = runner.invoke(app, ["panel", str(results), "-o", str(out), "-q"])
    assert r.exit_code == 0, r.output
    rows = _sheet_rows(openpyxl.load_workbook(out)["panel"])
    assert list(rows[0]) == PANEL_COLUMNS
    g = next(x for x in rows if x["indicator"] == "gdp" and x["measure"] == "growth" and x["year"] == 2012)
    assert (g["target_value"], g["actual_value"]) == (21, 18.5)


def test_a_field_added_to_a_model_reaches_every_table_format(tmp_path: Path) -> None:
    """Add a field to Goal and to Meta in a copy of the package, change nothing else, and find both in extract's
    CSV and workbook and in batch's CSV tables, SQLite database and workbook."""
    import shutil
    import sqlite3
    import subprocess
    import sys

    pkg = tmp_path / "pkg"
    shutil.copytree(ROOT / "extractor", pkg / "extractor", ignore=shutil.ignore_patterns("__pycache__"))
    models = pkg / "extractor" / "models.py"
    src = models.read_text(encoding="utf-8")
    goal_anchor = '    targets: list[Target] = Field(default_factory=list)\n'
    meta_anchor = "    year_planned: int | None = None\n"
    assert src.count(goal_anchor) == 1 and src.count(meta_anchor) == 1
    src = src.replace(goal_anchor, goal_anchor + "    added_goal_field: str | None = None\n")
    src = src.replace(meta_anchor, meta_anchor + "    added_meta_field: int | None = None\n")
    models.write_text(src, encoding="utf-8")

    def cli(*args: str) -> None:
        code = "import sys; from extractor.cli import main; sys.argv = ['govreport', *sys.argv[1:]]; main()"
        env = {"PYTHONPATH": str(pkg), "PATH": "/usr/bin:/bin"}
        r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=tmp_path)
        assert r.returncode == 0, r.stderr

    cli("extract", SAMPLE, "-f", "csv", "-o", "x.csv")
    cli("extract", SAMPLE, "-f", "xlsx", "-o", "x.xlsx")
    for out in ("b.xlsx", "b.db", "bcsv/"):
        cli("batch", SAMPLE, "-o", out, "-q", "-j", "1")
    with open(tmp_path / "x.csv", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert {"added_goal_field", "added_meta_field"} <= set(header)
    for name in ("x.xlsx", "b.xlsx"):
        wb = openpyxl.load_workbook(tmp_path / name)
        assert "added_goal_field" in [c.value for c in wb["goals"][1]], name
        assert "added_meta_field" in [c.value for c in wb["documents"][1]], name
    for table, col in (("goals", "added_goal_field"), ("documents", "added_meta_field")):
        with open(tmp_path / "bcsv" / f"{table}.csv", encoding="utf-8") as f:
            assert col in next(csv.reader(f))
        con = sqlite3.connect(tmp_path / "b.db")
        assert col in [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        con.close()
