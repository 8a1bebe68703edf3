"""Figures in a table flattened into text, as a yearbook's page carries its list of main indicators:

    项 目 2003年 2002年 2003年为2002年%
    生产总值(万元) 20454.8 16334 125.2
    农民人均纯收入(元) 5294 4733 111.9

(one cell a line, with blank lines between, as well). A cell is a bare number: its unit is its row's head's
(生产总值(万元)), or its column's (2003年为2002年%). quantities.find reads the cells after every other figure.

Only a table whose every column is known is read: the cells of a row, two or more, follow their row's head with
nothing but spaces and line ends between them and the next row's head; two rows or more have as many cells; and
the heads of the columns, as many as the cells and right before the first row, are each a year (2003, 2003年) or a
percentage (2003年为2002年%). A table with any other head is left alone, since a cell read in the wrong unit would
be a wrong number.

A table whose unit stands on a line of its own over it or ends its caption (单位:万元), its rows' heads bare and its
columns' heads years, or words that name amounts (年初预算, 实际完成) beside percentages (完成预算%), is read as well
(``_under_unit``); a head that names a rate or a change without its percent sign (同比增长, 完成率) leaves the table
alone, since its cells are in no unit the caption gives.

A cell is a quantity of kind ``cell`` (ASIDE_KINDS): its name and year stand in its row's and its column's heads,
not in the words before it, so no record takes it as its figure.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from extractor import layout
from extractor._data import table
from extractor.figure_parts import QMatch, inside_found, scale_chars, scale_value
from extractor.layout import amount_head, rate_head, table_unit
from extractor.masks import Masks
from extractor.quantity_lexicon import ASIDE_KINDS, Lex, Unit, percent_unit
from extractor.segment import heading_markers

# A row's head ends with its unit in brackets, a number after it: the closing bracket is looked for first.
_HEAD_END = re.compile(r"\)(?=[ \t\r\n\u3000]{1,12}-?[0-9])")
_MAX_UNIT = 6  # 万平方米, 万千瓦时
_MAX_LABEL = 24  # 第一产业增加值, 城镇居民人均可支配收入
_MAX_CELLS = 8
_CELL = re.compile(r"[ \t\r\n\u3000]{1,12}(-?[0-9]{1,12}(?:\.[0-9]{1,6})?)(?=[ \t\r\n\u3000]|$)")
_GAP = re.compile(r"[ \t\r\n\u3000]{1,12}")
YEAR_HEAD = re.compile(r"(?:19|20)[0-9]{2}(?:年[^\s%]{0,8})?")
_SPACE = " \t\r\n\u3000"  # a table set with ideographic spaces (a plan's indicator table) too
TOKEN = re.compile(r"[^\s|]{1,40}")  # a table's field: a head, a label or a cell
_BAR_SPACE = _SPACE + "|"


@dataclass(slots=True)
class _Row:
    label_start: int
    end: int  # where its last cell ends
    base: str
    factor: Decimal
    unit: str  # as written in the head
    cells: list[tuple[int, int]]


def cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    """The cells of every table in ``view`` whose columns are known (see the module), in text order."""
    out = _head_unit_cells(view, masks, lex, found)
    for more in (
        _unit_line_cells(view, masks, lex, found),
        _unit_column_cells(view, masks, lex, found),
        _pipe_cells(view, masks, lex, found),
        _colon_cells(view, masks, lex, found),
        _census_cells(view, masks, lex, found),
    ):
        if more:
            out = sorted(out + [q for q in more if not inside_found(out, q.start, q.end)], key=lambda q: q.start)
    return out


def _head_unit_cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    """The cells of the tables whose rows' heads carry their units (生产总值(万元))."""
    rows = [r for r in (_row(view, m.start(), lex) for m in _HEAD_END.finditer(view)) if r is not None]
    out: list[QMatch] = []
    i = 0
    while i < len(rows):
        j = i
        while (
            j + 1 < len(rows)
            and len(rows[j + 1].cells) == len(rows[i].cells)
            and _row_link().fullmatch(view, rows[j].end, rows[j + 1].label_start) is not None
        ):
            j += 1
        if j > i:
            heads = _column_heads(view, rows[i].label_start, len(rows[i].cells), lex)
            if heads is not None:
                for r in rows[i : j + 1]:
                    out.extend(_read(view, r, heads, percent_unit(lex), masks, found))
        i = j + 1
    return out


@cache
def _row_link() -> re.Pattern[str]:
    """What may stand between a row's last cell and the next row's head: spaces, a word closing the row
    (layout.row_trailer: 预期性) and the next row's number."""
    gap = _GAP.pattern
    return re.compile(rf"{gap}(?:(?:{layout.row_trailer()}){gap})?(?:[0-9]{{1,3}}{gap})?")


