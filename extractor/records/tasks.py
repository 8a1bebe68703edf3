"""Task-ledger fields of a goal: its deadline (完成时限) and its lead unit (牵头单位).

Both are read only from the goal's own words (deadlines.tsv, lead_units.tsv); when the text is silent they stay
null, never guessed from the theme.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from functools import cache

import regex

from extractor import _compiled, numerals
from extractor import models as M
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
            _compiled.compile(r["pattern"]),
            int(r["month"]) if r["month"] else None,
            r["precision"],
            int(r["after"] or 0),
        )
        for r in table("deadlines.tsv")
    )


# A deadline phrase ends at most this many characters after its trigger's start (2025年9月30日前: 11).
TRIGGER_WINDOW = 16


@cache
def _triggers() -> regex.Pattern[str]:
    # These plain words are found far faster than the rows' patterns: most goals name no trigger, and the rows are
    # tried only in a short window before each one. Rows share triggers: each is in the alternation once (a repeat
    # never matches where the first did not), and regex scans that a third faster than the standard engine.
    return _compiled.compile("|".join(dict.fromkeys(f"(?:{r['trigger']})" for r in table("deadlines.tsv"))))


@cache
def _any_deadline() -> regex.Pattern[str]:
    return _compiled.compile("|".join(f"(?:{r['pattern']})" for r in table("deadlines.tsv")))


@cache
def _lead_patterns() -> tuple[_compiled.Pattern, ...]:
    return tuple(_compiled.compile_plain(r["value"]) for r in table("lead_units.tsv") if r["kind"] == "pattern")


@cache
def _unit_suffixes() -> tuple[str, ...]:
    return tuple(sorted((r["value"] for r in table("lead_units.tsv") if r["kind"] == "suffix"), key=len, reverse=True))


@cache
def _lead_cue() -> re.Pattern[str]:
    return _compiled.compile_re("|".join(re.escape(r["value"]) for r in table("lead_units.tsv") if r["kind"] == "cue"))


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
    pos = s
    for hit in _triggers().finditer(view, s, e):
        if hit.start() < pos:
            continue
        m = _any_deadline().search(view, max(pos, hit.start() - TRIGGER_WINDOW), min(e, hit.end() + 2))
        if m is None:
            continue
        # The row is the first one that reads the phrase where the alternation found it.
        for row in _deadlines():
            rm = row.pattern.match(view, m.start(), e)
            if rm is not None:
                found = _date(rm, row, planned)
                if found is not None:
                    return M.Deadline(date=found, raw=text[rm.start() : rm.end()], span=M.span_of(rm.start(), rm.end()))
                break
        pos = m.end()
    return None


def _date(m: regex.Match[str], row: _Deadline, planned: int | None) -> str | None:
    groups = m.groupdict()
    year = _number(groups.get("y"))
    if year is not None and planned is not None and year < planned - 1:
        return None  # 于2016年推行: history
    if year is None:
        if planned is None:
            return None
        n = _number(groups.get("n"))
        year = planned + (n - 1 if n else row.after)
    month = _number(groups.get("m")) or row.month
    day = _number(groups.get("d"))
    if row.precision == "day" and month and day and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if row.precision in ("month", "day") and month and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}"
    if row.precision == "year":
        return f"{year:04d}"
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
            return M.LeadUnit(name=text[s + us : s + ue], span=M.span_of(s + us, s + ue))
    return None
