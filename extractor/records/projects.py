"""Projects: named works (…项目, …工程, …管道) with their place, size, money, status and key-project level.

A name ends with a project suffix and reaches back to the nearest clause break, list comma or verb
(实施, 建设, 包括…); names joined by 和 stay one name (水田开发项目和增减挂钩项目). Generic phrases that
name no project (重点项目, 民生工程) are dropped. The rest of the sentence, up to the next name, gives the
project's quantities, investment and status.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from extractor import models as M
from extractor._data import last_chars, table
from extractor.numerals import chinese_chars as numerals_chars
from extractor.quantities import QMatch, _unit_at
from extractor.quantities import lexicon as quantity_lexicon
from extractor.segment import Segments

MAX_NAME = 24
_BREAK = "，,。；;：:、！？!?（）()《》【】\n\r\t "


@dataclass(frozen=True)
class _Lex:
    suffix: regex.Pattern[str]
    generic: frozenset[str]
    generic_end: tuple[str, ...]
    modifiers: tuple[str, ...]
    before_set: frozenset[str]
    before_lengths: tuple[int, ...]
    not_after: tuple[str, ...]
    money_cues: tuple[str, ...]
    not_yet: tuple[str, ...]
    levels: tuple[tuple[str, regex.Pattern[str]], ...]
    categories: tuple[tuple[str, str], ...]
    place: regex.Pattern[str]
    # First or last characters of the word lists: a character outside them rules every word out at once.
    place_hint: re.Pattern[str]
    before_first: frozenset[str]
    not_after_first: frozenset[str]
    status_re: re.Pattern[str]
    status_of: dict[str, str]


@cache
def lexicon() -> _Lex:
    rows = table("projects.tsv")

    def words(kind: str) -> list[str]:
        return [r["word"] for r in rows if r["kind"] == kind]

    from extractor._data import column

    suffixes = sorted(words("suffix"), key=len, reverse=True)
    # Commitment verbs also end the text before a name (推进X工程, 完善X工程).
    before = {*words("before"), *column("commitments.tsv", "word")}
    places = "|".join(regex.escape(w) for w in sorted(words("place"), key=len, reverse=True))
    status = [(r["kind"].removeprefix("status_"), r["word"]) for r in rows if r["kind"].startswith("status_")]
    return _Lex(
        suffix=regex.compile("(?:" + "|".join(regex.escape(w) for w in suffixes) + ")++"),
        generic=frozenset(words("generic")),
        generic_end=tuple(words("generic_end")),
        modifiers=tuple(sorted(words("modifier"), key=len, reverse=True)),
        before_set=frozenset(before),
        before_lengths=tuple(sorted({len(w) for w in before}, reverse=True)),
        not_after=tuple(sorted(words("not_after"), key=len, reverse=True)),
        money_cues=tuple(words("money_cue")),
        not_yet=tuple(words("not_yet")),
        levels=tuple(
            (r["kind"].removeprefix("level_"), regex.compile(r["word"])) for r in rows if r["kind"].startswith("level_")
        ),
        categories=tuple(
            (r["kind"].removeprefix("category_"), r["word"]) for r in rows if r["kind"].startswith("category_")
        ),
        # A place name starts after a break or a verb (分别为扬名村庙沙组, 打造龙溪河) and may name a group after it.
        place=regex.compile(
            rf"(?<=[，,、和及与为在至从的]|{'|'.join(regex.escape(w) for w in sorted(words('before')) if len(w) > 1)})"
            rf"[\u4e00-\u9fff]{{2,3}}(?:{places})(?:[\u4e00-\u9fff]{{1,4}}?组)?"
        ),
        place_hint=re.compile("[" + "".join(sorted({re.escape(w[0]) for w in words("place")})) + "]"),
        before_first=frozenset(w[0] for w in before),
        not_after_first=frozenset(w[0] for w in words("not_after")),
        # Longest first, so that at one position the longest status word wins.
        status_re=re.compile("|".join(re.escape(w) for _, w in sorted(status, key=lambda x: -len(x[1])))),
        status_of={w: st for st, w in reversed(sorted(status, key=lambda x: -len(x[1])))},
    )


def _ends_with_word(view: str, p: int, floor: int, words: frozenset[str], lengths: tuple[int, ...]) -> int:
    """The length of a word from ``words`` that ends at ``p`` (0 if none), looking at most back to ``floor``."""
    if p < 1 or view[p - 1] not in last_chars(words):
        return 0
    for n in lengths:
        if p - n >= floor and view[p - n : p] in words:
            return n
    return 0


def _name_start(view: str, end_of_stem: int, floor: int, lex: _Lex) -> int:
    """Walk back from a suffix to the nearest break, list comma, digit or verb. A verb right before the suffix
    belongs to the name (危桥改造工程); leading verbs are trimmed afterwards (铺设公路 names nothing)."""
    p = end_of_stem
    while p > floor and end_of_stem - p < MAX_NAME:
        ch = view[p - 1]
        if ch in _BREAK or ch.isdigit() or (ch == "年" and p >= 2 and view[p - 2].isdigit()):
            break
        if p < end_of_stem and _ends_with_word(view, p, floor, lex.before_set, lex.before_lengths):
            break
        p -= 1
    moved = True
    while moved:
        moved = False
        if p >= end_of_stem or view[p] not in lex.before_first:
            break
        for n in lex.before_lengths:
            if p + n <= end_of_stem and view[p : p + n] in lex.before_set:
                p += n
                moved = True
                break
    return p


def _strip_modifiers(name: str, lex: _Lex) -> str:
    changed = True
    while changed:
        changed = False
        for w in lex.modifiers:
            if name.startswith(w) and len(name) > len(w):
                name = name[len(w) :]
                changed = True
    return name


@dataclass
class _Cand:
    start: int
    end: int


def find_names(view: str, start: int, end: int, noise_at: Callable[[int], bool]) -> list[_Cand]:
    lex = lexicon()
    cands: list[_Cand] = []
    for m in lex.suffix.finditer(view, start, end):
        if noise_at(m.start()):
            continue
        if (
            m.end() < len(view)
            and view[m.end()] in lex.not_after_first
            and any(view.startswith(w, m.end()) for w in lex.not_after)
        ):
            continue
        s = _name_start(view, m.start(), start, lex)
        name = view[s : m.end()]
        while name and name[0] in "\"“”'‘’「」":
            s += 1
            name = name[1:]
        if s > 0 and (view[s - 1].isdigit() or view[s - 1] in numerals_chars()):
            # 12个棚改配套基础设施项目: the count's unit is not part of the name.
            unit = _unit_at(view, s, quantity_lexicon())
            if unit is not None:
                s += len(unit.text)
                name = view[s : m.end()]
        if m.start() - s < 2 or _strip_modifiers(name, lex) in lex.generic or name.endswith(lex.generic_end):
            continue
        if "的" in name:
            continue  # 科技含量高的项目 describes projects, it names none
        cands.append(_Cand(s, m.end()))
    # 水田开发项目和增减挂钩项目: a longer name that holds a shorter one wins.
    cands.sort(key=lambda c: (c.start, -c.end))
    out: list[_Cand] = []
    for c in cands:
        if out and c.start < out[-1].end:
            if c.end > out[-1].end and c.start == out[-1].start:
                out[-1] = c
            continue
        if out and out[-1].start < c.start < out[-1].end:
            continue
        out.append(c)
    merged: list[_Cand] = []
    for c in out:
        if merged and c.start <= merged[-1].end and c.end >= merged[-1].end:
            merged[-1] = _Cand(merged[-1].start, c.end)
        else:
            merged.append(c)
    return merged


def _status(view: str, s: int, e: int, lex: _Lex) -> str | None:
    """The first status word in view[s:e] that no not-yet word (即将) stands before."""
    m = lex.status_re.search(view, s, e)
    while m is not None:
        i = m.start()
        if not any(view.startswith(n, i - len(n)) for n in lex.not_yet if i - len(n) >= s):
            return lex.status_of[m.group()]
        m = lex.status_re.search(view, i + 1, e)
    return None


def build_projects(
    text: str,
    view: str,
    segments: Segments,
    qs: list[QMatch],
    noise_at: Callable[[int], bool],
    years: dict[str, int | None],
    quantity_model: Callable[[QMatch], M.Quantity],
) -> list[M.Project]:
    lex = lexicon()
    q_starts = [q.start for q in qs]
    out: list[M.Project] = []
    levels: dict[tuple[int, int], str | None] = {}
    for part in segments.parts:
        if part.kind not in ("review", "plan", "preamble"):
            continue
        cands = find_names(view, part.start, part.end, noise_at)
        for i, c in enumerate(cands):
            sent = segments.sentence_at(c.start)
            s0, s1 = (sent.start, sent.end) if sent.end > sent.start else (c.start, c.end)
            nxt = cands[i + 1].start if i + 1 < len(cands) and cands[i + 1].start < s1 else s1
            # The figures after the name belong to it; before the next name they may also sit just before it.
            lo = bisect.bisect_left(q_starts, c.end)
            hi = bisect.bisect_left(q_starts, nxt)
            mine = qs[lo:hi]
            investment = None
            sizes = []
            # 投资2.1亿元的晨旭汽车零部件项目: money right before the name, joined by 的, is its investment ...
            k = bisect.bisect_left(q_starts, c.start) - 1
            if k >= 0 and qs[k].kind == "money" and view[qs[k].end : c.start] == "的":
                investment = qs[k]
            # ... and money right before the next name belongs to that one.
            mine = [q for q in mine if not (q.kind == "money" and view[q.end : nxt] == "的" and nxt < s1)]
            for q in mine:
                if q.kind == "money":
                    before = view[max(s0, q.start - 8) : q.start]
                    cue = any(w in before for w in lex.money_cues)
                    if investment is None and (cue or not sizes):
                        investment = q
                elif q.kind in ("measure", "count"):
                    sizes.append(q)
            status = _status(view, c.end, s1, lex)
            if part.kind == "plan" and status != "in_progress":
                status = "planned"  # 明年投产发电 in a plan is still a plan
            if (s0, s1) not in levels:
                levels[(s0, s1)] = next((lv for lv, pat in lex.levels if pat.search(view, s0, s1)), None)
            level = levels[(s0, s1)]
            name_v = view[c.start : c.end]
            category = next((cat for cat, w in lex.categories if w in name_v), None)
            locations = (
                list(dict.fromkeys(text[m.start() : m.end()] for m in lex.place.finditer(view, c.start, nxt)))
                if lex.place_hint.search(view, c.start, nxt)
                else []
            )
            out.append(
                M.Project(
                    name=text[c.start : c.end],
                    span=M.Span(start=c.start, end=c.end),
                    sentence=M.Span(start=s0, end=s1),
                    category=category,
                    locations=locations,
                    quantities=[quantity_model(q) for q in sizes],
                    investment=quantity_model(investment) if investment else None,
                    status=status,  # type: ignore[arg-type]
                    level=level,  # type: ignore[arg-type]
                    year=years.get(part.kind),
                )
            )
    return out
