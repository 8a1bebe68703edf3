"""A report's reviewed and planned years: from its title, its headings, a page date, its review or its body."""

from __future__ import annotations

import contextlib
from functools import cache

import regex

from extractor import _compiled, numerals
from extractor._data import table
from extractor.segment import Segments

_YEAR = _compiled.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
_CN_YEAR = _compiled.compile(r"([一二三四五六七八九〇零○]{4})\s*年")


def years_in(text: str) -> list[int]:
    out = [int(m.group(1)) for m in _YEAR.finditer(text)]
    for m in _CN_YEAR.finditer(text):
        with contextlib.suppress(numerals.NumeralError):
            out.append(int(numerals.parse(m.group(1))[0]))
    return out


@cache
def _year_cues() -> dict[str, tuple[regex.Pattern[str], ...]]:
    out: dict[str, list[regex.Pattern[str]]] = {}
    for r in table("year_cues.tsv"):
        out.setdefault(r["kind"], []).append(_compiled.compile(r["pattern"]))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _page_date() -> regex.Pattern[str]:
    """The page_date rows as one pattern, so that the first date in the head is found whichever row reads it."""
    rows = [p.pattern for p in _year_cues().get("page_date", ())]
    return _compiled.compile(f"(?<![0-9])(?|{'|'.join(rows)})" if rows else "(?!)")


@cache
def _named_cues() -> tuple[tuple[regex.Pattern[str], str], ...]:
    """A year followed by a title cue (2015年工作总结), with the cue's year role: how a report names itself."""
    years = "|".join(p.pattern for p in _year_cues().get("named", ()))
    if not years:
        return ()
    return tuple((_compiled.compile(f"(?:{years})(?:{r['cue']})"), r["year_role"]) for r in table("titles.tsv"))


def _named_in_body(view: str, segments: Segments) -> tuple[int | None, int | None]:
    """The years of a report that names itself in its body (现将2015年工作总结如下), its first such mention outside
    noise (an essay site's 小编为大家整理的2023年乡镇年度工作总结 names the page, not the report)."""
    best: tuple[int, int, str, str] | None = None
    for pat, role in _named_cues():
        m = next((m for m in pat.finditer(view) if not segments.noise_at(m.start())), None)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), int(m.group(1)), role, m.group(0))
    if best is None:
        return None, None
    _, y, role, named = best
    if _part_of_year(named):
        return y, y  # 2025年上半年工作报告: the first half reviewed, the rest of the same year planned
    return (y, y + 1) if role == "reviewed" else (y - 1, y)


def _part_of_year(text: str) -> bool:
    return any(p.search(text) for p in _year_cues().get("part_year", ()))


def _spoken(head: str, part: bool) -> tuple[int, int] | None:
    """The years of a report delivered at a congress on a date (2017年1月9日在乌镇镇第十七届人民代表大会…上): until
    September it reviews the year before and plans its own (townships hold their congress as late as July); on part of
    a year (上半年), it reviews its own so far and plans the rest; late in the year it reviews its own and plans the
    next."""
    for p in _year_cues().get("speech", ()):
        if m := p.search(head):
            y, month = int(m.group(1)), int(m.group(2))
            if part:
                return y, y
            return (y - 1, y) if month <= 9 else (y, y + 1)
    return None


