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
def table_unit() -> re.Pattern[str]:
    """A table's unit line (单位:万元), its unit in group ``u``; lines are matched one by one (MULTILINE)."""
    return re.compile(_value("table_unit"), re.MULTILINE)
