"""Writing documents: JSON, JSON Lines and flat CSV rows. UTF-8 always; Chinese is never escaped."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO, Any

from extractor.models import Document

FORMATS = ("json", "jsonl", "csv")

# One flat row per record. Goals, targets and projects use the same columns where they mean the same thing.
CSV_COLUMNS = [
    "doc_id",
    "path",
    "region",
    "type",
    "name",
    "canonical",
    "kind",
    "measure",
    "raw",
    "number",
    "high",
    "unit",
    "base_value",
    "base_high",
    "base_unit",
    "approx",
    "year",
    "period",
    "change_direction",
    "change_raw",
    "change_base_value",
    "change_base_unit",
    "change_base_year",
    "rank_scope",
    "rank_position",
    "subject",
    "qualifier",
    "strength",
    "status",
    "evidence",
    "level",
    "category",
    "investment_base_value",
    "locations",
    "theme",
    "span_start",
    "span_end",
    "sentence_start",
    "sentence_end",
    "sentence",
]


def dump_json(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def dump_jsonl(doc: Document) -> str:
    return json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


def _q(prefix: str, q: dict[str, Any] | None) -> dict[str, Any]:
    if not q:
        return {}
    if prefix:
        return {
            f"{prefix}_raw": q["raw"],
            f"{prefix}_base_value": q["base_value"],
            f"{prefix}_base_unit": q["base_unit"],
        }
    return {k: q.get(k) for k in ("raw", "number", "high", "unit", "base_value", "base_high", "base_unit", "approx")}


def _sentence(text: str | None, span: dict[str, int] | None) -> dict[str, Any]:
    if not span:
        return {}
    out: dict[str, Any] = {"sentence_start": span["start"], "sentence_end": span["end"]}
    if text is not None:
        out["sentence"] = text[span["start"] : span["end"]].strip()
    return out


def rows(doc: Document, text: str | None = None) -> Iterator[dict[str, Any]]:
    """Flat rows for every record of ``doc``; ``text`` fills the sentence column."""
    d = doc.model_dump(mode="json")
    base = {"doc_id": d["source"]["sha256"], "path": d["source"]["path"], "region": d["meta"]["region"]}
    for ind in d["indicators"]:
        row = dict(base, type="indicator", name=ind["name"], canonical=ind["canonical"], kind=ind["kind"])
        row.update(measure=ind["measure"], year=ind["year"], period=ind["period"])
        row.update(_q("", ind["value"]))
        ch = ind.get("change")
        if ch:
            row["change_direction"] = ch["direction"]
            row.update(_q("change", ch.get("value")))
            row["change_base_year"] = ch.get("base_year")
        if ind.get("rank"):
            row.update(rank_scope=ind["rank"]["scope"], rank_position=ind["rank"]["position"])
        row.update(span_start=ind["span"]["start"], span_end=ind["span"]["end"])
        row.update(_sentence(text, ind["sentence"]))
        yield row
    for g in d.get("goals", []):
        row = dict(base, type="goal", name=g.get("text"), kind=g.get("kind"), year=g.get("year"))
        row.update(strength=g.get("strength"), theme=g.get("theme"))
        row.update(span_start=g["span"]["start"], span_end=g["span"]["end"])
        row.update(_sentence(text, g.get("sentence")))
        yield row
        for t in g.get("targets") or []:
            trow = dict(base, type="target", name=t.get("subject"), subject=t.get("subject"))
            trow.update(canonical=t.get("canonical"), measure=t.get("measure"), qualifier=t.get("qualifier"))
            trow.update(strength=g.get("strength"), kind=g.get("kind"), year=g.get("year"), theme=g.get("theme"))
            trow.update(_q("", t.get("value")))
            span = (t.get("value") or {}).get("span") or g["span"]
            trow.update(span_start=span["start"], span_end=span["end"])
            trow.update(_sentence(text, g.get("sentence")))
            yield trow
    for p in d.get("projects", []):
        row = dict(base, type="project", name=p.get("name"), status=p.get("status"), level=p.get("level"))
        row["evidence"] = p.get("evidence")
        row.update(category=p.get("category"), year=p.get("year"), locations=";".join(p.get("locations") or []))
        inv = p.get("investment")
        if inv:
            row["investment_base_value"] = inv["base_value"]
        row.update(span_start=p["span"]["start"], span_end=p["span"]["end"])
        row.update(_sentence(text, p.get("sentence")))
        yield row


def write_csv(docs: list[tuple[Document, str | None]], out: IO[str], header: bool = True) -> None:
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    if header:
        w.writeheader()
    for doc, text in docs:
        for row in rows(doc, text):
            w.writerow(row)


def dump_csv(doc: Document, text: str | None = None) -> str:
    buf = io.StringIO()
    write_csv([(doc, text)], buf)
    return buf.getvalue()


def dump(doc: Document, fmt: str, text: str | None = None) -> str:
    if fmt == "json":
        return dump_json(doc) + "\n"
    if fmt == "jsonl":
        return dump_jsonl(doc) + "\n"
    if fmt == "csv":
        return dump_csv(doc, text)
    raise ValueError(f"unknown format {fmt!r}")