def years(view: str, segments: Segments, title: str, role: str, head: str) -> tuple[int | None, int | None]:
    """The reviewed and planned years, from the strongest evidence there is: two years in the title, the day the report
    was delivered, the years of its review and plan headings, a single year in the title (``role`` is its cue's), the
    page's date, the year its review names most, or where it names itself in the body."""
    reviewed = planned = None
    title_years = years_in(title)
    # A report on part of a year (上半年工作总结, 一、2015年上半年工作回顾) plans the rest of that year, not the next.
    dated = [view[h.start : h.end] for h in segments.headings if h.level <= 1 and h.kind == "review"]
    dated = [t for t in dated if years_in(t)]
    part = _part_of_year(title) or any(_part_of_year(t) for t in dated[:1])
    if len(title_years) >= 2 and title_years[1] == title_years[0] + 1:
        reviewed, planned = title_years[0], title_years[1]
    elif spoken := _spoken(head, part):
        # The day it was delivered outweighs a portal's label (2016年政府工作报告 given on 2017年1月9日).
        reviewed, planned = spoken
    for h in segments.headings:
        if h.level > 1 or h.kind not in ("review", "plan"):
            continue
        ys = sorted(set(years_in(view[h.start : h.end])))
        if not ys:
            continue
        if h.kind == "review" and reviewed is None:
            reviewed = ys[-1]
        elif h.kind == "plan" and planned is None:
            planned = ys[0]
    if reviewed is None and planned is None and title_years:
        reviewed, planned = _from_title(title_years[0], title, role, part, view)
    if reviewed is None and planned is None:
        reviewed, planned = _from_page_date(head, view, part)
    if reviewed is None and planned is None:
        review = [p for p in segments.parts if p.kind == "review"]
        if review:
            ys = [y for y in years_in(view[review[0].start : review[0].end]) if 1949 < y < 2100]
            if ys:
                # The year a review names most often is the year it reviews (the latest, on a tie).
                reviewed = max(set(ys), key=lambda y: (ys.count(y), y))
    if reviewed is None and planned is None:
        reviewed, planned = _named_in_body(view, segments)
    if planned is None and reviewed is not None:
        planned = reviewed if part else reviewed + 1
    if reviewed is None and planned is not None:
        reviewed = planned if part else planned - 1
    return reviewed, planned


def _from_title(y: int, title: str, role: str, part: bool, view: str) -> tuple[int, int]:
    """The years of a title that names one year, ``y``, its first cue's ``role`` unless the year names its own."""
    cues = _year_cues()
    # What the year itself names decides (工作总结暨2022年计划: 2022 is planned), else the title's first cue.
    for kind, year_role in (("plan_year", "planned"), ("review_year", "reviewed")):
        if any(int(m.group(1)) == y for p in cues.get(kind, ()) for m in p.finditer(title)):
            role = year_role
            break
    if part or (role == "reviewed" and any(p.search(title) for p in cues.get("same_year_plan", ()))):
        return y, y  # 上半年工作总结及下半年工作计划: the rest of the same year
    if role != "reviewed" and any(int(m.group(1)) == y for p in cues.get("since", ()) for m in p.finditer(view)):
        return y, y + 1  # 2023年政府工作报告 that tells of 2023年以来: the report on 2023
    return (y, y + 1) if role == "reviewed" else (y - 1, y)


def _from_page_date(head: str, view: str, part: bool) -> tuple[int | None, int | None]:
    """The years a page's date in the first lines gives: a report so far (今年以来) or on part of a year reviews that
    year; any other plans the year of the date, or the next from October."""
    cues = _year_cues()
    # A site's clock (今天是2025年05月13日) is the day the page was read, not the day it was posted.
    for p in cues.get("clock", ()):
        head = p.sub("", head)
    dates = list(_page_date().finditer(head))[:1]
    dates = dates or [m for p in cues.get("meta_date", ()) for m in p.finditer(head)][:1]
    dates = dates or [m for p in cues.get("dated", ()) for m in p.finditer(head)][:1]
    for m in dates:
        y, month = int(m.group(1)), int(m.group(2))
        body_years = [x for x in years_in(view) if 1949 < x < 2100]
        if body_years and max(body_years) < y - 1:
            break  # a page dated years after every year the text names: posted again later, and no evidence
        if part or any(p.search(view) for p in cues.get("so_far", ())):
            return y, None  # 今年以来 on a page dated 2021-04-14 reviews 2021 so far
        return None, y + 1 if month >= 10 else y
    return None, None
