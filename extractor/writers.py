"""Writing documents: JSON, JSON Lines and the one-stream CSV. UTF-8 always; Chinese is never escaped.

The CSV is the union of the flat tables of ``extractor.tables`` (the same columns as batch's CSV and SQLite
tables and every workbook), one row per document and record with a ``type`` column.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO, Any

from extractor.models import Document

FORMATS = ("json", "jsonl", "csv")  # text formats; xlsx is a workbook, written by extractor.xlsx


def csv_columns() -> list[str]:
    from extractor import tables as T  # only CSV needs the flattened tables: JSON output does not import them

    return T.union_columns()


def dump_json(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def dump_jsonl(doc: Document) -> str:
    return json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


def rows(doc: Document, text: str | None = None) -> Iterator[dict[str, Any]]:
    """Flat rows of ``doc`` and every record; ``text`` fills the sentence_text column."""
    from extractor import tables as T

    return T.union_rows(doc.model_dump(mode="json"), text)


def write_csv(docs: list[tuple[Document, str | None]], out: IO[str], header: bool = True) -> None:
    w = csv.DictWriter(out, fieldnames=csv_columns(), lineterminator="\n")
    if header:
        w.writeheader()
    for doc, text in docs:
        w.writerows(rows(doc, text))


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
