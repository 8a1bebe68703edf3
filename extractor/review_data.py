"""What the review page's reviewer needs: each record's identity, editable fields and extract-CSV row, the rows its
figures get once it is rejected, and the gold of the extraction. The page computes its exports from this block."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from extractor import models as M

if TYPE_CHECKING:
    from extractor.review import _Builder


# Editable fields per record type: [path, kind (text, int, number, enum), required, enum options].
_ENUMS = {"measure": M.Measure, "qualifier": M.Qualifier, "status": M.ProjectStatus, "approx": M.Approx}
_VALUE = [["value.base_value", "number", True], ["value.base_unit", "text", True]]
EDIT_FIELDS: dict[str, list[list[Any]]] = {
    "indicator": [
        ["name", "text", True],
        *_VALUE,
        ["year", "int", False],
        ["canonical", "text", False],
        ["measure", "enum", True],
    ],
    "target": [
        ["subject", "text", False],
        *_VALUE,
        ["qualifier", "enum", False],
        ["measure", "enum", True],
        ["canonical", "text", False],
    ],
    "project": [["name", "text", True], ["status", "enum", False], ["year", "int", False], ["category", "text", False]],
    "quantity": [["base_value", "number", True], ["base_unit", "text", True], ["approx", "enum", False]],
}
for _specs in EDIT_FIELDS.values():
    for _f in _specs:
        if _f[1] == "enum":
            _f.append(list(get_args(_ENUMS[_f[0]])))
_SHARED_COLUMNS = ("doc_id", "path", "region", "review", "sentence_text")
_MARK_KIND = {"indicator": "ind", "target": "tgt", "project": "prj", "quantity": "qty"}


def _fields(type_: str, rec: Any) -> dict[str, Any]:
    d = rec.model_dump(mode="json")
    out: dict[str, Any] = {}
    for path, *_ in EDIT_FIELDS[type_]:
        head, _, tail = path.partition(".")
        if tail:
            if isinstance(d.get(head), dict):
                out[path] = d[head][tail]
        else:
            out[path] = d.get(head)
    return out


def review_data(doc: M.Document, text: str, b: _Builder) -> dict[str, Any]:
    """The reviewer's data block: every record in CSV order (goal rows carry no key), fields, gold and columns."""
    from extractor import corrections as C
    from extractor.writers import csv_columns

    found = {(t, *key): rec for t, key, rec in C.records(doc)}
    out: list[dict[str, Any]] = []
    for key, row in C.review_rows(doc, text):
        # the page cuts the sentence from its own text and takes the columns every row shares from base_row, so
        # the block stays small (a national report has hundreds of rows)
        row = {k: v for k, v in row.items() if v is not None and k not in _SHARED_COLUMNS}
        if key is None:  # the document, or a goal: its text the page cuts from its own copy
            if row.get("type") == "goal" and row.get("text") == text[row["span_start"] : row["span_end"]]:
                del row["text"]
            out.append({"row": row})
            continue
        t, s, e = key
        rec = found[key]
        kind = "chg" if t == "indicator" and rec.value is None else _MARK_KIND[t]
        go = b.first_id(M.Span(start=s, end=e), kind)
        r: dict[str, Any] = {"k": f"{t}:{s}-{e}", "t": t, "s": s, "e": e, "surface": text[s:e], "row": row}
        r.update(label=getattr(rec, "name", None) or getattr(rec, "subject", None) or text[s:e], go=go)
        r.update(m=int(go[1:]) if go else None, f=_fields(t, rec))
        if t == "indicator" and rec.value is not None and rec.change is not None and rec.change.value is not None:
            r["chg"] = f"{rec.change.value.span.start}-{rec.change.value.span.end}"
        if t == "project":
            r["qs"] = [f"{q.span.start}-{q.span.end}" for q in [*rec.quantities, *filter(None, [rec.investment])]]
        # the rows its mentions get as loose quantities once it is rejected
        r["q"] = [
            {k: v for k, v in C.quantity_row(doc, q).items() if v is not None and k not in _SHARED_COLUMNS}
            for q in C.record_quantities(doc, t, rec)
        ]
        out.append(r)
    base_row = {"doc_id": doc.source.sha256, "path": doc.source.path, "region": doc.meta.region}
    name = (doc.source.path or "report").replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0] or "report"
    return {
        "sha256": doc.source.sha256,
        "chars": len(text),
        "name": name,
        "columns": [*csv_columns(), "review"],
        "base_row": base_row,
        "fields": EDIT_FIELDS,
        "records": out,
        "gold": _lean_gold(C.to_gold(doc), text),
    }


def _lean_gold(gold: dict[str, Any], text: str) -> dict[str, Any]:
    """The gold without the goal texts that are their spans' text (the page puts them back from its own text)."""
    for g in gold.get("goals", []):
        if g["text"] == text[g["start"] : g["end"]]:
            del g["text"]
    return gold
