"""A table whose columns' heads say what their cells count (count_columns.tsv: 本年制发件数, 件) or carry their unit in
brackets (本年收费金额(单位:万元)), a cell between bars or on a line of its own, and its rows each a label and one
number under each head: an open-government report's tables (found blind in round s822). A row with a number more
than there are heads, or a label that holds a digit, ends the table: its cells could not be placed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from extractor._data import table
from extractor.figure_parts import QMatch, inside_found
from extractor.han import is_han
from extractor.masks import Masks
from extractor.quantity_lexicon import Lex
from extractor.table_cells import TOKEN, cell, unit_of

_MAX_CELLS = 8
_MAX_ROWS = 40
_MAX_LABEL = 24  # 第一产业增加值, 城镇居民人均可支配收入
_TOKEN_GAP = re.compile(r"[ \t\r\n|]{1,16}")
_TOKEN_NUMBER = re.compile(r"[-+]?[0-9]{1,12}(?:\.[0-9]{1,6})?(?![^\s|])")  # +3 in a column of changes
# A head that ends in a sign, a bracket (决算数(万元)) or a percent sign (增减%), then a tab, a bar or two spaces: a
# table pasted as text (found by a probe of hand-written excerpts); a bracket or a percent sign in prose is followed
# by words.
_SIGN_HEAD = re.compile(r"[^\s|0-9.][%)](?=\t| ?\||  )")
_FIGURE_CHARS = frozenset("0123456789.")
_LEFT = "<"  # count_columns.tsv: the unit of the column on the left
_MARKDOWN_RULE = re.compile(r"[|:\- \t]{0,80}?-{3}[|:\- \t]{0,200}\r?\n[ \t]*\|?[ \t]*")
# Two heads with their units in brackets on lines of their own, one after the other: a table copied one cell a line
# (总投资(万元)\n\n年度计划(万元)\n\n…: a probe of hand-written excerpts, w106)
_CELL_LINE_HEADS = re.compile(r"\)[ \t]*\r?\n[ \t\r\n]{0,8}[^\s|()]{1,20}\([^\s()]{1,6}\)[ \t]*\r?\n")
_BRACKET_UNIT = re.compile(r"\((?:单位:)?([^\s|()]{1,6})\)$")


@cache
def _count_heads() -> tuple[re.Pattern[str], dict[str, str]]:
    """Where a column head may end (a token ending in an ending of count_columns.tsv, or in a bracket), and the
    endings' units."""
    endings = {r["ending"]: r["unit"] for r in table("count_columns.tsv")}
    words = "|".join(re.escape(w) for w in sorted(endings, key=len, reverse=True))
    return re.compile(rf"(?<![^\s|])[^\s|]{{0,20}}?(?:{words}|\)(?=[\s|]|$))"), endings


def column_unit(
    head: str, lex: Lex, before: tuple[str, str, Decimal] | None = None
) -> tuple[str, str, Decimal] | None:
    """The unit as written, base and factor of a column head (本年制发件数 -> 件; 金额(单位:万元) -> 万元), or None;
    ``before`` is the unit of the column on its left, which a column of its change takes (本年增/减)."""
    endings = _count_heads()[1]
    ending = next((e for e in endings if head.endswith(e)), None)
    if ending is not None and len(head) > len(ending) and head[-len(ending) - 1] in _FIGURE_CHARS:
        return None  # 增长5.2%: a figure, no head
    if ending is not None and endings[ending] == _LEFT:
        return before
    if ending is not None:
        u = lex.units[endings[ending]]
        return u.text, u.base, u.factor
    m = _BRACKET_UNIT.search(head)
    read = unit_of(m.group(1), lex) if m else None
    return (m.group(1), read[0], read[1]) if m and read else None


def cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    """The cells of every table in ``view`` whose column heads say what they count (see the module)."""
    head_re, endings = _count_heads()
    if (
        not any(e in view for e in endings if is_han(e[-1]))
        and "(单位:" not in view
        and not (("\t" in view or "|" in view or "  " in view) and _SIGN_HEAD.search(view))
        and _CELL_LINE_HEADS.search(view) is None
    ):
        return []
    out: list[QMatch] = []
    pos = 0
    while (m := head_re.search(view, pos)) is not None:
        heads, pos = _heads_at(view, m.start(), lex)
        if not heads:
            pos = m.end()
            continue
        if rule := _MARKDOWN_RULE.match(view, pos):
            pos = rule.end()  # | 信息内容 | 本年制发件数 |\n|---|---|: a table written in markdown (w105)
        for row in _rows_at(view, pos, len(heads)):
            for (s, e), (unit, base, factor) in zip(row, heads, strict=True):
                if not (masks.blocked[s] or inside_found(found, s, e)):
                    out.append(cell(s, e, Decimal(view[s:e]), unit, factor, base))
            pos = row[-1][1]
    return out


def _heads_at(view: str, pos: int, lex: Lex) -> tuple[list[tuple[str, str, Decimal]], int]:
    """The column heads that start at ``pos``, one after another, and where the first row's label starts: on a line
    after the heads' (a head line's next word, 进展情况 of 总投资(万元)\t进展情况, is another head, no row's label)."""
    heads: list[tuple[str, str, Decimal]] = []
    broke = False
    while len(heads) < _MAX_CELLS and (t := TOKEN.match(view, pos)) is not None:
        unit = column_unit(t.group(), lex, heads[-1] if heads else None)
        gap = _TOKEN_GAP.match(view, t.end())
        if unit is None or gap is None:
            break
        heads.append(unit)
        broke = "\n" in gap.group()
        pos = gap.end()
    return (heads, pos) if broke else ([], pos)


def _rows_at(view: str, pos: int, k: int) -> list[list[tuple[int, int]]]:
    """The rows from ``pos`` on, each a label with no digit and ``k`` numbers, and nothing more before the next; a
    row's number may open it before its label (1\n\n桑坪村\n\n468…, a table with a 序号 column)."""
    rows: list[list[tuple[int, int]]] = []
    numbered = 0
    while len(rows) < _MAX_ROWS:
        label_at = _after_row_number(view, pos, numbered + 1)
        numbered += label_at > pos
        pos = label_at
        label = TOKEN.match(view, pos)
        if (
            label is None
            or any(c.isdigit() for c in label.group())
            or not any(c.isalpha() for c in label.group())  # — 2 —: a page's number between its dashes
            or len(label.group()) > _MAX_LABEL
        ):
            break
        cells: list[tuple[int, int]] = []
        end = label.end()
        while len(cells) < k and (gap := _TOKEN_GAP.match(view, end)) and (n := _TOKEN_NUMBER.match(view, gap.end())):
            cells.append(n.span())
            end = n.end()
        gap = _TOKEN_GAP.match(view, end)
        if len(cells) < k or (
            gap is not None
            and _TOKEN_NUMBER.match(view, gap.end())
            and _after_row_number(view, gap.end(), numbered + 1) == gap.end()
        ):
            break
        rows.append(cells)
        if gap is None:
            break
        pos = gap.end()
    return rows


_ROW_NUMBER = re.compile(r"([0-9]{1,3})[ \t]*\r?\n[ \t\r\n]{0,8}(?=[^\s|0-9])")


def _after_row_number(view: str, pos: int, number: int) -> int:
    """Where a row's label starts after the row's ``number`` on a line of its own at ``pos`` (else ``pos``): the
    rows are numbered from one, each the next, so that no cell of a column without a head passes for one."""
    m = _ROW_NUMBER.match(view, pos)
    return m.end() if m is not None and int(m.group(1)) == number else pos
