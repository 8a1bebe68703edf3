"""Projects: named works with their status, money, sizes, places, key-project level and how they were recognised.

Names come from ``project_names`` (a works head, a works verb in the clause, a list closed by 等…项目). The status
is the state the project's own clause gives it: the first status word after the name in its clause (济东高速、
寿平铁路开工建设), else the last one before it there (建成新六路), else the first one in the rest of the sentence
before the next project (新修C35水泥路17.793公里，现已全部完工). In the plan part these words mean what
``in_plan_*`` rows say (开工 is planned, 建成 a work under way is in_progress); a plan's project with none is planned.
Money right before a name (投资5642万元的…) or after it (…总投资X) is its investment; the places of a list's
clause are shared by its items.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from extractor import _compiled
from extractor import models as M
from extractor._data import alternation, table
from extractor.figure_lists import list_joiners
from extractor.quantities import QMatch
from extractor.records import SpanModels
from extractor.records.indicators import CLAUSE_BREAK as IND_BREAK
from extractor.records.project_lexicon import lexicon as name_lexicon
from extractor.records.project_names import CLAUSE_BREAK, Cand, find_names
from extractor.segment import CharIndex, Segments

# What may stand between the names of one list (A、B和C): the list joiners, but no clause break.
_JOINERS = frozenset(["", *(w for w in list_joiners() if w not in CLAUSE_BREAK)])
STATUS_WINDOW = 40  # how far after a name (or before it) its own status words stand
MAX_CLAUSE = 200  # a clause is read this far either side of a name: run-on text stays linear
_MONEY_GAP = 12  # characters between money and a name after it (投资2.1亿元的晨旭汽车零部件项目)


@dataclass(frozen=True)
class _Lex:
    money_cues: tuple[str, ...]
    not_yet: tuple[str, ...]
    not_yet_len: int
    levels: tuple[tuple[str, _compiled.Pattern], ...]
    categories: tuple[tuple[str, str], ...]
    category_re: re.Pattern[str]
    place: regex.Pattern[str]
    place_at: re.Pattern[str]
    place_openers: frozenset[str]  # 为, 在: a one-character word a place name may follow
    # First characters of the place endings: a window without any of them holds no place.
    place_hint: re.Pattern[str]
    status_re: re.Pattern[str]
    status_of: dict[str, str]
    in_part: dict[tuple[str, str], str]  # (part, word class) -> status
    before_only: frozenset[str]
    adverbs: frozenset[str]  # 加快 in 加快筹建: the pace, not the stage; the word after it says the stage
    weak_in_progress: re.Pattern[str]  # 完成投资6.1亿元: under way, when no status word says more
    part_before: re.Pattern[str]  # 主体工程 (全面): a part of the work right before a completion word
    part_after: re.Pattern[str]  # 主体结构 right after one (完成主体结构)
    part_reach: int
    part_last: frozenset[str]  # the characters a part_before match ends with (a part or a gap word's last)
    part_first: frozenset[str]  # the characters a part_after match starts with


def _is_sector(kind: str) -> bool:
    """category_<sector> rows name a project's sector; category_head rows are heads (项目, 工程), no sector."""
    return kind.startswith("category_") and kind != "category_head"


