"""Sentences that commit where no heading says so.

A policy address, a speech or a township summary often has no plan heading: what will be done stands beside what
was done. In the text no heading names (a policy address is all of it) each clause is labelled by its own markers
(sentence_kinds.tsv): the last committing, achieved or estimate marker in it decides, and a clause without one takes
its neighbour's label. Runs of committing clauses, and the plan paragraphs of that text and of a review part
(下一步…, to the end of their line), are returned as plan pieces: the goal reader reads them exactly as it reads a
plan part. Where a document has a plan heading none of this runs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

import regex

from extractor import _compiled
from extractor._data import table
from extractor.segment import INLINE_SPACES, YEAR, Part, Segments, Span, SpanIndex

CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
# Parts that may hold a plan paragraph (下一步…): a problems part or an appendix never does.
OPEN_PARTS = ("preamble", "review")
# Parts read sentence by sentence: only text no heading names; a review heading says what its part is.
UNNAMED_PARTS = ("preamble",)
# Genres whose every sentence is read for commitments; the others only have plan paragraphs (下一步…).
SENTENCE_GENRES = ("policy_address", "other", "work_report")
# A sentence ending so announces (：) or continues (；) a list whose items share its label.
LIST_OPENERS = ":：;；"


@dataclass(frozen=True)
class _Kinds:
    committing: regex.Pattern[str]
    done: regex.Pattern[str]
    estimate: regex.Pattern[str]
    current: regex.Pattern[str]
    paragraph: regex.Pattern[str]
    plan_cue: regex.Pattern[str]
    review_cue: regex.Pattern[str]
    marked: regex.Pattern[str]  # any committing, done or estimate marker, or a year: what a label is read from


@cache
def kinds() -> _Kinds:
    rows = table("sentence_kinds.tsv")

    def pat(*ks: str) -> regex.Pattern[str]:
        return _compiled.compile("|".join(f"(?:{r['pattern']})" for r in rows if r["kind"] in ks))

    return _Kinds(
        committing=pat("committing"),
        done=pat("achieved"),
        estimate=pat("estimate"),
        current=pat("current"),
        paragraph=pat("paragraph"),
        plan_cue=pat("plan_cue"),
        review_cue=pat("review_cue"),
        marked=_compiled.compile(f"{pat('committing', 'achieved', 'estimate').pattern}|{YEAR.pattern}"),
    )


def _clauses(view: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    for m in CLAUSE_SPLIT.finditer(view, s, e):
        if m.start() > pos:
            out.append((pos, m.end()))
        pos = m.end()
    if pos < e:
        out.append((pos, e))
    return out


def _label(
    view: str, s: int, e: int, k: _Kinds, planned: int | None, reviewed: int | None, current: bool
) -> str | None:
    """commit, done or None, by the last marker of the clause; a clause without one may name a year. An estimate
    (预计) is done in a sentence about the current year, else the expected result of a commitment."""
    last_c = last_d = -1
    for m in k.committing.finditer(view, s, e):
        last_c = m.start()
    for m in k.done.finditer(view, s, e):
        last_d = m.start()
    for m in k.estimate.finditer(view, s, e):
        if current:
            last_d = max(last_d, m.start())
        else:
            last_c = max(last_c, m.start())
    if last_c >= 0 or last_d >= 0:
        return "commit" if last_c > last_d else "done"
    years = [int(m.group(1)) for m in YEAR.finditer(view, s, e)]
    if years and planned is not None and min(years) >= planned:
        return "commit"
    if years and reviewed is not None and max(years) < reviewed:
        return "done"
    return None


def committing_spans(
    view: str, s: int, e: int, planned: int | None = None, reviewed: int | None = None, default: str | None = None
) -> tuple[list[tuple[int, int]], str | None]:
    """The runs of committing clauses of one sentence [s, e), and the sentence's last label. ``default`` labels a
    sentence without any marker (an item of a list takes its list's label)."""
    k = kinds()
    clauses = _clauses(view, s, e)
    if k.marked.search(view, s, e) is None:
        # No marker and no year in the whole sentence, so none in any clause: each takes the default (below).
        labels: list[str | None] = [None] * len(clauses)
    else:
        current = k.current.search(view, s, e) is not None
        labels = [_label(view, cs, ce, k, planned, reviewed, current) for cs, ce in clauses]
    first = next((lb for lb in labels if lb is not None), default)
    prev = first
    for i, lb in enumerate(labels):
        if lb is None:
            labels[i] = prev
        prev = labels[i]
    out: list[tuple[int, int]] = []
    for (cs, ce), lb in zip(clauses, labels, strict=True):
        if lb != "commit":
            continue
        if out and out[-1][1] == cs:
            out[-1] = (out[-1][0], ce)
        else:
            out.append((cs, ce))
    return out, (labels[-1] if labels else None)


def _paragraphs(view: str, segments: Segments, parts: list[Part], planned: int | None) -> list[tuple[int, int]]:
    """Plan paragraphs (下一步…, 2020年，我镇将…) of the open parts: from the cue sentence to its line's end, or to its
    part's end when the line ends with a colon (the plan follows as a list)."""
    out: list[tuple[int, int]] = []
    lines = segments.lines
    ends = [ln.end for ln in lines]
    for part in parts:
        # Only the part's own lines: a walk over every line for every part was quadratic in a text of headings.
        for k in range(bisect.bisect_right(ends, part.start), len(lines)):
            ln = lines[k]
            if ln.start >= part.end:
                break
            if ln.end <= part.start or (out and ln.start < out[-1][1]):
                continue
            start = _sentence_cue(view, segments, ln.start, ln.end, planned)
            if start is None:
                continue
            end = part.end if view[ln.start : ln.end].rstrip().endswith((":", "：")) else ln.end
            out.append((start, min(end, part.end)))
    return out


def _sentence_cue(view: str, segments: Segments, s: int, e: int, planned: int | None) -> int | None:
    """The start of the first sentence of the line [s, e) that opens a plan paragraph, or None: it opens with a
    paragraph cue (下一步), or with the planned year and commits (2020年，我镇将…)."""
    k = kinds()
    i = max(0, segments.sentence_index(s))
    while i < len(segments.sentences) and segments.sentences[i].start < e:
        sent = segments.sentences[i]
        if sent.start >= s:
            body = view[sent.start : sent.end]
            stripped = body.lstrip(INLINE_SPACES)
            at = sent.start + len(body) - len(stripped)
            if k.paragraph.match(stripped):
                return at
            year = YEAR.match(stripped)
            if year and planned is not None and int(year.group(1)) == planned and k.committing.search(stripped):
                return at
        i += 1
    return None


def paragraphs(view: str, segments: Segments, planned: int | None = None) -> list[tuple[int, int]]:
    """The plan paragraphs of a document without a plan part (none when it has one)."""
    if any(p.kind == "plan" for p in segments.parts):
        return []
    return _paragraphs(view, segments, [p for p in segments.parts if p.kind in OPEN_PARTS], planned)


def plan_pieces(
    view: str,
    segments: Segments,
    genre: str,
    paragraphs: list[tuple[int, int]],
    planned: int | None,
    reviewed: int | None,
) -> list[Part]:
    """Plan pieces of a document without a plan part: its plan paragraphs and, in a genre read sentence by sentence
    (a policy address, a speech), the committing clauses of its other sentences. A review-only summary has none."""
    if genre == "summary" or any(p.kind == "plan" for p in segments.parts):
        return []
    spans = list(paragraphs)
    if genre in SENTENCE_GENRES:
        # The paragraphs are in order and apart: a bisect finds the one a sentence may be in, where a look
        # through every paragraph for every sentence was quadratic in an address of many plan paragraphs.
        inside = SpanIndex([Span(a, b) for a, b in paragraphs])
        list_label: str | None = None  # the label of the list the next sentence may be an item of
        for sent in segments.sentences:
            part = segments.part_at(sent.start)
            if part is None or part.kind not in UNNAMED_PARTS or segments.noise_at(sent.start):
                list_label = None
                continue
            if inside.at(sent.start) is not None:
                continue
            found, label = committing_spans(view, sent.start, sent.end, planned, reviewed, list_label)
            spans.extend(found)
            closing = view[sent.start : sent.end].rstrip()[-1:]
            list_label = (label or list_label) if closing in LIST_OPENERS else None
    spans.sort()
    return [Part("plan", a, b, None) for a, b in spans]


def status_pieces(
    view: str,
    segments: Segments,
    genre: str,
    pieces: list[Part],
    planned: int | None,
    reviewed: int | None,
) -> list[Part]:
    """The plan pieces a project's status is read in: ``pieces`` and, in text no heading names, the sentences after
    a lead-in that announces the plan (2026年将重点做好以下几方面工作：, 针对2026年重点任务) up to one that turns back
    to the review (过去一年, 一年来): a sentence there without a marker of its own continues the plan (启动东湖大道
    建设). Goals keep to the sentences that commit themselves: a figure read as a target where it was an
    achievement is a wrong number, where a status read in the wrong part only says planned for started."""
    if genre not in SENTENCE_GENRES or any(p.kind == "plan" for p in segments.parts):
        return pieces
    k = kinds()
    spans = [(p.start, p.end) for p in pieces]
    state: str | None = None
    for sent in segments.sentences:
        part = segments.part_at(sent.start)
        if part is None or part.kind not in UNNAMED_PARTS or segments.noise_at(sent.start):
            continue
        if k.review_cue.search(view, sent.start, sent.end):
            state = None
        elif k.plan_cue.search(view, sent.start, sent.end) and not k.done.search(view, sent.start, sent.end):
            state = "commit"
        if state is not None:
            found, _ = committing_spans(view, sent.start, sent.end, planned, reviewed, state)
            spans.extend(found)
    spans.sort()
    return [Part("plan", a, b, None) for a, b in spans]
