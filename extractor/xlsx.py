"""Excel workbooks: one worksheet per flat table (``extractor.tables``), for extract, batch, panel and the ledger.

XlsxWriter writes them: it is maintained, needs nothing else, and its constant-memory mode streams each sheet's
rows to a temporary file, so a batch of any size holds one row per sheet in memory (openpyxl's write-only mode
also streams, but is about twice as slow and is only needed to read workbooks back, in the tests). It is imported
when a workbook is written, never at a command's start.

Cells keep their type: numbers are numbers, text is text. Text is always written as a string cell, so a cell that
starts with ``=``, ``+``, ``-`` or ``@`` never becomes a formula (formula injection). A table longer than a sheet
continues on the next sheet (``indicators (2)``) with a warning; a text longer than a cell holds is cut, with a
warning.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

MAX_ROWS = 1_048_576  # rows of one Excel sheet, the header included
MAX_CELL = 32_767  # characters of one Excel cell
_NAME_LEN = 31  # characters of a sheet name
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")
_WIDTH_ROWS = 200  # column widths are measured on the first rows of a sheet
_MIN_WIDTH, _MAX_WIDTH = 6, 60


def display_width(v: Any, limit: int = _MAX_WIDTH) -> int:
    """Display width in Excel's character units (a CJK character counts two), counted up to ``limit``
    characters."""
    s = v if isinstance(v, str) else str(v)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s[:limit])


class Sheet:
    """Rows appended in order to one worksheet (and its continuations once a sheet is full)."""

    def __init__(self, book: Book, name: str, columns: Sequence[str], widths: Sequence[int] | None = None) -> None:
        self.book = book
        self.base = name
        self.columns = list(columns)
        self.fixed = list(widths) if widths is not None else None
        self.part = 0
        self.rows = 0
        self.cell_format: Any = None  # a format every data cell gets (the ledger's wrapped text)
        self._measured = [display_width(c) + 3 for c in self.columns]  # the filter button sits on the header
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.part += 1
        name = self.base if self.part == 1 else f"{self.base[: _NAME_LEN - 5]} ({self.part})"
        self.ws = self.book.add_worksheet(name)
        self.name = self.ws.name
        header = self.book.header_format
        for c, title in enumerate(self.columns):
            self.ws.write_string(0, c, title, header)
        self.ws.freeze_panes(1, 0)
        self.row = 1

    def append(self, values: Sequence[Any], height: float | None = None) -> None:
        """Write one row; ``height`` in points (wrapped text needs it: LibreOffice does not fit rows itself)."""
        if self.row >= MAX_ROWS:
            self._finish()
            old = self.name
            self._new_sheet()
            self.book.warnings.append(
                f"sheet {old!r} is full ({MAX_ROWS - 1:,} rows, Excel's limit); continued on sheet {self.name!r}"
            )
        ws, r, fmt = self.ws, self.row, self.cell_format
        if height is not None:
            ws.set_row(r, height)
        measure = self.rows < _WIDTH_ROWS and self.fixed is None
        for c, v in enumerate(values):
            if v is None:
                if fmt is not None:
                    ws.write_blank(r, c, None, fmt)
                continue
            if isinstance(v, bool):
                ws.write_boolean(r, c, v, fmt)
            elif isinstance(v, (int, float, Decimal)) and math.isfinite(v):
                ws.write_number(r, c, v, fmt)
            else:
                s = v if isinstance(v, str) else str(v)
                if len(s) > MAX_CELL:
                    self.book.cut += 1
                    s = s[:MAX_CELL]
                ws.write_string(r, c, s, fmt)
            if measure:
                self._measured[c] = max(self._measured[c], display_width(v) + 1)
        self.row += 1
        self.rows += 1

    def _finish(self) -> None:
        last = len(self.columns) - 1
        self.ws.autofilter(0, 0, max(self.row - 1, 0), last)
        widths = self.fixed or [min(max(w, _MIN_WIDTH), _MAX_WIDTH) for w in self._measured]
        for c, w in enumerate(widths):
            self.ws.set_column(c, c, w)


class Book:
    """An .xlsx file being written. ``close()`` writes it and returns the warnings (full sheets, cut cells)."""

    def __init__(self, path: str, constant_memory: bool = False) -> None:
        import xlsxwriter  # lazily: a command that writes no workbook does not pay for it

        self.wb = xlsxwriter.Workbook(
            path,
            {
                "constant_memory": constant_memory,
                # write() is never used, but should a caller use it, text must still stay text
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        self.header_format = self.wb.add_format({"bold": True, "bg_color": "#E7E6E6", "bottom": 1})
        self.sheets: list[Sheet] = []
        self.warnings: list[str] = []
        self.cut = 0
        self._names: set[str] = set()

    def add_worksheet(self, name: str) -> Any:
        name = _BAD_NAME.sub("_", name).strip("'")[:_NAME_LEN] or "sheet"
        base, n = name, 1
        while name.lower() in self._names:  # Excel's sheet names are case-insensitive
            n += 1
            name = f"{base[: _NAME_LEN - len(str(n)) - 1]}_{n}"
        self._names.add(name.lower())
        return self.wb.add_worksheet(name)

    def sheet(self, name: str, columns: Sequence[str], widths: Sequence[int] | None = None) -> Sheet:
        s = Sheet(self, name, columns, widths)
        self.sheets.append(s)
        return s

    def close(self) -> list[str]:
        for s in self.sheets:
            s._finish()
        self.wb.close()
        if self.cut:
            self.warnings.append(f"{self.cut} cell(s) longer than {MAX_CELL:,} characters (Excel's limit) were cut")
        return self.warnings


def table_sheets(book: Book) -> dict[str, Sheet]:
    """One sheet per flat table, in the order of ``tables.ALL_TABLES``."""
    from extractor import tables as T

    return {t.name: book.sheet(t.name, t.columns) for t in T.ALL_TABLES}


def write_documents(path: str, docs: Iterable[tuple[dict[str, Any], str | None]]) -> list[str]:
    """A workbook of every table for Document dicts (``model_dump(mode="json")``) and their texts."""
    from extractor import tables as T

    book = Book(path)
    sheets = table_sheets(book)
    for d, text in docs:
        for name, rows in T.table_rows(d, text).items():
            for r in rows:
                sheets[name].append(r)
    return book.close()


def write_rows(path: str, name: str, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> list[str]:
    """A workbook of one sheet from dict rows keyed by ``columns`` (the panel)."""
    book = Book(path)
    sheet = book.sheet(name, columns)
    for r in rows:
        sheet.append([r.get(c) for c in columns])
    return book.close()
