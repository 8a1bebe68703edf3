"""`govreport batch --timeout / --max-memory`: a file past a limit is an error record, its worker is replaced,
the batch goes on, and `--resume` tries the file again.

The slow and the greedy file are made so by patching the extractor in the parent before the workers are forked
(as tests/test_batch.py does for crashes), so nothing depends on how fast the extractor is: the slow file sleeps
for an hour, every other file is a two-line report that takes milliseconds.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import extractor.cli.batch  # noqa: F401  registers `batch` on the app
from extractor.batch import BatchOptions, run_batch
from extractor.batch.records import BatchError
from extractor.batch.worker import EXIT_MEMORY, memory_limit_supported
from extractor.cli import app
from extractor.cli.batch import parse_size

runner = CliRunner()
FORK = multiprocessing.get_start_method(allow_none=False) == "fork"
needs_fork = pytest.mark.skipif(not FORK, reason="the patched extractor reaches the workers only when they are forked")

REPORTS = {
    "b_hongshan.txt": "洪山镇2019年工作总结\n全年完成财政收入1.2亿元，增长5%。\n",
    "c_muqiao.txt": "木桥乡2020年工作总结\n粮食总产量达到3.5万吨，增长2%。\n",
    "d_shiling.txt": "石岭镇2021年工作总结\n农民人均可支配收入1.8万元，增长7%。\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in REPORTS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def _patch(monkeypatch: pytest.MonkeyPatch, name: str, action: Any) -> None:
    """Make the extractor run ``action`` for the file called ``name`` (in workers forked after this)."""
    import extractor.api

    real = extractor.api.extract_loaded

    def patched(loaded: Any, **kw: Any) -> Any:
        if Path(loaded.path or "").name == name:
            action()
        return real(loaded, **kw)

    monkeypatch.setattr(extractor.api, "extract_loaded", patched)


def _errors(out: Path) -> list[BatchError]:
    errs = out.with_name(out.name.replace(".jsonl", ".errors.jsonl"))
    return [BatchError.model_validate_json(x) for x in errs.read_text("utf-8").splitlines()]


def _docs(out: Path) -> list[str]:
    return out.read_text("utf-8").splitlines()


@needs_fork
@pytest.mark.hang_guard(300)  # should --timeout break, the patched worker sleeps an hour: fail instead
def test_timeout_is_an_error_record_and_resume_retries_it(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hang_guard: None
) -> None:
    _patch(monkeypatch, "a_slow.txt", lambda: time.sleep(3600))
    (folder / "a_slow.txt").write_text("慢镇2019年工作总结\n财政收入1亿元。\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    # One worker, and the slow file comes first: the others can only be done by the worker that replaced it.
    r = runner.invoke(app, ["batch", str(folder), "--out", str(out), "-j", "1", "--timeout", "2"])
    assert r.exit_code == 3, r.stderr
    errs = _errors(out)
    assert [(Path(e.path).name, e.kind, e.exception) for e in errs] == [("a_slow.txt", "timeout", "TimeoutError")]
    assert "time limit of 2 s (--timeout)" in errs[0].reason and errs[0].sha256
    assert len(_docs(out)) == 3
    assert f"error: {folder / 'a_slow.txt'}: extraction took longer than the time limit" in r.stderr
    assert "timed out" in r.stderr  # the summary's row

    first = _docs(out)
    again = runner.invoke(app, ["batch", str(folder), "--out", str(out), "-j", "2", "--timeout", "2", "--resume"])
    assert again.exit_code == 3, again.stderr  # the slow file was tried again (and timed out again)
    assert "already in output" in again.stderr
    assert [(Path(e.path).name, e.kind) for e in _errors(out)] == [("a_slow.txt", "timeout")]
    assert _docs(out) == first


@needs_fork
def test_timeout_zero_means_no_limit(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _patch(monkeypatch, "a_slowish.txt", lambda: time.sleep(1.5))
    (folder / "a_slowish.txt").write_text("慢镇2019年工作总结\n财政收入1亿元。\n", encoding="utf-8")
    res = run_batch(BatchOptions(inputs=[str(folder)], out=str(tmp_path / "o.jsonl"), jobs=1, quiet=True, timeout=0))
    assert (res.exit_code, res.stats.succeeded, res.stats.failed) == (0, 4, 0)


def _address_space() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@needs_fork
@pytest.mark.skipif(
    not memory_limit_supported() or not Path("/proc/self/statm").exists(), reason="RLIMIT_AS and /proc (Linux)"
)
def test_max_memory_is_an_error_record_and_the_batch_goes_on(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def hog() -> None:
        blocks = [bytearray(256 * 2**20) for _ in range(4)]  # 1 GiB, past the limit below (never touched)
        raise AssertionError(f"allocated {len(blocks)} blocks under the memory limit")

    import extractor.api

    real = extractor.api.extract_loaded

    def patched(loaded: Any, **kw: Any) -> Any:
        name = Path(loaded.path or "").name
        if name == "a_hog.txt":
            hog()
        if name == "a_native.txt":  # what a MemoryError outside the job's own guards leads to
            os._exit(EXIT_MEMORY)
        return real(loaded, **kw)

    monkeypatch.setattr(extractor.api, "extract_loaded", patched)
    (folder / "a_hog.txt").write_text("贪镇2019年工作总结\n财政收入1亿元。\n", encoding="utf-8")
    (folder / "a_native.txt").write_text("崩镇2019年工作总结\n财政收入2亿元。\n", encoding="utf-8")
    limit = _address_space() + 512 * 2**20  # a forked worker starts at about the test process's size
    out = tmp_path / "o.jsonl"
    r = runner.invoke(app, ["batch", str(folder), "--out", str(out), "-j", "1", "--max-memory", str(limit)])
    assert r.exit_code == 3, r.stderr
    errs = sorted(_errors(out), key=lambda e: e.path)
    assert [(Path(e.path).name, e.kind, e.exception) for e in errs] == [
        ("a_hog.txt", "memory", "MemoryError"),
        ("a_native.txt", "memory", "MemoryError"),
    ]
    assert all("(--max-memory)" in e.reason for e in errs)
    assert len(_docs(out)) == 3
    assert "out of memory" in r.stderr  # the summary's row


def test_max_memory_below_a_resting_worker_is_refused(folder: Path, tmp_path: Path) -> None:
    if not memory_limit_supported() or not Path("/proc/self/statm").exists():
        pytest.skip("RLIMIT_AS and /proc (Linux)")
    r = runner.invoke(app, ["batch", str(folder), "--out", str(tmp_path / "o.jsonl"), "--max-memory", "64M"])
    assert r.exit_code == 1
    assert "--max-memory 64 MiB is too small for a worker" in r.stderr


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["--timeout", "-1"], "--timeout"),
        (["--max-memory", "lots"], "--max-memory"),
        (["--max-memory", "1M"], "--max-memory"),
    ],
)
def test_limit_usage_errors(args: list[str], hint: str, tmp_path: Path) -> None:
    r = runner.invoke(app, ["batch", str(tmp_path), *args])
    assert r.exit_code == 2 and hint in r.stderr


def test_parse_size() -> None:
    assert parse_size("2G") == 2 * 2**30
    assert parse_size("1500M") == 1500 * 2**20
    assert parse_size("512MiB") == parse_size("512mb") == 512 * 2**20
    assert parse_size("1.5g") == 3 * 2**29
    assert parse_size("1073741824") == 2**30
