"""Task-ledger fields of a goal: its deadline (完成时限) and its lead unit (牵头单位).

Both are read only from the goal's own words (deadlines.tsv, lead_units.tsv); when the text is silent they stay
null, never guessed from the theme.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import cache

import regex

from extractor import models as M
from extractor import numerals
from extractor._data import table


@dataclass(frozen=True)
class _Deadline:
    pattern: regex.Pattern[str]
    month: int | None
    precision: str
    after: int


@cache
def _deadlines() -> tuple[_Deadline, ...]:
    return tuple(
        _Deadline(
            regex.compile(r["pattern"]), int(r["month"]) if r["month"] else None, r["precision"], int(r["after"] or 0)
        )
        for r in table("deadlines.tsv")
    )


@cache
def _any_deadline() -> regex.Pattern[str]:
    # One look rules out most goals (they name no deadline) before each row is tried.
    return regex.compile("|".join(f"(?:{r['pattern']})" for r in table("deadlines.tsv")))


@cache
def _lead_patterns() -> tuple[regex.Pattern[str], ...]:
    return tuple(regex.compile(r["value"]) for r in table("lead_units.tsv") if r["kind"] == "pattern")


@cache
def _unit_suffixes() -> tuple[str, ...]:
    return tuple(sorted((r["value"] for r in table("lead_units.tsv") if r["kind"] == "suffix"), key=len, reverse=True))


@cache
def _lead_cue() -> regex.Pattern[str]:
    return regex.compile("牵头|负责|主抓|统筹|组织实施|责任单位|责任部门")


def _number(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    with contextlib.suppress(numerals.NumeralError):
        return int(numerals.parse(s)[0])
    return None


def deadline(text: str, view: str, s: int, e: int, planned: int | None) -> M.Deadline | None:
    """The first deadline phrase in [s, e) as an ISO year, year-month or date; None when there is none, or when it
    needs the planned year and that is unknown."""
    if _any_deadline().search(view, s, e) is None:
        return None
    for row in _deadlines():
        m = row.pattern.search(view, s, e)
        if m is None:
            continue
        groups = m.groupdict()
        year = _number(groups.get("y"))
        if year is not None and planned is not None and year < planned - 1:
            continue  # 于2016年推行: history
        if year is None:
            if planned is None:
                return None
            n = _number(groups.get("n"))
            year = planned + (n - 1 if n else row.after)
        month = _number(groups.get("m")) or row.month
        day = _number(groups.get("d"))
        if row.precision == "day" and month and day and 1 <= month <= 12 and 1 <= day <= 31:
            date = f"{year:04d}-{month:02d}-{day:02d}"
        elif row.precision in ("month", "day") and month and 1 <= month <= 12:
            date = f"{year:04d}-{month:02d}"
        elif row.precision == "year":
            date = f"{year:04d}"
        else:
            continue
        return M.Deadline(date=date, raw=text[m.start() : m.end()], span=M.Span(start=m.start(), end=m.end()))
    return None


def lead_unit(text: str, view: str, s: int, e: int) -> M.LeadUnit | None:
    """The unit that leads the task in [s, e): 由县发改局牵头, 县交通局负责, 牵头单位：县住建局."""
    if _lead_cue().search(view, s, e) is None:
        return None
    seg = view[s:e]
    for pat in _lead_patterns():
        for m in pat.finditer(seg):
            us, ue = m.span("u")
            unit = seg[us:ue]
            if not unit.endswith(_unit_suffixes()):
                continue
            return M.LeadUnit(name=text[s + us : s + ue], span=M.Span(start=s + us, end=s + ue))
    return None
