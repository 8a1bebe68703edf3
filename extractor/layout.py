"""How copied page text marks line and page ends (data/pages.tsv): shared by the PDF loader and the text route's
wrap repair, and below both."""

from __future__ import annotations

import re
from functools import cache

from extractor._data import table


def _value(kind: str) -> str:
    return next(r["value"] for r in table("pages.tsv") if r["kind"] == kind)


@cache
def page_number() -> re.Pattern[str]:
    """A line that holds only a page number: - 1 -, 1, 第1页 共5页, 1/5."""
    return re.compile(_value("page_number"))


@cache
def line_ends() -> str:
    """The characters after which a line break ends a sentence or a clause, not a wrap."""
    return _value("line_end")


@cache
def stop_opens() -> str:
    """What the digits after a 。 open when the 。 ends a sentence: a date or a time (…达100。5月份)."""
    return _value("stop_opens")


@cache
def rate_head() -> str:
    """The characters of a table's column head that name a rate or a change (pages.tsv rate_head)."""
    return _value("rate_head")


@cache
def amount_head() -> str:
    """The characters a column head that names an amount in its table's unit ends in (pages.tsv amount_head)."""
    return _value("amount_head")


@cache
def group_head() -> re.Pattern[str]:
    """A column head over the heads of the next line (pages.tsv group_head: 比上年增减情况)."""
    return re.compile(_value("group_head"))


@cache
def row_trailer() -> str:
    """The words that may close a table's row after its cells (pages.tsv row_trailer, a regex's alternation)."""
    return _value("row_trailer")


@cache
def trailer_head() -> str:
    """The head of the column of such words (pages.tsv trailer_head: 属性)."""
    return _value("trailer_head")


@cache
def table_unit() -> re.Pattern[str]:
    """A table's unit line (单位:万元), its unit in group ``u``; lines are matched one by one (MULTILINE)."""
    return re.compile(_value("table_unit"), re.MULTILINE)


# A column gap: a run of spaces between two characters of a line (a page of two or three columns copied as text
# runs each line across them). A page so set has such a gap on most of its lines.
_COLUMN_GAP = re.compile(r"[^\s][ \u3000]{6,}[^\s]")
_COLUMN_LINE = 10  # characters a line must hold to count
_COLUMN_SHARE = 0.5
_COLUMN_LINES = 5


def set_in_columns(view: str) -> bool:
    """Whether the text is a page set in columns whose lines run across them (a yearbook's page: 完成前锋
    98.24%。建成东城…     鲁史镇  鲁史镇位于凤庆县城东): its lines interleave entries, and a name counted over them
    may be the next entry's (found blind in round s521)."""
    lines = [line for line in view.split("\n") if len(line.strip()) >= _COLUMN_LINE]
    gapped = sum(1 for line in lines if _COLUMN_GAP.search(line.strip()))
    return gapped >= _COLUMN_LINES and gapped >= _COLUMN_SHARE * len(lines)


_DIGITS = frozenset("0123456789")


# 。 between a number and one or two digits that a unit or a percent sign follows: a full stop ends no sentence
# there (林海镇幅员面积307。5平方公里, 31。2%: found blind in round s115, in a text that keeps one point; 出生率9。93‰:
# s664), unless the digits open a date or a time (…达100。5月份, 。12时). A comma before the number is a clause's
# (12197户，4。08万人: found blind in round s913), but one after a digit groups thousands (1,234。5).
@cache
def _full_stop() -> re.Pattern[str]:
    opens = re.escape(stop_opens())  # a date or a time (pages.tsv)
    return re.compile(
        rf"(?<![0-9.。])(?<![0-9],)([0-9]{{1,6}})(。)([0-9]{{1,2}})(?![0-9]|。[0-9])(?=[%‰℃\u4e00-\u9fff])(?![{opens}])"
    )


def full_stops(view: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where a 。 stands for a point (``_full_stop``), in ``view[start:end]``. Only the full stops with a digit before
    them are tried: a report has a few hundred full stops, and a pattern tried at every character cost 3% of the
    default pass. segment.py ends no sentence there, and points.py reads a point there."""
    out: list[int] = []
    end = len(view) if end is None else end
    i = view.find("。", start, end)
    while i >= 0:
        j = i
        while j > 0 and view[j - 1] in _DIGITS and i - j < 7:
            j -= 1
        if j < i and (m := _full_stop().match(view, j)) is not None and m.start(2) == i:
            out.append(i)
        i = view.find("。", i + 1, end)
    return out


_ROW_REACH = 400  # the longest neighbouring row looked at for the next or the last row number
_ROW_DIGITS = 3
_ROW_SPACES = " \t\u3000"
_ROW_INDENT = 8


def _line_start(view: str, pos: int) -> int:
    p = pos
    while p > 0 and view[p - 1] not in "\r\n" and pos - p < _ROW_REACH:
        p -= 1
    return p


def _opens_with(view: str, pos: int, number: int) -> bool:
    """Whether the line at ``pos`` opens (after its spaces) with ``number`` and a space or a tab."""
    while pos < len(view) and view[pos] in _ROW_SPACES:
        pos += 1
    digits = str(number)
    end = pos + len(digits)
    return view.startswith(digits, pos) and end < len(view) and view[end] in _ROW_SPACES


def numbers_a_row(view: str, start: int, end: int) -> bool:
    """Whether the integer at ``view[start:end]`` opens its line as a row's number, the line before or after it
    opening with the number one less or one more and a space: 1 双龙湖公园提升工程 3000万元\\n2 张庄道路硬化… is a
    ledger pasted as text, no 1 双 and no 2 张. Bounded by ``_ROW_REACH`` each way."""
    if end - start > _ROW_DIGITS or not view[start:end].isdigit():
        return False
    line = start
    while line > 0 and view[line - 1] in _ROW_SPACES and start - line < _ROW_INDENT:
        line -= 1
    if line > 0 and view[line - 1] not in "\r\n":
        return False  # no line's opening number: asked of every number a space follows, so looked at first
    number = int(view[start:end])
    if line > 0 and number > 0:
        before = line - 1
        if before > 0 and view[before] == "\n" and view[before - 1] == "\r":
            before -= 1
        if _opens_with(view, _line_start(view, before), number - 1):
            return True
    nxt = end
    while nxt < len(view) and view[nxt] not in "\r\n" and nxt - end < _ROW_REACH:
        nxt += 1
    if view.startswith("\r\n", nxt):
        nxt += 1
    return nxt < len(view) and view[nxt] == "\n" and _opens_with(view, nxt + 1, number + 1)
