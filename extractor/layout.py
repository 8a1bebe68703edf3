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
# s664), unless the digits open a date or a time (…达100。5月份, 。12时).
@cache
def _full_stop() -> re.Pattern[str]:
    opens = re.escape(stop_opens())  # a date or a time (pages.tsv)
    return re.compile(
        rf"(?<![0-9.,。])([0-9]{{1,6}})(。)([0-9]{{1,2}})(?![0-9]|。[0-9])(?=[%‰℃\u4e00-\u9fff])(?![{opens}])"
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
