"""The task ledger (任务台账): the plan part's goals as the numbered table a supervision office (督查) tracks.

One row per goal, in document order. 序号 numbers the goals by heading and item (the first heading's goals are
1.1, 1.2 …, the next heading's 2.1 …, so that the heading numbers follow the report's; goals before the first
heading, the plan's general statements, are 0.1, 0.2 …); 板块 is the
heading, 任务 the goal's text, 量化指标 its targets as written, 刚性 whether it is worded hard (确保, 必须 → 刚性) or
soft (力争, 争取 → 弹性). 进度, 完成情况 and 备注 are left empty for the office to fill in.

The rows are read from the goals and targets tables of ``extractor.tables``: 完成时限 is the goal's deadline
(its date, 2025-06, else the phrase as written), 牵头单位 its lead unit; both are empty when the text is silent.
"""

from __future__ import annotations

import csv
import math
import unicodedata
from collections.abc import Sequence
from typing import IO, Any

from extractor import tables as T

COLUMNS = ("序号", "板块", "任务", "量化指标", "完成时限", "牵头单位", "刚性", "进度", "完成情况", "备注")
REPORT_COLUMN = "报告"  # first column of a CSV ledger of several reports
# the goals-table columns that fill 完成时限 (the date first, then the phrase) and 牵头单位
DEADLINE, DEADLINE_RAW, LEAD_UNIT = "deadline_date", "deadline_raw", "lead_unit_name"
STRENGTH = {"hard": "刚性", "soft": "弹性"}
WIDTHS = (6, 16, 50, 18, 10, 10, 6, 12, 16, 10)  # Excel character units; 任务 is the widest, and wraps
LINE_HEIGHT = 12.75  # points per line of the 10-point text
TARGET_SEP = "；"


def ledger_rows(d: dict[str, Any]) -> list[list[Any]]:
    """The ledger rows of one Document dict (``model_dump(mode="json")``), keyed by ``COLUMNS``."""
    rows = T.record_rows(d, None)
    goal_cols, target_cols = T.GOALS.columns, T.TARGETS.columns
    targets: dict[int, list[str]] = {}
    for r in rows[T.TARGETS.name]:
        t = dict(zip(target_cols, r, strict=True))
        words = t.get("text") or t.get("value_raw")
        if words:
            targets.setdefault(t["goal_idx"], []).append(words)
    out: list[list[Any]] = []
    group, item, theme = 0, 0, None
    for r in rows[T.GOALS.name]:
        g = dict(zip(goal_cols, r, strict=True))
        if g["theme"] != theme:
            group, item, theme = group + 1, 0, g["theme"]
        item += 1
        out.append(
            [
                f"{group}.{item}",
                g["theme"] or "",
                g["text"],
                TARGET_SEP.join(targets.get(g["idx"], [])),
                g.get(DEADLINE) or g.get(DEADLINE_RAW) or "",
                g.get(LEAD_UNIT) or "",
                STRENGTH.get(g["strength"] or "", ""),
                "",
                "",
                "",
            ]
        )
    return out


def sheet_name(d: dict[str, Any], fallback: str) -> str:
    """A report's sheet: its region and planned year (洪山鎮2020), else ``fallback`` (the file's name)."""
    meta = d.get("meta") or {}
    region = meta.get("region") or ""
    year = meta.get("year_planned")
    return f"{region}{year or ''}" if region else fallback


def write_csv(docs: Sequence[tuple[dict[str, Any], str]], out: IO[str]) -> None:
    """One CSV: the ledger of each report in turn; with several reports, a first column names the report."""
    several = len(docs) > 1
    w = csv.writer(out, lineterminator="\n")
    w.writerow([REPORT_COLUMN, *COLUMNS] if several else COLUMNS)
    for d, name in docs:
        for row in ledger_rows(d):
            w.writerow([sheet_name(d, name), *row] if several else row)


def _height(row: Sequence[Any]) -> float:
    """Points for the row's longest wrapped cell. An estimate from the rendering of 10-point text in
    LibreOffice: a CJK character takes about 1.5 units of column width, another character about 0.9."""
    lines = 1
    for v, w in zip(row, WIDTHS, strict=True):
        units = sum(1.5 if unicodedata.east_asian_width(ch) in "WF" else 0.9 for ch in str(v))
        lines = max(lines, math.ceil(units / max(w - 1, 1)))
    return LINE_HEIGHT * lines + 3


def write_xlsx(path: str, docs: Sequence[tuple[dict[str, Any], str]]) -> list[str]:
    """A workbook with one print-ready sheet per report: wrapped text, landscape A4, one page wide, the header
    row repeated on every page, the report's title in the page header."""
    from extractor.xlsx import Book

    book = Book(path)
    cell = book.wb.add_format({"text_wrap": True, "valign": "top", "border": 1, "font_size": 10})
    head = book.wb.add_format(
        {"bold": True, "text_wrap": True, "align": "center", "valign": "vcenter", "border": 1, "bg_color": "#D9E1F2"}
    )
    book.header_format = head
    for d, name in docs:
        sheet = book.sheet(sheet_name(d, name), COLUMNS, WIDTHS)
        sheet.cell_format = cell
        ws = sheet.ws
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)  # one page wide, as many pages tall as it takes
        ws.repeat_rows(0)
        ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
        title = ((d.get("meta") or {}).get("title") or name).replace("&", "&&")
        ws.set_header(f"&C&12{title} 任务台账")
        ws.set_footer("&C第 &P 页，共 &N 页")
        for row in ledger_rows(d):
            sheet.append([v if v != "" else None for v in row], _height(row))
    return book.close()