def _row(view: str, close: int, lex: Lex) -> _Row | None:
    """The row whose head's unit closes at ``close`` (生产总值(万元) 83000 71250 116), or None."""
    open_ = view.rfind("(", max(0, close - _MAX_UNIT - 1), close)
    if open_ < 1:
        return None
    unit = view[open_ + 1 : close]
    read = unit_of(unit, lex)
    if read is None:
        return None
    start = open_
    while start > 0 and view[start - 1] not in _SPACE and open_ - start < _MAX_LABEL:
        start -= 1
    if start == open_ or (start > 0 and view[start - 1] not in _SPACE) or any(c.isdigit() for c in view[start:open_]):
        return None  # no head, a longer one, or one with a number of its own (a year's figure, not a row)
    found: list[tuple[int, int]] = []
    pos = close + 1
    while len(found) <= _MAX_CELLS:
        m = _CELL.match(view, pos)
        if m is None:
            break
        found.append(m.span(1))
        pos = m.end()
    if len(found) < 2 or len(found) > _MAX_CELLS:
        return None
    base, factor = read
    return _Row(start, pos, base, factor, unit, found)


def unit_of(unit: str, lex: Lex) -> tuple[str, Decimal] | None:
    """The base unit and factor of a row head's unit (万元 -> 元 and 1e4, % -> %), or None for no unit of
    units.tsv."""
    scales = scale_chars()
    k = 0
    while k < len(unit) and unit[k] in scales:
        k += 1
    u = lex.units.get(unit[k:])
    if u is None or u.kind == "skip" or u.kind in ASIDE_KINDS:
        return None  # a date part, an age, a span of time or a kind of place heads no row of figures
    return u.base, scale_value(unit[:k]) * u.factor


def _column_heads(view: str, first_row: int, k: int, lex: Lex) -> list[bool] | None:
    """Whether each of the ``k`` column heads right before the first row is a percentage (the others years), or
    None when any of them is neither."""
    heads: list[bool] = []
    end = _before_row_number(view, first_row, k)
    for _ in range(k):
        while end > 0 and view[end - 1] in _SPACE and first_row - end < _MAX_LABEL * k:
            end -= 1
        start = end
        while start > 0 and view[start - 1] not in _SPACE and end - start < _MAX_LABEL:
            start -= 1
        head = view[start:end]
        if not head or (start > 0 and view[start - 1] not in _SPACE):
            return None
        if percent_unit(lex).text in head:
            heads.append(True)
        elif YEAR_HEAD.fullmatch(head):
            heads.append(False)
        else:
            return None
        end = start
    return heads[::-1]


def _before_row_number(view: str, first_row: int, k: int) -> int:
    """Where the column heads end before the first row's head: before the row's number (1　地区生产总值（亿元）) and
    the head of a column of words that close the rows (属性), where they stand there."""
    end = first_row
    for word in (re.compile(r"[0-9]{1,3}"), re.compile(re.escape(layout.trailer_head()))):
        p = end
        while p > 0 and view[p - 1] in _SPACE and first_row - p < _MAX_LABEL * k:
            p -= 1
        start = p
        while start > 0 and view[start - 1] not in _SPACE and p - start < _MAX_LABEL:
            start -= 1
        if word.fullmatch(view, start, p):
            end = start
    return end


# A table whose unit stands on a line of its own over it, its rows' heads bare, its columns' heads years:
#                                              单位:万元
#     指标名称        1991 年 1992 年 1993 年
#       合 计       31517 70983 125558
#     塑料制品业     11665 20235  28871
# Only rows with a cell under every year are read (a shorter row's cells cannot be placed: 其中:毛毯业, whose first
# years are blank), and only when two rows or more are; a row whose head carries a unit of its own is read in it.
_YEAR_COLUMN = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?:[ \t]?年)?(?![0-9])")
_ROW_CELLS = re.compile(r"[ \t|]+(?=-?[0-9])")
# A cell's bare number (ledger_cells.py reads its cells with it too)
NUMBER = re.compile(r"-?[0-9]{1,12}(?:\.[0-9]{1,6})?")
_MAX_COLUMNS = 12
_MAX_ROWS = 40
_MAX_LINE = 240  # a table's line is short; a longer one is prose, and the scan stays bounded
_MAX_BLANK = 2


def _unit_line_cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    out: list[QMatch] = []
    for m in table_unit().finditer(view):
        read = unit_of(m.group("u"), lex)
        if read is not None:
            out.extend(_under_unit(view, m.end(), m.group("u"), read, masks, lex, found))
    return out


