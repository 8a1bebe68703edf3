"""Bad input to `panel` and `keywords` ends in one error line naming the file, exit 1, and no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hongshan_2019.txt"
runner = CliRunner()


def _one_error_line(r, name: str) -> None:
    assert r.exit_code == 1, r.output
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("govreport: error: ") and name in lines[0], r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""


def test_keywords_on_broken_results(tmp_path: Path) -> None:
    bad = tmp_path / "results.json"
    bad.write_text("{not json", encoding="utf-8")
    _one_error_line(runner.invoke(app, ["keywords", str(bad)]), "results.json")


def test_keywords_with_a_folder_as_dictionary(tmp_path: Path) -> None:
    _one_error_line(runner.invoke(app, ["keywords", "--dict", str(tmp_path), str(SAMPLE)]), tmp_path.name)


def test_keywords_with_an_undecodable_dictionary(tmp_path: Path) -> None:
    d = tmp_path / "words.txt"
    d.write_bytes(b"\xff\xfe\x00\xd8 broken")
    _one_error_line(runner.invoke(app, ["keywords", "--dict", str(d), str(SAMPLE)]), "words.txt")


def test_panel_to_an_unwritable_dta(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    res = tmp_path / "r.json"
    r = runner.invoke(app, ["extract", str(SAMPLE), "-o", str(res)])
    assert r.exit_code == 0
    _one_error_line(runner.invoke(app, ["panel", str(res), "-o", str(tmp_path / "missing" / "p.dta")]), "p.dta")


def test_panel_on_a_broken_database(tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    _one_error_line(runner.invoke(app, ["panel", str(db)]), "results.sqlite")


def test_an_unexpected_error_is_one_line(tmp_path: Path) -> None:
    # The entry point's last guard: a failure no command catches still ends in one line.
    code = (
        "import sys\n"
        "from extractor.cli import app, main\n"
        "@app.command('boom')\n"
        "def boom() -> None:\n"
        "    raise RuntimeError('kaboom')\n"
        "sys.argv = ['govreport', 'boom']\n"
        "main()\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert r.stderr.strip() == "govreport: error: RuntimeError: kaboom"
