"""Datasets: reports stored one per row of a spreadsheet (.xlsx, .xlsm, .xls) or a CSV / TSV file.

The rows are read as a stream, so a sheet of any length never sits in memory whole: openpyxl's read-only mode
for a workbook (it still holds the workbook's shared strings, the one table where Excel keeps every text cell),
the csv module for CSV and TSV, xlrd for a legacy .xls (at most 65,536 rows a sheet). The first row of a sheet
names its columns. The column holding the reports is the one given (``--text-column``) or the one whose cells
are longest on the first rows; every other cell of a row is carried as text in ``source.row``.

Each row becomes a ``RowItem``; a row whose text cell is empty or holds no text carries a ``problem`` and
becomes an error record naming its sheet and row. ``SheetStart`` and ``SheetEnd`` mark where a sheet begins
and ends, so the caller can say which column it took and count the rows.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

# A dataset is recognised by its extension when it is named as an input (a folder's files stay reports).
DATASET_FORMATS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".csv": "csv", ".tsv": "tsv"}
SAMPLE_ROWS = 50  # rows holding a long text measured to find the text column
# Rows read at most while looking for them: a sheet may open with many rows whose text cell is empty.
MAX_SAMPLE_SCAN = 2000
# A column whose longest sampled cell is shorter holds no report: even a township's summary runs longer.
MIN_REPORT_CHARS = 200
EXCEL_CELL_LIMIT = 32_767  # characters an Excel cell holds: a text of exactly this length was probably cut
_SNIFF_BYTES = 1 << 20


class DatasetError(Exception):
    """The dataset file cannot be read at all (not a workbook, undecodable): one error record for the file."""


class DatasetUsageError(Exception):
    """The options do not fit the dataset (no such --text-column or --expect column): nothing can run."""


@dataclass(frozen=True)
class RowItem:
    """One data row of a dataset: its report text (or the problem that stands for it) and its other cells."""

    dataset: str  # the file's path as given
    fmt: str  # xlsx, xls, csv, tsv
    encoding: str
    sheet: str | None  # None for CSV / TSV
    number: int  # as a spreadsheet shows it: the header is row 1
    text: str | None
    fields: dict[str, str] = field(default_factory=dict)
    text_column: str = ""
    problem: str | None = None

    @property
    def where(self) -> str:
        return f"row {self.number} of sheet {self.sheet!r}" if self.sheet is not None else f"row {self.number}"

    @property
    def locator(self) -> str:
        """The row's name in error records and messages (Excel forbids ':' in a sheet's name)."""
        return (
            f"{self.dataset}#{self.sheet}:{self.number}" if self.sheet is not None else f"{self.dataset}#{self.number}"
        )

    def row_id(self, data: bytes | None = None) -> str:
        """The document id: the sha256 of the text (``data``: the text in UTF-8, when already encoded), the sheet
        and the row, so that resume and duplicates work per row (the same text in two rows is two documents)."""
        h = hashlib.sha256(data if data is not None else (self.text or "").encode("utf-8"))
        h.update(f"\0{self.sheet or ''}\0{self.number}".encode())
        return h.hexdigest()

    def row_model(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "number": self.number, "fields": self.fields}


@dataclass(frozen=True)
class SheetStart:
    dataset: str
    sheet: str | None
    text_column: str
    by_length: bool  # chosen as the column with the longest cells (not named by --text-column)
    estimate: int | None  # data rows the sheet says it has, when it says


@dataclass(frozen=True)
class SheetEnd:
    dataset: str
    sheet: str | None
    rows: int


@dataclass(frozen=True)
class SheetSkipped:
    dataset: str
    sheet: str | None
    reason: str


Event = RowItem | SheetStart | SheetEnd | SheetSkipped


def dataset_format(path: str) -> str | None:
    return DATASET_FORMATS.get(os.path.splitext(path)[1].lower())


# ---------------------------------------------------------------------------------------------------- cells


def cell_text(v: Any) -> str:
    """A cell as the text a user sees: 2019 (not 2019.0), dates in ISO form, '' for an empty cell."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    return str(v)


