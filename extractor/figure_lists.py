"""Figures in lists: what joins them (6.5%、9.4%), a bound after the last that bounds them all (分别增长7%和8%左右),
and a figure that takes its unit from the next one (70和50亿元, 1.9个和3.3个百分点); two neighbouring digits a mark
joins (7、8户, 七、八十岁), a range; and an item's number that opens a line (2、7.1亿元), which is none of a list's
figures."""

from __future__ import annotations

import dataclasses
from functools import cache

from extractor import numerals
from extractor._data import column
from extractor.figure_parts import Part, QMatch, read_part
from extractor.han import is_han
from extractor.masks import Masks
from extractor.quantity_lexicon import Lex, Unit
from extractor.segment import INLINE_SPACES, heading_markers, item_number_marker


@cache
def list_joiners() -> tuple[str, ...]:
    """What stands between the quantities of one list (6.5%、9.4%): ranges.tsv kind joiner. Not the list words
    after which a figure shares the next one's unit (``Lex.unit_sharing_joiners``, kind list)."""
    return column("ranges.tsv", "text", kind="joiner")


def share_post_approx(qs: list[QMatch], view: str) -> None:
    """分别增长7%和8%左右: a bound written after the last figure of a list bounds every figure of it."""
    joiners = list_joiners()
    i = 0
    while i < len(qs):
        j = i
        while (
            j + 1 < len(qs)
            and view[qs[j].end : qs[j + 1].start].strip() in joiners
            and qs[j + 1].base_unit == qs[i].base_unit
        ):
            j += 1
        last = qs[j]
        if j > i and last.approx and last.end > last.unit_end:
            for q in qs[i:j]:
                if q.approx is None and q.high is None:
                    q.approx = last.approx
        i = j + 1


def opens_line(view: str, pos: int) -> bool:
    """Whether only spaces (a few) stand between the start of its line and ``pos``."""
    p = pos
    while p > 0 and view[p - 1] in INLINE_SPACES and pos - p < 8:
        p -= 1
    return p == 0 or view[p - 1] in "\r\n"


def numbers_an_item(view: str, pos: int) -> bool:
    """Whether the number at ``pos`` opens its line (after its spaces) with an item's or a heading's mark: a copy
    that loses the line break of a wrapped title leaves 地区生产总值\n2、7.1亿元, where 2 numbers the next item."""
    if not opens_line(view, pos):
        return False
    head = view[pos : pos + _ITEM_NUMBER_REACH]
    # 一、三个项目的基本情况: a heading's number in characters (found blind in round s561)
    return item_number_marker().match(head) is not None or heading_markers()[0].match(head) is not None


_ITEM_NUMBER_REACH = 8  # an item's number and its mark (12、) are short


# The bare figures a list may hold between one and the figure whose unit closes it, and the marks that so chain them
_LIST_HOPS = 6
_CHAIN_JOINERS = ("、",)


