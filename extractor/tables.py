"""Flat tables derived from the pydantic models, and the way back: the one flattening behind every tabular output.

``extract --format csv`` (the union of the tables, one ``type`` column), ``batch``'s CSV folder and SQLite
database and every xlsx workbook take their columns and rows from here, so a field added to a model reaches
them all without code changes.

The columns are generated from ``extractor.models`` so that the tables follow the contract when it grows:
a nested model becomes prefixed columns (``value`` -> ``value_raw``, ``value_span_start`` ...), a list of
scalars or of models becomes one JSON text column (``locations``, ``quantities``), and a list of records
that is a table of its own (a goal's ``targets``) is left out of its parent's row. ``unflatten`` turns a row
back into the nested dict the model validates, so every table can be checked against the same models.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from extractor import models as M


@dataclass(frozen=True)
class Col:
    name: str
    path: tuple[str, ...]  # where the value sits in the record's JSON dict
    sqltype: str  # TEXT, INTEGER, NUMERIC
    json: bool = False  # a list stored as JSON text


@dataclass
class Table:
    name: str
    keys: tuple[str, ...]  # the primary key columns, first in every row
    cols: list[Col]
    optional: set[tuple[str, ...]] = field(default_factory=set)  # nested models that may be null as a whole
    model: type[BaseModel] | None = None
    extra: tuple[str, ...] = ()  # columns that are not model fields (sentence_text, counts ...)
    item: str = ""  # what one row is, in the ``type`` column of a union of tables (indicator, goal ...)

    @property
    def columns(self) -> list[str]:
        return [*self.keys, *(c.name for c in self.cols), *self.extra]


def _unwrap(ann: Any) -> tuple[Any, bool]:
    """The type inside Optional[...] / Annotated[...], and whether None is allowed."""
    optional = False
    while True:
        origin = typing.get_origin(ann)
        if origin is typing.Annotated:
            ann = typing.get_args(ann)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(ann) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(ann))
            if len(args) != 1:
                return str, optional  # a real union of several types: keep it as text
            ann = args[0]
        else:
            return ann, optional


def _sqltype(ann: Any) -> str:
    if typing.get_origin(ann) is typing.Literal:
        return "TEXT"
    if ann is bool or ann is int:
        return "INTEGER"
    if ann is Decimal or ann is float:
        return "NUMERIC"
    return "TEXT"


def flatten(
    model: type[BaseModel], prefix: tuple[str, ...] = (), skip: Iterable[str] = ()
) -> tuple[list[Col], set[tuple[str, ...]]]:
    """Columns for ``model``: nested models inline with a prefix, lists as JSON text."""
    cols: list[Col] = []
    optional: set[tuple[str, ...]] = set()
    skip = set(skip)
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        ann, opt = _unwrap(info.annotation)
        path = (*prefix, name)
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            sub, sub_opt = flatten(ann, path)
            cols += sub
            optional |= sub_opt
            if opt:
                optional.add(path)
        elif typing.get_origin(ann) in (list, tuple, set, dict):
            cols.append(Col("_".join(path), path, "TEXT", json=True))
        else:
            cols.append(Col("_".join(path), path, _sqltype(ann)))
    return cols, optional


# What the documents row counts (its n_* columns, in this order): the lists of a Document, and the targets of its goals.
COUNTED = ("sections", "quantities", "indicators", "goals", "targets", "projects", "noise", "warnings")


def _documents() -> Table:
    src, src_opt = flatten(M.Source, skip=("text",))
    meta, meta_opt = flatten(M.Meta)
    cols = [Col("doc_id" if c.name == "sha256" else c.name, ("source", *c.path), c.sqltype, c.json) for c in src]
    cols = [c for c in cols if c.name == "doc_id"] + [c for c in cols if c.name != "doc_id"]
    cols += [Col(c.name, ("meta", *c.path), c.sqltype, json=c.json) for c in meta]
    cols.append(Col("schema_version", ("schema_version",), "TEXT"))
    counts = tuple(f"n_{x}" for x in COUNTED)
    optional = {("source", *p) for p in src_opt} | {("meta", *p) for p in meta_opt}
    return Table("documents", (), cols, optional, None, counts, "document")


def _records(name: str, item: str, model: type[BaseModel], keys: tuple[str, ...], skip: Iterable[str] = ()) -> Table:
    cols, optional = flatten(model, skip=skip)
    extra = ("sentence_text",) if "sentence" in model.model_fields else ()
    return Table(name, keys, cols, optional, model, extra, item)


DOCUMENTS = _documents()
QUANTITIES = _records("quantities", "quantity", M.Quantity, ("doc_id", "idx"))
INDICATORS = _records("indicators", "indicator", M.Indicator, ("doc_id", "idx"))
GOALS = _records("goals", "goal", M.Goal, ("doc_id", "idx"), skip=("targets",))
TARGETS = _records("targets", "target", M.Target, ("doc_id", "goal_idx", "idx"))
PROJECTS = _records("projects", "project", M.Project, ("doc_id", "idx"))
ERRORS = Table(
    "errors",
    (),
    [
        Col("path", ("path",), "TEXT"),
        Col("doc_id", ("sha256",), "TEXT"),
        Col("kind", ("kind",), "TEXT"),
        Col("reason", ("reason",), "TEXT"),
        Col("exception", ("exception",), "TEXT"),
        Col("duplicate_of", ("duplicate_of",), "TEXT"),
    ],
    item="error",
)

# Parents before children: the order rows are written and tables created in.
RECORD_TABLES = (QUANTITIES, INDICATORS, GOALS, TARGETS, PROJECTS)
ALL_TABLES = (DOCUMENTS, *RECORD_TABLES, ERRORS)
SQLITE_DOC_JSON = ("sections", "noise", "warnings")  # SQLite keeps these whole, so a Document can be rebuilt


def _get(d: Any, path: Sequence[str]) -> Any:
    for k in path:
        if d is None:
            return None
        d = d.get(k)
    return d


def _values(table: Table, rec: dict[str, Any]) -> list[Any]:
    out = []
    for c in table.cols:
        v = _get(rec, c.path)
        if c.json and (v is not None or len(c.path) == 1 or _get(rec, c.path[:-1]) is not None):
            # a list of a nested model that is absent (a file's source.row) stays null, not an empty list
            v = json.dumps(v if v is not None else [], ensure_ascii=False, separators=(",", ":"))
        out.append(v)
    return out


def _sentence(text: str | None, rec: dict[str, Any]) -> str | None:
    s = rec.get("sentence")
    if text is None or not s:
        return None
    return text[s["start"] : s["end"]]


def record_counts(d: dict[str, Any]) -> dict[str, int]:
    """How many of each kind in ``COUNTED`` a Document dict (``model_dump(mode="json")``) holds, in that order."""
    counts = {k: len(d.get(k) or []) for k in COUNTED}
    counts["targets"] = sum(len(g.get("targets") or []) for g in d.get("goals") or [])
    return counts


def document_row(d: dict[str, Any], with_json: bool = False) -> tuple[Any, ...]:
    """The documents row of a Document dict (``model_dump(mode="json")``)."""
    row = [*_values(DOCUMENTS, d), *record_counts(d).values()]
    if with_json:
        row += [json.dumps(d.get(k) or [], ensure_ascii=False, separators=(",", ":")) for k in SQLITE_DOC_JSON]
    return tuple(row)


def record_rows(d: dict[str, Any], text: str | None) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of every record table for one Document dict; ``text`` fills ``sentence_text``."""
    doc_id = d["source"]["sha256"]
    out: dict[str, list[tuple[Any, ...]]] = {t.name: [] for t in RECORD_TABLES}
    for i, q in enumerate(d.get("quantities") or []):
        out["quantities"].append((doc_id, i, *_values(QUANTITIES, q)))
    for i, r in enumerate(d.get("indicators") or []):
        out["indicators"].append((doc_id, i, *_values(INDICATORS, r), _sentence(text, r)))
    for i, g in enumerate(d.get("goals") or []):
        out["goals"].append((doc_id, i, *_values(GOALS, g), _sentence(text, g)))
        for j, t in enumerate(g.get("targets") or []):
            out["targets"].append((doc_id, i, j, *_values(TARGETS, t)))
    for i, p in enumerate(d.get("projects") or []):
        out["projects"].append((doc_id, i, *_values(PROJECTS, p), _sentence(text, p)))
    return out


