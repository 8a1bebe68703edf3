"""一 before a measure word (一个, 一条): an article far more often than a count (一个重要原因), and read as none,
but a count where it comes after its noun at a clause's end (建成创业园区一个，), where an article never stands, or
where it stands in a list beside a count of more than one (建设一条景观环路、两条滨河路), or wherever it stands for a
unit that never follows an article's 一 (一所初级中学: units.tsv). Where a figure right after it sizes the thing it
counts (建立一个120亩的花卉基地), it counts too (``sized``), beside the figure a record wants."""

from __future__ import annotations

import re
from functools import cache

from extractor import numerals
from extractor._data import alternation, column
from extractor.quantity_lexicon import Unit
from extractor.segment import CLAUSE_MARKS, list_marks


def counts(view: str, start: int, end: int, unit: Unit) -> bool:
    """Whether 一 and ``unit`` at view[start:end] count a thing rather than stand for "a"."""
    if start > 0 and view[start - 1] in numerals.tables().before_article:
        return False  # 是一所略具规模的初级中学: "is a", found blind in rounds s194 and s195
    if unit.one_counts and not view.startswith(unit.text, end) and not _no_noun_before(view, start):
        return True  # 一所初级中学; 一所所 is "one after another"; 合作社的一名社员 and 最后一名 name one, count none
    if (
        unit.after_noun
        and not view.startswith(unit.text, end)
        and _after_count_word(view, start, unit.text)
        and not view.startswith(numerals.tables().article_after, end)
    ):
        return True  # 新建一座, 配备一名: a thing built, bought or hired is counted; not 进行了一次全面检查
    if unit.counted_every and _after_noun(view, start) and _frequency(view, start, unit):
        return True  # 每月召开一次由…: how often a thing is done
    return (unit.after_noun and _after_noun(view, start) and _closes_clause(view, end)) or _among_counts(
        view, start, end, unit.text, unit.after_noun
    )


def sized(view: str, start: int, end: int, unit: Unit) -> bool:
    """Whether 一 and ``unit`` at view[start:end] count a thing that a figure of size or money right after sizes
    (建立一个120亩的基地, 落地一个10亿元以上项目, 一个万亩精品带): the excerpts' annotators counted 14 of 17 such (the
    rest: 一家面积300平米的房屋, an article before a word of size, which this leaves out). Only a thing that may be
    counted after its noun (after_noun) is; the figure after it is the one a record wants (quantity_lexicon's
    ASIDE_KINDS)."""
    if not unit.after_noun or (start > 0 and view[start - 1] in numerals.tables().before_article):
        return False
    return _size_after().match(view, end) is not None


@cache
def _size_after() -> re.Pattern[str]:
    units = [u for k in ("measure", "money") for u in column("units.tsv", "unit", kind=k)]
    # a scale alone only before a unit a Chinese numeral may take (一个万亩精品带; 一个十分重要的 is "very")
    after_scale = [u for k in ("measure", "money") for u in column("units.tsv", "unit", kind=k, chinese="yes")]
    scales = "".join(numerals.scales())
    lead = alternation(numerals.tables().size_words)
    return re.compile(
        rf"(?:{lead})?(?:[0-9]{{1,12}}(?:\.[0-9]{{1,6}})?[多余]?[{scales}]?(?:{alternation(units)})"
        rf"|[{scales}](?:{alternation(after_scale)}))"
    )


# How far a price or a yield may follow the one unit it is given for (一斤都涨到4毛钱, 一亩地约产红薯1500斤).
_PER_UNIT_REACH = 12
_FIGURE_AFTER = re.compile(rf"[^{re.escape(CLAUSE_MARKS)}\n0-9]{{0,{_PER_UNIT_REACH}}}[0-9]")


@cache
def _yield_after() -> re.Pattern[str]:
    """A figure in characters in a unit of weight or of money later in the clause (一亩…一年只能收三四十斤茶油): the
    yield or the price that 一 and a measure before it are the unit of (found by a probe of hand-written excerpts)."""
    digits = "".join(numerals.chinese_chars())
    units = alternation(column("units.tsv", "unit", kind="money") + column("money_cues.tsv", "word", kind="yield_unit"))
    return re.compile(rf"[^{re.escape(CLAUSE_MARKS)}\n0-9]{{0,{_PER_UNIT_REACH}}}?[{digits}]{{1,6}}(?:{units})")


