"""Where a project's name starts and ends (project_names.py): the walk back from its head to the nearest break, figure
or ``before`` word, the words trimmed from its front (a count, a lead word), and the tails it may take after its head
(phases, capacities, works words).
"""

from __future__ import annotations

import bisect
import re

from extractor.figure_parts import scale_chars
from extractor.figure_parts import unit_at as _unit_at
from extractor.han import is_han
from extractor.numerals import chinese_chars as numerals_chars
from extractor.numerals import tables as numeral_tables
from extractor.quantities import lexicon as quantity_lexicon
from extractor.quantity_lexicon import Unit
from extractor.records.project_lexicon import Lex

MAX_NAME = 32
MAX_TAILS = 3
CLAUSE_BREAK = "，,。；;：:！？!?\n\r\t"
# A name never crosses these; a list item ends at 、 as well.
NAME_BREAK = CLAUSE_BREAK + "、（）()《》【】[] +＋"
OPEN_QUOTES = "\"“‘「'"
CLOSE_QUOTES = "\"”’」'"
_STOPS_REV = re.compile("[" + re.escape(NAME_BREAK) + "]")
# What the fast walk leaves to the character walk: brackets, and the characters str.isdigit() takes (decimal
# digits, superscripts, circled numbers ①).
_SLOW_WALK = re.compile("[)）\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2460-\u24ff\u2776-\u2793]|\\d")


def before_at(view: str, p: int, floor: int, lex: Lex) -> int:
    """The length of a ``before`` word that ends at ``p`` (0 if none), looking at most back to ``floor``."""
    if p < 1 or view[p - 1] not in lex.before_last:
        return 0
    for n in lex.before_lengths:
        if p - n >= floor and view[p - n : p] in lex.before:
            if any(view.startswith(w, p - len(w)) for w in lex.not_before_of[view[p - n : p]] if p - len(w) >= floor):
                return 0
            return n
    return 0


def head_at_end(core: str, lex: Lex) -> str | None:
    """The longest head that ``core`` ends with."""
    return next((h for h in lex.heads_by_last.get(core[-1:], ()) if core.endswith(h)), None)


