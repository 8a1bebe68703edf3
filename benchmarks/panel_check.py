"""How much of a panel the corpus gives: per report, whether the headline targets and actuals are found.

    python benchmarks/panel_check.py [--json]

For every report of tests/data/docs and tests/data/hailar it checks the two sides the panel needs:
- a target of the plan part for the planned year (GDP growth, budget-revenue growth), from an annual goal;
- an actual of the review part for the reviewed year (kind actual, year = year_reviewed).
It then builds the panel of the 海拉尔区 series (2012–2019) and counts its pairs of both kinds. Run it with
PYTHONPATH pointing at another checkout to compare; it uses only what every version has (extract_file, build).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

# (indicator, measure) keys as extractor.panel.indicator_key gives them.
KEYS = {"gdp growth": ("gdp", "growth"), "budget revenue growth": ("budget_revenue", "growth")}


def _sides(doc: dict[str, Any]) -> dict[str, tuple[bool, bool]]:
    from extractor.panel import _actuals, _targets

    meta = doc["meta"]
    targets = {(k, y) for k, y, _ in _targets(doc)}
    actuals = {(k, y) for k, y, _ in _actuals(doc)}
    return {
        label: ((key, meta.get("year_planned")) in targets, (key, meta.get("year_reviewed")) in actuals)
        for label, key in KEYS.items()
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = ap.parse_args()
    from extractor import extract_file
    from extractor.panel import build

    files = sorted((DATA / "docs").glob("*.txt")) + sorted((DATA / "hailar").glob("*.txt"))
    docs = [json.loads(extract_file(str(p), include_text=True).model_dump_json()) for p in files]
    per_doc = {p.name: _sides(d) for p, d in zip(files, docs, strict=True)}
    totals = {
        label: {
            "targets": sum(s[label][0] for s in per_doc.values()),
            "actuals": sum(s[label][1] for s in per_doc.values()),
        }
        for label in KEYS
    }
    hailar = [d for p, d in zip(files, docs, strict=True) if p.parent.name == "hailar"]
    rows, _ = build(hailar)
    pairs = {}
    for label, key in KEYS.items():
        mine = [r for r in rows if (r["indicator"], r["measure"]) == key]
        pairs[label] = (sum(r["target_value"] is not None and r["actual_value"] is not None for r in mine), len(mine))
    out = {"reports": len(files), "totals": totals, "hailar_pairs": pairs, "per_doc": per_doc}
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        return
    print(f"{len(files)} reports")
    for label, t in totals.items():
        print(f"  {label}: targets {t['targets']}/{len(files)}, actuals {t['actuals']}/{len(files)}")
    for label, (both, n) in pairs.items():
        print(f"  海拉尔区 2012–2019 panel, {label} rows with both sides: {both} of {n}")
    for name, s in per_doc.items():
        marks = "  ".join(f"{'T' if t else '-'}{'A' if a else '-'}" for t, a in s.values())
        print(f"    {marks}  {name}")


if __name__ == "__main__":
    main()
