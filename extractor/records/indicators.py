"""Indicators: quantities in the review part that measure something, with name, year, period, change and rank.

For each quantity the clause before it is read backwards: a change verb right before the number makes it a
change (比2018年增长5.1%); otherwise the words before it (or, for counted things, the noun after it: 603名初中
毕业生) name it. A change without a name of its own belongs to the level just before it in the sentence.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex

from extractor import _compiled, wraps
from extractor._data import alternation, any_of, column, table
from extractor.figure_lists import list_joiners
from extractor.han import is_han
from extractor.normalize import simplified
from extractor.quantities import QMatch
from extractor.quantity_lexicon import lexicon as quantity_lexicon
from extractor.records.changes import ChangeInfo, read_change
from extractor.records.indicator_ids import MAX_NAME, canonical, growth_ids
from extractor.segment import CharIndex, Segments, Span

CLAUSE_BREAK = "，,；;。：:！？!?\n\r"
MAX_AFTER_NAME = 12

_YEAR = _compiled.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")


@dataclass(frozen=True)
class _Lex:
    verbs: dict[str, str]
    verbs_longest_first: tuple[str, ...]
    short_verbs: dict[str, str]
    fillers: tuple[str, ...]
    bases: tuple[str, ...]
    leading: _compiled.Pattern
    trailing: _compiled.Pattern
    # The trailing words by first character, when all are plain words (None when one is a pattern): a run of them
    # before a name's end is then found from the end, in time proportional to the run (see _trailing_start).
    trailing_words: dict[str, tuple[str, ...]] | None
    trailing_longest: int
    periods: tuple[tuple[str, regex.Pattern[str]], ...]
    ranks: tuple[tuple[str, _compiled.Pattern], ...]
    rank_cues: tuple[str, ...]
    other_subject_rank: regex.Pattern[str]  # ranks.tsv other_subject: the rank phrase has a subject of its own
    contractions: tuple[tuple[str, tuple[str, ...]], ...]
    after_stops: _compiled.Pattern
    topic_end: _compiled.Pattern
    respectively: str
    not_bases: tuple[str, ...]
    # The estimate words (预计, 初步预计): a figure after one in its sentence is an estimate.
    estimate: _compiled.Pattern


def _affix_pattern(words: tuple[str, ...], at_start: bool) -> _compiled.Pattern:
    alts = []
    for w in sorted(words, key=len, reverse=True):
        alts.append(w[:-1] if w.endswith("*") else regex.escape(w))
    body = "|".join(alts)
    # Matched at a name's ends, once or more per figure: the standard engine where it reads the words alike.
    return _compiled.compile_plain(rf"^(?:{body})+" if at_start else rf"(?:{body})+$")


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]] | None:
    if any(w.endswith("*") for w in words):
        return None
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


@cache
def lexicon() -> _Lex:
    rows = table("changes.tsv")
    # Estimate, source and comparability words (预计, 据统计, 按可比价) are never part of a name, at either end.
    hedges = tuple(
        w for kind in ("estimate", "source", "comparable") for w in column("name_affixes.tsv", "word", position=kind)
    )
    trailing = column("name_affixes.tsv", "word", position="trailing") + hedges
    return _Lex(
        verbs={r["word"]: r["direction"] for r in rows if r["kind"] == "verb"},
        verbs_longest_first=tuple(sorted((r["word"] for r in rows if r["kind"] == "verb"), key=len, reverse=True)),
        short_verbs={r["word"]: r["direction"] for r in rows if r["kind"] == "short_verb"},
        fillers=tuple(sorted((r["word"] for r in rows if r["kind"] == "filler"), key=len, reverse=True)),
        bases=tuple(sorted((r["word"] for r in rows if r["kind"] == "base"), key=len, reverse=True)),
        leading=_affix_pattern(column("name_affixes.tsv", "word", position="leading") + hedges, True),
        trailing=_affix_pattern(trailing, False),
        trailing_words=_by_first(trailing),
        trailing_longest=max((len(w) for w in trailing), default=0),
        periods=tuple((r["kind"], _compiled.compile(r["pattern"])) for r in table("periods.tsv")),
        ranks=tuple(
            (r["kind"], _compiled.compile_plain(r["pattern"]))
            for r in table("ranks.tsv")
            if r["kind"] in ("position", "first", "top")
        ),
        other_subject_rank=_compiled.compile(
            "|".join(r["pattern"] for r in table("ranks.tsv") if r["kind"] == "other_subject") or "(?!)"
        ),
        rank_cues=tuple(r["pattern"] for r in table("ranks.tsv") if r["kind"] == "cue"),
        contractions=tuple(
            (r["short"], tuple(r["expanded"].split("|")))
            for r in sorted(table("contractions.tsv"), key=lambda r: -len(r["short"]))
        ),
        after_stops=_compiled.compile_plain("|".join(regex.escape(w) for w in column("name_stops.tsv", "word"))),
        topic_end=_compiled.compile_plain(
            "|".join(regex.escape(w) for w in column("name_affixes.tsv", "word", position="topic_end"))
        ),
        respectively=next(r["word"] for r in rows if r["kind"] == "respectively"),
        not_bases=tuple(r["word"] for r in rows if r["kind"] == "not_base"),
        estimate=_compiled.compile_plain(alternation(column("name_affixes.tsv", "word", position="estimate"))),
    )


@dataclass(slots=True)
class Mention:
    """A quantity read in its clause: as a level (with a name) or as a change."""

    q: QMatch
    sentence: tuple[int, int]
    clause_start: int
    name: str | None = None
    name_start: int | None = None
    change: ChangeInfo | None = None
    after_name: bool = False
    name_end: int = 0
    year: int | None = None
    period: str | None = None
    period_kind: str | None = None
    # No list until one is attached: a list made for every figure cost more than the rest of its Mention.
    attached: list[Mention] | tuple[()] = ()
    owner: Mention | None = None
    qualifier: str | None = None  # a target's bound shared from the list it is in (7%和8%左右)
    topic_start: int = 0  # where the clause before this one starts (the topic may be there)
    respectively: bool = False  # 分别 stands in the clause before the figure
    estimated: bool = False  # an estimate word (预计) stands before the figure in its sentence

    def attach(self, change: Mention) -> None:
        """Make ``change`` a change of this level."""
        if isinstance(self.attached, tuple):
            self.attached = [change]
        else:
            self.attached.append(change)
        change.owner = self


def _clause_start(breaks: CharIndex, pos: int, floor: int) -> int:
    """Where the clause holding ``pos`` starts: after the last clause break before it, not before ``floor``."""
    if pos <= floor:
        return pos
    b = breaks.last_before(pos, floor)
    return floor if b is None else b + 1


def clean_name(view: str, start: int, end: int, lex: _Lex | None = None) -> tuple[int, int]:
    """Trim time, scope and light verbs from both ends of a name; spans stay in the text."""
    if start >= end:
        return start, end  # nothing to trim (a figure right after the last one)
    lex = lex or lexicon()
    # The end of an aside opened before the clause is no part of a name: 2650.6亿元（不含定州，下同）、增长9%.
    seg = view[start:end]
    for o, c in (("(", ")"), ("（", "）")):
        k = seg.rfind(c)
        if k >= 0 and o not in seg[:k]:
            start, seg = start + k + 1, seg[k + 1 :]
    for _ in range(6):
        while start < end and view[start] in " \t":
            start += 1
        while end > start and view[end - 1] in " \t":
            end -= 1
        seg = view[start:end]
        m = lex.leading.match(seg)
        if m and m.end() > 0:
            start += m.end()
            continue
        t = _trailing_start(view, start, end, lex)
        if t is not None and not view.endswith(quantity_lexicon().not_pre, start, end):
            end = t  # but 项目签约 keeps its 约: an approximation word only where it is no word's end
            continue
        break
    while start < end and view[start] in " \t\"“”'‘’(（)）、,，":
        start += 1
    while end > start and view[end - 1] in " \t\"“”'‘’(（、,，":
        end -= 1
    # An unclosed bracket at the end belongs to an aside: 示范高中(县一、二、五中) is named 示范高中.
    seg = view[start:end]
    for o, c in (("(", ")"), ("（", "）")):
        if seg.endswith(c) and o in seg:
            cut = seg.rfind(o)
            if cut > 0:
                end = start + cut
    if end - start > MAX_NAME:
        # A long list of items: keep whole items from the end (…、城乡大病医疗救助等资金).
        cut = view.find("、", end - MAX_NAME, end)
        start = cut + 1 if cut >= 0 else end - MAX_NAME
    return start, end


def _clean_name_across(
    view: str, start: int, end: int, lex: _Lex, through: list[Span], through_starts: list[int]
) -> tuple[int, int]:
    """clean_name read with the regions read across (pinyin ruby) left out: its words and its length are those of
    the name, and it starts and ends on the name's own characters; the span keeps the ruby inside it."""
    compact = wraps.compacted(view, start, end, through, through_starts, spaces=False) if through else None
    if compact is None:
        return clean_name(view, start, end, lex)
    s, where = compact
    cs, ce = clean_name(s, 0, len(s), lex)
    return (where[cs], where[ce - 1] + 1) if ce > cs else (end, end)


