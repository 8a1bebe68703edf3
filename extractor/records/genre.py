"""What kind of document a report is (meta.genre), from its title and its structure.

The title's cues (genres.tsv) decide first; the parts found by the headings, and a plan paragraph inside a review
(下一步…), settle what the title leaves open: a 工作总结 that also plans is a summary_plan.
"""

from __future__ import annotations

from functools import cache

import regex

from extractor import _compiled
from extractor._data import table
from extractor.segment import Segments

GENRES = ("work_report", "summary_plan", "summary", "plan", "policy_address", "other")


@cache
def _cues() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return tuple((r["genre"], _compiled.compile(r["cue"])) for r in table("genres.tsv") if r["genre"] in GENRES)


@cache
def _cue_of(kind: str) -> regex.Pattern[str]:
    return _compiled.compile("|".join(f"(?:{r['cue']})" for r in table("genres.tsv") if r["genre"] == kind))


def from_title(compact_title: str) -> str | None:
    """The genre a title names (spaces removed, simplified), or None."""
    if not compact_title:
        return None
    return next((g for g, pat in _cues() if pat.search(compact_title)), None)


def classify(compact_title: str, view: str, segments: Segments, plan_paragraph: bool = False) -> str:
    """The genre of a document: its title's, corrected by its parts; its parts' alone when the title names none."""
    kinds = {p.kind for p in segments.parts}
    has_review = "review" in kinds
    has_plan = "plan" in kinds or plan_paragraph
    titled = from_title(compact_title)
    if titled == "summary" and has_plan:
        return "summary_plan"
    if titled == "plan" and has_review:
        return "summary_plan"  # a 工作计划 that opens with what was done reviews as well
    if titled is not None:
        return titled
    review = next((p for p in segments.parts if p.kind == "review"), None)
    summary = (
        review is not None
        and review.heading is not None
        and _cue_of("summary_heading").search(view[review.heading.start : review.heading.end]) is not None
        and _cue_of("address").search(view) is None
    )
    if has_review and has_plan:
        return "summary_plan" if summary else "work_report"
    if has_plan and not has_review:
        return "plan"
    if has_review and summary:
        return "summary"
    return "other"
