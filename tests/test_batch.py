"""`govreport batch`: the corpus plus bad files in every output format, exit codes, discovery, resume, progress.

The corpus runs are module-scoped (one per format) and the other tests use a few small reports, so the file
stays fast. Nothing here asserts on timing.
"""

from __future__ import annotations

import builtins
import csv
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, corpus_files
from typer.testing import CliRunner

import extractor.cli.batch  # noqa: F401  registers `batch` on the app
from extractor import loaders
from extractor import tables as T
from extractor.batch import BatchOptions, discover, run_batch
from extractor.batch.output import errors_path, scan_jsonl
from extractor.batch.progress import RichReporter
from extractor.batch.read import csv_records, sqlite_documents
from extractor.batch.records import BatchError
from extractor.cli import app
from extractor.models import Document

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
FORK = multiprocessing.get_start_method(allow_none=False) == "fork"

# The README's example queries: they must run on a batch database.
EXAMPLE_QUERIES = {
    "gdp_growth_targets": """
        SELECT d.region_simplified AS region, g.year, t.value_raw AS target, t.qualifier, t.text
        FROM targets t
        JOIN goals g ON g.doc_id = t.doc_id AND g.idx = t.goal_idx
        JOIN documents d ON d.doc_id = t.doc_id
        WHERE t.canonical IN ('gdp', 'gdp_growth') AND t.measure = 'growth'
        ORDER BY region, g.year""",
    "gdp_by_region_and_year": """
        SELECT d.region_simplified AS region, i.year, i.value_raw, i.value_base_value / 1e8 AS yi_yuan
        FROM indicators i JOIN documents d USING (doc_id)
        WHERE i.canonical = 'gdp' AND i.value_base_unit = '元'
        ORDER BY region, i.year""",
    "projects_by_category": """
        SELECT p.category, count(*) AS projects, sum(p.investment_base_value) / 1e8 AS investment_yi_yuan
        FROM projects p GROUP BY p.category ORDER BY projects DESC""",
}


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _smallest(n: int) -> list[Path]:
    files = sorted(corpus_files(), key=lambda p: p.stat().st_size)
    return files[:n]


def _invoke(args: list[str], input: str | bytes | None = None) -> Any:
    """Run the CLI in-process. As root chmod 000 does not stop a read, so a file named locked.txt is made
    unreadable where the loader opens it (read_bytes turns PermissionError into 'permission denied')."""
    real_open = builtins.open

    def fake_open(path: Any, *a: Any, **k: Any) -> Any:
        if Path(str(path)).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    with pytest.MonkeyPatch.context() as mp:
        if IS_ROOT:
            mp.setattr(loaders, "open", fake_open, raising=False)
        return runner.invoke(app, ["batch", *args], input=input)


