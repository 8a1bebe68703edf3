"""Help a person can read: FILE, PATH and FORMAT rather than {file} and <str>, and an example in every command."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from extractor.cli import app

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_is_listed() -> None:
    assert {"extract", "text", "schema", "batch", "review", "evaluate", "panel", "keywords", "tasks"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_help_has_readable_metavars_and_one_example(name: str) -> None:
    r = runner.invoke(app, [name, "--help"])
    assert r.exit_code == 0, r.output
    out = r.output
    assert not re.search(r"\{[a-z_]+\}|<[a-z]+(\[[a-z]+\])?>", out), out  # typer's {file}, <str>, <list[str]>
    assert len(re.findall(rf"^\s*Example: govreport {name} \S", out, re.M)) == 1, out
    usage = out.splitlines()[0]
    assert usage.startswith(f"Usage: govreport {name} [OPTIONS]")
    assert usage == usage.split("[OPTIONS]")[0] + "[OPTIONS]" + usage.split("[OPTIONS]")[1].upper()


def test_metavars_name_what_is_given() -> None:
    extract = runner.invoke(app, ["extract", "--help"]).output
    assert "Usage: govreport extract [OPTIONS] FILE\n" in extract
    assert re.search(r"-o, --out PATH\s", extract) and re.search(r"-f, --format FORMAT\s", extract)
    assert re.search(r"--max-bytes BYTES\s", extract) and re.search(r"^\s+FILE\s+Report file", extract, re.M)
    batch = runner.invoke(app, ["batch", "--help"]).output
    assert "Usage: govreport batch [OPTIONS] [PATH...]" in batch
    assert re.search(r"-j, --jobs N\s", batch) and re.search(r"--timeout SECONDS\s", batch)
    assert re.search(r"--include-text\s+Embed", extract)  # a flag takes no value
    assert "Usage: govreport evaluate [OPTIONS] GOLD TARGET" in runner.invoke(app, ["evaluate", "-h"]).output
