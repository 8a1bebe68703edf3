"""The one writer of a batch: JSON Lines, a folder of CSV tables, a SQLite database or an Excel workbook.

Each output writes a document completely or not at all as far as a reader (or a resumed run) can tell:
JSONL writes one whole line per document and flushes it; CSV writes a document's record rows first and its
``documents.csv`` row last, flushing each file, so a document counts as done only once its row is there;
SQLite writes a document in one transaction. Error records are rewritten by every run (a resumed run tries
the failed files again), except in SQLite where they are replaced per path. A workbook is written whole when
the batch ends (also when it is interrupted), so it cannot be resumed.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from extractor import tables as T
from extractor.batch.records import BatchError, Done

FORMATS = ("jsonl", "csv", "sqlite", "xlsx")
SQLITE_LAYOUT = 1  # PRAGMA user_version of a database this module wrote


class OutputError(Exception):
    """The output cannot be opened, written or resumed. ``str()`` is the line the CLI prints."""


class Output:
    fmt = ""
    wants_tables = False  # the worker builds table rows for this output
    wants_doc_json = False

    def done_ids(self) -> set[str]:
        """sha256 of every document already complete in the output (for --resume)."""
        return set()

    def write(self, done: Done) -> None:
        raise NotImplementedError

    def error(self, err: BatchError) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def describe(self) -> str:
        return ""


def errors_path(out: str) -> str:
    """Where JSONL output keeps its error records: results.jsonl -> results.errors.jsonl."""
    p = Path(out)
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return str(p.with_name(f"{stem}.errors.jsonl"))


def _open_text(path: str | Path, mode: str, bom: bool = False) -> IO[str]:
    try:
        return open(path, mode, encoding="utf-8-sig" if bom else "utf-8", newline="")
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None


# ---------------------------------------------------------------------------------------------------- JSONL


def scan_jsonl(path: str, truncate: bool = True) -> set[str]:
    """sha256 of the complete documents in a JSONL file; a torn last line (no newline) is cut off."""
    ids: set[str] = set()
    good = 0
    try:
        f = open(path, "rb")  # noqa: SIM115
    except FileNotFoundError:
        return ids
    except OSError as e:
        raise OutputError(f"{path}: cannot read for --resume: {e.strerror or e}") from None
    with f:
        for lineno, line in enumerate(f, 1):
            if not line.endswith(b"\n"):
                break  # torn by a kill: everything before it is whole
            if line.strip():
                try:
                    ids.add(json.loads(line)["source"]["sha256"])
                except (ValueError, KeyError, TypeError):
                    raise OutputError(
                        f"{path}: line {lineno} is not a govreport document; cannot resume into this file"
                    ) from None
            good += len(line)
        size = f.seek(0, os.SEEK_END)
    if truncate and size > good:
        with open(path, "r+b") as f:
            f.truncate(good)
    return ids


class JsonlOutput(Output):
    fmt = "jsonl"

    def __init__(self, out: str, resume: bool = False) -> None:
        self.out = out
        self._done: set[str] = set()
        self.errors_file: str | None = None
        if out == "-":
            self.stream: IO[str] = sys.stdout
            self.err_stream: IO[str] | None = None
            return
        if resume:
            self._done = scan_jsonl(out)
        with contextlib.suppress(OSError):
            Path(out).parent.mkdir(parents=True, exist_ok=True)
        self.stream = _open_text(out, "a" if resume else "w")
        self.errors_file = errors_path(out)
        self.err_stream = _open_text(self.errors_file, "w")

    def done_ids(self) -> set[str]:
        return self._done

    def write(self, done: Done) -> None:
        self.stream.write(done.json + "\n")
        self.stream.flush()

    def error(self, err: BatchError) -> None:
        if self.err_stream is not None:
            self.err_stream.write(err.model_dump_json() + "\n")
            self.err_stream.flush()

    def close(self) -> None:
        if self.stream is not sys.stdout:
            self.stream.close()
        else:
            with contextlib.suppress(OSError, ValueError):
                self.stream.flush()
        if self.err_stream is not None:
            self.err_stream.close()

    def describe(self) -> str:
        if self.out == "-":
            return "stdout"
        return f"{self.out} (errors: {self.errors_file})"


# ---------------------------------------------------------------------------------------------------- CSV

CSV_FILES = {t.name: f"{t.name}.csv" for t in T.ALL_TABLES}


def _csv_rows(path: Path) -> Iterator[list[str]]:
    """The complete records of a CSV file this module wrote: a torn last record is left out."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        data_ends_whole = True
        f.seek(0, os.SEEK_END)
        if f.tell() > 0:
            with open(path, "rb") as b:
                b.seek(-1, os.SEEK_END)
                data_ends_whole = b.read(1) == b"\n"
        f.seek(0)
        reader = csv.reader(f, strict=True)
        prev: list[str] | None = None
        try:
            for row in reader:
                if prev is not None:
                    yield prev
                prev = row
        except csv.Error:
            return  # an unterminated quoted field: the record in progress was torn
        if prev is not None and data_ends_whole:
            yield prev