def _trailing_start(view: str, start: int, end: int, lex: _Lex) -> int | None:
    """Where ``lex.trailing`` ((?:word|…)+$) matches in view[start:end], or None.

    The search tries every position of the name and, at each, runs through the words after it: a name of
    的的…的 took quadratic time. The earliest position from which the rest is a run of words is the same, found
    walking back from the end; it stops once no word can reach a position already known to start a run.
    """
    words = lex.trailing_words
    if words is None:
        m = lex.trailing.search(view, start, end)
        return m.start() if m and m.end() > m.start() else None
    best = None
    # $ also matches before a final newline.
    for stop in (end, end - 1) if end > start and view[end - 1] == "\n" else (end,):
        ok = {stop}
        p = stop - 1
        gap = 0
        while p >= start and gap < lex.trailing_longest:
            if any(p + len(w) in ok for w in words.get(view[p], ()) if view.startswith(w, p, stop)):
                ok.add(p)
                best = p if best is None else min(best, p)
                gap = 0
            else:
                gap += 1
            p -= 1
    return best


def _after_name(view: str, q: QMatch, limit: int, lex: _Lex) -> tuple[int, int] | None:
    """The counted noun after a count unit: 18个大网格, 603名初中毕业生参加中考 -> 初中毕业生."""
    s = q.end
    e = s
    while e < limit and e - s < MAX_AFTER_NAME * 2 and view[e] not in CLAUSE_BREAK and not view[e].isdigit():
        e += 1
    seg = view[s:e]
    if not seg or not (is_han(seg[0])):
        return None
    de = seg.rfind("的")
    if de >= 0 and de + 1 < len(seg):
        s += de + 1  # 2-3个有实力、前景好的龙头企业: the noun follows the last 的
        seg = view[s:e]
    elif de >= 0:
        e = s + de  # 20个国家和地区的(419家企业)
        seg = view[s:e]
    m = lex.after_stops.search(seg)
    if m:
        e = s + m.start()
    cut = view.find("、", s, e)
    if cut >= 0:
        e = cut
    if e - s > MAX_AFTER_NAME:
        e = s + MAX_AFTER_NAME
    if e - s < 1:
        return None
    return s, e


