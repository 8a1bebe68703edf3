"""Panels across years and places: each year's targets beside the actuals reported a year later.

For a region R, a canonical indicator I and a year Y, the target comes from the plan part of R's report
delivered in Y (its goals' targets, year Y) and the actual from the review part of R's report of Y+1 (its
indicators of year Y). The gap is actual minus target: percentage points for growth targets, the base unit for
levels. A side that is missing stays empty, never zero.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from extractor._data import table
from extractor.normalize import simplified

PANEL_COLUMNS = [
    "region",
    "region_key",
    "admin_level",
    "admin_code",
    "indicator",
    "indicator_name",
    "measure",
    "year",
    "target_value",
    "target_low",
    "target_high",
    "target_unit",
    "target_qualifier",
    "target_qualifier_raw",
    "target_strength",
    "target_subject",
    "target_sentence",
    "target_doc",
    "actual_value",
    "actual_unit",
    "actual_estimated",
    "actual_name",
    "actual_sentence",
    "actual_doc",
    "gap",
    "gap_unit",
    "note",
]


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted((r["suffix"] for r in table("admin_levels.tsv")), key=len, reverse=True))


@cache
def _lexicon() -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in table("indicators.tsv")}


def region_key(name: str | None) -> str:
    """海拉尔区 and 海拉尔, 洪山鎮 and 洪山镇 match: simplified script, without the administrative suffix."""
    if not name:
        return ""
    s = simplified(name.strip())
    for suf in _suffixes():
        if s.endswith(suf) and len(s) - len(suf) >= 2:
            return s[: -len(suf)]
    return s


def indicator_key(canonical: str, measure: str) -> tuple[str, str]:
    """gdp_growth is the growth of gdp: both are keyed (gdp, growth) so targets and actuals meet."""
    row = _lexicon().get(canonical, {})
    base = row.get("growth_of") or canonical
    if row.get("growth_of"):
        measure = "growth"
    return base, measure


def _sentence(doc: dict[str, Any], span: dict[str, int] | None) -> str | None:
    text = (doc.get("source") or {}).get("text")
    if text is None or not span:
        return None
    return text[span["start"] : span["end"]].strip()


def _num(x: Any) -> Decimal | None:
    return None if x is None else Decimal(str(x))


@dataclass
class _Side:
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
    qualifier_raw: str | None = None
    strength: str | None = None
    subject: str | None = None
    sentence: str | None = None
    doc: str | None = None
    estimated: bool | None = None  # an actual the report gives as an estimate (预计)


@dataclass
class _Cell:
    region: str | None
    admin_level: str | None
    admin_code: str | None
    target: _Side | None = None
    actual: _Side | None = None
    notes: list[str] = field(default_factory=list)


def _targets(doc: dict[str, Any]) -> Iterator[tuple[tuple[str, str], int, _Side]]:
    for g in doc.get("goals") or []:
        if g.get("kind") == "plan_average" or g.get("year") is None:
            continue
        for t in g.get("targets") or []:
            v = t.get("value")
            if not t.get("canonical") or not v:
                continue
            key = indicator_key(t["canonical"], t.get("measure") or "level")
            yield (
                key,
                g["year"],
                _Side(
                    value=_num(v["base_value"]),
                    low=_num(v["base_value"]),
                    high=_num(v.get("base_high")),
                    unit=v["base_unit"],
                    qualifier=t.get("qualifier"),
                    qualifier_raw=t.get("qualifier_raw"),
                    strength=g.get("strength"),
                    subject=t.get("subject"),
                    sentence=_sentence(doc, g.get("sentence")) or g.get("text"),
                    doc=(doc.get("source") or {}).get("sha256"),
                ),
            )


def _actuals(doc: dict[str, Any]) -> Iterator[tuple[tuple[str, str], int, _Side]]:
    for ind in doc.get("indicators") or []:
        if not ind.get("canonical") or ind.get("kind") != "actual" or ind.get("year") is None:
            continue
        sentence = _sentence(doc, ind.get("sentence"))
        sha = (doc.get("source") or {}).get("sha256")
        value = ind.get("value")
        measure = ind.get("measure") or "level"
        est = bool(ind.get("estimated"))
        if value:
            key = indicator_key(ind["canonical"], measure)
            yield (
                key,
                ind["year"],
                _Side(
                    _num(value["base_value"]),
                    unit=value["base_unit"],
                    subject=ind["name"],
                    sentence=sentence,
                    doc=sha,
                    estimated=est,
                ),
            )
        change = (ind.get("change") or {}).get("value")
        if change:
            v = _num(change["base_value"])
            if v is not None and ind["change"].get("direction") == "down" and v > 0:
                v = -v
            measure = _change_measure(change["base_unit"])
            if measure is None:
                continue  # 比上年增加8亿元: an absolute change is neither a growth rate nor points
            key = indicator_key(ind["canonical"], measure)
            side = _Side(v, unit=change["base_unit"], subject=ind["name"], sentence=sentence, doc=sha, estimated=est)
            yield key, ind["year"], side


def build(docs: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Panel rows (dicts keyed by PANEL_COLUMNS) and warnings, from extracted documents."""
    cells: dict[tuple[str, str, str, int], _Cell] = {}
    warnings: list[str] = []
    seen: dict[tuple[str, int | None], str] = {}
    for doc in docs:
        meta = doc.get("meta") or {}
        rkey = region_key(meta.get("region_simplified") or meta.get("region"))
        sha = (doc.get("source") or {}).get("sha256", "")
        path = (doc.get("source") or {}).get("path")
        if not rkey:
            warnings.append(f"{path or sha[:12]}: no region found; its figures are left out of the panel")
            continue
        dup = seen.get((rkey, meta.get("year_planned")))
        if dup and dup != sha:
            warnings.append(f"{path or sha[:12]}: a second report of {rkey} for {meta.get('year_planned')}; merged")
        seen[(rkey, meta.get("year_planned"))] = sha

        def cell(key: tuple[str, str], year: int, rkey: str = rkey, meta: dict[str, Any] = meta) -> _Cell:
            k = (rkey, key[0], key[1], year)
            if k not in cells:
                cells[k] = _Cell(meta.get("region"), meta.get("admin_level"), meta.get("admin_code"))
            return cells[k]

        for key, year, side in _first_per_key(_targets(doc)):
            c = cell(key, year)
            if c.target is None:
                c.target = side
            elif (c.target.low, c.target.high) != (side.low, side.high):
                c.notes.append(f"reports disagree on the target: {c.target.low} vs {side.low}")
                warnings.append(
                    f"{rkey} {key[0]} {year}: two reports give different targets ({c.target.low} vs {side.low})"
                )
        for key, year, side in _first_per_key(_actuals(doc)):
            c = cell(key, year)
            if c.actual is None:
                c.actual = side
            elif c.actual.value != side.value:
                c.notes.append(f"reports disagree on the actual: {c.actual.value} vs {side.value}")
                warnings.append(
                    f"{rkey} {key[0]} {year}: two reports give different actuals ({c.actual.value} vs {side.value})"
                )
    rows = []
    for (rkey, indicator, measure, year), c in sorted(cells.items()):
        if c.target is None and c.actual is None:
            continue
        rows.append(_row(rkey, indicator, measure, year, c))
    return rows, warnings


