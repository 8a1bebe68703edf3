"""Figures in a budget's small table under its unit line whose last head spans the heads of the next line, as a
township's disclosure of its “三公” spending draws it:

    单位：万元
    项目 | 2015年预算数 | 2016年预算数 | 比上年增减情况
    | | | 增减金额 | 增减幅度
    合计 | 31.5 | 27.8 | -3.7 | -11.7%
    因公出国（境）费 | | | |
    公务接待费 | 9.5 | 7.6 | -1.9 | -20%

(found by a probe of hand-written excerpts, w108, with tabs for bars, and blind in round s886). The spanning head
(pages.tsv group_head) gives way to the heads under it; each column is an amount in the unit line's unit (its head
ends in pages.tsv amount_head, or names no rate) or a percentage (its head holds a percent sign, or names a rate and
the column's cells carry the sign: -11.7%, then a bare 0 under it is 0 %). A row's cells keep their places, split by
tabs or bars; a row with none is passed over (因公出国（境）费 with nothing spent), and a line of other shape ends
the table. Cells written with their own percent sign are read as any figure is.
"""

from __future__ import annotations

import re
from decimal import Decimal

from extractor import layout
from extractor.figure_parts import QMatch, inside_found
from extractor.masks import Masks
from extractor.quantity_lexicon import Lex, percent_unit
from extractor.table_cells import NUMBER, YEAR_HEAD, cell, lines, unit_of

_TAB_FIELDS = re.compile(r" *\t *")  # one tab a field, so that an empty cell keeps its place
_BAR_FIELDS = re.compile(r"[ \t]*\|[ \t]*")
_ITEM = re.compile(r"\(?[0-9]{1,2}[).、]")  # 1.因公出国（境）费, 其中:(1)公务用车购置费
_MIN_ROWS = 2
_MAX_COLUMNS = 8
_AMOUNT, _PERCENT, _RATE = 0, 1, 2  # a rate's column is a percentage's where its cells carry the sign


def cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    """The bare numbers of every such table in ``view`` (see the module), in text order."""
    if "\t" not in view and "|" not in view:
        return []
    out: list[QMatch] = []
    for m in layout.table_unit().finditer(view):
        read = unit_of(m.group("u"), lex)
        if read is not None:
            out.extend(_table(view, lines(view, m.end()), m.group("u"), read, masks, lex, found))
    return out


def _table(
    view: str,
    rows: list[tuple[int, int]],
    unit: str,
    read: tuple[str, Decimal],
    masks: Masks,
    lex: Lex,
    found: list[QMatch],
) -> list[QMatch]:
    if len(rows) < 2 + _MIN_ROWS:
        return []
    split = _TAB_FIELDS if "\t" in view[rows[0][0] : rows[0][1]] else _BAR_FIELDS
    head = [(s, e) for s, e in _fields(view, *rows[0], split) if s < e]
    under = [(s, e) for s, e in _fields(view, *rows[1], split) if s < e]
    if (
        len(head) < 3
        or not 2 <= len(under) <= 4
        or layout.group_head().match(view[head[-1][0] : head[-1][1]]) is None
        or any(c.isdigit() for s, e in under for c in view[s:e])
    ):
        return []
    kinds = [_kind(view[s:e], lex) for s, e in head[1:-1] + under]
    if None in kinds or len(kinds) > _MAX_COLUMNS:
        return []
    table: list[list[tuple[int, int] | None]] = []
    for ls, le in rows[2:]:
        fields = _fields(view, ls, le, split)
        if not fields or any(c.isdigit() for c in _ITEM.sub("", view[fields[0][0] : fields[0][1]])):
            break  # a label with a figure in it: no row (its item numbers, 1. and (2), are left out)
        row = fields[1:]
        if len(row) > len(kinds) and any(s < e for s, e in row[len(kinds) :]):
            break  # more cells than heads: the columns are not these
        row = (row + [(le, le)] * len(kinds))[: len(kinds)]
        if not all(s == e or NUMBER.fullmatch(view, s, e) or _signed(view, s, e) for s, e in row):
            break
        table.append([(s, e) if s < e else None for s, e in row])
    if len([r for r in table if any(r)]) < _MIN_ROWS:
        return []
    for i, kind in enumerate(kinds):
        if kind == _RATE:
            cells_ = [r[i] for r in table if r[i] is not None]
            if not any(_signed(view, s, e) for s, e in cells_):
                return []  # a rate's column with no sign in it: its cells' unit is unknown
            kinds[i] = _PERCENT
    sign = percent_unit(lex)
    base, factor = read
    out: list[QMatch] = []
    for r in table:
        for (span, kind) in zip(r, kinds, strict=True):
            if span is None or not NUMBER.fullmatch(view, *span):
                continue
            s, e = span
            if masks.blocked[s] or inside_found(found, s, e):
                continue
            number = Decimal(view[s:e])
            if kind == _PERCENT:
                out.append(cell(s, e, number, sign.text, sign.factor, sign.base))
            else:
                out.append(cell(s, e, number, unit, factor, base))
    return out


def _fields(view: str, ls: int, le: int, split: re.Pattern[str]) -> list[tuple[int, int]]:
    """The fields of the line ``view[ls:le]``, empty ones kept in place, its edges' bars and spaces left out."""
    while ls < le and view[ls] in " |":
        ls += 1
    while le > ls and view[le - 1] in " |\r":
        le -= 1
    out: list[tuple[int, int]] = []
    pos = ls
    for m in split.finditer(view, ls, le):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, le))
    return out


def _signed(view: str, s: int, e: int) -> bool:
    """Whether ``view[s:e]`` is a number with its percent sign (-11.7%)."""
    return e - s > 1 and view[e - 1] == "%" and NUMBER.fullmatch(view, s, e - 1) is not None


def _kind(head: str, lex: Lex) -> int | None:
    if percent_unit(lex).text in head:
        return _PERCENT
    if head.endswith(tuple(layout.amount_head())):
        return _AMOUNT
    if any(c in head for c in layout.rate_head()):
        return _RATE
    # a head with a number in it is a year's (2015年预算数) or none the table can be read under
    return None if any(c.isdigit() for c in head) and YEAR_HEAD.fullmatch(head) is None else _AMOUNT
