"""Every real report of the development corpus (tests/data/docs): exit 0, schema-valid output, every span
grounded; the test data is whole (manifest, checksums that pin every byte)."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import CORPUS, DATA, HAILAR, HONGSHAN_GOLD, corpus_files, grounded
from typer.testing import CliRunner

from extractor.cli import app

USER_NEEDS = DATA / "reference" / "user-needs.md"  # the reference notes that record sources cite

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "document.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_report(path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, SCHEMA)
    text = path.read_bytes().decode("utf-8-sig")
    assert doc["source"]["chars"] == len(text)
    assert grounded(doc, text) == []
    assert doc["quantities"], "a government report always has figures"


def _manifest() -> list[dict[str, str]]:
    with (DATA / "MANIFEST.tsv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_corpus_is_there() -> None:
    assert len(corpus_files()) == 33 and len(list(CORPUS.iterdir())) == 34  # 33 .txt and one DocBook .xml
    assert [p.name for p in sorted(HAILAR.glob("*.txt"))] == [f"hailar_{y}.txt" for y in range(2012, 2020)]


def test_manifest_names_every_report_and_its_source() -> None:
    rows = _manifest()
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in CORPUS.iterdir())
    for r in rows:
        assert r["source_repo"] and r["source_path"] and r["title"], r["file"]
        data = (CORPUS / r["file"]).read_bytes()
        # the manifest counts the BOM as a character for some files and not for others
        assert int(r["chars"]) in (len(data.decode("utf-8-sig")), len(data.decode("utf-8"))), r["file"]


def test_checksums_hold() -> None:
    """tests/data/SHA256SUMS (paths relative to tests/) pins every byte: a BOM, CRLF or GBK byte changed by an
    editor or by Git's line-ending conversion fails here."""
    tests = DATA.parent
    listed = {}
    for line in (DATA / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        listed[name.lstrip("*")] = digest
    want = {str(p.relative_to(tests)) for p in [*CORPUS.iterdir(), *HAILAR.glob("*.txt"), HONGSHAN_GOLD, USER_NEEDS]}
    assert want <= set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((tests / name).read_bytes()).hexdigest() == digest, name
