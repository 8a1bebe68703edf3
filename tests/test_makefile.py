"""`make demo` writes the three files it promises (run against the installed environment, without reinstalling)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_make_demo_writes_json_workbook_and_review(tmp_path: Path) -> None:
    make = shutil.which("make")
    govreport = Path(sys.executable).with_name("govreport")
    if make is None or not govreport.exists():
        if os.environ.get("CI"):
            pytest.fail("make and the installed govreport command are needed on CI")
        pytest.skip("needs make and an installed govreport command")
    openpyxl = pytest.importorskip("openpyxl")
    # A stand-in .venv: the running interpreter and command, and the stamp that says the project is installed,
    # so make goes straight to the demo.
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    for name, target in (("python", sys.executable), ("govreport", str(govreport))):
        wrapper = venv / "bin" / name  # a script, not a symlink: the interpreter must still find its own venv
        wrapper.write_text(f'#!/bin/sh\nexec "{target}" "$@"\n', encoding="utf-8")
        wrapper.chmod(0o755)
    key = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "--eval", "print-key: ; @echo $(KEY)", "print-key"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (venv / f".installed-run-{key}").touch()
    demo = tmp_path / "demo"
    r = subprocess.run(
        [make, "-C", str(ROOT), "demo", f"VENV={venv}", f"DEMO={demo}"], capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "pip install" not in r.stdout
    doc = json.loads((demo / "hongshan.json").read_text(encoding="utf-8"))
    assert doc["meta"]["region_simplified"] == "洪山镇"
    wb = openpyxl.load_workbook(demo / "hongshan.xlsx")
    assert {"documents", "indicators", "goals", "targets", "projects", "quantities", "errors"} <= set(wb.sheetnames)
    assert wb["indicators"].max_row == len(doc["indicators"]) + 1
    assert (demo / "review.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert "hongshan.xlsx" in r.stdout