# The indicator whose coverage the panel reports first: the growth target is the record users want most.
HEADLINE = ("gdp", "growth")


@dataclass
class Coverage:
    """Region-years a panel could fill (a report plans or reviews the year) and how many it fills."""

    both: int = 0
    one: int = 0
    none: int = 0

    @property
    def total(self) -> int:
        return self.both + self.one + self.none

    def line(self) -> str:
        return f"{self.both} with target and actual, {self.one} with one side, {self.none} with none"


def coverage(
    docs: Iterable[dict[str, Any]], rows: list[dict[str, Any]], key: tuple[str, str] | None = HEADLINE
) -> Coverage:
    """How many region-years have both sides, one side or none, for one indicator key (or any indicator: None).

    A region's years run from the first to the last year that one of its reports plans (year_planned: the target
    side) or reviews (year_reviewed: the actual side), so a year without any report counts as none; rows of other
    years (到2025年) are not counted."""
    spans: dict[str, tuple[int, int]] = {}
    for doc in docs:
        meta = doc.get("meta") or {}
        rkey = region_key(meta.get("region_simplified") or meta.get("region"))
        if not rkey:
            continue
        for y in (meta.get("year_planned"), meta.get("year_reviewed")):
            if isinstance(y, int):
                lo, hi = spans.get(rkey, (y, y))
                spans[rkey] = (min(lo, y), max(hi, y))
    years = {(rkey, y) for rkey, (lo, hi) in spans.items() for y in range(lo, hi + 1)}
    sides: dict[tuple[str, int], int] = {}
    for r in rows:
        if key is not None and (r["indicator"], r["measure"]) != key:
            continue
        n = (r["target_value"] is not None) + (r["actual_value"] is not None)
        k = (r["region_key"], r["year"])
        sides[k] = max(sides.get(k, 0), n)
    out = Coverage()
    for k in years:
        n = sides.get(k, 0)
        if n == 2:
            out.both += 1
        elif n == 1:
            out.one += 1
        else:
            out.none += 1
    return out