class CsvOutput(Output):
    fmt = "csv"
    wants_tables = True

    def __init__(self, out: str, resume: bool = False, bom: bool = False) -> None:
        if out == "-":
            raise OutputError("--format csv writes a folder of tables; give --out FOLDER")
        self.dir = Path(out)
        if self.dir.exists() and not self.dir.is_dir():
            raise OutputError(f"{out}: --format csv needs a folder, and this is a file")
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise OutputError(f"{out}: cannot create folder: {e.strerror or e}") from None
        self.bom = bom
        self._done: set[str] = set()
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        for t in T.ALL_TABLES:
            path = self.dir / CSV_FILES[t.name]
            if resume and t.name != "errors" and path.exists():
                f = self._rewrite(t, path)
            else:
                f = _open_text(path, "w", bom)
                csv.writer(f, lineterminator="\n").writerow(t.columns)
            self.files[t.name] = f
            self.writers[t.name] = csv.writer(f, lineterminator="\n")
        for f in self.files.values():
            f.flush()

    def _rewrite(self, t: T.Table, path: Path) -> IO[str]:
        """Keep the complete rows of complete documents, drop the rest, and go on appending to the result."""
        tmp = path.with_name(f".{path.name}.resume")
        f = _open_text(tmp, "w", self.bom)
        w = csv.writer(f, lineterminator="\n")
        w.writerow(t.columns)
        n = len(t.columns)
        rows = _csv_rows(path)
        header = next(rows, None)
        if header is not None and header != t.columns:
            f.close()
            tmp.unlink()
            raise OutputError(f"{path}: its columns differ from this version's; write to a new folder")
        for row in rows:
            if len(row) != n or not row[0]:
                continue
            if t.name == "documents":
                self._done.add(row[0])
            elif row[0] not in self._done:
                continue
            w.writerow(row)
        f.flush()
        os.replace(tmp, path)
        return f

    def done_ids(self) -> set[str]:
        return self._done

    def write(self, done: Done) -> None:
        for t in T.RECORD_TABLES:
            rows = done.rows.get(t.name)
            if rows:
                self.writers[t.name].writerows(rows)
                self.files[t.name].flush()
        self.writers["documents"].writerow(done.doc_row)
        self.files["documents"].flush()

    def error(self, err: BatchError) -> None:
        self.writers["errors"].writerow(_error_row(err))
        self.files["errors"].flush()

    def close(self) -> None:
        for f in self.files.values():
            f.close()

    def describe(self) -> str:
        return f"{self.dir}/ ({', '.join(CSV_FILES.values())})"


def _error_row(err: BatchError) -> tuple[Any, ...]:
    return (err.path, err.sha256, err.kind, err.reason, err.exception, err.duplicate_of)


# ---------------------------------------------------------------------------------------------------- SQLite


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _coldefs(t: T.Table, notnull: tuple[str, ...] = ()) -> list[str]:
    out = []
    for name in t.columns:
        typ = T.sqlite_type(t, name)
        nn = " NOT NULL" if name in t.keys or name in notnull else ""
        out.append(f"{_q(name)} {typ}{nn}")
    return out