def lines(view: str, pos: int) -> list[tuple[int, int]]:
    """The non-blank lines after ``pos`` (its own line's rest left out), no longer than _MAX_LINE, up to _MAX_ROWS
    of them and no more than _MAX_BLANK blank lines in a row: where each starts and ends."""
    out: list[tuple[int, int]] = []
    i = view.find("\n", pos, pos + _MAX_LINE + 2)
    blank = 0
    while i >= 0 and len(out) <= _MAX_ROWS:
        start = i + 1
        end = view.find("\n", start, start + _MAX_LINE + 2)
        stop = len(view) if end < 0 else end
        if end < 0 and stop - start > _MAX_LINE:
            break
        if view[start:stop].strip():
            out.append((start, stop))
            blank = 0
        else:
            blank += 1
            if blank > _MAX_BLANK:
                break
        i = end
    return out


def _under_unit(
    view: str, pos: int, unit: str, read: tuple[str, Decimal], masks: Masks, lex: Lex, found: list[QMatch]
) -> list[QMatch]:
    found_lines = lines(view, pos)
    if len(found_lines) < 3:
        return []
    hs, he = found_lines[0]
    heads = _year_heads(view, hs, he)
    rows: list[_Row] = []
    for ls, le in found_lines[1:]:
        row = _bare_row(view, ls, le, unit, read, lex)
        if row is None:
            break
        if heads is None:
            heads = _word_heads(view, hs, he, len(row.cells), lex)
            if heads is None:
                return []
        if len(row.cells) == len(heads) and row.base:
            rows.append(row)
    if len(rows) < 2 or heads is None:
        return []
    out: list[QMatch] = []
    for r in rows:
        out.extend(_read(view, r, heads, percent_unit(lex), masks, found))
    return out


def _year_heads(view: str, hs: int, he: int) -> list[bool] | None:
    """The heads of a table's columns when its head line holds the rows' names' head and years alone (指标名称 1991 年
    1992 年), each False (no percentage), or None."""
    years = list(_YEAR_COLUMN.finditer(view, hs, he))
    if not 2 <= len(years) <= _MAX_COLUMNS or view[years[-1].end() : he].strip():
        return None
    label = view[hs : years[0].start()].strip()
    if any(c.isdigit() for c in label) or any(view[a.end() : b.start()].strip() for a, b in itertools.pairwise(years)):
        return None  # a head that is not the row names' and the years alone
    return [False] * len(years)


def _word_heads(
    view: str, hs: int, he: int, k: int, lex: Lex, named: int = 1, fewest: int = 2
) -> list[bool] | None:
    """The ``k`` last words of a head line (| 项目 | 年初预算 | 实际完成 | 完成预算% |), each True for a percentage and
    False for an amount in the table's unit, or None when one names a rate or a change without its percent sign
    (同比增长, 完成率: pages.tsv rate_head) or holds a number that is no year, or fewer than ``named`` words are
    left for the rows' names' head. A table has ``fewest`` columns of numbers or more."""
    words = TOKEN.findall(view, hs, he)
    if not fewest <= k <= min(_MAX_COLUMNS, len(words) - named):
        return None
    sign = percent_unit(lex).text
    heads: list[bool] = []
    for w in words[-k:]:
        if sign in w:
            heads.append(True)
        elif YEAR_HEAD.fullmatch(w) or not (
            any(c.isdigit() for c in w) or (any(c in w for c in rate_head()) and not w.endswith(tuple(amount_head())))
        ):
            # 增减额 (a change's amount, in the table's unit: pages.tsv amount_head; found by a probe of hand-written
            # excerpts, w162) where 增减 alone names no unit
            heads.append(False)
        else:
            return None
    return heads


# A table whose second column gives each row's unit, its head 单位 (指标名称 单位 2005年 2004年 增长%; 社会总产值 万元
# 38650 33420 15.6: a township's table of main indicators, found by a probe of hand-written excerpts); its other
# columns' heads are years or words that name amounts, or percentages.
_MAX_SECTIONS = 1  # section lines in a row between a unit-column table's rows
_UNIT_COLUMN = re.compile(r"^[ \t|]{0,4}[^\s|]{1,12}[ \t|]{1,8}单[ \t]?位[ \t|]{1,8}(?=[^\s|])", re.MULTILINE)