def _first_per_key(items: Iterator[tuple[tuple[str, str], int, _Side]]) -> Iterator[tuple[tuple[str, str], int, _Side]]:
    """A report states its headline figure first; later mentions of the same indicator are details."""
    seen = set()
    for key, year, side in items:
        if (key, year) in seen:
            continue
        seen.add((key, year))
        yield key, year, side


@cache
def _unit_bases(kind: str) -> tuple[str, ...]:
    """The base units of a kind in units.tsv: percent (%, ‰) or points (个百分点)."""
    return tuple(dict.fromkeys(r["base"] for r in table("units.tsv") if r["kind"] == kind))


def _change_measure(base_unit: str) -> str | None:
    if base_unit in _unit_bases("points"):
        return "change_pp"
    if base_unit in _unit_bases("percent"):
        return "growth"
    return None


def _plain(d: Decimal | None) -> int | float | None:
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def _row(rkey: str, indicator: str, measure: str, year: int, c: _Cell) -> dict[str, Any]:
    t, a = c.target, c.actual
    gap = gap_unit = None
    if t is not None and a is not None and t.low is not None and a.value is not None and t.unit == a.unit:
        gap = a.value - t.low
        gap_unit = _unit_bases("points")[0] if t.unit in _unit_bases("percent") and measure == "growth" else t.unit
    lex = _lexicon().get(indicator, {})
    return {
        "region": c.region,
        "region_key": rkey,
        "admin_level": c.admin_level,
        "admin_code": c.admin_code,
        "indicator": indicator,
        "indicator_name": lex.get("name"),
        "measure": measure,
        "year": year,
        "target_value": _plain(t.value) if t else None,
        "target_low": _plain(t.low) if t else None,
        "target_high": _plain(t.high) if t else None,
        "target_unit": t.unit if t else None,
        "target_qualifier": t.qualifier if t else None,
        "target_qualifier_raw": t.qualifier_raw if t else None,
        "target_strength": t.strength if t else None,
        "target_subject": t.subject if t else None,
        "target_sentence": t.sentence if t else None,
        "target_doc": t.doc if t else None,
        "actual_value": _plain(a.value) if a else None,
        "actual_unit": a.unit if a else None,
        "actual_estimated": a.estimated if a else None,
        "actual_name": a.subject if a else None,
        "actual_sentence": a.sentence if a else None,
        "actual_doc": a.doc if a else None,
        "gap": _plain(gap),
        "gap_unit": gap_unit,
        "note": "; ".join(c.notes) or None,
    }