@cache
def lexicon() -> _Lex:
    rows = table("projects.tsv")

    def words(kind: str) -> list[str]:
        return [r["word"] for r in rows if r["kind"] == kind]

    openers = "".join(regex.escape(w) for w in words("place_opener"))
    places = "|".join(regex.escape(w) for w in sorted(words("place"), key=len, reverse=True))
    status = [(r["kind"].removeprefix("status_"), r["word"]) for r in rows if r["kind"].startswith("status_")]
    # status_none phrases (计划总投资) are matched too, so that the status word inside them is not read.
    place_body = rf"[\u4e00-\u9fff]{{2,3}}(?:{places})(?:[\u4e00-\u9fff]{{1,4}}?组)?"
    return _Lex(
        money_cues=tuple(words("money_cue")),
        not_yet=tuple(words("not_yet")),
        not_yet_len=max(len(w) for w in words("not_yet")),
        levels=tuple(
            (r["kind"].removeprefix("level_"), _compiled.compile_plain(r["word"], on_view=True))
            for r in rows
            if r["kind"].startswith("level_")
        ),
        categories=tuple((r["kind"].removeprefix("category_"), r["word"]) for r in rows if _is_sector(r["kind"])),
        # A place name starts after a break or a verb (分别为扬名村庙沙组, 打造龙溪河) and may name a group after it.
        # Any category word, so that one search finds whether a name has one; the first row that matches wins.
        category_re=_compiled.compile_re(
            "|".join(re.escape(r["word"]) for r in rows if _is_sector(r["kind"]) and r["word"])
        ),
        # The ending is looked for first: the look-behind over every verb is tried only where a place ends.
        place=_compiled.compile(
            rf"(?=[\u4e00-\u9fff]{{2,3}}(?:{places}))"
            rf"(?<=[，,、{openers}]|{'|'.join(regex.escape(w) for w in sorted(words('before')) if len(w) > 1)})"
            + place_body
        ),
        # A name may open with its own place or river (孝义河综合整治工程).
        place_at=_compiled.compile_re(rf"[\u4e00-\u9fff]{{2,3}}(?:{places})"),
        place_openers=frozenset(words("place_opener")),
        place_hint=_compiled.compile_re("[" + "".join(sorted({re.escape(w[0]) for w in words("place")})) + "]"),
        # A trie: at one position the longest status word wins.
        status_re=_compiled.compile_re(alternation({w for _, w in status})),
        status_of={w: st for st, w in reversed(sorted(status, key=lambda x: -len(x[1])))},
        before_only=frozenset(words("before_only")),
        adverbs=frozenset(words("pace")),
        weak_in_progress=_compiled.compile_re("|".join(re.escape(w) for w in words("weak_in_progress"))),
        part_before=_compiled.compile_re(f"(?:{alternation(words('work_part'))})(?:{alternation(words('part_gap'))})?$"),
        part_after=_compiled.compile_re(alternation(words("work_part"))),
        part_reach=max(len(w) for w in words("work_part")) + max(len(w) for w in words("part_gap")),
        part_last=frozenset(w[-1] for w in (*words("work_part"), *words("part_gap"))),
        part_first=frozenset(w[0] for w in words("work_part")),
        in_part={
            (part, r["kind"].removeprefix(f"in_{part}_")): r["word"]
            for r in rows
            for part in ("plan", "review")
            if r["kind"].startswith(f"in_{part}_")
        },
    )


class _StatusWords:
    """The status words of each sentence that names a work, read once. The windows of a list's names overlap (each
    name reads the words after it, up to the next names), and each word was read again for every window it is in."""

    def __init__(self, view: str, lex: _Lex) -> None:
        self.view, self.lex = view, lex
        self._read: dict[tuple[int, int], tuple[list[tuple[int, int, str]], list[int]]] = {}
        self._done: dict[tuple[int, int], bool] = {}

    def within(self, s: int, e: int, sentence: tuple[int, int]) -> list[tuple[int, int, str]]:
        """The words in view[s:e] as a search of that window alone finds them: the words of its ``sentence`` that
        start in it, unless a word of the sentence runs over an edge of the window (the window's own search then
        stops short of that word, and may find a shorter one or one starting inside it) or the window leaves it."""
        s0, s1 = sentence
        if s0 <= s and e <= s1:
            read = self._read.get(sentence)
            if read is None:
                found = self._search(s0, s1)
                read = self._read[sentence] = (found, [f[0] for f in found])
            found, starts = read
            a = bisect.bisect_left(starts, s)
            b = bisect.bisect_left(starts, e, a)
            if not ((a and found[a - 1][1] > s) or (b > a and found[b - 1][1] > e)):
                return found[a:b]
        return self._search(s, e)

    def _search(self, s: int, e: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in self.lex.status_re.finditer(self.view, s, e)]

    def part_done(self, i: int, e: int) -> bool:
        done = self._done.get((i, e))
        if done is None:
            done = self._done[(i, e)] = _part_done(self.view, i, e, self.lex)
        return done