def _what(v: Any) -> str:
    if isinstance(v, bool):
        return "a truth value"
    if isinstance(v, (int, float)):
        return f"a number ({cell_text(v)})"
    if isinstance(v, (dt.date, dt.time, dt.datetime)):
        return f"a date ({cell_text(v)})"
    return f"a {type(v).__name__}"


def _header(cells: Sequence[Any], letter: Callable[[int], str]) -> list[str]:
    """Column names: the header's text, or the column's letter (or number) where the header cell is empty; a name
    given twice gets a counter."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, v in enumerate(cells):
        name = cell_text(v).strip() or f"column {letter(i)}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


def _longest_column(header: list[str], sample: list[Sequence[Any]]) -> tuple[int, int]:
    """The index of the column whose sampled text cells add up longest, and its longest cell's length."""
    total = [0] * len(header)
    longest = [0] * len(header)
    for row in sample:
        for i, v in enumerate(row[: len(header)]):
            if isinstance(v, str):
                n = len(v.strip())
                total[i] += n
                longest[i] = max(longest[i], n)
    best = max(range(len(header)), key=lambda i: total[i]) if header else -1
    return best, longest[best] if best >= 0 else 0


# ---------------------------------------------------------------------------------------------------- sheets


@dataclass
class _Sheet:
    name: str | None
    rows: Iterator[Sequence[Any]]  # every row, the header first
    estimate: int | None
    letter: Callable[[int], str]
    close: Callable[[], None] = lambda: None


def _xlsx_sheets(path: str) -> tuple[Iterator[_Sheet], Callable[[], None], str]:
    try:
        import openpyxl
        from openpyxl.utils import get_column_letter
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise DatasetError(f"cannot read .xlsx: openpyxl is missing ({e})") from None
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # zipfile, KeyError, XML errors: the library has no one exception type
        raise DatasetError(f"not a readable .xlsx workbook ({type(e).__name__}: {e})") from None

    def sheets() -> Iterator[_Sheet]:
        for ws in wb.worksheets:
            rows = getattr(ws, "max_row", None)
            yield _Sheet(
                ws.title,
                ws.iter_rows(values_only=True),
                rows - 1 if isinstance(rows, int) and rows > 1 else None,
                lambda i: get_column_letter(i + 1),
            )

    return sheets(), wb.close, "utf-8"  # the workbook's XML


def _xls_sheets(path: str) -> tuple[Iterator[_Sheet], Callable[[], None], str]:
    try:
        import xlrd
    except ImportError:  # pragma: no cover - a declared dependency
        raise DatasetError(
            "cannot read .xls without xlrd; convert it: libreoffice --headless --convert-to xlsx FILE.xls"
        ) from None
    try:
        book = xlrd.open_workbook(path, on_demand=True)
    except Exception as e:  # xlrd.XLRDError, struct errors on a damaged file
        raise DatasetError(f"not a readable .xls workbook ({type(e).__name__}: {e})") from None

    def value(c: Any) -> Any:
        if c.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return None
        if c.ctype == xlrd.XL_CELL_DATE:
            try:
                return xlrd.xldate_as_datetime(c.value, book.datemode)
            except Exception:  # a date outside Excel's range: keep the serial number
                return c.value
        if c.ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(c.value)
        if c.ctype == xlrd.XL_CELL_ERROR:
            return None
        return c.value

    def sheets() -> Iterator[_Sheet]:
        for i in range(book.nsheets):
            sh = book.sheet_by_index(i)
            rows = ([value(c) for c in r] for r in sh.get_rows())
            yield _Sheet(
                sh.name, rows, sh.nrows - 1 if sh.nrows > 1 else None, xlrd.colname, lambda i=i: book.unload_sheet(i)
            )

    return sheets(), book.release_resources, "utf-16-le"  # BIFF8 keeps its strings in UTF-16


def _csv_encoding(path: str) -> str:
    """The encoding of a CSV file, judged on its first MiB as a report's text would be."""
    from extractor.errors import InputError
    from extractor.loaders.text import decode

    with open(path, "rb") as f:
        data = f.read(_SNIFF_BYTES)
        more = bool(f.read(1))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if more and b"\n" in data:
        data = data[: data.rindex(b"\n") + 1]  # never judge a character cut in half
    try:
        enc = decode(data, path).encoding
    except InputError as e:
        raise DatasetError(e.reason) from None
    return "utf-8-sig" if enc == "utf-8" else enc