def _unit_column_cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    if "单位" not in view and "单 位" not in view:
        return []
    out: list[QMatch] = []
    for m in _UNIT_COLUMN.finditer(view):
        he = view.find("\n", m.end(), m.end() + _MAX_LINE)
        if he < 0:
            continue
        heads: list[bool] | None = None
        rows: list[_Row] = []
        sections = 0
        for ls, le in lines(view, m.end()):
            words = TOKEN.findall(view, ls, le)
            if (
                len(words) == 1
                and sections < _MAX_SECTIONS
                and not any(c.isdigit() for c in words[0])
                and any(h.match(words[0]) for h in heading_markers())
            ):
                sections += 1  # 一、主动公开情况: a section's heading between rows (a probe of hand-written excerpts)
                continue
            sections = 0
            # a row is its name, its unit and then numbers alone
            if len(words) < 3 or NUMBER.fullmatch(words[1]) or not NUMBER.fullmatch(words[2]):
                break
            read = unit_of(words[1], lex)
            row = _bare_row(view, ls, le, words[1], read, lex) if read is not None else None
            if row is None:
                break
            if heads is None:
                # one column of numbers is enough where each row gives its unit (指标 单位 统计数: a township's
                # report on its open government information, found by a probe of hand-written excerpts)
                heads = _word_heads(view, m.end(), he, len(row.cells), lex, named=0, fewest=1)
                if heads is None:
                    break
            if len(row.cells) != len(heads):
                break
            rows.append(row)
        if len(rows) >= 2 and heads is not None:
            for r in rows:
                out.extend(_read(view, r, heads, percent_unit(lex), masks, found))
    return out


def _bare_row(view: str, ls: int, le: int, unit: str, read: tuple[str, Decimal], lex: Lex) -> _Row | None:
    """A row of a table under a unit line (合 计 31517 70983), or None for a line that is none. A row whose head
    carries a unit the lexicon does not know is kept with an empty base, and not read."""
    name = ls
    while name < le and view[name] in _BAR_SPACE:
        name += 1
    if (item := heading_markers()[2].match(view[name:le])) is not None:
        name += item.end()  # | 1.因公出国(境)费 | 0 | 0 |: a row's item number before its name
    gap = _ROW_CELLS.search(view, name, le)
    if gap is None:
        return None
    head = view[name : gap.start()].strip(_BAR_SPACE)
    if not head or len(head) > _MAX_LABEL or any(c.isdigit() for c in head):
        return None
    cells: list[tuple[int, int]] = []
    pos = gap.end()
    while pos < le:
        m = NUMBER.match(view, pos)
        if m is None:
            return None
        cells.append(m.span())
        pos = m.end()
        while pos < le and view[pos] in _BAR_SPACE:  # | 财政总收入 | 2150 | 2386 |: a table drawn with bars
            pos += 1
    if len(cells) > _MAX_COLUMNS:
        return None
    base, factor = read
    if head.endswith(")") and "(" in head:
        own = unit_of(head[head.rfind("(") + 1 : -1], lex)
        base, factor, unit = (own[0], own[1], head[head.rfind("(") + 1 : -1]) if own else ("", factor, unit)
    return _Row(ls, le, base, factor, unit, cells)


def _read(view: str, row: _Row, percent: list[bool], sign: Unit, masks: Masks, found: list[QMatch]) -> list[QMatch]:
    out = []
    for (s, e), pct in zip(row.cells, percent, strict=True):
        if masks.blocked[s] or inside_found(found, s, e):
            continue
        number = Decimal(view[s:e])
        in_row = not pct and row.base != sign.base
        if in_row:
            out.append(cell(s, e, number, row.unit, row.factor, row.base))
        else:
            out.append(cell(s, e, number, sign.text, Decimal(1), sign.base))
    return out


def cell(start: int, end: int, number: Decimal, unit: str, factor: Decimal, base: str) -> QMatch:
    """A cell's number as a quantity of kind ``cell``, in ``unit`` as written (or none) and ``base``."""
    return QMatch(
        start=start,
        end=end,
        number=number,
        high=None,
        unit=unit,
        base_value=number * factor if factor != 1 else number,
        base_high=None,
        base_unit=base,
        approx=None,
        kind="cell",
        chinese=False,
        core_start=start,
        unit_end=end,
    )


# A table a web page's copy drew with bars, a row a line, its head carrying its unit and one cell its number:
#     指标 | 数量 | |
#     常住人口(人) | 69168 | |
#     0-14岁总数(人) | 14897 | |
# (a township's census page, found blind in round s301). The unit is the row's own, so no column head is needed;
# a run of two rows or more is read, and a row with more cells than one is left to the other readers.
# Latin letters in brackets after a character, as a mirror site sets pinyin (戶(hù)); no head holds them otherwise
_RUBY = r"\([a-z\u00c0-\u024f]{1,6}\)"
_PIPE_ROW = re.compile(
    rf"^[ \t]{{0,8}}(?:[^\s|()]|{_RUBY}){{1,24}}\(([^\s|()]{{1,6}})(?:{_RUBY})?\)[ \t]{{0,4}}\|[ \t]{{0,4}}"
    r"(-?[0-9]{1,12}(?:\.[0-9]{1,6})?)[ \t]{0,4}(?:\|[ \t|]{0,8})?\r?$",
    re.M,
)


