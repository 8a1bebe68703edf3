"""Figures in a table whose head cell names what every number in it counts (data/table_heads.tsv), as the yearly
report on open government information draws its table of requests:

    (本列数据的勾稽关系为:…) | 申请人情况 |
    自然人 | 法人或其他组织 | 总计 |
    商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |
    一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |
    (三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

The head cell is followed by lines of column heads (no number) and then by rows: a label (which may hold its own
item numbers, 1.属于国家秘密; the table of appeals and lawsuits has none) and two cells or more, each a bare number,
split by bars, tabs or runs of spaces, or copied one cell a line. Every such cell is read in the head's unit. The
table ends at a third line of words after a cell, at a long line or at three blank lines; a table with no cell is left
alone.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from extractor._data import table
from extractor.figure_parts import QMatch, inside_found
from extractor.masks import Masks
from extractor.quantity_lexicon import Lex
from extractor.table_cells import NUMBER, cell

_FIELD_GAP = re.compile(r"[ \t]*[|\t][ \t|]*|[ \t]{2,}")  # a bar, a tab or a run of spaces between fields
_MIN_CELLS = 2
_MAX_HEAD_LINES = 20  # the lines of column heads between the head cell and the first row, one a line too
_MAX_LABEL_LINES = 2  # a row's label may take two lines (3.不予公开 / 1.属于国家秘密); a third ends the table
_MAX_BLANKS = 2
_MAX_ROWS = 200  # a row a cell in a table copied one cell a line
_EDGE = " \t\r|\u3000"
_MAX_LINE = 240  # a table's line is short; a longer one is prose, and the scan stays bounded


@cache
def _heads() -> tuple[re.Pattern[str], dict[str, str]]:
    units = {r["head"]: r["unit"] for r in table("table_heads.tsv")}
    words = "|".join(re.escape(w) for w in sorted(units, key=len, reverse=True))
    # the head ends a cell: a bar, a tab, a run of spaces or the line's end after it (_opens_cell: and opens one)
    return re.compile(rf"({words})(?=[ \t]*(?:[|\t]|\r?\n|$)| {{2,}})"), units


def cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    """The numbers of every table that a head of table_heads.tsv opens (see the module), in text order."""
    head_re, units = _heads()
    out: list[QMatch] = []
    pos = 0
    while (m := head_re.search(view, pos)) is not None:
        if not _opens_cell(view, m.start()):
            pos = m.end()
            continue
        unit = lex.units[units[m.group(1)]]
        rows, pos = _rows(view, _line_end(view, m.end()) + 1)
        for row in rows:
            for s, e in row:
                if not (masks.blocked[s] or inside_found(found, s, e)):
                    number = Decimal(view[s:e])
                    out.append(cell(s, e, number, unit.text, unit.factor, unit.base))
        pos = max(pos, m.end())
    return out


def _opens_cell(view: str, pos: int) -> bool:
    """Whether a cell opens at ``pos``: the line's start, a bar, a tab or a run of spaces before it (spaces alone
    after a line's start), so that a line of prose a copy broke after the head (…引起的行政复议\n) opens no table."""
    p = pos
    while p > 0 and view[p - 1] in " \u3000" and pos - p < _MAX_LINE:
        p -= 1
    return p == 0 or view[p - 1] in "\n|\t" or pos - p >= 2


def _rows(view: str, pos: int) -> tuple[list[list[tuple[int, int]]], int]:
    """The rows of the table whose column heads start at ``pos``, and where the scan ended. A row is a line of a
    label and its cells, or, in a table copied one cell a line, a number alone on its line after its label's lines
    (一、本年新收政府信息公开申请数量\n\n1\n\n0\n\n…); blank lines may stand between."""
    rows: list[list[tuple[int, int]]] = []
    words = 0  # lines of words since the last cell: the column heads, then a row's labels
    blanks = 0
    while pos < len(view) and len(rows) < _MAX_ROWS:
        end = _line_end(view, pos)
        if end - pos > _MAX_LINE:
            break
        ls, le = _stripped(view, pos, end)
        if ls == le:
            blanks += 1
            if blanks > _MAX_BLANKS:
                break
        else:
            blanks = 0
            row = _cells(view, ls, le)
            if row is None and NUMBER.fullmatch(view, ls, le):
                row = [(ls, le)]
            if row is not None:
                rows.append(row)
                words = 0
            else:
                words += 1
                if words > (_MAX_LABEL_LINES if rows else _MAX_HEAD_LINES):
                    break
        pos = end + 1
    return rows, pos


def _stripped(view: str, ls: int, le: int) -> tuple[int, int]:
    while ls < le and view[ls] in _EDGE:
        ls += 1
    while le > ls and view[le - 1] in _EDGE:
        le -= 1
    return ls, le


def _cells(view: str, ls: int, le: int) -> list[tuple[int, int]] | None:
    """The bare numbers that end the line ``view[ls:le]``, after its label if it has one, split from it and from
    each other by bars, tabs or runs of spaces; None for a line with fewer than two."""
    fields: list[tuple[int, int]] = []
    pos = ls
    while pos < le:
        gap = _FIELD_GAP.search(view, pos, le)
        fe = gap.start() if gap is not None else le
        if fe > pos:
            fields.append((pos, fe))
        if gap is None:
            break
        pos = gap.end()
    cells: list[tuple[int, int]] = []
    while fields and NUMBER.fullmatch(view, *fields[-1]):
        cells.append(fields.pop())
    if len(cells) < _MIN_CELLS:
        return None
    return cells[::-1]


def _line_end(view: str, pos: int) -> int:
    """Where the line at ``pos`` ends, or a place past ``_MAX_LINE`` in a longer one: the search stays bounded."""
    end = view.find("\n", pos, pos + _MAX_LINE + 1)
    return min(len(view), pos + _MAX_LINE + 1) if end < 0 else end