def _csv_sheets(path: str, fmt: str, max_field: int) -> tuple[Iterator[_Sheet], Callable[[], None], str]:
    encoding = _csv_encoding(path)
    try:
        f = open(path, encoding=encoding, newline="")  # noqa: SIM115 - closed by the returned closer
    except OSError as e:
        raise DatasetError(e.strerror or str(e)) from None
    # A report is longer than the csv module's default field limit (128 KiB) may be; --max-bytes bounds it instead.
    csv.field_size_limit(max(csv.field_size_limit(), max_field))
    reader = csv.reader(f, delimiter="\t" if fmt == "tsv" else ",", strict=False)

    def rows() -> Iterator[Sequence[Any]]:
        try:
            yield from reader
        except UnicodeDecodeError as e:
            raise DatasetError(f"cannot decode as {encoding} after line {reader.line_num} ({e.reason})") from None
        except csv.Error as e:
            raise DatasetError(f"not a well-formed {fmt.upper()} file at line {reader.line_num} ({e})") from None

    return iter([_Sheet(None, rows(), None, lambda i: str(i + 1))]), f.close, encoding


# ---------------------------------------------------------------------------------------------------- rows


def read_dataset(
    path: str,
    *,
    text_column: str | None = None,
    need: Iterable[str] = (),
    max_chars: int = 50 * 1024 * 1024,
) -> Iterator[Event]:
    """Every row of every sheet of a dataset, as a stream. ``need``: columns that must exist (--expect).

    Raises DatasetError when the file cannot be read, DatasetUsageError when a named column is missing.
    """
    fmt = dataset_format(path) or "csv"
    if fmt == "xlsx":
        sheets, close, encoding = _xlsx_sheets(path)
    elif fmt == "xls":
        sheets, close, encoding = _xls_sheets(path)
    else:
        sheets, close, encoding = _csv_sheets(path, fmt, max_chars)
    need = list(need)
    found_any = False
    try:
        for sh in sheets:
            try:
                for ev in _sheet_rows(path, fmt, encoding, sh, text_column, need, max_chars):
                    if isinstance(ev, SheetStart):
                        found_any = True
                    yield ev
            finally:
                sh.close()
    finally:
        close()
    if not found_any:
        if text_column:
            raise DatasetUsageError(f"{path}: no sheet has a column named {text_column!r} (--text-column)")
        raise DatasetError(
            f"no column holds texts of at least {MIN_REPORT_CHARS} characters; name the report column with "
            "--text-column NAME"
        )


def _sheet_rows(
    path: str,
    fmt: str,
    encoding: str,
    sh: _Sheet,
    text_column: str | None,
    need: list[str],
    max_chars: int,
) -> Iterator[Event]:
    number = 0  # the number of the row last read, as a spreadsheet shows it
    first = None
    for cells in sh.rows:  # blank rows above the header are left out
        number += 1
        if not _blank(cells):
            first = cells
            break
    if first is None:
        yield SheetSkipped(path, sh.name, "it is empty")
        return
    header = _header(first, sh.letter)
    sample = _sample(sh.rows)
    where = f"sheet {sh.name!r}" if sh.name is not None else "the header"
    if text_column is not None:
        if text_column not in header:
            if sh.name is not None:  # another sheet may have it: say why this one is left out
                yield SheetSkipped(path, sh.name, f"it has no column {text_column!r}")
                return
            raise DatasetUsageError(f"{path}: no column {text_column!r} in {where} (columns: {', '.join(header)})")
        col = header.index(text_column)
    else:
        col, longest = _longest_column(header, sample)
        if col < 0 or longest < MIN_REPORT_CHARS:
            yield SheetSkipped(path, sh.name, f"no column holds texts of {MIN_REPORT_CHARS} characters or more")
            return
    for name in need:
        if name not in header:
            raise DatasetUsageError(
                f"{path}: --expect names a column {name!r} missing in {where} (columns: {', '.join(header)})"
            )
    yield SheetStart(path, sh.name, header[col], text_column is None, sh.estimate)
    n = 0
    for cells in chain(sample, sh.rows):
        number += 1
        if _blank(cells):
            continue  # a blank line between records is no record
        n += 1
        yield _row(path, fmt, encoding, sh.name, number, header, col, cells, max_chars)
    yield SheetEnd(path, sh.name, n)


