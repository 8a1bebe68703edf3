"""Goals and targets: the commitments of the plan part.

A goal is a sentence (or enumerated item) of the plan part with a commitment word; a clause inside it with an
item marker (一是, （二）, 1.), a figure or a binding word (确保, 力争) starts a goal of its own, and the other
clauses continue the goal before them. The
main-targets sentence (主要预期目标是：…) is read clause by clause until its paragraph ends: every clause is
a target, numeric or qualitative. Figures inside a goal become targets, named the way indicators are.
"""

from __future__ import annotations

import bisect
import re  # the standard engine is several times faster on these plain word lists
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import regex

from extractor import _compiled, numerals
from extractor import models as M
from extractor._data import alternation, table
from extractor.figure_lists import list_joiners
from extractor.normalize import simplified
from extractor.quantities import QMatch
from extractor.records import indicator_ids, ranks, tasks
from extractor.records import indicators as ind
from extractor.segment import YEAR, Heading, Part, Segments, Span, SpanIndex, heading_markers

CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
# A clause this long is no qualitative target: it is prose.
MAX_QUALITATIVE = 40
# A figure without a subject takes one from at most this many characters of its goal before it.
SUBJECT_WINDOW = 200
_TRIM = ' \t\u3000，,；;：:。！？!?、"“”'


@dataclass(frozen=True)
class _Lex:
    commit: re.Pattern[str]
    strength: dict[str, str]
    strength_re: re.Pattern[str]
    targets: tuple[regex.Pattern[str], ...]
    target_words: re.Pattern[str]
    average: re.Pattern[str]
    marker: re.Pattern[str]
    year: re.Pattern[str]
    precondition: regex.Pattern[str]
    list_tail: regex.Pattern[str]
    explanation: regex.Pattern[str]
    qualifier: dict[str, str]


@cache
def lexicon() -> _Lex:
    rows = table("commitments.tsv")
    words = sorted((r["word"] for r in rows), key=len, reverse=True)
    cues = table("goal_cues.tsv")

    def pat(kind: str) -> str:
        return "|".join(f"(?:{r['pattern']})" for r in cues if r["kind"] == kind)

    return _Lex(
        commit=_compiled.compile_re(alternation(words)),
        strength={r["word"]: r["strength"] for r in rows if r["strength"]},
        strength_re=_compiled.compile_re(
            "|".join(re.escape(w) for w in words if any(r["word"] == w and r["strength"] for r in rows))
        ),
        targets=tuple(_compiled.compile(r["pattern"]) for r in cues if r["kind"] == "targets"),
        target_words=_compiled.compile_re("|".join(re.escape(r["pattern"]) for r in cues if r["kind"] == "word")),
        average=_compiled.compile_re(pat("average")),
        marker=_compiled.compile_re(pat("marker")),
        year=_compiled.compile_re(pat("year")),
        precondition=_compiled.compile(pat("precondition")),
        list_tail=_compiled.compile(pat("list_tail")),
        explanation=_compiled.compile(pat("explanation")),
        qualifier={r["approx"]: r["qualifier"] for r in table("qualifiers.tsv")},
    )


@dataclass
class _Goal:
    start: int
    end: int
    sentence: tuple[int, int]
    part: Part
    main_targets: bool = False
    clauses: list[tuple[int, int]] = field(default_factory=list)


