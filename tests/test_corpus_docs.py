"""Every real report of the development corpus: exit 0, schema-valid output, every span grounded."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import grounded
from typer.testing import CliRunner

from extractor.cli import app

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "document.schema.json").read_text(encoding="utf-8"))


def _docs() -> list[Path]:
    from conftest import shared_dir

    d = shared_dir()
    return sorted((d / "corpus" / "docs").glob("*.txt")) if d else []


@pytest.mark.parametrize("path", _docs(), ids=lambda p: p.name)
def test_corpus_report(path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, SCHEMA)
    text = path.read_bytes().decode("utf-8-sig")
    assert doc["source"]["chars"] == len(text)
    assert grounded(doc, text) == []
    assert doc["quantities"], "a government report always has figures"


def test_corpus_is_there(shared: Path) -> None:
    assert len(_docs()) >= 30
