"""schemas/ is generated from the pydantic models; regenerate with `govreport schema --out-dir schemas`."""

from __future__ import annotations

import json
from pathlib import Path

from extractor.schema import schemas

ROOT = Path(__file__).resolve().parent.parent


def test_schema_files_are_up_to_date() -> None:
    for name, sch in schemas().items():
        path = ROOT / "schemas" / f"{name}.schema.json"
        assert path.exists(), f"missing {path}; run govreport schema --out-dir schemas"
        assert json.loads(path.read_text(encoding="utf-8")) == sch, (
            f"{path} is stale; run govreport schema --out-dir schemas"
        )


def test_no_stray_schema_files() -> None:
    names = {p.name for p in (ROOT / "schemas").glob("*.schema.json")}
    assert names == {f"{n}.schema.json" for n in schemas()}