def _statuses(
    words: _StatusWords, s: int, e: int, sentence: tuple[int, int], part: str, before: bool = False
) -> list[str]:
    """The statuses that the status words in view[s:e] give in ``part``, in order; a word that a not-yet word
    (即将, 计划) stands before is not reached yet: a start is planned, a completion means the work is under way."""
    view, lex = words.view, words.lex
    out = []
    not_yet_to = -1  # where the run of status words after a not-yet word ends (即将建成投产运营: all not yet)
    for i, end, word in words.within(s, e, sentence):
        st = lex.status_of[word]
        if st == "none" or (st in lex.before_only and not before):
            continue
        if word in lex.adverbs and lex.status_re.match(view, end, e):
            continue  # 加快筹建: the stage word after the pace decides
        if i == not_yet_to or view.endswith(lex.not_yet, max(s, i - lex.not_yet_len), i):
            # 即将开工 has not started; 即将投入使用 is a work nearly done, so under way.
            not_yet_to = end
            out.append("in_progress" if st in ("completed", "operating") else "planned")
        elif st == "completed" and words.part_done(i, end):
            out.append("in_progress")  # 主体工程完工, 完成主体结构: a part done, the work under way
        else:
            out.append(lex.in_part.get(("plan" if part == "plan" else "review", st), st))
    return out


def _part_done(view: str, i: int, e: int, lex: _Lex) -> bool:
    """Whether the completion word view[i:e] is said of a part of the work (主体, 土建) standing right before it
    (a gap word may stand between: 主体基本完工) or right after it. The part may close the name
    (西城污水处理厂主体工程完工)."""
    # Most completion words have no part beside them: one look at the characters around rules both searches out.
    before = i > 0 and view[i - 1] in lex.part_last and lex.part_before.search(view, max(0, i - lex.part_reach), i)
    return bool(before or (e < len(view) and view[e] in lex.part_first and lex.part_after.match(view, e)))


# A project's clause breaks are the figures' (whose index the indicators build first) and a few more, rare ones
# (the tab), found with str.find: an index of its own would read the whole text for a set of characters it mostly
# shares with that one.
_SHARED_BREAKS = IND_BREAK
_OWN_BREAKS = "".join(sorted(set(CLAUSE_BREAK) - set(IND_BREAK)))
if not set(IND_BREAK) <= set(CLAUSE_BREAK):  # the shared index would then end a project's clause too early
    raise RuntimeError("indicators.CLAUSE_BREAK holds a character that project_names.CLAUSE_BREAK lacks")