def borrow_from_list(view: str, text: str, first: Part, masks: Masks, lex: Lex) -> Part | None:
    """70和50亿元, 1.9个和3.3个百分点: a figure in a list takes its unit (and scale) from the next one; a copy from a
    PDF may space the joiner out (上升了 9.4 和 0.6 個百分點: found blind in round s75). So does a figure that a
    change starts from (由8194增加到11255元: ranges.tsv from and to)."""
    p = first.end
    spaced = view.startswith(" ", p)
    if spaced:
        p += 1
    if p >= len(view) or view[p] not in lex.unit_sharing_first:
        return None
    joiner = next((j for j in lex.unit_sharing_joiners if view.startswith(j, p)), None)
    if joiner is None and not spaced and first.unit is None and view.endswith(lex.from_words, 0, first.start):
        joiner = next((j for j in lex.to_words if view.startswith(j, p)), None)  # 由8194增加到11255元
    if joiner is None or p + len(joiner) >= len(view):
        return None
    nxt_start = p + len(joiner)
    if spaced != view.startswith(" ", nxt_start):
        return None  # spaced on one side only: no spaced-out list
    nxt_start += spaced
    if masks.blocked[nxt_start]:
        return None
    nxt = read_part(view, text, nxt_start, lex)
    # 50、75、100、125平方米: the bare figures between take the unit of the one that closes the list, the same mark
    # between each (found by a probe of hand-written excerpts, where only 100 was read in it)
    hops = 0
    while (
        nxt is not None
        and nxt.unit is None
        and not nxt.scale_text
        and nxt.chinese == first.chinese
        and hops < _LIST_HOPS
        and view.startswith(joiner, nxt.end)
        and joiner in _CHAIN_JOINERS
        and nxt.end + len(joiner) < len(view)
        and not masks.blocked[nxt.end + len(joiner)]
    ):
        nxt = read_part(view, text, nxt.end + len(joiner), lex)
        hops += 1
    if nxt is None or nxt.unit is None or nxt.unit.kind in ("skip", "span") or nxt.chinese != first.chinese:
        return None
    if nxt.end in masks.through and _unit_goes_on(view, nxt, masks.through[nxt.end], lex):
        return None  # 2.7個(gè)百分點: pinyin ruby inside the unit, which reads on past it (个百分点, no 个)
    if first.unit is None and not first.scale_text:
        scale = nxt.scale
    elif first.unit is not None and _shortened_unit(first.unit, nxt.unit):
        scale = first.scale
    else:
        return None
    if numbers_an_item(view, first.start):
        return None  # 2、7.1亿元 at a line's start: the item's number, not a figure of a list
    return Part(
        first.start,
        first.core_end,
        first.number * _power_taken(first, nxt),
        first.high,
        first.chinese,
        first.percent_prefix,
        scale,
        "",  # the scale is borrowed, not written here
        first.core_end,
        first.mid,
        nxt.unit,
        first.end,
        first.end,
        borrowed=text[nxt.scale_start : nxt.scale_start + len(nxt.scale_text)]
        + text[nxt.unit_start : nxt.unit_start + len(nxt.unit.text)],
    )


def _unit_goes_on(view: str, part: Part, after: int, lex: Lex) -> bool:
    """Whether the unit ``part`` ends with goes on past the pinyin ruby that ends at ``after``: a longer unit
    opens with it and the character there (個 and 百 of 個(gè)百分點)."""
    assert part.unit is not None
    longer = part.unit.text + view[after : after + 1]
    return after < len(view) and any(u.startswith(longer) for u in lex.units)


def _power_taken(first: Part, nxt: Part) -> int:
    """三、五千元 is three or five thousand: a single digit in characters before a digit times a power (五千, 七十)
    takes the power, as a scale is taken (found on the excerpts, read as 3 元); a digit as large or larger (五、三千)
    reads as written. Digits are left as written: 2、300人 lists two figures as often."""
    if not (first.chinese and nxt.chinese) or first.high is not None or first.scale_text:
        return 1
    n, power = int(nxt.number), 1
    if n != nxt.number or not 0 < first.number < 10 or first.number != int(first.number):
        return 1
    while n >= 10 and n % 10 == 0:
        n, power = n // 10, power * 10
    return power if power > 1 and n < 10 and first.number < n else 1


def _shortened_unit(unit: Unit, full: Unit) -> bool:
    """1.9个和3.3个百分点: ``unit`` stands for ``full`` cut short when ``full``'s base unit begins with it and
    counts another kind of thing. Units of one kind that begin alike (人 and 人次, 千瓦 and 千瓦时) are different
    units that a list may mix; a skipped unit (日 before 日元) is a date, not a figure."""
    return full.base.startswith(unit.text) and unit.kind != full.kind and not {"skip", "span"} & {unit.kind, full.kind}


@cache
def pair_marks() -> frozenset[str]:
    return frozenset(column("ranges.tsv", "text", kind="pair_joiner"))


