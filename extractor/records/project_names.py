"""Project names: where a named work starts and ends, and how it was recognised.

Four ways lead to a name, all read on the normalized view and bounded by the clause they sit in:

* ``head``: the name ends with a works head that names a project on its own (…项目, …工程, …公路, …水库);
* ``verb``: the name ends with a weak head (…路, …桥, …中心), a road code (S465改建) or a capacity (年产80万吨净水剂),
  and a works word (开工, 建成, 推进 …) stands in its clause;
* ``list``: the name is an item of a list closed by 等…项目 or 等…工程 (S465改建、安宁河一桥拆除重建等项目);
* ``quoted``: any of these whose name opens with a quotation mark (“蓝天碧水”工程).

A name's left edge is the nearest clause break, list mark, figure or word of ``before`` (verbs, time and scope words);
a name made only of generic and category words (重点项目, 新能源项目, 省市县三级项目) names no project.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from extractor.han import is_han
from extractor.records.generic_names import generic_name, strip_words
from extractor.records.name_edges import (
    CLAUSE_BREAK,
    CLOSE_QUOTES,
    MAX_NAME,
    OPEN_QUOTES,
    before_at,
    extend_tails,
    head_at_end,
    inside,
    left_edge,
    names_a_product,
    right_edge,
    skip_count,
    trim_front,
)
from extractor.records.project_lexicon import Lex, lexicon
from extractor.segment import CLAUSE_MARKS

MAX_LIST = 160  # a list of six works with their money runs past 120 characters
# An item of a sector's list (等农业产业项目) is a work by name only when it is this long: 锦绣养殖, not 风能.
MIN_NAMED_ITEM = 4
MAX_NAME_LENGTH = 48  # the walk, the head and its works words together
# The quotation marks that only open or only close (not the straight ones, which do both).
_OPENING_ONLY = "".join(q for q in OPEN_QUOTES if q not in CLOSE_QUOTES)
_CLOSING_ONLY = "".join(q for q in CLOSE_QUOTES if q not in OPEN_QUOTES)
_OPENING_RE = re.compile(f"[{re.escape(_OPENING_ONLY)}]")
_BREAKS = re.compile("[" + re.escape(CLAUSE_BREAK) + "]")


@dataclass
class Cand:
    start: int
    end: int
    evidence: str  # head, verb, list, quoted
    strength: int = 0  # which candidate wins an overlap: longer first, then stronger
    bare: bool = False  # named only by its kind (中医院)
    item: bool = False  # an item of a list closed by 等…项目


def find_names(view: str, start: int, end: int, noise_at: Callable[[int], object]) -> list[Cand]:
    """Project names in view[start:end], in order, without overlaps."""
    lex = lexicon()
    # The part read backwards: the clause break before a position is the first one found in it.
    backwards = view[start:end][::-1]
    works_cache: dict[int, bool] = {}

    last = [start, start - 1]  # the clause found last: positions come in order, so one search serves a clause

    def clause(pos: int) -> tuple[int, int]:
        if last[0] <= pos < last[1]:
            return last[0], last[1]
        b = _BREAKS.search(backwards, end - pos)
        f = _BREAKS.search(view, pos, end)
        last[:] = (end - b.start() if b else start), (f.start() if f else end)
        return last[0], last[1]

    def works_in(cs: int, ce: int) -> bool:
        if cs not in works_cache:
            works_cache[cs] = lex.works.search(view, cs, ce) is not None
        return works_cache[cs]

    cands: list[Cand] = []
    listed: list[tuple[int, int]] = []  # regions of lists closed by 等…项目
    items_read: dict[tuple[int, int, bool, bool, bool, bool], int | None] = {}  # an item's reading: where it starts

    for m in _list_closes(view, start, end, lex):
        mid = m.group("mid") or ""
        batch = next((w for w in lex.list_batch if mid.startswith(w)), "")
        rest = mid[len(batch) :]
        generic = generic_name(mid)
        if noise_at(m.start()) or not (generic or batch):
            continue
        # 等水利工程: a list of sectors, whose items without a head are no projects; 等重点项目: a list of projects.
        sectors = bool(strip_words(rest, lambda w: w in lex.generic, lex)) or m.group().endswith(lex.kind_list_heads)
        cs, _ = clause(m.start())
        ls = max(cs, m.start() - MAX_LIST)
        if ls >= m.start():
            continue
        region = view[ls : m.start()]
        if m.group("word") is None and ("、" not in region or any(w in region for w in lex.list_close_words)):
            continue  # A、B四个项目: a list closed by its count alone needs its 、 (and no 等 of its own)
        listed.append((ls, m.start()))
        items = _list_items(view, ls, m.start(), lex)
        named = m.group().endswith(lex.named_list_heads)
        if ls > cs and view[ls - 1] not in lex.list_marks:
            items = items[1:]  # the bound cut the first item: a piece of a name is no name
        for k, (s, e) in enumerate(items):
            key = (s, e, k == 0, sectors, bool(batch), named)
            if key in items_read:  # the same item of a run-on sentence, offered again by a later list
                got = items_read[key]
                if got is not None:
                    cands.append(Cand(got, e, "list", item=True))
                continue
            items_read[key] = None
            # The first item starts after the clause's verb (实施了A、B等项目); the others after any money
            # of their own (投资9900万元的沃克食品).
            s = left_edge(view, e, s, lex) if k == 0 else trim_front(view, s, e, lex)
            money = lex.money_lead.match(view, s, e)
            if money is not None:
                s = money.end()  # 15亿元南方水泥优化升级: the item's own investment opens it
            de = view.rfind(lex.link, s, e)
            if de >= 0 and e - de > 2:
                s = de + 1
            if e - s < 2:
                continue
            if (
                sectors
                and not lex.heads.search(view, s, e)
                and not (
                    (batch or (named and e - s >= MIN_NAMED_ITEM))
                    and lex.tail_end.search(view, s, e) is None
                    and not generic_name(view[s:e])
                )
            ):
                continue  # 灌区改造、河道治理等一批农田水利工程: kinds of works; 海博思创等一批储能项目: works by name
            if any(ch.isdigit() for ch in view[s:e]) and not (
                lex.code.search(view, s, e)
                or lex.capacity.search(view, s, e)
                or lex.capacity_in_name.search(view, s, e)
            ):
                continue  # 新建道路12条: a figure, not a name
            items_read[key] = s
            cands.append(Cand(s, e, "list", item=True))

    kinds = [(clause(m.start())[0], m.start()) for m in lex.list_kinds.finditer(view, start, end)]
    strong_tuple, verb_heads, not_after, n = lex.strong_tuple, lex.verb_heads, lex.not_after, len(view)
    for m in lex.head_scan.finditer(view, start, end):
        ms, head = m.start(), m.group()
        strong = head.endswith(strong_tuple)
        if noise_at(ms):
            continue
        cs, ce = clause(ms)
        in_list = bool(listed) and inside(listed, ms)
        if not strong and not in_list and not works_in(cs, ce):
            continue
        e = extend_tails(view, m.end(), ce, lex)
        after = e + (e < n and view[e] in CLOSE_QUOTES)  # “千万工程”经验: a quoted programme's experience
        if after < n and not_after.match(view, after) and not _works_of(view, e, ce, lex):
            continue
        # 第二水源地建设项目: a works verb right before 项目 or 工程 is part of the name.
        s = left_edge(view, ms, cs, lex, head_verb=head.startswith(verb_heads))
        if kinds and inside(kinds, s):
            continue
        cands.append(Cand(s, e, "head" if strong else ("list" if in_list else "verb")))

    # 投资2.1亿元的晨旭汽车零部件、投资1亿元的康恩菲尔德二期精炼项目: a run of works each with its own money lists
    # works by name, whatever their names end with.
    run: list[tuple[int, int]] = []
    for m in lex.money_item.finditer(view, start, end):
        if noise_at(m.start()):
            continue
        s = m.end()
        e = right_edge(view, s, clause(s)[1], lex)
        if run and view[run[-1][1] : m.start()] not in lex.list_marks:
            run = []
        run.append((s, e))
        if len(run) >= 2:  # the first item joins when the second comes, the others one by one
            # A name holding a head is found at its head, which also ends it (…工程进展顺利).
            cands.extend(
                Cand(a, b, "list", item=True)
                for a, b in run[-2 if len(run) == 2 else -1 :]
                if b - a >= 2 and not lex.heads.search(view, a, b)
            )
    for pat in (lex.code, lex.capacity):
        for m in pat.finditer(view, start, end):
            if noise_at(m.start()):
                continue
            cs, ce = clause(m.start())
            in_list = inside(listed, m.start())
            if not in_list and not works_in(cs, ce):
                continue
            s = left_edge(view, m.start(), cs, lex) if pat is lex.capacity else m.start()
            e = right_edge(view, m.end(), ce, lex)
            if pat is lex.capacity and not names_a_product(view, m.end(), ce):
                continue  # 装机2000万千瓦: a capacity with nothing it produces
            e = extend_tails(view, e, ce, lex)
            if e - s >= 3:
                cands.append(Cand(s, e, "list" if in_list else "verb"))

    # 虎门港综合保税区一期, 散裂中子源二期: a phase after a name marks one work, whatever the name ends with.
    for m in lex.phase.finditer(view, start, end):
        p = m.start()
        if p == start or not is_han(view[p - 1]) or view[p - 1] in lex.not_before_phase or noise_at(p):
            continue
        cs, ce = clause(p)
        in_list = inside(listed, p)
        if not in_list and not works_in(cs, ce):
            continue
        s = left_edge(view, p, cs, lex)
        if p - s >= 2:
            cands.append(Cand(s, extend_tails(view, m.end(), ce, lex), "list" if in_list else "verb"))

    return _resolve(view, cands, lex)


def _list_closes(view: str, start: int, end: int, lex: Lex) -> Iterator[re.Match[str]]:
    """The matches of ``lex.list_close`` in view[start:end], as its finditer gives them (in order, none overlapping
    the one before), tried where a closing word or a count starts: the two scans skip straight to their first
    characters. A count's match holds no closing word, and one found inside an earlier match is passed over, as
    the whole scan would have."""
    words = (m.start() for m in lex.list_word.finditer(view, start, end))
    counts = (m.start() for m in lex.list_count.finditer(view, start, end))
    last = start
    for p in heapq.merge(words, counts):
        if p < last:
            continue
        m = lex.list_close.match(view, p, end)
        if m is not None:
            yield m
            last = m.end()


def _list_items(view: str, start: int, end: int, lex: Lex) -> list[tuple[int, int]]:
    """The items of a list: split at 、, and at a pair joiner (和, 及, 与) where both sides are names of two characters
    or more."""
    out = []
    p = start
    for piece in view[start:end].split("、"):
        s, e = p, p + len(piece)
        p = e + 1
        if lex.pair_re.search(piece) is None:
            out.append((s, e))  # most items: no joiner in them
            continue
        k = next((i for i, ch in enumerate(piece) if ch in lex.pair_joiners and i >= 2 and len(piece) - i - 1 >= 2), -1)
        if k >= 0:
            out += [(s, s + k), (s + k + 1, e)]
        else:
            out.append((s, e))
    return out


def _works_of(view: str, e: int, limit: int, lex: Lex) -> bool:
    """“燕赵西湖”项目的开发建设: 的 and a works word after a name speak of the work, not of a modifier."""
    p = e + len(lex.link)
    return view.startswith(lex.link, e) and lex.works.search(view, p, min(limit, p + 4)) is not None  # 的开发建设


def _split_pair(view: str, s: int, e: int, lex: Lex) -> int:
    """商贸大街南延道路及孝义河桥翻新改造: two works joined by 和, 及 or 与, the first ending with its own head, are
    two names; the name found at the second head starts after the joiner (the first is found at its own head)."""
    if not lex.pair_re.search(view, s + 2, e - 2):
        return s  # most names hold no joiner
    for k in range(e - 3, s + 1, -1):
        # 致富路改造和幸福街东延工程: either may end with its works word, and the second needs a head of its own
        # before its last one (前进渠续建配套与节水改造工程 is one work), unless both end with a strong head
        # (水田开发项目和增减挂钩项目).
        if view[k] in lex.pair_joiners and (
            (_ends_with_head(view[s:k], lex) and _own_head(view[k + 1 : e], lex))
            or (view.endswith(lex.strong_tuple, s, k) and view.endswith(lex.strong_tuple, k + 1, e))
        ):
            return k + 1
    return s


def _ends_with_head(name: str, lex: Lex) -> bool:
    """Whether ``name``, or ``name`` less the works word it ends with (致富路改造), ends with a head."""
    m = lex.tail_end.search(name)
    return head_at_end(name, lex) is not None or (
        m is not None and m.start() > 0 and bool(head_at_end(name[: m.start()], lex))
    )


def _own_head(name: str, lex: Lex) -> bool:
    """Whether ``name`` names a work of its own: it ends with a head other than 项目 or 工程 (哈克遗址博物馆), or a
    head stands before its last one (幸福街东延工程, 孝义河桥翻新改造); 节水改造工程 is a works phrase that the
    name before it holds."""
    last = head_at_end(name, lex) or ""
    if last and not last.endswith(lex.verb_heads):
        return True
    return lex.heads.search(name, 0, len(name) - len(last)) is not None


def _rated(view: str, start: int, lex: Lex) -> bool:
    """获批“国家级湿地公园”, 被列为国家农业科技园区: a name right after a rating verb is a title, not a work."""
    p = start
    while p > 0 and view[p - 1] in OPEN_QUOTES:
        p -= 1
    if lex.rating_re.search(view, max(0, p - RATING_REACH), p) is None:
        return False  # most names: no rating verb anywhere close before them
    # 获批全省唯一国家现代农业产业园: scope words may stand between the rating verb and the title.
    for _ in range(MAX_RATING_WORDS):
        n = before_at(view, p, max(0, p - MAX_NAME), lex)
        if not n or view.endswith(lex.rating, max(0, p - 4), p):
            break
        p -= n
    return view.endswith(lex.rating, max(0, p - 4), p)


# Scope words (全省, 唯一, 本年度) looked past between a rating verb and the title it gives, and how far before a
# name a rating verb may end for them to be looked at.
MAX_RATING_WORDS = 3
RATING_REACH = 16


# A count before a name (12个, 百余座) is at most this long.
MAX_COUNT = 7


def _counted(view: str, start: int, lex: Lex) -> bool:
    """Whether a count of works (3个, 百余座) stands right before ``start``."""
    return lex.count_before.search(view, max(0, start - MAX_COUNT), start) is not None


def _resolve(view: str, cands: list[Cand], lex: Lex) -> list[Cand]:
    kept: list[Cand] = []
    # A list read from each closing word within its reach offers one item many times (a run-on sentence of lists):
    # each distinct candidate is read once, and its copies take the same reading (they still count as found).
    read: dict[tuple[int, int, str, bool], tuple[int, bool, str] | None] = {}
    for c in cands:
        key = (c.start, c.end, c.evidence, c.bare)
        if key in read:
            got = read[key]
            if got is not None:
                c.start, c.bare, c.evidence = got
                kept.append(c)
            continue
        read[key] = None
        s = c.start
        while (
            s < c.end
            and view[s] in OPEN_QUOTES
            and CLOSE_QUOTES.find(view[s]) < 0
            and not any(q in view[s + 1 : c.end] for q in CLOSE_QUOTES)
        ):
            s += 1  # an opening quote whose closing one is not in the name
        # Most names hold no opening quotation mark: one search says so before the three look for the last one.
        q = max(view.rfind(ch, s + 1, c.end) for ch in _OPENING_ONLY) if _OPENING_RE.search(view, s + 1, c.end) else -1
        if q > s and not any(ch in view[q + 1 : c.end] for ch in _CLOSING_ONLY):
            s = q  # 新一轮生物经济“双百工程: the name read from its unclosed quotation mark
        c.start = _split_pair(view, skip_count(view, s, c.end - 1, lex), c.end, lex)
        name = view[c.start : c.end]
        if (
            not 2 <= len(name) <= MAX_NAME_LENGTH
            or name.endswith(lex.not_name)
            or lex.not_name_re.search(name)
            or _rated(view, c.start, lex)
        ):
            continue
        if _counted(view, c.start, lex):
            # 建成3个核酸检测实验室: works counted by their kind, none of them named; 提升9个工业园区和泉三产业园: a
            # named work may follow the counted kind.
            k = max(view.rfind(j, c.start, c.end - 2) for j in lex.pair_joiners)
            if k - c.start < 2 or not _own_head(view[k + 1 : c.end], lex):
                continue
            c.start = k + 1
            name = view[c.start : c.end]
        if lex.count_after.match(view, c.end) and (
            c.start == 0 or not (view[c.start - 1] == "、" or view[c.start - 1] in lex.pair_joiners)
        ):
            continue  # 建成并网独立储能项目4个: a kind of works and how many (A、B两个园区: the count closes a list)
        # 投资9920万元的农村饮水安全工程: a work with money of its own is one work, whatever its name.
        if generic_name(name, view.endswith(lex.own_money, 0, c.start)):
            if name not in lex.head_words or name in lex.category_heads:
                continue  # 道路, 管网: a network, not one building
            c.bare = True  # 中医院: kept only beside named works of its list (below)
        if name[0] in OPEN_QUOTES:
            c.evidence = "quoted"
        elif c.evidence != "head" and name.endswith(lex.strong_tuple):
            c.evidence = "head"
        read[key] = (c.start, c.bare, c.evidence)
        kept.append(c)
    # A name read across the items of a list (雅下水电和川藏铁路等重大工程: 铁路 heads both) gives way to them.
    items = sorted((c.start, c.end) for c in kept if c.item)
    if items:
        starts = [s for s, _ in items]
        kept = [c for c in kept if c.item or _items_within(items, starts, c.start, c.end) < 2]
    # The longer of two overlapping names wins (东山…中心和妇幼…中心合建项目 holds its parts); a tie goes to the first.
    kept.sort(key=lambda c: (c.start, -c.end))
    out: list[Cand] = []
    for c in kept:
        while out and c.start < out[-1].end and c.end - c.start > out[-1].end - out[-1].start:
            out.pop()
        if not out or c.start >= out[-1].end:
            out.append(c)
    return _bare_beside_named(view, out, lex)


def _items_within(items: list[tuple[int, int]], starts: list[int], s: int, e: int) -> int:
    """How many of the sorted ``items`` lie inside [s, e)."""
    lo = bisect.bisect_left(starts, s)
    return sum(1 for k in range(lo, bisect.bisect_left(starts, e)) if items[k][1] <= e)


def _bare_beside_named(view: str, cands: list[Cand], lex: Lex) -> list[Cand]:
    """A kind of work named only by its kind (中医院, 大剧院) is one work when it is listed with named works
    (职教中心新校区、中医院、阜东小学): the place builds its own. In a list of kinds only (铁路、高速公路、机场) it is a
    sector, and alone it says nothing."""
    keep = [not c.bare for c in cands]
    i = 0
    while i < len(cands):
        j = i
        while j + 1 < len(cands) and view[cands[j].end : cands[j + 1].start] in lex.list_marks:
            j += 1
        if any(keep[i : j + 1]):
            keep[i : j + 1] = [True] * (j + 1 - i)
        i = j + 1
    return [c for c, k in zip(cands, keep, strict=True) if k]


# How far after a works' size its head may stand (5兆瓦光伏发电项目, 10万吨饲料加工生产线), and what ends the search.
_SIZE_TO_HEAD = 16
_SIZE_STOP = re.compile(f"[{re.escape(CLAUSE_MARKS)}\\s(（“\"]")


@cache
def _strong_heads() -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, lexicon().strong_tuple), key=len, reverse=True)))


def opens_works_name(view: str, end: int, unit: str) -> bool:
    """Whether a figure in a unit of capacity (projects.tsv capacity_unit) that ends at ``end`` opens a works' name,
    its head standing in the same clause (总投资2000万元的5兆瓦光伏发电项目): the works' size, which names no
    indicator (read alone it would be 总投资's)."""
    if end >= len(view) or not is_han(view[end]) or not unit.endswith(lexicon().capacity_units):
        return False
    stop = _SIZE_STOP.search(view, end, end + _SIZE_TO_HEAD)
    return _strong_heads().search(view, end, stop.start() if stop else end + _SIZE_TO_HEAD) is not None