def _clause(breaks: CharIndex, view: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause around ``pos`` inside the sentence [lo, hi), at most MAX_CLAUSE characters either side; ``breaks``
    indexes the _SHARED_BREAKS of ``view``."""
    lo, hi = max(lo, pos - MAX_CLAUSE), min(hi, pos + MAX_CLAUSE)
    b = breaks.last_before(pos, lo)
    cs = lo if b is None else b + 1
    m = breaks.first_from(pos, hi)
    ce = hi if m is None else m
    for ch in _OWN_BREAKS:
        cs = max(cs, view.rfind(ch, cs, pos) + 1)
        k = view.find(ch, pos, ce)
        ce = ce if k < 0 else k
    return cs, ce


# Events in the order a work passes through them: of several after a name (当年签约当年开工) the latest holds.
_EVENTS = ("signed", "started", "completed", "operating")


def _latest(found: list[str]) -> str | None:
    events = [st for st in found if st in _EVENTS]
    if events:
        return max(events, key=_EVENTS.index)
    return found[0] if found else None


def _status(
    words: _StatusWords, breaks: CharIndex, group: tuple[int, int], nxt: int, sentence: tuple[int, int], part: str
) -> str | None:
    """The status of a project whose list (or the project alone) spans ``group``."""
    view, lex = words.view, words.lex
    group_start, group_end = group
    s0, s1 = sentence
    cs, ce = _clause(breaks, view, group_start, s0, s1)
    # The words right after a name or its list, and the verb right before it, speak of it (开工建设, 建成新六路).
    after = _statuses(words, group_end, min(max(ce, group_end), group_end + STATUS_WINDOW), sentence, part)
    if after:
        return _latest(after)
    before = _statuses(words, max(cs, group_start - STATUS_WINDOW), group_start, sentence, part, before=True)
    if before:
        return before[-1]
    rest = _latest(_statuses(words, max(ce, group_end), max(nxt, ce), sentence, part))
    if rest:
        return rest
    # 加快推进A、B、C…(a long list): the verb at the head of the clause governs its items.
    head = _statuses(words, cs, max(cs, group_start - STATUS_WINDOW), sentence, part, before=True)
    if head:
        return head[0]
    # 重点推进A，B等高快速路: a verb at the head of the sentence governs the clauses after it.
    earlier = _statuses(words, max(s0, cs - MAX_CLAUSE), cs, sentence, part, before=True)
    if earlier:
        return earlier[-1]
    # 当年完成投资6.87亿元: the year's money spent on it says it is under way, when nothing says more.
    return "in_progress" if lex.weak_in_progress.search(view, cs, max(nxt, ce)) else None


def _money_of(view: str, money_end: int, name_start: int) -> bool:
    """Whether money ending at ``money_end`` is the investment of the name at ``name_start``: joined by 的, in
    the same clause and close by (投资2.1亿元的晨旭汽车零部件项目)."""
    gap = view[money_end:name_start] if 0 <= name_start - money_end <= _MONEY_GAP else ""
    return gap.startswith(name_lexicon().link) and not any(ch in CLAUSE_BREAK or ch == "、" for ch in gap)


def _groups(view: str, cands: list[Cand]) -> tuple[list[int], list[int]]:
    """For each name, the indexes of the first and the last name of the list it is in (A、B和C: A and C)."""
    joined = [view[cands[i].end : cands[i + 1].start] in _JOINERS for i in range(len(cands) - 1)]
    first = list(range(len(cands)))
    for i in range(1, len(cands)):
        if joined[i - 1]:
            first[i] = first[i - 1]
    last = list(range(len(cands)))
    for i in range(len(cands) - 2, -1, -1):
        if joined[i]:
            last[i] = last[i + 1]
    return first, last


def build_projects(
    text: str,
    view: str,
    segments: Segments,
    qs: list[QMatch],
    noise_at: Callable[[int], object],
    years: dict[str, int | None],
    quantity_model: Callable[[QMatch], M.Quantity],
    places: frozenset[str] = frozenset(),
    kind_at: Callable[[int], str] | None = None,
) -> list[M.Project]:
    """The projects of a report; ``places`` are the township and village names of its county (the gazetteer's),
    which set where a project's places start; ``kind_at`` gives the part a position reads as (a committing sentence
    outside a plan heading, 今年将开工建设…, reads as plan)."""
    lex = lexicon()
    q_starts = [q.start for q in qs]
    out: list[M.Project] = []
    levels: dict[tuple[int, int], str | None] = {}
    # The items of one list share their status and the places after the list: each is read once per list.
    statuses: dict[tuple[int, int, int, int], str | None] = {}
    tails: dict[tuple[int, int], list[str]] = {}
    words = _StatusWords(view, lex)
    breaks = segments.char_index(view, _SHARED_BREAKS)
    sentences = SpanModels()  # one Span model per sentence, shared by its projects
    make, make_span = M.builder(M.Project), M.builder(M.Span)  # one record per name, from its typed fields
    for part in segments.parts:
        if part.kind not in ("review", "plan", "preamble", "appendix"):
            continue
        cands = find_names(view, part.start, part.end, noise_at)
        first, last = _groups(view, cands)
        for i, c in enumerate(cands):
            sent = segments.sentence_at(c.start)
            s0, s1 = (sent.start, sent.end) if sent.end > sent.start else (c.start, c.end)
            g = cands[last[i]]
            nxt = cands[last[i] + 1].start if last[i] + 1 < len(cands) and cands[last[i] + 1].start < s1 else s1
            own_next = cands[i + 1].start if i + 1 < len(cands) and cands[i + 1].start < s1 else s1
            # The figures after the name belong to it; before the next name they may also sit just before it.
            mine = qs[bisect.bisect_left(q_starts, c.end) : bisect.bisect_left(q_starts, own_next)]
            investment = None
            sizes = []
            # 投资2.1亿元的晨旭汽车零部件项目: money shortly before the name, joined by 的, is its investment ...
            k = bisect.bisect_left(q_starts, c.start) - 1
            if k >= 0 and qs[k].kind == "money" and qs[k].end >= s0 and _money_of(view, qs[k].end, c.start):
                investment = qs[k]
            # ... and money right before the next name belongs to that one.
            mine = [q for q in mine if not (q.kind == "money" and own_next < s1 and _money_of(view, q.end, own_next))]
            for q in mine:
                if q.kind == "money":
                    before = view[max(s0, q.start - 8) : q.start]
                    cue = any(w in before for w in lex.money_cues)
                    if investment is None and (cue or not sizes):
                        investment = q
                elif q.kind in ("measure", "count"):
                    sizes.append(q)
            kind = kind_at(c.start) if kind_at is not None and part.kind != "plan" else part.kind
            key = (cands[first[i]].start, g.end, nxt, s0)
            if key not in statuses:
                statuses[key] = _status(words, breaks, key[:2], nxt, (s0, s1), kind)
            status = statuses[key]
            if kind == "plan" and status is None:
                status = "planned"
            if (s0, s1) not in levels:
                levels[(s0, s1)] = next((lv for lv, pat in lex.levels if pat.search(view, s0, s1)), None)
            name_v = view[c.start : c.end]
            category = (
                next((cat for cat, w in lex.categories if w in name_v), None)
                if lex.category_re.search(name_v)
                else None
            )
            out.append(
                make(
                    {
                        "name": text[c.start : c.end],
                        "span": make_span({"start": c.start, "end": c.end}),
                        "sentence": sentences[(s0, s1)],
                        "evidence": c.evidence,
                        "category": category,
                        "locations": _places(text, view, c, g.end, nxt, lex, places, tails),
                        "quantities": [quantity_model(q) for q in sizes],
                        "investment": quantity_model(investment) if investment else None,
                        "status": status,
                        "level": levels[(s0, s1)],
                        "year": years.get(kind),
                    }
                )
            )
    return out


def _places(
    text: str,
    view: str,
    c: Cand,
    group_end: int,
    nxt: int,
    lex: _Lex,
    known: frozenset[str] = frozenset(),
    tails: dict[tuple[int, int], list[str]] | None = None,
) -> list[str]:
    """The place a name opens with (孝义河综合整治工程) and those in the clause after its list (主要分布在扬名村、
    新境村 is shared by the list). ``known`` are the township and village names of the report's county: a place
    found by its ending starts where such a name does (分别为扬名村庙沙组: 扬名村, not 为扬名村). ``tails`` keeps
    the places after each list, read once for all its items: each item read them again, which was quadratic in a
    long list before a long clause."""
    found = []
    m = lex.place_at.match(view, c.start, c.end)
    if m is not None and not m.group().endswith("组"):
        found.append(text[_place_start(view, m.start(), m.end(), known, lex) : m.end()])
    tail = tails.get((group_end, nxt)) if tails is not None else None
    if tail is None:
        tail = []
        if nxt > group_end and lex.place_hint.search(view, group_end, nxt):
            tail = list(
                dict.fromkeys(
                    text[_place_start(view, m.start(), m.end(), known, lex) : m.end()]
                    for m in lex.place.finditer(view, group_end, nxt)
                )
            )
        if tails is not None:
            tails[(group_end, nxt)] = tail
    return list(dict.fromkeys([*found, *tail]))


# The longest township or village name looked for inside a place found by its ending.
_MAX_KNOWN = 8


def _place_start(view: str, s: int, e: int, known: frozenset[str], lex: _Lex) -> int:
    """Where the place found at view[s:e] starts: at the first gazetteer name inside it; else after a one-character
    word that opens it when a place name of its own follows (为扬名村, but 和平村)."""
    for p in range(s, e - 1) if known else ():
        if any(view[p : p + k] in known for k in range(2, min(_MAX_KNOWN, e - p) + 1)):
            return p
    if view[s] in lex.place_openers and lex.place_at.match(view, s + 1, e):
        return s + 1
    return s
