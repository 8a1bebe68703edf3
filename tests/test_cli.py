"""The CLI as a user drives it: formats, stdin, output files, exit codes, stderr-only messages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = str(ROOT / "samples" / "hongshan_2019.txt")
runner = CliRunner()


def test_extract_json_to_stdout_is_utf8_unescaped() -> None:
    r = runner.invoke(app, ["extract", SAMPLE])
    assert r.exit_code == 0
    assert "工農業總產值" in r.stdout and "\\u" not in r.stdout
    doc = json.loads(r.stdout)
    assert doc["meta"]["region_simplified"] == "洪山镇"
    assert {"東方唐韻項目", "危橋改造工程項目"} <= {p["name"] for p in doc["projects"]}
    assert r.stderr == ""


def test_jsonl_is_one_line_and_reads_from_stdin(sample_text: str) -> None:
    r = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=sample_text.encode("utf-8"))
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert len(lines) == 1
    names = [i["name"] for i in json.loads(lines[0])["indicators"]]
    assert "財政總收入" in names


def test_csv_rows_have_flat_columns() -> None:
    r = runner.invoke(app, ["extract", SAMPLE, "--format", "csv"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    gov = next(x for x in rows if x["name"] == "工農業總產值")
    assert gov["type"] == "indicator" and gov["region"] == "洪山鎮" and gov["path"].endswith("hongshan_2019.txt")
    assert gov["value_base_value"] == "750000000" and gov["value_base_unit"] == "元"
    assert gov["change_value_raw"] == "5.1%" and gov["change_base_year"] == "2018"
    assert "7.5億元" in gov["sentence_text"]
    assert not r.stdout.startswith("\ufeff")
    # the document's own row comes first; a goal's targets follow it, naming it by goal_idx
    assert rows[0]["type"] == "document" and rows[0]["region_simplified"] == "洪山镇"
    types = [x["type"] for x in rows]
    first_target = types.index("target")
    assert types[first_target - 1] in ("goal", "target")
    last_goal = [x for x in rows[:first_target] if x["type"] == "goal"][-1]
    assert rows[first_target]["goal_idx"] == last_goal["idx"]


def test_output_file_and_bom(tmp_path: Path) -> None:
    out = tmp_path / "items.csv"
    r = runner.invoke(app, ["extract", SAMPLE, "-f", "csv", "--bom", "-o", str(out)])
    assert r.exit_code == 0 and r.stdout == ""
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_only_limits_records() -> None:
    r = runner.invoke(app, ["extract", SAMPLE, "--only", "goals"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["indicators"] == []
    bad = runner.invoke(app, ["extract", SAMPLE, "--only", "tables"])
    assert bad.exit_code == 2


def _png(tmp: Path) -> Path:
    p = tmp / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return p


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda t: t / "missing.txt", "no such file"),
        (lambda t: ((t / "empty.txt").write_bytes(b"") and t / "empty.txt") or t / "empty.txt", "empty"),
        (_png, "PNG"),
        (lambda t: (t / "bad.txt").write_bytes(b"\x80\xfd\xfe\xff" * 100) and t / "bad.txt", "decode"),
        (lambda t: t, "directory"),
    ],
    ids=["missing", "empty", "png", "invalid-bytes", "directory"],
)
def test_unreadable_input_exits_1_with_one_line(tmp_path: Path, make, reason: str) -> None:
    path = make(tmp_path)
    r = runner.invoke(app, ["extract", str(path)])
    assert r.exit_code == 1
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and reason.lower() in lines[0].lower()
    assert "Traceback" not in r.stderr


def test_too_large_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes("增长5%。".encode() * 100)
    r = runner.invoke(app, ["extract", str(p), "--max-bytes", "100"])
    assert r.exit_code == 1 and "limit" in r.stderr


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["extract"]).exit_code == 2
    assert runner.invoke(app, ["extract", SAMPLE, "--format", "xml"]).exit_code == 2


def test_schema_command_prints_the_committed_schema() -> None:
    r = runner.invoke(app, ["schema"])
    assert r.exit_code == 0
    committed = json.loads((ROOT / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
    assert json.loads(r.stdout) == committed


def test_text_command_prints_the_indexed_text(sample_text: str) -> None:
    r = runner.invoke(app, ["text", SAMPLE])
    assert r.exit_code == 0
    doc = json.loads(runner.invoke(app, ["extract", SAMPLE]).stdout)
    q = doc["quantities"][0]
    assert r.stdout[q["span"]["start"] : q["span"]["end"]] == q["raw"]


def test_version_and_help() -> None:
    assert runner.invoke(app, ["--version"]).stdout.startswith("govreport ")
    for cmd in ("extract", "text", "schema"):
        r = runner.invoke(app, [cmd, "--help"])
        assert r.exit_code == 0 and "Usage" in r.stdout