def _blank(cells: Sequence[Any]) -> bool:
    return not any(v is not None and (not isinstance(v, str) or v.strip()) for v in cells)


def _sample(rows: Iterator[Sequence[Any]]) -> list[Sequence[Any]]:
    """The first rows, up to SAMPLE_ROWS of them holding a cell of report length (or MAX_SAMPLE_SCAN rows)."""
    out: list[Sequence[Any]] = []
    long_rows = 0
    for cells in islice(rows, MAX_SAMPLE_SCAN):
        out.append(cells)
        long_rows += any(isinstance(v, str) and len(v) >= MIN_REPORT_CHARS for v in cells)
        if long_rows >= SAMPLE_ROWS:
            break
    return out


def _row(
    path: str,
    fmt: str,
    encoding: str,
    sheet: str | None,
    number: int,
    header: list[str],
    col: int,
    cells: Sequence[Any],
    max_chars: int,
) -> RowItem:
    fields = {name: cell_text(cells[i]) if i < len(cells) else "" for i, name in enumerate(header) if i != col}
    for i in range(len(header), len(cells)):  # cells past the header's last column
        if cells[i] is not None and cell_text(cells[i]) != "":
            fields[f"column {i + 1}"] = cell_text(cells[i])
    v = cells[col] if col < len(cells) else None
    item = RowItem(path, fmt, encoding, sheet, number, None, fields, header[col])
    if v is None or (isinstance(v, str) and not v.strip()):
        return _problem(item, f"{item.where}: the text cell ({header[col]}) is empty")
    if not isinstance(v, str):
        return _problem(item, f"{item.where}: the text cell ({header[col]}) holds {_what(v)}, not a report")
    if len(v) > max_chars:
        return _problem(item, f"{item.where}: the text is {len(v)} characters, over the limit (--max-bytes)")
    return RowItem(path, fmt, encoding, sheet, number, v, fields, header[col])


def _problem(item: RowItem, reason: str) -> RowItem:
    return RowItem(
        item.dataset, item.fmt, item.encoding, item.sheet, item.number, None, item.fields, item.text_column, reason
    )


# ---------------------------------------------------------------------------------------------------- manifest


def read_manifest(path: str, columns: dict[str, str]) -> dict[str, dict[str, str]]:
    """What a manifest (--manifest FILE.csv: a ``path`` column and claim columns) says of each file, keyed by the
    file's real path. ``columns`` maps a checked field (region, year) to its column. A relative path is taken from
    the manifest's folder, or from the current folder when no file is there."""
    fmt = "tsv" if path.lower().endswith(".tsv") else "csv"
    try:
        encoding = _csv_encoding(path)
        f = open(path, encoding=encoding, newline="")  # noqa: SIM115 - closed below
    except (OSError, DatasetError) as e:
        reason = e.strerror if isinstance(e, OSError) else str(e)
        raise DatasetUsageError(f"{path}: cannot read the manifest: {reason}") from None
    with f:
        reader = csv.DictReader(f, delimiter="\t" if fmt == "tsv" else ",")
        header = [h.strip() for h in reader.fieldnames or []]
        reader.fieldnames = header
        missing = [c for c in ("path", *columns.values()) if c not in header]
        if missing:
            raise DatasetUsageError(
                f"{path}: the manifest has no column {', '.join(map(repr, missing))} (columns: {', '.join(header)})"
            )
        base = os.path.dirname(os.path.abspath(path))
        out: dict[str, dict[str, str]] = {}
        try:
            for rec in reader:
                p = (rec.get("path") or "").strip()
                if not p:
                    continue
                full = p if os.path.isabs(p) else os.path.join(base, p)
                if not os.path.exists(full) and os.path.exists(p):
                    full = p
                out[os.path.realpath(full)] = {k: (rec.get(c) or "").strip() for k, c in columns.items()}
        except (csv.Error, UnicodeDecodeError) as e:
            raise DatasetUsageError(f"{path}: cannot read the manifest at line {reader.line_num}: {e}") from None
    return out