def sqlite_schema() -> list[str]:
    """The CREATE statements of a batch database, in order."""
    docs = [*_coldefs(T.DOCUMENTS, ("doc_id",)), *(f"{_q(c)} TEXT" for c in T.SQLITE_DOC_JSON)]
    docs[0] += " PRIMARY KEY"
    stmts = [f"CREATE TABLE IF NOT EXISTS documents ({', '.join(docs)})"]
    parent_fk = "FOREIGN KEY (doc_id) REFERENCES documents(doc_id) ON DELETE CASCADE"
    for t in T.RECORD_TABLES:
        fk = parent_fk
        if t is T.TARGETS:
            fk = "FOREIGN KEY (doc_id, goal_idx) REFERENCES goals(doc_id, idx) ON DELETE CASCADE"
        pk = f"PRIMARY KEY ({', '.join(t.keys)})"
        stmts.append(f"CREATE TABLE IF NOT EXISTS {t.name} ({', '.join([*_coldefs(t), pk, fk])})")
    errs = _coldefs(T.ERRORS, ("path", "kind", "reason"))
    errs[0] += " PRIMARY KEY"
    stmts.append(f"CREATE TABLE IF NOT EXISTS errors ({', '.join(errs)})")
    for name, table, cols in (
        ("documents_region", "documents", "region_simplified, year_reviewed"),
        ("documents_region_as_written", "documents", "region"),
        ("documents_year_reviewed", "documents", "year_reviewed"),
        ("documents_year_planned", "documents", "year_planned"),
        ("documents_admin", "documents", "admin_level, admin_code"),
        ("indicators_canonical", "indicators", "canonical, year"),
        ("indicators_year", "indicators", "year"),
        ("goals_year", "goals", "year"),
        ("targets_canonical", "targets", "canonical"),
        ("projects_year", "projects", "year"),
        ("errors_doc", "errors", "doc_id"),
    ):
        stmts.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})")
    return stmts