@cache
def _pay() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Pay after a unit in its clause (一个月的收益大概在3000元), and pay right before it (以前交农业税是60块钱一亩)."""
    scales = "".join(numerals.scales())
    money = alternation(column("units.tsv", "unit", kind="money"))
    # a count's unit that is money before the unit a price is given for (23块一公斤, 3块多1公斤: found blind in round
    # s681)
    price = alternation(column("money_cues.tsv", "word", kind="price_unit"))
    mid = alternation(column("approx.tsv", "word", position="mid"))
    digits = "".join(numerals.chinese_chars())
    figure = rf"[0-9{digits}][0-9.{digits}]*(?:{mid})?[{scales}]?(?:{mid})?"
    # spoken pay may be a price's count unit (一块多) or a bare scale that ends its clause (一个月能挣两三万)
    spoken = rf"{price}|(?<=[{scales}])(?=[{re.escape(CLAUSE_MARKS)}\n]|\Z)"
    return (
        re.compile(rf"[^{re.escape(CLAUSE_MARKS)}\n0-9]{{0,{_PER_UNIT_REACH}}}{figure}(?:{money}|{spoken})"),
        re.compile(rf"{figure}(?:{money}|{price})(?:{mid})?\Z"),
    )


def after_price(view: str, start: int, unit: Unit) -> bool:
    """Whether a measure at ``start`` (1公斤, 一斤) follows a price right before it (3块多1公斤, 40元1公斤): the unit
    the price is given for, in digits too (found blind in rounds s680 and s681)."""
    return unit.kind == "measure" and _pay()[1].search(view, max(0, start - _PER_UNIT_REACH), start) is not None


def per_unit(view: str, start: int, end: int, unit: Unit) -> bool:
    """Whether 一 and ``unit`` at view[start:end] are the one unit a price or a yield is given for, not a figure of
    their own. A measure is, before a figure in its clause (驼毛一斤15元, 一亩地约产红薯1500斤: the excerpts'
    annotators made 27 of 27 such optional, and a blind annotator called one a negative, round s537) or right after
    a price (以前交农业税是60块钱一亩: s546); where no figure follows, it counts (人均一亩经济田, 延绵一公里的山岭).
    A span is only before pay (一个月的收益大概在3000元, 合作社上班一个月4000元): before another figure it is the
    time a thing took (用一个月时间完成3000亩)."""
    after, before = _pay()
    if unit.kind == "span":
        return after.match(view, end) is not None
    if unit.kind != "measure":
        return False
    return (
        _FIGURE_AFTER.match(view, end) is not None
        or after.match(view, end) is not None  # 一斤才卖一块多: a price in characters (a probe's villagers' words)
        or _yield_after().match(view, end) is not None
        or before.search(view, max(0, start - _PER_UNIT_REACH), start) is not None
    )


# How far a list's neighbouring count and the words of its item reach (两个蔬菜种植区、一个奶牛养殖区), and how short
# an item after a comma must be (…，一个移民新村，).
_ITEM = 10
_SHORT_ITEM = 6
_SHORT_JOINED = 4  # the longest item joined to the next with no mark (村民小组)
_CHAIN = 8  # how many items of 一 back a list's count may stand


@cache
def _count_items() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A count that ends a list's item before 一 (…两个蔬菜种植区、), one that opens the next item after it
    (、两条滨河路; 桥涵修复，两处路基修复), the short item after 一 that a clause or list mark closes, and an item of
    一 and a unit that a list's word joins to the next (一个奶牛养殖区和)."""
    alt = alternation(column("units.tsv", "unit", kind="count", chinese="yes"))
    lists = "".join(list_marks())
    # A neighbour counts more than one: a list of 一个 items (一个项目、一个分管领导、一个责任单位) is a slogan's.
    scales = "".join(numerals.scales())
    numeral = f"(?:[0-9]+|(?!一(?![{scales}]))[{''.join(numerals.chinese_chars())}]{{1,4}})"
    word = rf"[\u4e00-\u9fff]{{1,{_ITEM}}}"
    return (
        # the item's words lazy, so that a list's word before 一 is its mark (五条商业街和一个…), not a word's end
        re.compile(rf"{numeral}[ \t]?({alt})({word}?)([{lists},，]?)\Z"),
        re.compile(rf"({word}?)([、,，]){numeral}({alt})"),
        re.compile(rf"[\u4e00-\u9fff]{{1,{_SHORT_ITEM}}}[{lists},，。；;）)]"),
        re.compile(rf"一({alt}){word}[{lists}]\Z"),
    )


