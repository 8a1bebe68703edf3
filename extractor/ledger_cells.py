"""Figures in a ledger pasted as text: a head line of fields, then rows of as many fields, one a line, the fields
split by tabs, by runs of spaces, or by single spaces where the head has no run of them:

    序号	项目名称	建设内容	总投资(万元)	年度计划(万元)	进展情况
    1	黄柏工业园标准化厂房	新建厂房6栋，建筑面积3.6万平方米	18000	6000	主体完工

(a township's ledger of key projects, found by a probe of hand-written excerpts). A field of the head that ends with
its unit in brackets (总投资(万元), 1-6月完成(亿元), 完成率(%)) gives the unit of the bare numbers under it; words
and figures with their own units in the other fields are read as any text is.

Only a field whose whole text is a bare number is read, and only in a run of two rows or more right under the
head, each with as many fields as the head: a row that splits otherwise ends the ledger, since its fields no longer
stand under their heads, and a number read under the wrong head would be a wrong number.
"""

from __future__ import annotations

import re
from decimal import Decimal

from extractor.count_tables import column_unit
from extractor.figure_parts import QMatch, inside_found
from extractor.masks import Masks
from extractor.quantity_lexicon import Lex
from extractor.table_cells import NUMBER, cell

# A head line holds a field that ends with a unit in brackets right before a tab, spaces or the line's end; the
# bracket ends a head's name (总投资(万元)) or opens a field of its own, after a tab or at a line's start ((万元) under
# 总投资). The pattern opens with the bracket, so that the search skips to brackets.
_UNIT_HEAD = re.compile(r"\((?:单位:)?[^\s()]{1,6}\)(?=[ \t]|$)", re.MULTILINE)
_NOT_BEFORE = frozenset(" \r()")
_TABS = re.compile(r" *\t *")  # one tab a field: two tabs hold an empty cell between them (\t合计\t\t28.6)
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE = re.compile(r" +")
_MIN_FIELDS = 3
_MAX_FIELDS = 12
_MIN_ROWS = 2
_MAX_ROWS = 60
_MAX_LINE = 240  # a ledger's line is short; a longer one is prose, and the scan stays bounded


def cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    """The bare numbers under the unit heads of every ledger in ``view`` (see the module), in text order."""
    out: list[QMatch] = []
    pos = 0
    while (m := _UNIT_HEAD.search(view, pos)) is not None:
        if m.start() > 0 and view[m.start() - 1] in _NOT_BEFORE:
            pos = m.end()
            continue
        hs = view.rfind("\n", 0, m.start()) + 1
        he = _line_end(view, m.end())
        pos = he + 1
        if he - hs > _MAX_LINE:
            continue
        split = _splitter(view[hs:he])
        # a head's second line may give the units alone, under the names above them (\t\t(万元)\t(万元)\t完成率(%))
        heads = _fields(view, hs, he, split, empty=split is _TABS)
        if not _MIN_FIELDS <= len(heads) <= _MAX_FIELDS or sum(s < e for s, e in heads) < 2:
            continue
        units = [column_unit(view[s:e], lex) for s, e in heads]
        if not any(units) or any(NUMBER.fullmatch(view, s, e) for s, e in heads):
            continue
        rows = _rows(view, he + 1, split, len(heads))
        if len(rows) < _MIN_ROWS:
            continue
        for row in rows:
            for (s, e), unit in zip(row, units, strict=True):
                if unit is None or NUMBER.fullmatch(view, s, e) is None:
                    continue
                if masks.blocked[s] or inside_found(found, s, e):
                    continue
                written, base, factor = unit
                out.append(cell(s, e, Decimal(view[s:e]), written, factor, base))
        pos = rows[-1][-1][1]
    return out


def _line_end(view: str, pos: int) -> int:
    end = view.find("\n", pos)
    return len(view) if end < 0 else end - (1 if end > 0 and view[end - 1] == "\r" else 0)


def _splitter(line: str) -> re.Pattern[str]:
    """What splits the fields of the ledger whose head is ``line``: tabs, runs of spaces, or single spaces."""
    if "\t" in line:
        return _TABS
    return _SPACES if _SPACES.search(line.strip(" ")) else _SPACE


def _fields(
    view: str, start: int, end: int, split: re.Pattern[str], empty: bool = False
) -> list[tuple[int, int]]:
    """The spans of the fields of view[start:end], its leading and trailing spaces left out; none where a field is
    empty, unless ``empty`` (a row's cell may be: a total's row leaves its number's cell blank)."""
    while start < end and view[start] in " \u3000":
        start += 1
    while end > start and view[end - 1] in (" " if empty else " \t"):
        end -= 1
    spans: list[tuple[int, int]] = []
    pos = start
    for gap in split.finditer(view, start, end):
        spans.append((pos, gap.start()))
        pos = gap.end()
        if len(spans) > _MAX_FIELDS:
            break
    spans.append((pos, end))
    return spans if empty or all(s < e for s, e in spans) else []


def _rows(view: str, pos: int, split: re.Pattern[str], k: int) -> list[list[tuple[int, int]]]:
    """The rows right under a head of ``k`` fields, each a line of ``k`` fields."""
    rows: list[list[tuple[int, int]]] = []
    while pos < len(view) and len(rows) < _MAX_ROWS:
        end = _line_end(view, pos)
        if end - pos > _MAX_LINE:
            break
        fields = _fields(view, pos, end, split, empty=split is _TABS)
        if len(fields) != k or all(s == e for s, e in fields):
            break
        rows.append(fields)
        nxt = view.find("\n", end)
        if nxt < 0:
            break
        pos = nxt + 1
    return rows
