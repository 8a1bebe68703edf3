"""Reading batch outputs back into the pydantic models, to check them or to work on them in Python.

for doc in sqlite_documents("reports.db"):        # whole Documents, validated
    ...
for rec in csv_records("tables/", "indicators"):   # Indicator models, validated, with their doc_id
    ...
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from extractor import models as M
from extractor import tables as T

_BY_NAME = {t.name: t for t in T.ALL_TABLES}


def _dicts(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(names, row, strict=True))


def sqlite_document(db: sqlite3.Connection, doc_id: str) -> M.Document | None:
    import json

    row = next(_dicts(db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,))), None)
    if row is None:
        return None
    d = T.unflatten(T.DOCUMENTS, row)
    for k in T.SQLITE_DOC_JSON:
        d[k] = json.loads(row[k]) if row.get(k) else []

    def records(t: T.Table, order: str = "idx") -> list[dict[str, Any]]:
        cur = db.execute(f"SELECT * FROM {t.name} WHERE doc_id = ? ORDER BY {order}", (doc_id,))
        return list(_dicts(cur))

    d["quantities"] = [T.unflatten(T.QUANTITIES, r) for r in records(T.QUANTITIES)]
    d["indicators"] = [T.unflatten(T.INDICATORS, r) for r in records(T.INDICATORS)]
    targets: dict[int, list[dict[str, Any]]] = {}
    for r in records(T.TARGETS, "goal_idx, idx"):
        targets.setdefault(r["goal_idx"], []).append(T.unflatten(T.TARGETS, r))
    goals = []
    for r in records(T.GOALS):
        g = T.unflatten(T.GOALS, r)
        g["targets"] = targets.get(r["idx"], [])
        goals.append(g)
    d["goals"] = goals
    d["projects"] = [T.unflatten(T.PROJECTS, r) for r in records(T.PROJECTS)]
    return M.Document.model_validate(d)


def sqlite_documents(path: str | Path) -> Iterator[M.Document]:
    """Every document of a batch database, rebuilt from its tables and validated (``source.text`` is null)."""
    db = sqlite3.connect(str(path))
    try:
        ids = [r[0] for r in db.execute("SELECT doc_id FROM documents ORDER BY rowid")]
        for doc_id in ids:
            doc = sqlite_document(db, doc_id)
            if doc is not None:
                yield doc
    finally:
        db.close()


def csv_records(folder: str | Path, table: str) -> Iterator[tuple[str, BaseModel]]:
    """(doc_id, model) for every row of one CSV table of a batch folder, validated.

    ``documents`` rows give a Source-and-Meta-only Document (its record lists are in the other files);
    ``errors`` rows give BatchError.
    """
    from extractor.batch.records import BatchError

    t = _BY_NAME[table]
    with open(Path(folder) / f"{table}.csv", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            d = T.unflatten(t, row, empty_is_null=True)
            if table == "errors":
                yield row["doc_id"], BatchError.model_validate(d)
            elif table == "documents":
                yield row["doc_id"], M.Document.model_validate(d)
            else:
                assert t.model is not None
                yield row["doc_id"], t.model.model_validate(d)