class SqliteOutput(Output):
    fmt = "sqlite"
    wants_tables = True
    wants_doc_json = True

    def __init__(self, out: str, resume: bool = False) -> None:
        if out == "-":
            raise OutputError("--format sqlite writes a database file; give --out FILE.db")
        self.path = out
        if Path(out).is_dir():
            raise OutputError(f"{out}: is a folder; --format sqlite needs a database file")
        try:
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(out, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA foreign_keys = ON")
            self._setup()
        except sqlite3.DatabaseError as e:
            raise OutputError(f"{out}: cannot use as a SQLite database: {e}") from None
        except OSError as e:
            raise OutputError(f"{out}: cannot write: {e.strerror or e}") from None
        self._done: set[str] = set()
        if resume:
            self._done = {r[0] for r in self.db.execute("SELECT doc_id FROM documents")}
        self._ins = {
            t.name: f"INSERT INTO {t.name} VALUES ({', '.join('?' * len(t.columns))})" for t in T.RECORD_TABLES
        }
        ndoc = len(T.DOCUMENTS.columns) + len(T.SQLITE_DOC_JSON)
        self._ins_doc = f"INSERT INTO documents VALUES ({', '.join('?' * ndoc)})"
        self._ins_err = f"INSERT OR REPLACE INTO errors VALUES ({', '.join('?' * len(T.ERRORS.columns))})"

    def _setup(self) -> None:
        db = self.db
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if tables and version != SQLITE_LAYOUT:
            raise OutputError(
                f"{self.path}: this database was not written by govreport batch (or by another version); "
                "write to a new file"
            )
        for t in T.ALL_TABLES if tables else ():
            have = [r[1] for r in db.execute(f"PRAGMA table_info({t.name})")]
            want = [*t.columns, *(T.SQLITE_DOC_JSON if t is T.DOCUMENTS else ())]
            if have and have != want:
                raise OutputError(f"{self.path}: its {t.name} table differs from this version's; write to a new file")
        db.execute("PRAGMA journal_mode = WAL")  # a killed run keeps every committed document
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("BEGIN")
        for stmt in sqlite_schema():
            db.execute(stmt)
        db.execute(f"PRAGMA user_version = {SQLITE_LAYOUT}")
        db.execute("COMMIT")

    def done_ids(self) -> set[str]:
        return self._done

    def write(self, done: Done) -> None:
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM documents WHERE doc_id = ?", (done.sha256,))  # cascades to every record
            db.execute(self._ins_doc, done.doc_row)
            for t in T.RECORD_TABLES:
                rows = done.rows.get(t.name)
                if rows:
                    db.executemany(self._ins[t.name], rows)
            db.execute("DELETE FROM errors WHERE path = ?", (done.path,))
            db.execute("COMMIT")
        except sqlite3.Error as e:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise OutputError(f"{self.path}: cannot write {done.path}: {e}") from None

    def error(self, err: BatchError) -> None:
        try:
            self.db.execute(self._ins_err, _error_row(err))  # autocommit: one statement, one transaction
        except sqlite3.Error as e:
            raise OutputError(f"{self.path}: cannot write an error record: {e}") from None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA optimize")
        self.db.close()

    def describe(self) -> str:
        return self.path


# ---------------------------------------------------------------------------------------------------- xlsx


class XlsxOutput(Output):
    fmt = "xlsx"
    wants_tables = True

    def __init__(self, out: str, resume: bool = False) -> None:
        if out == "-":
            raise OutputError("--format xlsx writes a workbook file; give --out FILE.xlsx")
        if resume:
            raise OutputError("--resume cannot add to a workbook; write JSONL, CSV or SQLite to resume")
        if Path(out).is_dir():
            raise OutputError(f"{out}: is a folder; --format xlsx needs a workbook file")
        from extractor.xlsx import Book, table_sheets

        self.path = out
        # the workbook is saved at the end: find now, not after the whole batch, that it cannot be
        parent = Path(out).parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise OutputError(f"{out}: cannot write: {e.strerror or e}") from None
        if not os.access(parent, os.W_OK) or (Path(out).exists() and not os.access(out, os.W_OK)):
            raise OutputError(f"{out}: cannot write: permission denied")
        # constant memory: each sheet's rows go to a temporary file as they come, so any batch fits
        self.book = Book(out, constant_memory=True)
        self.sheets = table_sheets(self.book)
        self.warnings: list[str] = []
        self.closed = False

    def write(self, done: Done) -> None:
        for t in T.RECORD_TABLES:
            for r in done.rows.get(t.name) or ():
                self.sheets[t.name].append(r)
        self.sheets["documents"].append(done.doc_row)

    def error(self, err: BatchError) -> None:
        self.sheets["errors"].append(_error_row(err))

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.warnings = self.book.close()
        except Exception as e:  # xlsxwriter wraps a failed save in its own exception types
            raise OutputError(f"{self.path}: cannot write the workbook: {e}") from None
        for w in self.warnings:
            sys.stderr.write(f"govreport: warning: {self.path}: {w}\n")

    def describe(self) -> str:
        return f"{self.path} (sheets: {', '.join(s.name for s in self.book.sheets)})"


def open_output(fmt: str, out: str, *, resume: bool = False, bom: bool = False) -> Output:
    if fmt == "jsonl":
        return JsonlOutput(out, resume)
    if fmt == "csv":
        return CsvOutput(out, resume, bom)
    if fmt == "sqlite":
        return SqliteOutput(out, resume)
    if fmt == "xlsx":
        return XlsxOutput(out, resume)
    raise OutputError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def infer_format(out: str | None) -> str:
    """The format an --out path implies: .db/.sqlite/.sqlite3 -> sqlite, .xlsx -> xlsx, a folder (or a path
    ending in /) -> csv, anything else (and stdout) -> jsonl."""
    if not out or out == "-":
        return "jsonl"
    if out.lower().endswith(".xlsx"):
        return "xlsx"
    if out.lower().endswith((".db", ".sqlite", ".sqlite3")):
        return "sqlite"
    if out.endswith(("/", os.sep)) or Path(out).is_dir():
        return "csv"
    return "jsonl"