def inside(regions: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``regions`` (sorted, not overlapping)."""
    i = bisect.bisect_right(regions, (pos, len(regions) and regions[-1][1] + 1)) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


def _is_code_digit(view: str, p: int, floor: int, lex: Lex) -> bool:
    """A digit that belongs to a road or line code: digits after a Latin letter (S465) or a road word (省道242)."""
    i = p
    while i > floor and view[i - 1].isdigit() and p - i < 5:
        i -= 1
    if i > floor and view[i - 1].isascii() and view[i - 1].isalpha():
        return True
    return any(view.startswith(w, i - len(w)) for w in lex.code_prefixes if i - len(w) >= floor)


def left_edge(
    view: str,
    anchor: int,
    floor: int,
    lex: Lex,
    limit: int = MAX_NAME,
    head_verb: bool = False,
) -> int:
    """Walk back from ``anchor`` to the nearest break, figure or ``before`` word (verbs a name holds, such as 改造 in
    危桥改造工程, are ``in_name`` and no edge); leading ``before`` and ``lead`` words are trimmed afterwards."""
    lo = max(floor, anchor - limit)
    window = view[lo:anchor]
    if not _SLOW_WALK.search(window):
        # The common case, no figure and no bracket: the nearest break and the nearest before word, each found by
        # one search of the window read backwards (the character walk below gives the same edge).
        rev = window[::-1]
        b = _STOPS_REV.search(rev)
        reach = b.start() if b else len(rev)
        m = lex.before_rev.search(rev, 0, reach)
        while m is not None:
            end = anchor - m.start()
            n = before_at(view, end, lo, lex)
            if n and not (head_verb and end == anchor and view[end - n : end] in lex.head_verbs):
                return trim_front(view, end, anchor, lex)
            m = lex.before_rev.search(rev, m.start() + 1, reach)
        return trim_front(view, anchor - reach, anchor, lex)
    p = anchor
    while p > floor and anchor - p < limit:
        ch = view[p - 1]
        if ch in "）)":
            # 宏仁（片仔癀）项目: a bracketed part inside a name.
            k = max(view.rfind("（", max(floor, anchor - limit), p), view.rfind("(", max(floor, anchor - limit), p))
            if k > floor and k < p - 1 and not any(c in CLAUSE_BREAK for c in view[k:p]):
                p = k
                continue
        if ch in CLOSE_QUOTES and ch not in OPEN_QUOTES:
            # “雅江1号”智算中心: a quoted part inside a name, figures and all.
            k = max(view.rfind(q, max(floor, anchor - limit), p - 1) for q in OPEN_QUOTES)
            if k >= floor and not any(c in NAME_BREAK for c in view[k + 1 : p - 1]):
                p = k
                continue
        if ch in NAME_BREAK:
            break
        if ch.isdigit() and not _is_code_digit(view, p, floor, lex):
            i = _named_capacity(view, p, floor, lex)
            if i < 0:
                break
            p = i  # 晶科能源200兆瓦太阳能电池组件: a works' capacity inside its name, after its owner's name
            continue
        if ch == "年" and p >= 2 and view[p - 2].isdigit():
            break
        n = before_at(view, p, floor, lex)
        if n and not (head_verb and p == anchor and view[p - n : p] in lex.head_verbs):
            break
        p -= 1
    return trim_front(view, p, anchor, lex)


def _named_capacity(view: str, p: int, floor: int, lex: Lex) -> int:
    """Where the figure ending at ``p`` starts, when it is a capacity (兆瓦, 万吨, 千伏) inside a name: a name's
    characters stand right before it, not a verb (完成100兆瓦) or a break. -1 otherwise."""
    if not view.startswith(lex.capacity_units, p):
        return -1
    i = p
    while i > floor and p - i < 12 and (view[i - 1].isdigit() or view[i - 1] in ".×xX"):
        i -= 1
    if i <= floor or not is_han(view[i - 1]) or view[i - 1] in lex.pair_joiners or before_at(view, i, floor, lex):
        return -1  # 以及20万吨自来水厂, 完成100兆瓦: the figure opens the name
    return i


def trim_front(view: str, p: int, end: int, lex: Lex) -> int:
    moved = True
    while moved and p < end:
        moved = False
        if view[p] in lex.before_first:
            for n in lex.before_lengths:
                if p + n <= end and view[p : p + n] in lex.before:
                    p += n
                    moved = True
                    break
        if p < end and view[p] in CLOSE_QUOTES and view[p] not in OPEN_QUOTES:
            p += 1
            moved = True
        lead = (
            next((w for w in lex.lead if view.startswith(w, p) and p + len(w) < end), None)
            if view[p] in lex.lead_first
            else None
        )
        if lead is not None:
            p += len(lead)
            moved = True
        number = lex.enumerator.match(view, p, end)
        if number is not None and number.end() <= end:
            p = number.end()  # 二是项目建设, （二）项目: the item's number, not the name
            moved = True
        m = lex.tails.match(view, p, end)
        if m is not None and m.end() < end and not lex.phase.fullmatch(m.group()):
            p = m.end()  # 升级改造县级寄递物流中心: the works word opens the clause, the name follows
            moved = True
    return p


def skip_count(view: str, s: int, end: int, lex: Lex) -> int:
    """12个棚改配套基础设施项目: the count before a name is not part of it; a capacity is (220 千伏黄岸变电站扩建)."""
    # A decimal mark (点) is among the numerals, but no count ends with one: 重点项目 holds none. A space may stand
    # between the figure and its unit (533.5 公里通村公路).
    b = s - 1 if s > 1 and view[s - 1] == " " else s
    if b > 0 and (
        view[b - 1].isdigit() or (view[b - 1] in numerals_chars() and view[b - 1] not in numeral_tables().points)
    ):
        if view.startswith(lex.capacity_units, s):
            f = b
            while f > 0 and (view[f - 1].isdigit() or view[f - 1] == ".") and b - f < 12:
                f -= 1
            return f if f < b and view[f].isdigit() else s
        if view[s] in quantity_lexicon().mid and s + 1 < end:
            s += 1  # 100余公里农村公路: 余 or 多 between the figure and its unit
        unit = _count_unit(view, s)
        if unit is None and view[s] in numerals_chars():
            unit = _count_unit(view, s + 1)  # 10万亩圩堤: the scale, then the unit
            s += unit is not None
        if unit is not None and s + len(unit.text) <= end:
            return s + len(unit.text)
    return s


def _count_unit(view: str, pos: int) -> Unit | None:
    """The unit at ``pos``, but never a kind of place (245省道, 5村家畜): one only right after the places it counts."""
    unit = _unit_at(view, pos, quantity_lexicon())
    return None if unit is None or unit.after_list else unit


def extend_tails(view: str, end: int, limit: int, lex: Lex) -> int:
    """Extend a name over works words, phases and heads after it (污水处理厂一期改造工程)."""
    for _ in range(MAX_TAILS):
        m = lex.tail_ext.match(view, end, limit)
        if m is None or m.end() == end:
            m = lex.heads.match(view, end, limit) if end > 0 and view[end - 1] not in "等" else None
            if m is None or m.end() == end:
                break
        end = m.end()
    return end


def right_edge(view: str, pos: int, limit: int, lex: Lex) -> int:
    """Where a name that starts with a code or capacity ends: before a break, a list mark or a works word."""
    p = pos
    while p < limit and p - pos < MAX_NAME and view[p] not in NAME_BREAK and view[p] not in lex.item_end:
        if p > pos and (lex.works.match(view, p) or (view[p].isdigit() and not view[p - 1].isdigit())):
            break  # C35水泥路17.793公里: the figure after the name is its size
        p += 1
    return p


def names_a_product(view: str, pos: int, limit: int) -> bool:
    """年产80万吨净水剂: after the capacity's figure and unit, two or more characters name what is made."""
    p = pos
    scales = scale_chars()  # 80万吨: the figure's scale (numerals.tsv), not a word of the product
    while p < limit and (view[p].isdigit() or view[p] == "." or view[p] in scales):
        p += 1
    unit = _count_unit(view, p) if p > pos else None
    if unit is not None:
        p += len(unit.text)
    q = p
    while q < limit and is_han(view[q]):
        q += 1
    return p > pos and q - p >= 2