def _topic(view: str, sentence_start: int, clause_start: int, prev_start: int) -> tuple[int, int] | None:
    """The subject of an earlier clause of the sentence: 结对帮扶干部由县、镇、村干部组成,共有353名.
    ``prev_start`` is where that clause starts."""
    if clause_start <= sentence_start:
        return None
    seg = view[prev_start : clause_start - 1]
    m = lexicon().topic_end.search(seg)
    if not m or m.start() < 2:
        return None
    return prev_start, prev_start + m.start()


class _Sentence:
    """The years and periods one sentence names, found once: every figure of the sentence looks back through it
    for the last of them, and a long sentence of many figures made that quadratic.

    The last match ending at or before a figure is what a search of the text before the figure finds: the
    patterns look at nothing beyond their match, and a figure never starts inside a year or a period."""

    def __init__(self, view: str, start: int, end: int, lex: _Lex) -> None:
        self.span = (start, end)
        self._span_start = start
        seg = view[start:end]
        bases = _one_char_bases(lex.bases)
        years = [m for m in _YEAR.finditer(seg) if not (m.start() and seg[m.start() - 1] in bases)]
        self.year_ends = [start + m.end() for m in years]
        self.years = [int(m.group(1)) for m in years]
        est = lex.estimate.search(seg)
        self.estimate_end = start + est.end() if est else None
        self.periods = []  # the kinds the sentence names, in periods.tsv's order
        self.named = bool(self.years) or est is not None  # whether any figure of it has a year, period or estimate
        if _any_period().search(seg) is None:
            return  # most sentences name no period: one look rules every kind out
        for kind, pat in lex.periods:
            found = list(pat.finditer(seg))
            if found:
                self.periods.append((kind, [start + m.end() for m in found], found))
        self.named = self.named or bool(self.periods)

    def estimated(self, pos: int) -> bool:
        """Whether an estimate word (预计) stands before ``pos`` in the sentence."""
        return self.estimate_end is not None and self.estimate_end <= pos

    def year(self, pos: int) -> int | None:
        """The last year named before ``pos`` that is not a comparison base (比2018年, 较2018年)."""
        i = bisect.bisect_right(self.year_ends, pos) - 1
        return self.years[i] if i >= 0 else None

    def period(self, pos: int) -> tuple[str, str] | None:
        """The period named last before ``pos`` (of two starting alike, the first kind in periods.tsv), unless a
        year is named after it: 五年来年均增长17.9%，2011年达到286亿元 gives 286亿元 to 2011 alone."""
        best = None
        for kind, ends, found in self.periods:
            i = bisect.bisect_right(ends, pos) - 1
            if i >= 0 and (best is None or found[i].start() > best[2]):
                best = (kind, found[i].group(), found[i].start())
        if best is None:
            return None
        y = bisect.bisect_right(self.year_ends, pos) - 1
        if y >= 0 and self.year_ends[y] - self._span_start > best[2] + len(best[1]):
            return None
        return best[0], best[1]