# The same rows written as a label, its unit in brackets, a colon and the number (耕地(亩):12600, 年末总户数(户):5432;
# 其中:水田(亩):8350, with a short lead word and its colon: a data page's lines, found by a probe of hand-written
# excerpts, w150); the number ends its line or its clause (粮食总产量(吨):8760,同比增长3.1%), and the row its line.
_COLON_ROW = re.compile(
    rf"^[ \t\u3000]{{0,8}}(?:[^\s|():]{{1,4}}:)?(?:[^\s|():]|{_RUBY}){{1,24}}\(([^\s|()]{{1,6}})(?:{_RUBY})?\)"
    r"[ \t]{0,2}:[ \t]{0,4}(-?[0-9]{1,12}(?:\.[0-9]{1,6})?)(?![0-9.%])[ \t]{0,4}(?:\r?$|[,;。][^\r\n]{0,60})",
    re.M,
)


def _colon_cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    return _row_cells(view, masks, lex, found, _COLON_ROW) if "):" in view else []


def _pipe_cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    if " | " not in view and ")|" not in view:
        return []
    return _row_cells(view, masks, lex, found, _PIPE_ROW)


def _row_cells(
    view: str, masks: Masks, lex: Lex, found: list[QMatch], row_re: re.Pattern[str]
) -> list[QMatch]:
    rows: list[_Row] = []
    for m in row_re.finditer(view):
        read = unit_of(m.group(1), lex)
        if read is not None:
            rows.append(_Row(m.start(), m.end(), read[0], read[1], m.group(1), [m.span(2)]))
    out: list[QMatch] = []
    run: list[_Row] = []
    for r in rows:
        if run and _GAP.fullmatch(view, run[-1].end, r.label_start) is None:
            out.extend(_read_run(view, run, lex, masks, found))
            run = []
        run.append(r)
    out.extend(_read_run(view, run, lex, masks, found))
    return out


def _read_run(view: str, run: list[_Row], lex: Lex, masks: Masks, found: list[QMatch]) -> list[QMatch]:
    if len(run) < 2:
        return []
    return [q for r in run for q in _read(view, r, [False], percent_unit(lex), masks, found)]


# A census's population block (census_rows.tsv): label, then number, a run of rows with nothing but spaces, bars and
# line ends between them (总人口 8614 男 4597 女 4017 家庭户户数 2794 …: encyclopedia pages of townships, found on the
# excerpts in four and blind in three, round s408). A run this long is a block; 男 4597 alone is not read.
_CENSUS_RUN = 4
_CENSUS_GAP = re.compile(r"[ \t\r\n|/:]{0,12}")


@cache
def _census_rows() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    """The rows' pattern, each label's unit, and the labels of the rows in a unit no other row has (家庭户户数, the
    households'): every block holds one, and a text without it is not searched."""
    rows = {r["label"]: r["unit"] for r in table("census_rows.tsv")}
    labels = "|".join(re.escape(w) for w in sorted(rows, key=len, reverse=True))
    units = list(rows.values())
    rare = tuple(label for label, u in rows.items() if units.count(u) == 1)
    return re.compile(rf"(?<![^\s|/])({labels})[ \t|/:]{{0,8}}([0-9]{{1,9}})(?![0-9.])"), rows, rare


def _census_cells(view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    row_re, rows, rare = _census_rows()
    if not any(label in view for label in rare):
        return []
    out: list[QMatch] = []
    run: list[re.Match[str]] = []
    for m in [*row_re.finditer(view), None]:
        if m is not None and (not run or _CENSUS_GAP.fullmatch(view, run[-1].end(), m.start()) is not None):
            run.append(m)
            continue
        if len(run) >= _CENSUS_RUN:
            for r in run:
                s, e = r.span(2)
                # noise holds no row; the number itself is masked where the next row's head follows it (女 4017
                # 家庭户户数: negatives.tsv, so that no 4017 家 is read)
                if masks.blocked[r.start(1)] or inside_found(found, s, e):
                    continue
                unit = lex.units[rows[r.group(1)]]
                out.append(cell(s, e, Decimal(view[s:e]), unit.text, unit.factor, unit.base))
        run = [m] if m is not None else []
    return out