def _clauses(view: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for piece in CLAUSE_SPLIT.split(view[start:end]):
        # str.strip runs in C; a clause's offsets follow from the lengths it strips.
        core = piece.strip(_TRIM)
        if core:
            a = s + len(piece) - len(piece.lstrip(_TRIM))
            out.append((a, a + len(core)))
        s += len(piece) + 1  # every separator is one character
    return out


def _trim(view: str, s: int, e: int) -> tuple[int, int]:
    seg = view[s:e]
    core = seg.strip(_TRIM)
    if not core:
        return e, e
    a = s + len(seg) - len(seg.lstrip(_TRIM))
    return a, a + len(core)


def find_goals(view: str, segments: Segments, qs: list[QMatch], pieces: list[Part] | None = None) -> list[_Goal]:
    """Goal spans in the plan parts, in order; ``pieces`` are plan pieces outside them (committing sentences of a
    document without a plan heading), read the same way."""
    lex = lexicon()
    q_starts = sorted(q.start for q in qs)
    headings = SpanIndex(segments.headings)
    noise = segments.noise_index()
    line_starts = [ln.start for ln in segments.lines]
    explaining: dict[int, bool] = {}

    def has_figure(s: int, e: int) -> bool:
        i = bisect.bisect_left(q_starts, s)
        return i < len(q_starts) and q_starts[i] < e

    def explains(pos: int) -> bool:
        i = bisect.bisect_right(line_starts, pos) - 1
        if i < 0:
            return False
        if i not in explaining:
            explaining[i] = _line_explains(view, segments.lines[i], lex)
        return explaining[i]

    goals: list[_Goal] = []
    sent_starts = [x.start for x in segments.sentences]
    parts = segments.parts if not pieces else sorted([*segments.parts, *pieces], key=lambda p: p.start)
    for part in parts:
        if part.kind != "plan":
            continue
        main_until = -1
        first = max(0, bisect.bisect_right(sent_starts, part.start) - 1)
        last = bisect.bisect_left(sent_starts, part.end)
        for sent in segments.sentences[first:last]:
            if sent.end <= part.start or sent.start >= part.end or noise.at(sent.start) is not None:
                continue
            s, e = _trim(view, max(sent.start, part.start), min(sent.end, part.end))
            if e <= s or headings.contains(s, e):
                continue
            if explains(s):
                continue  # 提出上述预期目标，…: the paragraph after the targets explains them, it sets none
            cue = None
            if lex.target_words.search(view, s, e):  # a cheap test before the cue patterns
                sview = view[s:e]
                cue = next((m for p in lex.targets if (m := p.search(sview))), None)
            if cue is not None and s >= main_until:
                # The main targets run from the cue to the end of its paragraph ...
                li = bisect.bisect_right(line_starts, s) - 1
                main_until = segments.lines[li].end if li >= 0 and s < segments.lines[li].end + 1 else e
                s = s + cue.end()
            elif s < main_until and lex.explanation.match(view, s, e):
                main_until = s  # ... or to a sentence that explains them (实现上述目标，必须…)
            # Most sentences touch no heading, no noise and no binding word: those clauses skip the look-ups.
            near_heading = headings.overlaps(s, e)
            near_noise = noise.overlaps(s, e)
            binding = lex.strength_re.search(view, s, e) is not None
            figures = has_figure(s, e)
            current: _Goal | None = None
            for cs, ce in _clauses(view, s, e):
                if (near_heading and headings.contains(cs, ce)) or (near_noise and noise.at(cs) is not None):
                    continue
                marker = lex.marker.match(view, cs, ce)
                if marker:
                    cs, ce = _trim(view, marker.end(), ce)
                    if ce <= cs:
                        continue
                main = cs < main_until
                # A sentence (or item) is one goal; a figure, an item marker or a binding word (确保, 力争) inside
                # it starts another: 引进2-3个龙头企业，扶持培育20个家庭农场 are two commitments.
                splits = (
                    main
                    or bool(marker)
                    or (figures and has_figure(cs, ce))
                    or (binding and lex.strength_re.search(view, cs, ce) is not None)
                )
                if splits or (current is None and lex.commit.search(view, cs, ce) is not None):
                    current = _Goal(cs, ce, (sent.start, sent.end), part, main, [(cs, ce)])
                    goals.append(current)
                elif current is not None:
                    current.end = ce
                    current.clauses.append((cs, ce))
    return goals


def _line_explains(view: str, ln: Span, lex: _Lex) -> bool:
    start = ln.start
    while start < ln.end and view[start] in " \t":
        start += 1
    return lex.explanation.match(view, start, ln.end) is not None


def _qualifier(q: QMatch, lex: _Lex) -> str:
    if q.high is not None or q.base_high is not None:
        return "range"
    return lex.qualifier.get(q.approx or "", "exact")


def _qualifier_raw(text: str, view: str, q: QMatch) -> str | None:
    if q.core_start == q.start and q.end == q.unit_end:
        return None  # most figures: no word before or after them
    words = []
    if q.core_start > q.start:
        # The sign stands right before the numeral (控制在-1%以内, 约负0.5%): it is part of the value, not a word.
        before = view[q.start : q.core_start].rstrip("".join(numerals.tables().signs))
        words.append(text[q.start : q.start + len(before)])
    if q.end > q.unit_end:
        words.append(text[q.unit_end : q.end])
    words = [w for w in words if w]
    return "…".join(words) or None


@cache
def _growth_endings() -> tuple[str, ...]:
    """What a subject measured in % ends with when the % is its growth (增速, 增长): joined once, not per target."""
    return (*indicator_ids.measure_words("growth_suffix"), *indicator_ids.measure_words("growth_word"))


def _measure(name_s: str | None, q: QMatch, is_change: bool) -> str:
    if q.base_unit == "个百分点":
        return "change_pp"
    if is_change:
        return "growth"
    if q.base_unit == "%" and name_s and name_s.endswith(_growth_endings()):
        return "growth"
    if q.base_unit == "%" and name_s and name_s.endswith(indicator_ids.measure_words("share_suffix")):
        return "share"
    return "level"


def _subject(text: str, view: str, s: int, e: int) -> str | None:
    cs, ce = ind.clean_name(view, s, e)
    return text[cs:ce] if ce > cs else None


@dataclass(frozen=True)
class _Makers:
    goal: Callable[[dict[str, object]], M.Goal]
    target: Callable[[dict[str, object]], M.Target]
    span: Callable[[dict[str, object]], M.Span]


def build_goals(
    text: str,
    view: str,
    segments: Segments,
    qs: list[QMatch],
    year_planned: int | None,
    quantity_model: Callable[[QMatch], M.Quantity],
    pieces: list[Part] | None = None,
) -> list[M.Goal]:
    lex = lexicon()
    goals = find_goals(view, segments, qs, pieces)
    out: list[M.Goal] = []
    # One record per goal and per figure, made from its typed fields (M.builder); the makers are asked for once.
    makers = _Makers(M.builder(M.Goal), M.builder(M.Target), M.builder(M.Span))
    starts = [q.start for q in qs]
    themes: dict[int, tuple[list[int], list[Heading]]] = {}
    part_years: dict[int, int | None] = {}
    # Figures are read per sentence, so that a clause can borrow its subject from the clause before it
    # (地区生产总值增长7.5%，达到309亿元) and 分别 can reach across clauses.
    read: dict[tuple[int, int], dict[int, ind.Mention]] = {}
    sentence_span = makers.span({"start": 0, "end": 0})
    sentence = (0, 0)
    first_strength: re.Match[str] | None = None
    for i, g in enumerate(goals):
        if sentence != g.sentence:
            sentence = g.sentence
            sentence_span = makers.span({"start": g.sentence[0], "end": g.sentence[1]})  # shared by its goals
            first_strength = lex.strength_re.search(view, g.sentence[0], g.sentence[1])
        lo = bisect.bisect_left(starts, g.start)
        hi = bisect.bisect_left(starts, g.end, lo)
        if lo < hi:
            if g.sentence not in read:
                slo, shi = bisect.bisect_left(starts, g.sentence[0]), bisect.bisect_left(starts, g.sentence[1])
                read[g.sentence] = {m.q.start: m for m in _read(text, view, segments, qs[slo:shi])}
            in_sentence = read[g.sentence]
            mentions = [in_sentence[q.start] for q in qs[lo:hi] if q.start in in_sentence]
            targets = _targets(text, view, g, mentions, lex, quantity_model, makers)
        elif g.main_targets or ranks.may_rank(view, g.start, g.end):
            targets = _targets(text, view, g, [], lex, quantity_model, makers)
        else:
            targets = []  # most goals: no figure, no rank, no qualitative target
        # The first binding word of the sentence up to the goal's end. The sentence's first one is it when it ends
        # in time; else the answer starts at it or later (a shorter word there, or none): one short search, not one
        # from the sentence start per goal.
        sm = first_strength
        if sm is not None and sm.end() > g.end:
            sm = lex.strength_re.search(view, sm.start(), g.end)
        strength = lex.strength[sm.group()] if sm else None
        year_m = lex.year.search(view, g.start, g.end)
        if year_m:
            year = int(year_m.group(1))
        else:
            if id(g.part) not in part_years:
                part_years[id(g.part)] = _part_year(view, g.part) or year_planned
            year = part_years[id(g.part)]
        # Most goals have no target with a value: the search for an average word is then not needed.
        average = any(t.value is not None for t in targets) and lex.average.search(view, g.start, g.end) is not None
        kind = "plan_average" if average else "target" if targets else "task"
        end = max([g.end, *[t.span.end for t in targets]])
        tail = _sentence_tail(goals, i, g)
        out.append(
            makers.goal(
                {
                    "text": text[g.start : end],
                    "span": makers.span({"start": g.start, "end": end}),
                    "sentence": sentence_span,
                    "year": year,
                    "theme": _theme(text, view, g, themes),
                    "kind": kind,
                    "strength": strength,
                    "deadline": tasks.deadline(text, view, g.start, end, year_planned),
                    "lead_unit": tasks.lead_unit(text, view, g.start, tail),
                    "targets": targets,
                }
            )
        )
    _inherit_subjects(out)
    return out


def _sentence_tail(goals: list[_Goal], i: int, g: _Goal) -> int:
    """Where a goal's lead unit may stand: to its sentence's end when no other goal of the sentence follows it
    (6月底前完成…工程，由县交通运输局牵头: the unit closes the sentence)."""
    nxt = goals[i + 1] if i + 1 < len(goals) else None
    if nxt is not None and nxt.sentence == g.sentence:
        return g.end
    return max(g.end, g.sentence[1])


def _inherit_subjects(goals: list[M.Goal]) -> None:
    """固定资产投资扭转下滑态势，实现正增长: a target without a subject takes the last one of its sentence."""
    last: M.Target | None = None
    sentence: tuple[int, int] | None = None
    for g in goals:
        key = (g.sentence.start, g.sentence.end)
        if key != sentence:
            last, sentence = None, key
        for t in g.targets:
            if t.subject is None and last is not None and last.subject:
                t.subject, t.subject_simplified = last.subject, last.subject_simplified
                t.canonical = t.canonical or last.canonical
            if t.subject:
                last = t


def _part_year(view: str, part: Part) -> int | None:
    if part.heading is None:
        return None
    m = YEAR.search(view, part.heading.start, part.heading.end)
    return int(m.group(1)) if m else None


def _heading_text(text: str, view: str, h: Heading) -> str | None:
    s, e = h.start, h.end
    seg = view[s:e]
    for pat in heading_markers():
        m = pat.match(seg)
        if m:
            s += m.end()
            break
    while s < e and view[s] in " \t":
        s += 1
    while e > s and view[e - 1] in " \t。.:：;；,，":
        e -= 1  # a heading's closing quote stays: 建设"田园洪山"
    return text[s:e] or None


def _theme(text: str, view: str, g: _Goal, cache: dict[int, tuple[list[int], list[Heading]]]) -> str | None:
    """The heading the goal sits under: the last sub-heading of its part before it."""
    key = id(g.part)
    if key not in cache:
        hs = [h for h in g.part.headings if h is not g.part.heading]
        cache[key] = ([h.start for h in hs], hs)
    starts, hs = cache[key]
    i = bisect.bisect_left(starts, g.start)
    if not i:
        return None
    h = hs[i - 1]
    if not hasattr(h, "theme"):
        h.theme = _heading_text(text, view, h)  # type: ignore[attr-defined]
    return h.theme  # type: ignore[attr-defined]


def _read(text: str, view: str, segments: Segments, qs: list[QMatch]) -> list[ind.Mention]:
    mentions = ind.read_mentions(text, view, segments, qs)
    ind.link(mentions, view, text)
    ind.distribute(mentions, view, text)
    _share_qualifiers(mentions, view)
    return mentions


def _targets(
    text: str,
    view: str,
    g: _Goal,
    mentions: list[ind.Mention],
    lex: _Lex,
    quantity_model: Callable[[QMatch], M.Quantity],
    makers: _Makers,
) -> list[M.Target]:
    out: list[M.Target] = []
    make, make_span = makers.target, makers.span
    since = g.start  # where the words after the goal's last figure start
    for m in mentions:
        q = m.q
        name = m.name if m.name is not None else (m.owner.name if m.owner is not None else None)
        if name is None:
            # A figure without a subject: the goal's own words before it say what it is, back to its figure before
            # (the words before that one are that one's) and at most SUBJECT_WINDOW of them.
            end = m.change.verb_start if m.change else q.start
            begin = max(since, end - SUBJECT_WINDOW)
            name = _subject(text, view, begin, end) if end > begin else None
        since = max(since, q.end)
        name_s = simplified(name) if name else None
        s = min(q.start, m.name_start if m.name_start is not None and m.name_start >= g.start else q.start)
        value = quantity_model(q)
        out.append(
            make(
                {
                    "subject": name,
                    "subject_simplified": name_s,
                    "canonical": indicator_ids.canonical(name_s) if name_s else None,
                    "value": value,
                    "measure": _measure(name_s, q, m.change is not None),
                    "qualifier": m.qualifier or _qualifier(q, lex),
                    "qualifier_raw": _qualifier_raw(text, view, q),
                    "rank": None,
                    "text": text[s : q.end],
                    # A target that is its figure alone shares the figure's Span model.
                    "span": value.span if s == q.start else make_span({"start": s, "end": q.end}),
                }
            )
        )
    # Only the main targets hold qualitative targets, and a rank needs a cue word somewhere in the goal.
    if g.main_targets or ranks.may_rank(view, g.start, g.end):
        covered = [m.q.start for m in mentions]  # in text order
        for cs, ce in g.clauses:
            i = bisect.bisect_left(covered, cs)
            if i < len(covered) and covered[i] < ce:
                continue
            r = _rank(text, view, cs, ce)
            if r is not None:
                out.append(r)
            elif g.main_targets and ce - cs <= MAX_QUALITATIVE and not lex.precondition.search(view, cs, ce):
                out.extend(_qualitative(text, view, cs, ce, out[-1].subject if out else None))
    out.sort(key=lambda t: t.span.start)
    return out


def _qualitative(text: str, view: str, cs: int, ce: int, previous: str | None) -> list[M.Target]:
    """Targets without a number (居民收入增长和经济增长同步); a list of subjects before the verb gives one each
    (城镇登记失业率、节能减排、安全生产等约束性指标完成…目标)."""
    vs = _verb_start(view, cs, ce)
    whole = indicator_ids.canonical(view[cs:ce])  # 居民收入增长和经济增长同步 is itself a lexicon entry
    subjects: list[tuple[int, int] | None] = []
    head = view[cs:vs]
    if "、" in head:
        end = cs + len(lexicon().list_tail.sub("", head))
        p = cs
        for part in view[cs:end].split("、"):
            subjects.append((p, p + len(part)))
            p += len(part) + 1
    else:
        subjects.append(None)
    out = []
    for sub in subjects:
        lead = indicator_ids.leading_name(view, cs, ce) if sub is None else None
        subj = text[lead[0] : lead[1]] if lead else _subject(text, view, *(sub or (cs, vs)))
        if subj is None:
            subj = previous  # 固定资产投资扭转下滑态势，实现正增长: the clause before names it
        out.append(
            M.Target(
                subject=subj,
                subject_simplified=simplified(subj) if subj else None,
                canonical=(whole if sub is None else None)
                or (indicator_ids.canonical(simplified(subj)) if subj else None),
                value=None,
                measure="growth"
                if any(w in view[cs:ce] for w in indicator_ids.measure_words("growth_word"))
                else "level",
                qualifier=None,
                text=text[cs:ce],
                span=M.span_of(cs, ce),
            )
        )
    return out


def _verb_start(view: str, s: int, e: int) -> int:
    m = lexicon().commit.search(view, s, e)
    return m.start() if m else s


def _rank(text: str, view: str, s: int, e: int) -> M.Target | None:
    """进入全县前列, 列全市第一: a target without a number."""

    for m, pos in ranks.rank_phrases(view, s, e):
        subj = _subject(text, view, s, m.start())
        rank = M.Rank(
            scope=text[m.start("scope") : m.end("scope")],
            position=pos,
            raw=text[m.start() : m.end()],
            span=M.span_of(m.start(), m.end()),
        )
        return M.Target(
            subject=subj,
            subject_simplified=simplified(subj) if subj else None,
            measure="rank",
            rank=rank,
            text=text[s:e],
            span=M.span_of(s, e),
        )
    return None


def _share_qualifiers(mentions: list[ind.Mention], view: str) -> None:
    """分别增长7%和8%左右, 35万亩、15万吨左右: the approximation word after the last figure of a list bounds all of
    them. Figures of different units are one list only when no clause break stands between them: in
    企业2家，30%以上 the bound is the second clause's own."""
    lex = lexicon()
    joiners = list_joiners()
    run: list[ind.Mention] = []
    for m in [*mentions, None]:
        if m is not None and run:
            joiner = view[run[-1].q.end : m.q.start].strip()
            same_unit = run[-1].q.base_unit == m.q.base_unit
            if joiner in joiners and (same_unit or not CLAUSE_SPLIT.search(joiner)):
                run.append(m)
                continue
        if len(run) > 1 and run[-1].q.approx and not any(r.q.approx for r in run[:-1]):
            qual = lex.qualifier.get(run[-1].q.approx, "exact")
            for r in run[:-1]:
                if r.q.high is None:
                    r.qualifier = qual
        run = [m] if m is not None else []