@cache
def _any_period() -> regex.Pattern[str]:
    return any_of([pat.pattern for _, pat in lexicon().periods])


@cache
def _one_char_bases(bases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(b for b in bases if len(b) == 1)


def read_mentions(text: str, view: str, segments: Segments, qs: list[QMatch]) -> list[Mention]:
    """Every quantity read in context: its clause, change words, name, year and period."""
    lex = lexicon()
    respectively = lex.respectively
    out: list[Mention] = []
    prev: Mention | None = None
    # Pinyin ruby is read across: it sets no floor, and change words run over it (增長(zhǎng)5.8%).
    noise = segments.solid_noise_index()
    through = segments.through_noise()
    through_starts = segments.through_starts()
    clause_breaks = segments.char_index(view, CLAUSE_BREAK)
    # The figures come in text order, so the last clause break and the last noise region before a figure are
    # found by walking on from the figure before, not by a search for each (a dense text has a figure every two
    # characters). The first figure searches, as does one that starts before the figure before it (never, from
    # quantities.find): the goals read one sentence at a time, and a walk from the text's start would cross every
    # sentence before it.
    breaks, noise_starts, noise_spans = clause_breaks.positions, noise.starts, noise.spans
    n_breaks, n_noise = len(breaks), len(noise_starts)
    bi = ni = 0  # breaks[:bi] and noise_starts[:ni] stand before the current figure
    last_start = len(view) + 1
    context: _Sentence | None = None
    joiners = list_joiners()
    sent = None
    sentence = (0, 0)
    s0 = s1 = 0
    for q in qs:
        qstart = q.start
        if sent is None or not sent.start <= qstart < sent.end:  # a dense sentence is looked up once
            sent = segments.sentence_at(qstart)
            if sent.end > sent.start:
                s0, s1 = sentence = sent.start, sent.end
        if sent.end <= sent.start:
            s0, s1 = sentence = qstart, q.end
        if qstart < last_start:
            bi, ni = bisect.bisect_left(breaks, qstart), bisect.bisect_left(noise_starts, qstart)
        last_start = qstart
        while bi < n_breaks and breaks[bi] < qstart:
            bi += 1
        while ni < n_noise and noise_starts[ni] < qstart:
            ni += 1
        # Where the clause holding the figure starts: after the last clause break before it, not before s0.
        if qstart <= s0:
            cstart = qstart
        else:
            b = breaks[bi - 1] if bi else -1
            cstart = b + 1 if b >= s0 else s0
        m = Mention(q, sentence, cstart)
        p = prev if prev is not None and prev.sentence == sentence else None  # the figure before, in this sentence
        if p is not None and p.clause_start == cstart:
            m.topic_start = p.topic_start  # the clause before this one is the previous figure's too
            # Only the text since the last figure of the clause is new: an occurrence may start one character
            # before that figure.
            since = max(cstart, p.q.start - len(respectively) + 1)
            m.respectively = p.respectively or view.find(respectively, since, qstart) >= 0
        else:
            m.topic_start = _clause_start(clause_breaks, cstart - 1, s0) if cstart > s0 else cstart
            m.respectively = view.find(respectively, cstart, qstart) >= 0
        floor = cstart
        if p is not None and p.q.end >= cstart:
            floor = max(cstart, p.q.end, p.name_end if p.after_name else 0)
        # A name never reaches back into noise: 关键词2完成财政总收入 is named 财政总收入.
        if ni:
            region_end = noise_spans[ni - 1].end
            if region_end > floor:
                floor = min(region_end, qstart)
        m.change = change = read_change(view, floor, qstart, lex, through, through_starts) if floor < qstart else None
        if change is None and p is not None and p.change is not None and view[p.q.end : qstart].strip() in joiners:
            # 分别增长6.5%、9.4%: the second figure continues the first one's change.
            c = p.change
            m.change = change = ChangeInfo(c.direction, c.base, c.base_year, qstart)
        name_end = change.verb_start if change else qstart
        # No words before the figure (5%5%, 301户611人): no name of its own.
        if name_end > floor:
            ns, ne = _clean_name_across(view, floor, name_end, lex, through, through_starts)
            if ne > ns:
                m.name_start = ns
                m.name = text[ns:ne]
                joined = with_verb(view, m)
                if joined is not None:
                    m.name = text[joined[0] : joined[1]]  # 经济增长6%左右: the growth of GDP
        after = _after_name(view, q, s1, lex) if change is None and q.kind == "count" else None
        if after:
            # A count right before a noun counts that noun (603名初中毕业生); at the end of a clause it counts
            # what the clause named before it (关闭无证养殖场17家).
            m.name_start, m.name, m.after_name = after[0], text[after[0] : after[1]], True
            m.name_end = after[1]
        elif change is None and p is not None and p.q.end == qstart and p.change is None and p.name:
            m.name, m.name_start = p.name, p.name_start  # 建档立卡贫困户301户611人
            m.after_name, m.name_end = p.after_name, p.name_end
        if context is None or context.span != sentence:
            context = _Sentence(view, s0, s1, lex)
        if context.named:  # most sentences of a dense text name no year, period or estimate
            m.year = context.year(qstart)
            m.estimated = context.estimated(qstart)
            per = context.period(qstart)
            if per:
                m.period_kind, m.period = per
        out.append(m)
        prev = m
    # 884户2598人贫困户: figures written back to back count the noun after the last of them.
    for i in range(len(out) - 1, 0, -1):
        cur, before = out[i], out[i - 1]
        if cur.after_name and before.q.end == cur.q.start and before.change is None and not before.after_name:
            before.name, before.name_start = cur.name, cur.name_start
            before.after_name, before.name_end = True, cur.name_end
    return out


def link(mentions: list[Mention], view: str, text: str) -> None:
    """Give nameless figures a name and attach changes to the level they describe."""
    topics: dict[tuple[int, int], tuple[int, int] | None] = {}  # the figures of one clause share its topic
    for i, m in enumerate(mentions):
        if m.change is not None:
            continue
        if m.name is None:
            prev = mentions[i - 1] if i else None
            if prev is not None and prev.sentence == m.sentence and prev.name:
                # 帮助对象达346户,879人; 地区生产总值增长7.5%,达到309亿元
                m.name, m.name_start = prev.name, prev.name_start
            else:
                key = (m.sentence[0], m.clause_start)
                if key not in topics:
                    t = _topic(view, m.sentence[0], m.clause_start, m.topic_start)
                    topics[key] = clean_name(view, *t) if t else None
                found = topics[key]
                if found and found[1] > found[0]:
                    ts, te = found
                    m.name_start, m.name = ts, text[ts:te]
    # A change without its own name belongs to the latest level in the sentence that has none yet. ``levels``
    # holds the sentence's named levels without a change so far, in order: attaching takes them from the end.
    levels: list[Mention] = []
    sentence: tuple[int, int] | None = None
    group_end = 0
    for i, m in enumerate(mentions):
        if m.sentence != sentence:
            sentence, levels = m.sentence, []
        if m.change is None:
            if m.name:
                levels.append(m)
            continue
        if m.name is not None:
            continue
        # The group: this change and the nameless changes right after it in its clause. Every member's group ends
        # where the first one's does, so it is found once.
        if i >= group_end:
            group_end = i + 1
            while (
                group_end < len(mentions)
                and mentions[group_end].change is not None
                and mentions[group_end].name is None
                and mentions[group_end].sentence == m.sentence
                and mentions[group_end].clause_start == m.clause_start
            ):
                group_end += 1
        if m.owner is not None:
            continue  # its whole group was attached with an earlier member
        k = group_end - i
        if k > 1 and len(levels) >= k:
            for g, p in zip(mentions[i:group_end], levels[-k:], strict=True):
                p.attach(g)
            del levels[-k:]
        elif levels:
            p = levels.pop()
            p.attach(m)


def distribute(mentions: list[Mention], view: str, text: str) -> None:
    """分别: a list of subjects (城乡居民, A、B和C) shares out the figures that follow it, in order."""
    lex = lexicon()
    joiners = list_joiners()
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if m.name is None or m.name_start is None or m.after_name:
            i += 1
            continue
        run = [m]
        j = i + 1
        while (
            j < len(mentions)
            and mentions[j].sentence == m.sentence
            and view[run[-1].q.end : mentions[j].q.start].strip() in joiners
            and (mentions[j].change is None) == (m.change is None)
        ):
            run.append(mentions[j])
            j += 1
        if len(run) > 1 and m.respectively:
            names = _split_subjects(m.name and simplified(m.name), len(run), lex)
            for r, nm in zip(run, names, strict=False):
                r.name = nm
                r.name_start = m.name_start
        elif len(run) > 1:
            for r in run[1:]:
                if r.name is None:
                    r.name, r.name_start = m.name, m.name_start
        i = j if len(run) > 1 else i + 1


def _split_subjects(name: str | None, k: int, lex: _Lex) -> list[str | None]:
    if not name:
        return [None] * k
    for short, expanded in lex.contractions:
        if short in name and len(expanded) == k:
            return [name.replace(short, e, 1) for e in expanded]
    parts = _LIST_SPLIT.split(name)
    if len(parts) == k and all(parts):
        # 一般公共预算收入、税收收入 / 进口和出口总额: a shared tail goes to every item.
        return parts
    return [name] * k


_LIST_SPLIT = _compiled.compile(r"[、和及与]")


def with_verb(view: str, m: Mention) -> tuple[int, int] | None:
    """The span of a name and its change verb when only together they name a growth indicator of the lexicon
    (经济 + 增长 -> 经济增长, the growth of GDP) and the name alone names nothing, else None."""
    c = m.change
    if c is None or c.verb is None or c.base is not None or m.name_start is None or m.name is None:
        return None
    if m.name_start + len(m.name) != c.verb[0]:
        return None  # words stand between the name and the verb
    if canonical(simplified(view[m.name_start : c.verb[0]])) is not None:
        return None  # 地区生产总值增长7%: the name is the indicator, the verb its change
    cid = canonical(simplified(view[m.name_start : c.verb[1]]))  # 全市经济增长 too
    return (m.name_start, c.verb[1]) if cid is not None and cid in growth_ids() else None