# ------------------------------------------------------------------------------------------ the corpus tree


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The 34 corpus reports (33 .txt and one .xml, which is text and counts as a report) plus bad files."""
    base = tmp_path_factory.mktemp("batch")
    src = base / "in"
    src.mkdir()
    docs = sorted(CORPUS.iterdir())
    assert len(docs) == 34
    for p in docs:
        shutil.copy(p, src / p.name)
    (src / "empty.txt").write_bytes(b"")
    (src / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (src / "invalid.txt").write_bytes(b"\x81\xff\xfe\x80" * 500)
    (src / "dir.txt").mkdir()
    locked = src / "locked.txt"
    locked.write_text("洪山镇2019年工作总结\n全年完成财政收入1.2亿元，增长5%。\n", encoding="utf-8")
    locked.chmod(0)
    shutil.copy(docs[0], src / "zz_duplicate.txt")
    listing = base / "list.txt"
    listing.write_text("".join(f"{p}\n" for p in sorted(src.iterdir())), encoding="utf-8")
    return {
        "base": base,
        "src": src,
        "listing": listing,
        "good": {_sha(p): p.name for p in docs},
        "first": docs[0].name,
    }


@pytest.fixture(scope="module")
def jsonl_run(tree: dict[str, Any]) -> dict[str, Any]:
    out = tree["base"] / "out.jsonl"
    r = _invoke(["--files-from", "-", "--out", str(out), "--jobs", "2"], input=tree["listing"].read_text("utf-8"))
    docs = [Document.model_validate_json(line) for line in out.read_text("utf-8").splitlines()]
    errs = [BatchError.model_validate_json(line) for line in Path(errors_path(str(out))).read_text().splitlines()]
    return {"result": r, "out": out, "docs": {d.source.sha256: d for d in docs}, "lines": docs, "errors": errs}


@pytest.fixture(scope="module")
def csv_run(tree: dict[str, Any]) -> dict[str, Any]:
    out = tree["base"] / "tables"
    r = _invoke([str(tree["src"]), "--format", "csv", "--out", str(out), "--bom", "--jobs", "2"])
    return {"result": r, "out": out}


@pytest.fixture(scope="module")
def sqlite_run(tree: dict[str, Any]) -> dict[str, Any]:
    out = tree["base"] / "reports.db"
    r = _invoke(["--files-from", str(tree["listing"]), "--out", str(out), "-j", "2"])  # format from the suffix
    return {"result": r, "out": out}


def _check_errors(errs: list[BatchError], tree: dict[str, Any], with_dir: bool) -> None:
    by = {Path(e.path).name: e for e in errs}
    expect = {"empty.txt", "image.png", "invalid.txt", "locked.txt", "zz_duplicate.txt"} | (
        {"dir.txt"} if with_dir else set()
    )
    assert set(by) == expect, by
    assert len(errs) == len(expect)  # one record per bad file
    assert "empty" in by["empty.txt"].reason
    assert "PNG" in by["image.png"].reason
    assert "decode" in by["invalid.txt"].reason or "not text" in by["invalid.txt"].reason
    assert "permission denied" in by["locked.txt"].reason
    dup = by["zz_duplicate.txt"]
    assert dup.kind == "duplicate" and Path(dup.duplicate_of or "").name == tree["first"]
    assert all(e.kind == "error" for n, e in by.items() if n != "zz_duplicate.txt")
    assert all(e.exception for e in errs if e.kind == "error")
    if with_dir:
        assert "directory" in by["dir.txt"].reason


def test_jsonl_corpus_and_bad_files(tree: dict[str, Any], jsonl_run: dict[str, Any]) -> None:
    r = jsonl_run["result"]
    assert r.exit_code == 3, r.stderr
    assert r.stdout == ""
    assert len(jsonl_run["lines"]) == 34  # every line re-validates as a Document (done in the fixture)
    assert set(jsonl_run["docs"]) == set(tree["good"])
    _check_errors(jsonl_run["errors"], tree, with_dir=True)
    assert "succeeded" in r.stderr and "duplicates" in r.stderr  # the summary table
    assert "govreport: error:" in r.stderr and "permission denied" in r.stderr  # per-file lines
    xml = next(d for d in jsonl_run["lines"] if d.source.path and d.source.path.endswith(".xml"))
    assert xml.source.chars > 0


def test_csv_corpus_folder_walk(tree: dict[str, Any], jsonl_run: dict[str, Any], csv_run: dict[str, Any]) -> None:
    r = csv_run["result"]
    assert r.exit_code == 3, r.stderr
    out: Path = csv_run["out"]
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{t.name}.csv" for t in T.ALL_TABLES)
    for p in out.iterdir():
        raw = p.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), p.name  # --bom: every file
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        table = next(t for t in T.ALL_TABLES if f"{t.name}.csv" == p.name)
        assert rows[0] == table.columns
        assert all(len(row) == len(table.columns) for row in rows)
    docs = dict(csv_records(out, "documents"))
    assert set(docs) == set(tree["good"])
    ref: dict[str, Document] = jsonl_run["docs"]
    for doc_id, d in docs.items():
        assert d.source.model_dump() == ref[doc_id].source.model_dump()
        assert d.meta == ref[doc_id].meta
    # A folder walk goes into dir.txt (a folder) and finds nothing there: five error records, not six.
    errs = [e for _, e in csv_records(out, "errors")]
    _check_errors(errs, tree, with_dir=False)  # type: ignore[arg-type]
    # Every record row validates against its model and equals the JSONL record.
    for table in ("quantities", "indicators", "projects"):
        got: dict[str, list[Any]] = {}
        for doc_id, m in csv_records(out, table):
            got.setdefault(doc_id, []).append(m.model_dump(mode="json"))
        for doc_id, d in ref.items():
            want = [x.model_dump(mode="json") for x in getattr(d, table)]
            assert got.get(doc_id, []) == want, (table, doc_id)
    goals: dict[str, list[Any]] = {}
    for doc_id, m in csv_records(out, "goals"):
        goals.setdefault(doc_id, []).append(m.model_dump(mode="json", exclude={"targets"}))
    targets: Counter[str] = Counter(doc_id for doc_id, _ in csv_records(out, "targets"))
    for doc_id, d in ref.items():
        assert goals.get(doc_id, []) == [g.model_dump(mode="json", exclude={"targets"}) for g in d.goals]
        assert targets[doc_id] == sum(len(g.targets) for g in d.goals)
    # sentence_text is the grounded sentence
    with open(out / "indicators.csv", encoding="utf-8-sig", newline="") as f:
        row = next(csv.DictReader(f))
    text = (tree["src"] / ref[row["doc_id"]].source.path.split("/")[-1]).read_bytes().decode("utf-8-sig")
    assert row["sentence_text"] == text[int(row["sentence_start"]) : int(row["sentence_end"])]


def test_sqlite_corpus_counts_equal_jsonl(
    tree: dict[str, Any], jsonl_run: dict[str, Any], sqlite_run: dict[str, Any]
) -> None:
    r = sqlite_run["result"]
    assert r.exit_code == 3, r.stderr
    ref: dict[str, Document] = jsonl_run["docs"]
    db = sqlite3.connect(sqlite_run["out"])
    count = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in [x.name for x in T.ALL_TABLES]}
    assert count["documents"] == 34
    assert count["quantities"] == sum(len(d.quantities) for d in ref.values())
    assert count["indicators"] == sum(len(d.indicators) for d in ref.values())
    assert count["goals"] == sum(len(d.goals) for d in ref.values())
    assert count["targets"] == sum(len(g.targets) for d in ref.values() for g in d.goals)
    assert count["projects"] == sum(len(d.projects) for d in ref.values())
    fields = ("path", "sha256", "kind", "reason", "exception", "duplicate_of")
    errs = [BatchError.model_validate(dict(zip(fields, x, strict=True))) for x in db.execute("SELECT * FROM errors")]
    _check_errors(errs, tree, with_dir=True)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {x[0] for x in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"documents_region", "documents_year_reviewed", "indicators_canonical", "targets_canonical"} <= indexes
    for name, q in EXAMPLE_QUERIES.items():
        rows = db.execute(q).fetchall()
        assert rows, name
    db.close()
    # The tables hold whole documents: rebuilt and validated, each equals its JSONL line.
    rebuilt = {d.source.sha256: d for d in sqlite_documents(sqlite_run["out"])}
    assert set(rebuilt) == set(ref)
    for doc_id, d in rebuilt.items():
        assert d.model_dump(mode="json") == ref[doc_id].model_dump(mode="json")


# ------------------------------------------------------------------------------------------ small runs


@pytest.fixture
def small(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for p in _smallest(3):
        shutil.copy(p, src / p.name)
    return src


def test_csv_has_no_bom_without_flag(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "t"
    r = _invoke([str(small), "--out", f"{out}/", "-q"])  # a path ending in / means csv
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""  # --quiet
    for p in out.iterdir():
        assert not p.read_bytes().startswith(b"\xef\xbb\xbf")
        with open(p, encoding="utf-8", newline="") as f:
            assert next(csv.reader(f))[0] in ("doc_id", "path")
    assert len(list(csv_records(out, "documents"))) == 3


def test_stdout_stream_and_errors_on_stderr(small: Path, tmp_path: Path) -> None:
    (small / "empty.txt").write_bytes(b"")
    r = _invoke([str(small), "--out", "-", "-j", "2"])
    assert r.exit_code == 3
    lines = r.stdout.splitlines()
    assert len(lines) == 3
    for line in lines:
        Document.model_validate_json(line)
    assert "empty.txt: file is empty" in r.stderr
    assert not list(tmp_path.glob("*.errors.jsonl"))
    q = _invoke([str(small), "-q"])  # stdout is the default; --quiet keeps only what has nowhere else to go
    assert q.exit_code == 3 and len(q.stdout.splitlines()) == 3
    assert q.stderr.strip() == f"govreport: error: {small / 'empty.txt'}: file is empty"


def test_exit_codes(small: Path, tmp_path: Path) -> None:
    first = next(iter(sorted(small.iterdir())))
    shutil.copy(first, small / "copy.txt")
    ok = _invoke([str(small), "--out", str(tmp_path / "a.jsonl")])
    assert ok.exit_code == 0, ok.stderr  # a duplicate is reported, not a failure
    assert "duplicate" in ok.stderr
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "e.txt").write_bytes(b"")
    (bad / "p.txt").write_bytes(b"%PDF-1.4 \x00\x01")
    nothing = _invoke([str(bad), "--out", str(tmp_path / "b.jsonl")])
    assert nothing.exit_code == 1  # every file failed: nothing could run
    assert len((tmp_path / "b.errors.jsonl").read_text().splitlines()) == 2
    empty = tmp_path / "emptydir"
    empty.mkdir()
    none = _invoke([str(empty), "--out", str(tmp_path / "c.jsonl")])
    assert none.exit_code == 1 and "no input files" in none.stderr
    missing = _invoke([str(tmp_path / "nope.txt"), "--out", str(tmp_path / "d.jsonl")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    unwritable = _invoke([str(small), "--format", "sqlite", "--out", str(small)])
    assert unwritable.exit_code == 1 and "is a folder" in unwritable.stderr
    big = _invoke([str(small), "--out", str(tmp_path / "e.jsonl"), "--max-bytes", "100"])
    assert big.exit_code == 1 and "over the limit" in big.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["x", "--format", "csv"],  # csv needs --out
        ["x", "--resume"],  # cannot resume stdout
        ["x", "--bom", "--out", "a.jsonl"],
        ["x", "--jobs", "0"],
        ["x", "--format", "xml"],
        ["x", "--out", "tables.csv"],  # csv is a folder: say so rather than write JSONL into a .csv
    ],
)
def test_usage_errors(args: list[str]) -> None:
    r = runner.invoke(app, ["batch", *args])
    assert r.exit_code == 2, r.stdout + r.stderr


def test_extractor_failure_is_an_error_record(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not FORK:
        pytest.skip("the patched extractor reaches the workers only when they are forked")
    import extractor.api

    real = extractor.api.extract_loaded

    def boom(loaded: Any, **kw: Any) -> Any:
        if Path(loaded.path or "").name == "boom.txt":
            raise RuntimeError("kaboom")
        return real(loaded, **kw)

    monkeypatch.setattr(extractor.api, "extract_loaded", boom)
    shutil.copy(next(iter(sorted(small.iterdir()))), small / "boom.txt")
    (small / "boom.txt").write_text((small / "boom.txt").read_text("utf-8") + "\n附", encoding="utf-8")
    r = _invoke([str(small), "--out", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 3
    errs = [BatchError.model_validate_json(x) for x in (tmp_path / "o.errors.jsonl").read_text().splitlines()]
    assert len(errs) == 1 and errs[0].exception == "RuntimeError" and "kaboom" in errs[0].reason
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 3


def test_worker_crash_is_survived(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not FORK:
        pytest.skip("the patched extractor reaches the workers only when they are forked")
    import extractor.api

    real = extractor.api.extract_loaded

    def crash(loaded: Any, **kw: Any) -> Any:
        if Path(loaded.path or "").name == "a_crash.txt":
            os._exit(9)
        return real(loaded, **kw)

    monkeypatch.setattr(extractor.api, "extract_loaded", crash)
    (small / "a_crash.txt").write_text("洪山镇工作总结\n财政收入1亿元。\n", encoding="utf-8")
    r = _invoke([str(small), "--out", str(tmp_path / "o.jsonl"), "-j", "1"])
    assert r.exit_code == 3, r.stderr
    errs = [BatchError.model_validate_json(x) for x in (tmp_path / "o.errors.jsonl").read_text().splitlines()]
    # Only the file the dead worker held is lost; a new worker took the rest.
    assert [(Path(e.path).name, e.exception) for e in errs] == [("a_crash.txt", "WorkerDied")]
    assert "exit status 9" in errs[0].reason
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 3


# ------------------------------------------------------------------------------------------ discovery


def test_discovery_links_globs_lists(tmp_path: Path) -> None:
    root = tmp_path / "r"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "one.txt").write_text("x")
    (root / "a" / "b" / "two.txt").write_text("y")
    (root / "a" / "b" / "pic.png").write_bytes(b"\x89PNG")
    (root / ".hidden.txt").write_text("h")
    (root / "a" / "b" / "up").symlink_to(root / "a", target_is_directory=True)  # a loop
    (root / "self").symlink_to(root / "self")  # a link to itself
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    (root / "alias.txt").symlink_to(root / "a" / "one.txt")  # the same file again: taken once
    entries = discover([str(root)])
    files = [Path(e.path).relative_to(root).as_posix() for e in entries if not e.problem]
    assert files == ["a/b/pic.png", "a/b/two.txt", "a/one.txt"]  # alias.txt is a/one.txt again
    problems = {Path(e.path).name: e.problem for e in entries if e.problem}
    assert "loop" in (problems["up"] or "")
    assert "loop" in (problems["self"] or "")
    assert "no such file" in (problems["dangling.txt"] or "")
    # --glob filters walked folders; a pattern is expanded like a shell would
    only_txt = [Path(e.path).name for e in discover([str(root)], globs=["*.txt"]) if not e.problem]
    assert only_txt == ["two.txt", "one.txt"]
    pattern = [Path(e.path).name for e in discover([f"{root}/**/*.txt"])]
    assert set(pattern) == {"one.txt", "two.txt", "dangling.txt"}  # alias.txt: a/one.txt again
    nomatch = discover([f"{root}/*.docx"])
    assert nomatch[0].problem == "no file matches this pattern"
    listed = discover([], files_from=[str(root / "a"), str(root / "a" / "one.txt")])
    assert listed[0].problem == "is a directory, not a file" and listed[1].problem is None


def test_files_from_nul_separated(small: Path, tmp_path: Path) -> None:
    lst = tmp_path / "l"
    lst.write_bytes(b"\0".join(str(p).encode() for p in sorted(small.iterdir())) + b"\0")
    r = _invoke(["--files-from", str(lst), "--out", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 0, r.stderr
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 3


# ------------------------------------------------------------------------------------------ resume


def _shas(path: Path) -> list[str]:
    return [Document.model_validate_json(x).source.sha256 for x in path.read_text("utf-8").splitlines()]


def test_resume_jsonl_drops_a_torn_line(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in _smallest(5):
        shutil.copy(p, src / p.name)
    clean = tmp_path / "clean.jsonl"
    assert _invoke([str(src), "--out", str(clean)]).exit_code == 0
    lines = clean.read_bytes().splitlines(keepends=True)
    out = tmp_path / "o.jsonl"
    out.write_bytes(b"".join(lines[:2]) + lines[2][: len(lines[2]) // 2])  # as a kill -9 might leave it
    assert len(scan_jsonl(str(out), truncate=False)) == 2
    r = _invoke([str(src), "--out", str(out), "--resume"])
    assert r.exit_code == 0, r.stderr
    assert "already in output" in r.stderr
    got = _shas(out)
    assert len(got) == len(set(got)) == 5 and set(got) == set(_shas(clean))
    again = _invoke([str(src), "--out", str(out), "--resume"])
    assert again.exit_code == 0 and _shas(out) == got  # nothing left to do


def test_resume_refuses_a_foreign_jsonl(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text('{"not": "a document"}\n')
    r = _invoke([str(small), "--out", str(out), "--resume"])
    assert r.exit_code == 1 and "not a govreport document" in r.stderr
    assert out.read_text() == '{"not": "a document"}\n'


def test_resume_csv_drops_torn_rows_and_orphans(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in _smallest(4):
        shutil.copy(p, src / p.name)
    out = tmp_path / "t"
    assert _invoke([str(src), "--format", "csv", "--out", str(out), "--bom"]).exit_code == 0
    clean = {t: (out / f"{t}.csv").read_text("utf-8-sig") for t in ("documents", "indicators", "goals")}
    # A run killed while writing its third document: its record rows are there, its documents row is torn.
    doc_lines = clean["documents"].splitlines(keepends=True)
    (out / "documents.csv").write_bytes(("\ufeff" + "".join(doc_lines[:3]) + doc_lines[3][:40]).encode("utf-8"))
    with open(out / "indicators.csv", "a", encoding="utf-8") as f:
        f.write(doc_lines[3][:64] + ',0,"torn name\nstill inside the quoted field')  # torn mid-field
    r = _invoke([str(src), "--format", "csv", "--out", str(out), "--resume", "--bom"])
    assert r.exit_code == 0, r.stderr
    docs = [d for d, _ in csv_records(out, "documents")]
    assert len(docs) == len(set(docs)) == 4
    for t in ("documents", "indicators", "goals"):
        text = (out / f"{t}.csv").read_bytes()
        assert text.startswith(b"\xef\xbb\xbf")
        assert Counter(text.decode("utf-8-sig").splitlines()) == Counter(clean[t].splitlines()), t


def test_sqlite_rerun_is_idempotent_and_resume_skips(small: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "r.sqlite"
    assert _invoke([str(small), "--out", str(db_path)]).exit_code == 0
    db = sqlite3.connect(db_path)
    before = {t.name: db.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in T.ALL_TABLES}
    db.close()
    assert _invoke([str(small), "--out", str(db_path), "--format", "sqlite"]).exit_code == 0  # replaces rows
    db = sqlite3.connect(db_path)
    after = {t.name: db.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in T.ALL_TABLES}
    assert after == before
    db.execute("PRAGMA foreign_keys = ON")
    gone = db.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1").fetchone()[0]
    db.execute("DELETE FROM documents WHERE doc_id = ?", (gone,))
    db.commit()
    assert db.execute("SELECT count(*) FROM indicators WHERE doc_id = ?", (gone,)).fetchone()[0] == 0  # cascade
    db.close()
    res = run_batch(BatchOptions(inputs=[str(small)], out=str(db_path), fmt="sqlite", resume=True, quiet=True))
    assert res.exit_code == 0
    assert (res.stats.skipped, res.stats.succeeded) == (2, 1)
    db = sqlite3.connect(db_path)
    assert {t.name: db.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in T.ALL_TABLES} == before
    db.close()
    foreign = tmp_path / "other.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE documents (x)")
    con.close()
    r = _invoke([str(small), "--out", str(foreign)])
    assert r.exit_code == 1 and "not written by govreport batch" in r.stderr


# ------------------------------------------------------------------------------------------ progress


class _TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_rich_progress_on_a_terminal_and_plain_lines_otherwise(small: Path, tmp_path: Path) -> None:
    stream = _TTY()
    res = run_batch(
        BatchOptions(inputs=[str(small)], out=str(tmp_path / "o.jsonl"), jobs=2), reporter=RichReporter(stream)
    )
    assert res.exit_code == 0 and res.stats.succeeded == 3
    text = stream.getvalue()
    assert "files/s" in text and "ETA" in text and "succeeded" in text
    plain = _invoke([str(small), "--out", str(tmp_path / "p.jsonl")])
    assert plain.stderr.startswith("govreport: batch: 3 files, ")
    assert "\x1b[" not in plain.stderr  # no terminal codes when stderr is not a terminal


def test_summary_counts(small: Path, tmp_path: Path) -> None:
    res = run_batch(BatchOptions(inputs=[str(small)], out=str(tmp_path / "o.jsonl"), jobs=1, quiet=True))
    docs = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text("utf-8").splitlines()]
    s = res.stats
    assert (s.files, s.succeeded, s.failed, s.duplicates) == (3, 3, 0, 0)
    assert s.counts["indicators"] == sum(len(d["indicators"]) for d in docs)
    assert s.counts["goals"] == sum(len(d["goals"]) for d in docs)
    assert s.counts["projects"] == sum(len(d["projects"]) for d in docs)
    assert s.chars == sum(d["source"]["chars"] for d in docs)
