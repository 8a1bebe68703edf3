"""The metadata check: does a report's text say the region and the year its dataset row (or manifest line) claims?

Researchers' datasets carry their own labels (区县名称, 年份), and some rows hold another place's report: two
"易县" rows holding 米易县's, five "唐县" rows holding 高唐县's. The extractor reads the region and the years from
the text itself; this module compares the two and says where they differ, never guessing:

- the region matches up to its suffix and script (清苑 = 清苑区 = 清苑縣, 香港 = 香港特別行政區), a leading part of
  its path (保定市清苑区) and the ethnic name of an autonomous division (峨边 = 峨边彝族自治县); 易县 is not 米易县,
  because names are compared whole, never as substrings;
- the year is the year the report is given in. A government work report (政府工作报告) is given early in the year
  it plans, so a 2019 report reviews 2018, plans 2019 and must be claimed as 2019. Other genres are given at the
  end of the year they review or early in the next one (a 2019 工作总结 is written in December 2019 or January
  2020), so either is accepted.

A difference is a warning with code ``meta_check`` naming the claimed and the found values; a claim the text
gives no evidence for is a warning ``meta_check_no_evidence``; a claim that is no region or year at all is a
warning ``meta_check_claim``. An empty claim is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from extractor import models as M
from extractor._data import table

CHECKED = ("region", "year")
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


@dataclass(frozen=True)
class Finding:
    """The warnings of one document's check, and whether any of them is a mismatch."""

    warnings: tuple[M.Warning, ...]

    @property
    def mismatches(self) -> tuple[M.Warning, ...]:
        return tuple(w for w in self.warnings if w.code == "meta_check")

    @property
    def unchecked(self) -> tuple[M.Warning, ...]:
        return tuple(w for w in self.warnings if w.code != "meta_check")


def check(meta: M.Meta, claims: Mapping[str, str | None]) -> Finding:
    """Compare ``claims`` (``region``, ``year``: a cell's text) with what the text says in ``meta``."""
    out: list[M.Warning] = []
    region = (claims.get("region") or "").strip()
    if region:
        out += _check_region(region, meta)
    year = (claims.get("year") or "").strip()
    if year:
        out += _check_year(year, meta)
    return Finding(tuple(out))


# ---------------------------------------------------------------------------------------------------- region


@cache
def _governments() -> dict[str, str]:
    """Names of governments and their regions (国务院 -> 中华人民共和国), from admin_levels.tsv."""
    return {r["suffix"]: r["region"] for r in table("admin_levels.tsv") if r.get("region")}


@cache
def _national() -> frozenset[str]:
    """Names that stand for the whole country (全国, 中华人民共和国), from admin_levels.tsv."""
    return frozenset(r["suffix"] for r in table("admin_levels.tsv") if r["level"] == "national")


def _stem(name: str) -> str:
    from extractor.gazetteer import stem

    return stem(name)


def _autonomous_short(name: str) -> str | None:
    from extractor.gazetteer import autonomous_place

    return autonomous_place(name)


def _forms(name: str) -> set[str]:
    """The names a region goes by: as written, without its suffix, and an autonomous division's short name."""
    out = {name, _stem(name)}
    short = _autonomous_short(name)
    if short:
        out |= {short, short + name[-1]}  # 湘西 and 湘西州, 峨边 and 峨边县
    return out


def same_region(claimed: str, meta: M.Meta) -> bool:
    """Whether ``claimed`` names the region the text is about (``meta.region_simplified``)."""
    from extractor.normalize import simplified

    found = meta.region_simplified or ""
    c = "".join(simplified(claimed).split())
    c = _governments().get(c, c)
    if meta.admin_level == "national" and c in _national():
        return True
    # a claim that spells out the path (保定市清苑区) names the region by its last part
    for parent in meta.admin_path:
        if parent == found:
            continue
        for form in sorted({parent, _stem(parent)}, key=len, reverse=True):
            if c.startswith(form) and len(c) > len(form):
                c = c[len(form) :]
                break
    return bool(_forms(c) & _forms(found))


def _found_region(meta: M.Meta) -> str:
    path = [p for p in meta.admin_path if p != meta.region_simplified]
    where = f" ({' '.join(path)})" if path else ""
    return f"{meta.region}{where}"


def _check_region(claimed: str, meta: M.Meta) -> list[M.Warning]:
    if not meta.region_simplified:
        return [
            M.Warning(
                code="meta_check_no_evidence",
                message=f"claimed region {claimed}: the text names no region it is about, so it was not checked",
            )
        ]
    if same_region(claimed, meta):
        return []
    return [
        M.Warning(
            code="meta_check",
            message=f"claimed region {claimed}, but the text is about {_found_region(meta)}",
        )
    ]


# ---------------------------------------------------------------------------------------------------- year


def claimed_year(value: str) -> int | None:
    """The year in a claim's cell: 2019, 2019年, 2019.0 read as text, 2019-03-01; None when it holds none."""
    m = _YEAR.search(value)
    return int(m.group()) if m else None


def report_years(meta: M.Meta) -> set[int]:
    """The years a report may be claimed as, by what its text says: the year planned for a work report (the year
    it is given in), else the year reviewed or the one after it, and the year planned or the one before it."""
    r, p = meta.year_reviewed, meta.year_planned
    if meta.genre == "work_report" and p is not None:
        return {p}
    out: set[int] = set()
    if r is not None:
        out |= {r, r + 1}
    if p is not None:
        out |= {p - 1, p}
    return out


def _found_years(meta: M.Meta) -> str:
    r, p = meta.year_reviewed, meta.year_planned
    said = [f"reviews {r}" if r is not None else "", f"plans {p}" if p is not None else ""]
    return " and ".join(s for s in said if s)


def _check_year(claimed: str, meta: M.Meta) -> list[M.Warning]:
    year = claimed_year(claimed)
    if year is None:
        return [M.Warning(code="meta_check_claim", message=f"claimed year {claimed!r} holds no year; not checked")]
    years = report_years(meta)
    if not years:
        return [
            M.Warning(
                code="meta_check_no_evidence",
                message=f"claimed year {year}: the text gives no year it reviews or plans, so it was not checked",
            )
        ]
    if year in years:
        return []
    return [M.Warning(code="meta_check", message=f"claimed year {year}, but the text {_found_years(meta)}")]
