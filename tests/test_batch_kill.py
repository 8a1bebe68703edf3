"""Interrupting `govreport batch` in a real process: kill -9, SIGTERM and Ctrl-C, then --resume.

500 files (copies of the smaller corpus reports, each with one added line so their hashes differ). A clean
run is the reference; every interrupted-and-resumed run must end with exactly its set of documents, no
duplicates. The runs wait for progress in the output before interrupting, and assert nothing about timing.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import corpus_files

from extractor import tables as T
from extractor.loaders import load_bytes
from extractor.models import Document

N = 500
SUBSET = 200
CMD = [sys.executable, "-c", "from extractor.cli import main; main()", "batch"]  # govreport batch
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("kill")
    src = base / "in"
    src.mkdir()
    seeds = sorted(corpus_files(), key=lambda p: p.stat().st_size)[:8]
    texts = [(p.stem, load_bytes(p.read_bytes(), p.name).text) for p in seeds]
    paths = []
    for i in range(N):
        stem, text = texts[i % len(texts)]
        p = src / f"{i:04d}_{stem}.txt"
        p.write_text(f"{text}\n（副本{i}）\n", encoding="utf-8")
        paths.append(p)
    subset = base / "subset.txt"
    subset.write_text("".join(f"{p}\n" for p in paths[:SUBSET]), encoding="utf-8")
    clean = base / "clean.jsonl"
    proc = subprocess.run([*CMD, str(src), "--out", str(clean), "-j", "2", "-q"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    lines = clean.read_text("utf-8").splitlines()
    docs = {}
    for line in lines:
        d = json.loads(line)
        docs[d["source"]["sha256"]] = line
    assert len(lines) == len(docs) == N
    sub_shas = {hashlib.sha256(p.read_bytes()).hexdigest() for p in paths[:SUBSET]}
    assert sub_shas <= set(docs)
    return {"base": base, "src": src, "subset": subset, "clean": docs, "subset_shas": sub_shas}


def _start(args: list[str], base: Path, name: str) -> subprocess.Popen[bytes]:
    with open(base / f"{name}.stdout", "wb") as out, open(base / f"{name}.stderr", "wb") as err:
        return subprocess.Popen([*CMD, *args], stdout=out, stderr=err, start_new_session=True)


def _wait_for(cond: Any, proc: subprocess.Popen[bytes], timeout: float = 600) -> None:
    """Until ``cond()`` holds; the run must still be going then, or the interruption would test nothing."""
    end = time.monotonic() + timeout
    while not cond():
        assert proc.poll() is None, "the batch finished before it could be interrupted"
        assert time.monotonic() < end, "no progress"
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be interrupted"


def _group_gone(pgid: int, timeout: float = 60) -> bool:
    """Every process of the batch (the workers too) has exited."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def _cleanup(proc: subprocess.Popen[bytes]) -> None:
    """Whatever happened, leave no process of the test's own batch behind."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _whole_lines(path: Path) -> int:
    if not path.exists():
        return 0
    return path.read_bytes().count(b"\n")


def _csv_docs(path: Path) -> int:
    return max(0, _whole_lines(path) - 1)


def test_kill9_jsonl_then_resume_equals_clean_run(many: dict[str, Any]) -> None:
    base: Path = many["base"]
    out = base / "killed.jsonl"
    proc = _start([str(many["src"]), "--out", str(out), "-j", "2", "-q"], base, "kill9")
    try:
        _wait_for(lambda: _whole_lines(out) >= 60, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert _group_gone(proc.pid), "worker processes outlived their killed parent"
    finally:
        _cleanup(proc)
    data = out.read_bytes()
    whole = data[: data.rfind(b"\n") + 1].decode("utf-8").splitlines()
    partial = [Document.model_validate_json(x).source.sha256 for x in whole]  # every whole line is a document
    assert 60 <= len(partial) < N and len(set(partial)) == len(partial)
    assert set(partial) <= set(many["clean"])

    r = subprocess.run(
        [*CMD, str(many["src"]), "--out", str(out), "-j", "2", "--resume"], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    assert "already in output" in r.stderr
    final = out.read_text("utf-8").splitlines()
    shas = [json.loads(x)["source"]["sha256"] for x in final]
    assert len(shas) == len(set(shas)) == N  # no duplicates, nothing missing
    assert {s: line for s, line in zip(shas, final, strict=True)} == many["clean"]  # the same documents


def test_kill9_sqlite_then_resume(many: dict[str, Any]) -> None:
    base: Path = many["base"]
    db_path = base / "killed.db"

    def committed() -> int:
        if not db_path.exists():
            return 0
        try:
            con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
            try:
                return con.execute("SELECT count(*) FROM documents").fetchone()[0]
            finally:
                con.close()
        except sqlite3.Error:
            return 0

    args = ["--files-from", str(many["subset"]), "--out", str(db_path), "-j", "2", "-q"]
    proc = _start(args, base, "sqlite9")
    try:
        _wait_for(lambda: committed() >= 25, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert _group_gone(proc.pid)
    finally:
        _cleanup(proc)
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n_killed = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 25 <= n_killed < SUBSET
    # every committed document is whole: its indicator rows match its count column
    bad = con.execute(
        "SELECT count(*) FROM documents d WHERE n_indicators != (SELECT count(*) FROM indicators i "
        "WHERE i.doc_id = d.doc_id)"
    ).fetchone()[0]
    assert bad == 0
    con.close()

    r = subprocess.run([*CMD, *args[:-1], "--resume"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(db_path)
    ids = [x[0] for x in con.execute("SELECT doc_id FROM documents")]
    assert len(ids) == len(set(ids)) and set(ids) == many["subset_shas"]
    clean = [json.loads(many["clean"][s]) for s in ids]
    assert con.execute("SELECT count(*) FROM indicators").fetchone()[0] == sum(len(d["indicators"]) for d in clean)
    assert con.execute("SELECT count(*) FROM goals").fetchone()[0] == sum(len(d["goals"]) for d in clean)
    assert con.execute("SELECT count(*) FROM projects").fetchone()[0] == sum(len(d["projects"]) for d in clean)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


def test_sigterm_csv_stops_cleanly_then_resume(many: dict[str, Any]) -> None:
    base: Path = many["base"]
    out = base / "tables"
    args = ["--files-from", str(many["subset"]), "--format", "csv", "--out", str(out), "-j", "2"]
    proc = _start(args, base, "term")
    try:
        _wait_for(lambda: _csv_docs(out / "documents.csv") >= 25, proc)
        os.kill(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=600) == 143
        assert _group_gone(proc.pid)
    finally:
        _cleanup(proc)
    err = (base / "term.stderr").read_text("utf-8")
    assert "interrupted by SIGTERM" in err and "--resume" in err
    for t in T.ALL_TABLES:  # a clean stop leaves no torn row anywhere
        raw = (out / f"{t.name}.csv").read_bytes()
        assert raw.endswith(b"\n")
        rows = list(csv.reader(raw.decode("utf-8").splitlines(keepends=True), strict=True))
        assert all(len(r) == len(t.columns) for r in rows), t.name
    n_stopped = _csv_docs(out / "documents.csv")
    assert 25 <= n_stopped < SUBSET

    r = subprocess.run([*CMD, *args, "--resume", "-q"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    with open(out / "documents.csv", encoding="utf-8", newline="") as f:
        ids = [row["doc_id"] for row in csv.DictReader(f)]
    assert len(ids) == len(set(ids)) and set(ids) == many["subset_shas"]
    clean = [json.loads(many["clean"][s]) for s in ids]
    with open(out / "indicators.csv", encoding="utf-8", newline="") as f:
        assert sum(1 for _ in csv.DictReader(f)) == sum(len(d["indicators"]) for d in clean)
    with open(out / "goals.csv", encoding="utf-8", newline="") as f:
        assert sum(1 for _ in csv.DictReader(f)) == sum(len(d["goals"]) for d in clean)


def test_ctrl_c_twice_to_the_process_group(many: dict[str, Any]) -> None:
    """What a terminal does: SIGINT to every process. Workers ignore it; the parent stops, and a second
    Ctrl-C drops the files in flight. The output still holds only whole lines."""
    base: Path = many["base"]
    out = base / "int.jsonl"
    proc = _start([str(many["src"]), "--out", str(out), "-j", "2"], base, "int")
    try:
        _wait_for(lambda: _whole_lines(out) >= 10, proc)
        os.killpg(proc.pid, signal.SIGINT)
        time.sleep(0.05)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=600) == 130
        assert _group_gone(proc.pid)
    finally:
        _cleanup(proc)
    data = out.read_bytes()
    assert data.endswith(b"\n")
    shas = [Document.model_validate_json(x).source.sha256 for x in data.decode("utf-8").splitlines()]
    assert len(shas) == len(set(shas)) < N
    assert "interrupted by SIGINT" in (base / "int.stderr").read_text("utf-8")