def _among_counts(view: str, start: int, end: int, unit: str, unit_is_thing: bool) -> bool:
    """Whether 一个 at view[start:end] is an item of a list of counts, beside one of more than one: 建设一座公园，一条
    景观环路、两条滨河路; 规划了两个蔬菜种植区，一个奶牛养殖区和一个肉牛养殖区. After a comma the item must count in
    the same unit (加快发展一批特色乡村，7个县: a batch) and be short and closed, so that a sentence's article after a
    count (完成3个项目，一个重要原因是资金到位) stays one; before it, another unit will do when the unit counts things
    (after_noun: 11个小学，一所乡级医院，), never a batch (5个服务站，一批项目落地。)."""
    if view[end : end + 1] in numerals.tables().one_of_them:
        return False  # 两个名字,一个叫义乌: one of them, no item
    before, after, closed, one_before = _count_items()
    m = before.search(view, max(0, start - 2 * _ITEM - 4), start)
    # 两个蔬菜种植区，一个奶牛养殖区和一个肉牛养殖区: the item before counts as this one does when it is one of a list
    # of counts itself (found on the excerpts), where a list of 一个 items alone is a slogan's. A few items back at
    # most: every item of a hostile run of them would walk the run again.
    for _ in range(_CHAIN):
        one = one_before.search(view, max(0, start - _ITEM - 3), start) if m is None else None
        if one is None or not (one.group(1) == unit or unit_is_thing):
            break
        start, end, unit = one.start(), one.start() + 1 + len(one.group(1)), one.group(1)
        m = before.search(view, max(0, start - 2 * _ITEM - 4), start)
    if m is not None:
        if m.group(3) in list_marks():
            return True
        if not m.group(3):
            # 辖17个行政村一个居委会，: a short item of the same unit right before, with no mark between (found on
            # the excerpts), where a longer run, one that holds a not_joined character (有) or one after 每 is a
            # sentence (a ratio: 每15个庙城人就有一个志愿者)
            return (
                m.group(1) == unit
                and len(m.group(2)) <= _SHORT_JOINED
                and not any(c in numerals.tables().not_joined for c in m.group(2))
                and not (m.start() > 0 and view[m.start() - 1] in numerals.tables().before_no_count)
                and closed.match(view, end) is not None
            )
        # after a comma the item before is short too: a longer run is a clause (10台(套)机械设备在紧张工作，
        # 一个集…为一体的基地: found blind in round s815)
        return (
            (m.group(1) == unit or unit_is_thing)
            and len(m.group(2)) <= _SHORT_ITEM
            and closed.match(view, end) is not None
        )
    m = after.match(view, end)
    if m is None:
        return False
    return m.group(2) == "、" or (m.group(3) == unit and len(m.group(1)) <= _SHORT_ITEM)


# How far a word of frequency may stand before 一 in its clause (每季度或半年有一次议教工作例会).
_FREQUENCY_REACH = 10


def _frequency(view: str, start: int, unit: Unit) -> bool:
    """Whether a word of the unit's counted_every stands before 一 in its clause (每月召开一次由…会议): how often a
    thing is done. 每 right before 一 is "every one", no frequency of what follows (每一场宴席…变成一次)."""
    lo = max(0, start - _FREQUENCY_REACH)
    for i in range(start - 1, lo - 1, -1):
        if view[i] in CLAUSE_MARKS or view[i] == "\n":
            return False
        for w in unit.counted_every:
            if view.startswith(w, i) and not view.startswith("一", i + len(w)):
                return True
    return False


def _after_count_word(view: str, start: int, unit: str) -> bool:
    return any(
        view.endswith(w, 0, start) and (not units or unit in units)
        for w, units in numerals.tables().count_words.items()
    )


def _after_noun(view: str, start: int) -> bool:
    """Whether a noun may end right before 一: not at a clause's start (一次，他去上海做工 says "once") nor after a
    character that no counted noun ends with (是…最严重的一次。, 又一次分红)."""
    if start == 0:
        return False
    before = view[start - 1]
    if before in CLAUSE_MARKS or before.isspace():
        return False
    return not _no_noun_before(view, start)


def _no_noun_before(view: str, start: int) -> bool:
    """Whether 一 at ``start`` ends a word of numerals.tsv's no_noun_before (的一, 又一, 最后一)."""
    return any(view.endswith(w, 0, start + 1) for w in numerals.tables().no_noun_before)


def _closes_clause(view: str, pos: int) -> bool:
    """Whether a clause ends at ``pos``: the end, a mark, or a point that no digit follows (OCR text ends its
    sentences with one: 蓄水塘一座.支渠)."""
    if pos >= len(view) or view[pos] in CLAUSE_MARKS:  # the marks that end a clause (园区一个，)
        return True
    return view[pos] == "." and not (pos + 1 < len(view) and view[pos + 1].isdigit())