@cache
def _pair_values() -> frozenset[tuple[int, int]]:
    """The pairs of ranges.tsv (两三, 三五) as numbers: (2, 3), (3, 5)."""
    digits = numerals.tables().digits
    return frozenset((digits[p[0]], digits[p[1]]) for p in numerals.tables().pairs)


_EACH_REACH = 12  # how far back a word of "respectively" makes the figures after it a list's


@cache
def _each() -> tuple[str, ...]:
    return column("ranges.tsv", "text", kind="pair_each")


@cache
def _not_after() -> frozenset[str]:
    return frozenset(column("ranges.tsv", "text", kind="pair_not_after"))


@cache
def _ordinal_units() -> frozenset[str]:
    return frozenset(column("ranges.tsv", "text", kind="pair_ordinal"))


def names_by_number(unit: Unit) -> bool:
    """Whether ``unit`` names things by their number (ranges.tsv pair_ordinal: 一二类苗 are classes one and two)."""
    return unit.text in _ordinal_units() or unit.base in _ordinal_units()


def paired_range(view: str, text: str, first: Part, masks: Masks, lex: Lex) -> tuple[Part, int] | None:
    """7、8户, 七、八位, 四、五萬元, 七、八十岁, 十四、五岁: two neighbouring digits a mark joins (ranges.tsv
    pair_joiner) before a unit are one guess, a range, not a list of two figures (7户 and 8户, found in the
    stand-in). The second part and the power the first takes (七 of 八十 is 70) or None.

    Only a lone digit before the mark, or tens and a digit, after a word or a comma: at a line's start the first is
    a heading's number (二、三个着力推进), after another digit or mark it is a longer list's (6、7、8户), after 第 an
    ordinal's, after 分别 a list's (分别增长3、5%); and not before a unit of names by number (一、二期, 二、三产业:
    ranges.tsv pair_ordinal) nor a percentage's (3、5% lists two rates as often)."""
    if first.unit is not None or first.scale_text or first.high is not None or first.mid is not None:
        return None
    if first.start == 0:
        return None
    tens = first.core_end - first.start > 1
    if tens and not _tens_and_digit(view[first.start : first.core_end], first):
        return None  # a longer numeral pairs only as 十四、五岁 does: its last digit and the next
    prev = view[first.start - 1]
    tables = numerals.tables()
    if not (is_han(prev) or prev in ",，") or prev in tables.digits or prev in tables.powers:
        return None
    if prev in tables.before_no_count or prev in _not_after():
        return None
    if any(w in view[max(0, first.start - _EACH_REACH) : first.start] for w in _each()):
        return None  # 分别增长3、5%: each of a list's figures, no guess between two
    second_start = first.end + 1
    if second_start >= len(view) or masks.blocked[second_start]:
        return None
    second = read_part(view, text, second_start, lex)
    if (
        second is None
        or second.unit is None
        or second.chinese != first.chinese
        or second.high is not None
        or second.unit.kind in ("skip", "percent", "points")
        or second.unit.base in _ordinal_units()
        or second.unit.text in _ordinal_units()
    ):
        return None
    if tens:
        last = int(first.number) % 10
        if second.core_end - second.start != 1 or second.scale_text or (last, int(second.number)) not in _pair_values():
            return None
        return dataclasses.replace(second, number=first.number - last + second.number), 1
    power = _power_taken(first, second) if first.chinese else 1
    if (int(first.number), int(second.number) // power) not in _pair_values() or second.number % power:
        return None
    if not first.chinese and second.core_end - second.start != 1:
        return None  # 6、70人: a digit before a number of its own lists two figures as often
    return second, power


def _tens_and_digit(numeral: str, first: Part) -> bool:
    """Whether a numeral in characters is tens and a digit (十四, 二十三): 十四、五岁 is fourteen or fifteen (found
    blind in round s706, read as 5 岁)."""
    tables = numerals.tables()
    return (
        first.chinese
        and 10 < first.number < 100
        and first.number == int(first.number)
        and numeral[-1] in tables.digits
        and numeral[-2] in tables.powers
    )
