"""`govreport batch` over a dataset: a spreadsheet or CSV holding one report per row, and the metadata check.

Every sheet here is built by the test itself (openpyxl) from corpus reports, with a header like the datasets
researchers share (年份, 区县名称, 报告全文, ...). Rows that claim the wrong county hold a real report of
another one: 高唐县 (山东) claimed as 唐县 (河北), the way the mislabeled rows of such datasets look.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import CORPUS
from typer.testing import CliRunner

import extractor.cli.batch  # noqa: F401  registers `batch` on the app
from extractor import tables as T
from extractor.batch.dataset import RowItem, cell_text
from extractor.batch.read import csv_records, sqlite_documents
from extractor.cli import app
from extractor.loaders import load_bytes
from extractor.models import Document

runner = CliRunner()
HEADER = ["年份", "地区等级", "区县名称", "所属城市", "报告全文", "文本总长度(字)"]


def _text(name: str) -> str:
    p = CORPUS / name
    return load_bytes(p.read_bytes(), p.name).text


# (year, county as the row claims it, corpus report): the third row is mislabeled, its text is 高唐县's
ROWS = [
    (2005, "清苑区", "county_qingyuan_2005.txt"),
    (2025, "博野县", "county_boye_2025.txt"),
    (2023, "唐县", "county_gaotang_2023.txt"),
    (2019, "徐水区", "county_xushui_2019.txt"),
]


def _sheet_rows() -> list[list[Any]]:
    rows: list[list[Any]] = []
    for year, county, name in ROWS:
        t = _text(name)
        rows.append([year, "县级", county, "保定市", t, len(t)])
    rows.insert(2, [2021, "县级", "易县", "保定市", None, 0])  # an empty text cell: row 4 of the sheet
    return rows


def _workbook(path: Path, rows: list[list[Any]], header: list[str] = HEADER, title: str = "保定") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _workbook(tmp_path_factory.mktemp("dataset") / "reports.xlsx", _sheet_rows())


def _batch(args: list[str]) -> Any:
    return runner.invoke(app, ["batch", *args])


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines()]


def _errors(path: Path) -> list[dict[str, Any]]:
    p = path.with_name(path.stem + ".errors.jsonl")
    return [json.loads(x) for x in p.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def checked(sheet: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("checked") / "out.jsonl"
    r = _batch([str(sheet), "--expect", "region=区县名称,year=年份", "-o", str(out), "-j", "2"])
    return {"result": r, "docs": _jsonl(out), "errors": _errors(out), "out": out}


# ------------------------------------------------------------------------------------------ the rows


def test_one_document_per_row_and_the_text_column_chosen_by_length(checked: dict[str, Any]) -> None:
    r = checked["result"]
    assert r.exit_code == 3, r.stderr  # the empty cell is an error record
    assert "the reports are in column '报告全文' (the longest cells" in r.stderr
    docs = {d["source"]["row"]["number"]: d for d in checked["docs"]}
    assert sorted(docs) == [2, 3, 5, 6]  # the header is row 1; row 4 is the empty cell
    for number, (year, county, name) in zip((2, 3, 5, 6), ROWS, strict=True):
        d = docs[number]
        assert d["source"]["path"].endswith("reports.xlsx") and d["source"]["format"] == "xlsx"
        assert d["source"]["chars"] == len(_text(name))
        row = d["source"]["row"]
        assert row["sheet"] == "保定"
        # the row's other cells, as text, the report's own column left out
        assert row["fields"] == {
            "年份": str(year),
            "地区等级": "县级",
            "区县名称": county,
            "所属城市": "保定市",
            "文本总长度(字)": str(len(_text(name))),
        }
        # the document id: the text, the sheet and the row
        item = RowItem("x", "xlsx", "utf-8", "保定", number, _text(name))
        assert d["source"]["sha256"] == item.row_id()


def test_an_empty_cell_is_one_error_record_naming_its_row(checked: dict[str, Any]) -> None:
    errs = checked["errors"]
    assert len(errs) == 1
    e = errs[0]
    assert e["path"].endswith("reports.xlsx#保定:4") and e["kind"] == "error"
    assert e["reason"] == "row 4 of sheet '保定': the text cell (报告全文) is empty"


def test_a_mislabeled_row_is_flagged_and_listed(checked: dict[str, Any]) -> None:
    docs = {d["source"]["row"]["number"]: d for d in checked["docs"]}
    flags = {n: [w for w in d["warnings"] if w["code"].startswith("meta_check")] for n, d in docs.items()}
    assert flags[3] == [] and flags[6] == []  # 博野县; 徐水区 (its text says 徐水区)
    assert flags[2] == []  # 清苑区 claimed, 清苑县 in the text: the same county up to its suffix
    assert [w["message"] for w in flags[5]] == ["claimed region 唐县, but the text is about 高唐县 (山东省 聊城市)"]
    assert flags[5][0]["code"] == "meta_check"
    assert docs[5]["meta"]["region"] == "高唐县"  # the record keeps what the text says
    err = checked["result"].stderr
    assert "metadata check: 1 document(s) differ" in err
    assert "reports.xlsx#保定:5: claimed region 唐县, but the text is about 高唐县" in err


def test_text_column_option_and_its_errors(tmp_path: Path) -> None:
    a, b = _text("county_boye_2025.txt"), _text("county_anguo_2022.txt")
    # 报告全文 holds the longer text; --text-column takes the other one
    path = _workbook(tmp_path / "two.xlsx", [[2022, "安国市", a + a, b]], ["年份", "地区", "报告全文", "正文"])
    out = tmp_path / "o.jsonl"
    r = _batch([str(path), "--text-column", "正文", "-o", str(out), "-q"])
    assert r.exit_code == 0, r.stderr
    (d,) = _jsonl(out)
    assert d["source"]["chars"] == len(b) and d["meta"]["region"] == "安国市"
    assert d["source"]["row"]["fields"] == {"年份": "2022", "地区": "安国市", "报告全文": a + a}
    r = _batch([str(path), "--text-column", "全文", "-o", str(out), "-q"])
    assert r.exit_code == 1
    assert "no sheet has a column named '全文' (--text-column)" in r.stderr


def test_a_non_text_cell_and_a_sheet_without_reports(tmp_path: Path) -> None:
    t = _text("county_boye_2025.txt")
    path = _workbook(tmp_path / "n.xlsx", [[2025, t], [2024, 12345]], ["年份", "全文"])
    out = tmp_path / "n.jsonl"
    r = _batch([str(path), "-o", str(out), "-q"])
    assert r.exit_code == 3
    (e,) = _errors(out)
    assert e["path"].endswith("n.xlsx#保定:3")
    assert e["reason"] == "row 3 of sheet '保定': the text cell (全文) holds a number (12345), not a report"
    short = _workbook(tmp_path / "short.xlsx", [[2025, "摘要"]], ["年份", "全文"])
    r = _batch([str(short), "-o", str(out), "-q"])
    assert r.exit_code == 1  # every input failed
    (e,) = _errors(out)
    assert e["path"] == str(short) and "--text-column NAME" in e["reason"]


def test_expect_and_strict_usage(sheet: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    r = _batch([str(sheet), "--expect", "region=县名", "-o", str(out), "-q"])
    assert r.exit_code == 1 and "--expect names a column '县名' missing in sheet '保定'" in r.stderr
    r = _batch([str(sheet), "--expect", "place=区县名称", "-o", str(out)])
    assert r.exit_code == 2 and "FIELD one of region, year" in r.stderr
    r = _batch([str(sheet), "--strict", "-o", str(out)])
    assert r.exit_code == 2 and "--strict needs a check" in r.stderr


def test_strict_makes_a_mismatch_an_error_record(sheet: Path, tmp_path: Path) -> None:
    out = tmp_path / "strict.jsonl"
    r = _batch([str(sheet), "--expect", "region=区县名称,year=年份", "--strict", "-o", str(out), "-q"])
    assert r.exit_code == 3
    assert sorted(d["source"]["row"]["number"] for d in _jsonl(out)) == [2, 3, 6]
    errs = {e["path"].rsplit(":", 1)[1]: e for e in _errors(out)}
    assert sorted(errs) == ["4", "5"]
    assert errs["5"]["kind"] == "mismatch" and errs["5"]["sha256"]
    assert "claimed region 唐县, but the text is about 高唐县" in errs["5"]["reason"]


def test_a_wrong_year_is_flagged(tmp_path: Path) -> None:
    t = _text("county_boye_2025.txt")  # 博野县2025年政府工作报告: given in 2025, reviews 2024
    path = _workbook(tmp_path / "y.xlsx", [[2025, "博野", t], [2024, "博野", t]], ["年份", "区县名称", "报告全文"])
    out = tmp_path / "y.jsonl"
    r = _batch([str(path), "--expect", "region=区县名称,year=年份", "-o", str(out), "-j", "1"])
    assert r.exit_code == 0, r.stderr
    docs = {d["source"]["row"]["number"]: d for d in _jsonl(out)}
    assert len({d["source"]["sha256"] for d in docs.values()}) == 2  # the same text in two rows: two documents
    assert [w for w in docs[2]["warnings"] if w["code"] in ("same_text", "meta_check")] == []
    assert [w["message"] for w in docs[3]["warnings"] if w["code"] == "same_text"] == [
        f"the same text as {path}#保定:2: one report under two rows"
    ]
    assert "1 dataset row(s) hold the same text as an earlier row" in r.stderr
    assert [w["message"] for w in docs[3]["warnings"] if w["code"] == "meta_check"] == [
        "claimed year 2024, but the text reviews 2024 and plans 2025"
    ]


# ------------------------------------------------------------------------------------------ the outputs


def test_carried_columns_reach_csv_sqlite_and_xlsx(sheet: Path, checked: dict[str, Any], tmp_path: Path) -> None:
    want = {d["source"]["sha256"]: d["source"]["row"] for d in checked["docs"]}
    tables = tmp_path / "tables"
    r = _batch([str(sheet), "--expect", "region=区县名称", "--format", "csv", "-o", str(tables), "-q"])
    assert r.exit_code == 3
    got = {doc_id: doc.source.row.model_dump() for doc_id, doc in csv_records(tables, "documents")}  # type: ignore[union-attr]
    assert got == want
    with open(tables / "documents.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {"row_sheet", "row_number", "row_fields"} <= set(rows[0])
    by_number = {r["row_number"]: r for r in rows}  # written in the order the workers finish
    assert json.loads(by_number["2"]["row_fields"])["区县名称"] == "清苑区" and by_number["2"]["row_sheet"] == "保定"

    db = tmp_path / "r.db"
    r = _batch([str(sheet), "--expect", "region=区县名称", "-o", str(db), "-q"])
    assert r.exit_code == 3
    assert {d.source.sha256: d.source.row.model_dump() for d in sqlite_documents(db)} == want  # type: ignore[union-attr]
    con = sqlite3.connect(db)
    q = "SELECT count(*) FROM documents WHERE json_extract(row_fields, '$.区县名称') = '唐县'"
    (n,) = con.execute(q).fetchone()
    assert n == 1
    ((path, kind),) = con.execute("SELECT path, kind FROM errors").fetchall()
    assert path.endswith("#保定:4") and kind == "error"
    con.close()

    book = tmp_path / "r.xlsx"
    r = _batch([str(sheet), "-o", str(book), "-q"])
    assert r.exit_code == 3
    ws = openpyxl.load_workbook(book, read_only=True)["documents"]
    header, *data = [list(x) for x in ws.iter_rows(values_only=True)]
    assert header == T.DOCUMENTS.columns
    rows_by_id = {x[0]: dict(zip(header, x, strict=True)) for x in data}
    for doc_id, row in want.items():
        assert rows_by_id[doc_id]["row_sheet"] == row["sheet"] and rows_by_id[doc_id]["row_number"] == row["number"]
        assert json.loads(rows_by_id[doc_id]["row_fields"]) == row["fields"]


def test_a_file_has_no_row(tmp_path: Path) -> None:
    # the folder route is unchanged: a .csv found in a folder is a report file, not a dataset
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "boye.csv").write_text(_text("county_boye_2025.txt"), encoding="utf-8")
    out = tmp_path / "f.jsonl"
    r = _batch([str(folder), "-o", str(out), "-q"])
    assert r.exit_code == 0, r.stderr
    (d,) = _jsonl(out)
    assert d["source"]["row"] is None and d["meta"]["region"] == "博野县"
    row = T.document_row(d)
    cols = dict(zip(T.DOCUMENTS.columns, row, strict=False))
    assert cols["row_sheet"] is None and cols["row_number"] is None and cols["row_fields"] is None


# ------------------------------------------------------------------------------------------ CSV and TSV


@pytest.mark.parametrize(("suffix", "encoding", "delimiter"), [(".csv", "utf-8-sig", ","), (".tsv", "gb18030", "\t")])
def test_csv_and_tsv_datasets(tmp_path: Path, suffix: str, encoding: str, delimiter: str) -> None:
    path = tmp_path / f"reports{suffix}"
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(HEADER)
        for r in _sheet_rows():
            w.writerow(["" if v is None else v for v in r])
    out = tmp_path / "c.jsonl"
    r = _batch([str(path), "--expect", "region=区县名称,year=年份", "-o", str(out), "-j", "2"])
    assert r.exit_code == 3, r.stderr
    assert f"{path}: the reports are in column '报告全文'" in r.stderr
    docs = {d["source"]["row"]["number"]: d for d in _jsonl(out)}
    assert sorted(docs) == [2, 3, 5, 6]
    assert all(d["source"]["row"]["sheet"] is None and d["source"]["format"] == suffix[1:] for d in docs.values())
    assert docs[2]["source"]["chars"] == len(_text("county_qingyuan_2005.txt"))  # multi-line cells read whole
    assert docs[5]["source"]["row"]["fields"]["区县名称"] == "唐县"
    assert [w["code"] for w in docs[5]["warnings"] if w["code"].startswith("meta")] == ["meta_check"]
    (e,) = _errors(out)
    assert e["path"] == f"{path}#4" and e["reason"] == "row 4: the text cell (报告全文) is empty"


def test_a_damaged_workbook_is_an_error_record(tmp_path: Path) -> None:
    for name in ("bad.xlsx", "bad.xls"):
        (tmp_path / name).write_bytes(b"PK\x03\x04 not really a workbook" * 10)
    out = tmp_path / "d.jsonl"
    r = _batch([str(tmp_path / "bad.xlsx"), str(tmp_path / "bad.xls"), "-o", str(out), "-q"])
    assert r.exit_code == 1
    reasons = {Path(e["path"]).name: e["reason"] for e in _errors(out)}
    assert reasons["bad.xlsx"].startswith("not a readable .xlsx workbook")
    assert reasons["bad.xls"].startswith("not a readable .xls workbook")


# ------------------------------------------------------------------------------------------ the manifest


def test_manifest_checks_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for _, _, name in ROWS:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    (folder / "extra.txt").write_bytes((CORPUS / "county_anguo_2022.txt").read_bytes())
    manifest = folder / "manifest.csv"
    with open(manifest, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["path", "地区", "年份"])
        for year, county, name in ROWS:
            w.writerow([name, county, year])
    out = tmp_path / "m.jsonl"
    r = _batch([str(folder), "--glob", "*.txt", "--manifest", str(manifest), "--expect", "region=地区,year=年份",
                "-o", str(out)])  # fmt: skip
    assert r.exit_code == 0, r.stderr
    by_name = {Path(d["source"]["path"]).name: d for d in _jsonl(out)}
    flagged = {n for n, d in by_name.items() if any(w["code"] == "meta_check" for w in d["warnings"])}
    assert flagged == {"county_gaotang_2023.txt"}
    assert "1 file(s) not in the manifest, not checked" in r.stderr
    r = _batch([str(folder), "--manifest", str(manifest), "-o", str(out)])
    assert r.exit_code == 1 and "the manifest has no column 'region', 'year'" in r.stderr


# ------------------------------------------------------------------------------------------ cells


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (2019, "2019"), (2019.0, "2019"), (3.5, "3.5"), ("清苑区", "清苑区"), (True, "TRUE")],
)
def test_cell_text(value: Any, text: str) -> None:
    assert cell_text(value) == text


def test_documents_of_rows_validate(checked: dict[str, Any]) -> None:
    for d in checked["docs"]:
        doc = Document.model_validate(d)
        assert doc.source.row is not None and doc.source.row.number >= 2


# ------------------------------------------------------------------------------------------ kill -9, then --resume


def test_kill9_then_resume_a_dataset_equals_a_clean_run(tmp_path: Path) -> None:
    """A sheet of 160 rows (copies of small reports, each with a line of its own) cut off by kill -9 and resumed:
    the documents are those of a clean run, each once. Nothing is asserted about timing."""
    import os
    import signal
    import subprocess
    import sys
    import time

    if not hasattr(signal, "SIGKILL"):
        pytest.skip("POSIX signals")
    n = 160
    texts = [_text(p.name) for p in sorted(CORPUS.glob("county_*.txt"), key=lambda p: p.stat().st_size)[:4]]
    rows = [[2000 + i % 20, f"县{i}", f"{texts[i % 4]}\n（第{i}行）\n"] for i in range(n)]
    rows[7][2] = None  # an error record, retried (and failing again) on resume
    path = _workbook(tmp_path / "many.xlsx", rows, ["年份", "区县名称", "报告全文"])
    cmd = [sys.executable, "-c", "from extractor.cli import main; main()", "batch", str(path), "-j", "2", "-q"]
    clean = tmp_path / "clean.jsonl"
    r = subprocess.run([*cmd, "--out", str(clean)], capture_output=True, text=True)
    assert r.returncode == 3, r.stderr
    want = {json.loads(x)["source"]["sha256"]: x for x in clean.read_text("utf-8").splitlines()}
    assert len(want) == n - 1

    out = tmp_path / "killed.jsonl"
    with open(tmp_path / "err", "wb") as err:
        args = [*cmd, "--out", str(out)]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    try:
        end = time.monotonic() + 600
        while not (out.exists() and out.read_bytes().count(b"\n") >= 30):
            assert proc.poll() is None, "the batch finished before it could be interrupted"
            assert time.monotonic() < end, "no progress"
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    whole = out.read_bytes()
    partial = [json.loads(x)["source"]["sha256"] for x in whole[: whole.rfind(b"\n") + 1].decode().splitlines()]
    assert 30 <= len(partial) < n - 1 and set(partial) <= set(want)

    r = subprocess.run([*cmd, "--out", str(out), "--resume"], capture_output=True, text=True)
    assert r.returncode == 3, r.stderr
    final = out.read_text("utf-8").splitlines()
    shas = [json.loads(x)["source"]["sha256"] for x in final]
    assert len(shas) == len(set(shas)) == n - 1  # nothing twice, nothing missing
    assert dict(zip(shas, final, strict=True)) == want
    (e,) = _errors(out)
    assert e["path"].endswith("many.xlsx#保定:9")


def test_the_text_column_is_found_past_many_empty_cells(tmp_path: Path) -> None:
    # more than the 50 sampled rows open the sheet with an empty text cell, as in datasets with gaps
    t = _text("county_boye_2025.txt")
    rows = [[2000 + i, f"{'标题' * 20}{i}", None] for i in range(80)] + [[2025, "博野县2025年政府工作报告", t]]
    path = _workbook(tmp_path / "gaps.xlsx", rows, ["年份", "报告标题", "报告全文"])
    out = tmp_path / "g.jsonl"
    r = _batch([str(path), "-o", str(out), "-j", "1"])
    assert "the reports are in column '报告全文'" in r.stderr
    assert len(_errors(out)) == 80 and [d["source"]["row"]["number"] for d in _jsonl(out)] == [82]


def test_a_legacy_xls_dataset(tmp_path: Path) -> None:
    import xlwt  # writes .xls for this test only (a test extra)
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("保定")
    t = _text("county_boye_2025.txt")
    for r, row in enumerate([["年份", "区县名称", "报告全文"], [2025, "博野县", t[:30000]], [2024, "唐县", ""]]):
        for c, v in enumerate(row):
            ws.write(r, c, v)
    path = tmp_path / "old.xls"
    book.save(str(path))
    out = tmp_path / "x.jsonl"
    r = _batch([str(path), "--expect", "region=区县名称,year=年份", "-o", str(out), "-q"])
    assert r.exit_code == 3, r.stderr
    (d,) = _jsonl(out)
    assert d["source"]["format"] == "xls" and d["meta"]["region"] == "博野县"
    assert d["source"]["row"] == {"sheet": "保定", "number": 2, "fields": {"年份": "2025", "区县名称": "博野县"}}
    assert not [w for w in d["warnings"] if w["code"].startswith("meta")]
    (e,) = _errors(out)
    assert e["path"].endswith("old.xls#保定:3") and "is empty" in e["reason"]


def test_blank_rows_above_the_header_and_between_records(tmp_path: Path) -> None:
    from extractor.batch.dataset import read_dataset

    t = _text("county_boye_2025.txt")
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in ([None, None], ["年份", "全文"], [2025, t], [None, None], [2024, t]):
        ws.append(row)
    wb.save(tmp_path / "b.xlsx")
    rows = [ev for ev in read_dataset(str(tmp_path / "b.xlsx")) if isinstance(ev, RowItem)]
    assert [(r.number, r.fields) for r in rows] == [(3, {"年份": "2025"}), (5, {"年份": "2024"})]