def read_results(path: str | Path) -> Iterator[dict[str, Any]]:
    """Documents from the output of `govreport batch` (JSONL, or a SQLite database) or of `extract` (JSON)."""
    p = Path(path)
    with open(p, "rb") as f:
        head = f.read(16)
    if head.startswith(b"SQLite format 3"):
        yield from _read_sqlite(p)
        return
    with open(p, encoding="utf-8-sig") as f:
        first = f.read(1)
        f.seek(0)
        if first == "{" and not _is_jsonl(p):
            yield json.load(f)
            return
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue  # a torn last line from an interrupted run


def _is_jsonl(p: Path) -> bool:
    with open(p, encoding="utf-8-sig") as f:
        first = f.readline()
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def _read_sqlite(p: Path) -> Iterator[dict[str, Any]]:
    """Documents rebuilt from a `govreport batch --format sqlite` database."""
    from extractor.batch.read import sqlite_documents

    for doc in sqlite_documents(p):
        yield json.loads(doc.model_dump_json())


def is_sqlite(path: str | Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16).startswith(b"SQLite format 3")
    except OSError:
        return False


def is_results(path: str | Path) -> bool:
    """A results file (JSON, JSONL or SQLite from govreport) rather than a report."""
    p = Path(path)
    return is_sqlite(p) or p.suffix.lower() in (".json", ".jsonl", ".ndjson")


def write_sqlite(rows: list[dict[str, Any]], path: str | Path) -> None:
    """The panel as table `panel` of the results database, replaced as a whole."""
    con = sqlite3.connect(str(path))
    try:
        with con:
            con.execute("DROP TABLE IF EXISTS panel")
            con.execute(f"CREATE TABLE panel ({', '.join(PANEL_COLUMNS)})")
            con.execute("CREATE INDEX IF NOT EXISTS panel_key ON panel (region_key, indicator, year)")
            marks = ", ".join("?" for _ in PANEL_COLUMNS)
            con.executemany(f"INSERT INTO panel VALUES ({marks})", [[r[c] for c in PANEL_COLUMNS] for r in rows])
    finally:
        con.close()


NUMERIC_COLUMNS = ("year", "target_value", "target_low", "target_high", "actual_value", "gap")
# Yes/no columns: 1 and 0 in Stata, empty when the side is missing.
FLAG_COLUMNS = ("actual_estimated",)

# Value labels for Stata: the qualifier and the strength become labelled integers.
STATA_LABELS = {
    "target_qualifier": ["exact", "about", "at_least", "at_most", "range"],
    "target_strength": ["hard", "soft"],
}


def write_dta(rows: list[dict[str, Any]], path: str | Path) -> None:
    """A Stata 14+ (UTF-8, version 118) file; `use panel.dta` in Stata, `pandas.read_stata` in Python."""
    import pandas as pd

    df = pd.DataFrame(rows, columns=PANEL_COLUMNS)
    labels = {}
    for col, values in STATA_LABELS.items():
        codes = {v: i + 1 for i, v in enumerate(values)}
        df[col] = df[col].map(lambda v, codes=codes: codes.get(v)).astype("float64")
        labels[col] = {i: v for v, i in codes.items()}
    for col in df.columns:
        if col in labels:
            continue
        if col in FLAG_COLUMNS:
            df[col] = df[col].map(lambda v: None if v is None else int(bool(v))).astype("float64")
        elif col in NUMERIC_COLUMNS:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        else:
            # Stata has no missing string: empty stands for missing.
            df[col] = df[col].map(lambda v: "" if v is None else str(v)).astype(object)
    df.to_stata(str(path), write_index=False, version=118, value_labels=labels)