def unflatten(table: Table, row: dict[str, Any], empty_is_null: bool = False) -> dict[str, Any]:
    """The nested dict a model validates, from a row keyed by column name (a CSV or SQLite row)."""
    out: dict[str, Any] = {}
    for c in table.cols:
        v = row.get(c.name)
        if empty_is_null and v == "":
            v = None
        if c.json and isinstance(v, str):
            v = json.loads(v)
        node = out
        for k in c.path[:-1]:
            node = node.setdefault(k, {})
        node[c.path[-1]] = v
    for path in sorted(table.optional, key=len, reverse=True):
        parent = _get(out, path[:-1]) if len(path) > 1 else out
        if isinstance(parent, dict) and _all_null(parent.get(path[-1])):
            parent[path[-1]] = None
    return out


def _all_null(v: Any) -> bool:
    if isinstance(v, dict):
        return all(_all_null(x) for x in v.values())
    return v is None


def sqlite_type(table: Table, name: str) -> str:
    for c in table.cols:
        if c.name == name:
            return c.sqltype
    return "INTEGER" if name in ("idx", "goal_idx") or name.startswith("n_") else "TEXT"


def table_rows(d: dict[str, Any], text: str | None) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of the documents table and of every record table for one Document dict, keyed by table name."""
    return {DOCUMENTS.name: [document_row(d)], **record_rows(d, text)}


# The one-stream CSV of `extract`: the document and its records, one `type` column saying which table a row is
# from. Quantities stay out (they are the raw mentions behind the records, in their own table elsewhere).
UNION_TABLES = (DOCUMENTS, INDICATORS, GOALS, TARGETS, PROJECTS)
# documents columns that every record row of the union repeats, so that a record row on its own names its report
UNION_CONTEXT = ("path", "region")
# a child table's rows follow their parent's row in the union (a goal, then its targets), as they read in the report
_CHILDREN = {GOALS.name: (TARGETS, "goal_idx")}


def union_columns(tables: Sequence[Table] = UNION_TABLES) -> list[str]:
    """doc_id, the context, type, then every table's columns once, in table order (documents' own last, then
    sentence_text, the widest)."""
    lead = ["doc_id", *UNION_CONTEXT, "type"]
    seen = set(lead) | {"sentence_text"}
    rest: list[str] = []
    for t in [*(t for t in tables if t is not DOCUMENTS), *(t for t in tables if t is DOCUMENTS)]:
        for c in t.columns:
            if c not in seen:
                seen.add(c)
                rest.append(c)
    tail = ["sentence_text"] if any("sentence_text" in t.columns for t in tables) else []
    return [*lead, *rest, *tail]


def union_rows(d: dict[str, Any], text: str | None, tables: Sequence[Table] = UNION_TABLES) -> Iterator[dict[str, Any]]:
    """The rows of ``tables`` for one Document dict as dicts keyed by ``union_columns``, each with its ``type``."""
    rows = table_rows(d, text)
    doc = dict(zip(DOCUMENTS.columns, rows[DOCUMENTS.name][0], strict=True))
    context = {k: doc.get(k) for k in UNION_CONTEXT}
    names = {t.name for t in tables}

    def keyed(t: Table, r: tuple[Any, ...]) -> dict[str, Any]:
        return {**(context if t is not DOCUMENTS else {}), **dict(zip(t.columns, r, strict=True)), "type": t.item}

    nested = {c.name for p, (c, _) in _CHILDREN.items() if p in names}  # written under their parent's rows
    for t in tables:
        if t.name in nested:
            continue
        child, link = _CHILDREN.get(t.name, (None, ""))
        kids: dict[Any, list[tuple[Any, ...]]] = {}
        if child is not None and child.name in names:
            pos = child.columns.index(link)
            for r in rows[child.name]:
                kids.setdefault(r[pos], []).append(r)
        idx = t.columns.index("idx") if "idx" in t.columns else -1
        for r in rows[t.name]:
            yield keyed(t, r)
            for cr in kids.get(r[idx], ()):
                yield keyed(child, cr)  # type: ignore[arg-type]
