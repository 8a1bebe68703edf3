"""What stands right before a numeral, where a figure may or may not start: letters that name a measure (GDP19.92亿元)
or mask a name (即xxxxxx3个监测点), where other letters glued to a numeral make a code; and the head of a number a copy
broke apart, whose tail alone would be a wrong number (1 , 200 把; 2 9  . 5 万 元)."""

from __future__ import annotations

from functools import cache

from extractor import numerals
from extractor._data import column
from extractor.figure_parts import CODE_BEFORE, DIGITS, LETTERS
from extractor.han import is_han
from extractor.masks import Masks
from extractor.quantity_lexicon import lexicon
from extractor.segment import INLINE_SPACES

_NAME_MASK = 4  # the shortest masked name (a mask of digits is as short as they are)


@cache
def _measure_letters() -> frozenset[str]:
    """The letter names of measures in the indicator lexicon (GDP, CPI), upper case."""
    return frozenset(
        a.upper()
        for aliases in column("indicators.tsv", "aliases")
        for a in aliases.split("|")
        if a.isascii() and a.isalpha()
    )


def after_mask(view: str, start: int, masks: Masks) -> bool:
    """Whether the letters right before ``start`` are a masked name that noise.tsv blanked (即xxxxxx3个监测点): the
    figure after it is whole, where letters glued to a numeral otherwise make a code (G318). A mask of a figure's
    leading digits is as short as the digits it hides (增长xx0.9%, xx458元, 1XX32元): only a run of four or more
    is taken for a name."""
    i = start
    while i > 0 and start - i < _NAME_MASK and masks.blocked[i - 1] and view[i - 1] in LETTERS:
        i -= 1
    return start - i >= _NAME_MASK


def after_measure_letters(view: str, start: int) -> bool:
    """Whether the letters right before ``start`` are a measure's name (GDP19.92亿元): its figure may follow it
    with nothing between, where other letters glued to a numeral make a code."""
    i = start
    while i > 0 and view[i - 1] in LETTERS and start - i < 8:
        i -= 1
    if i > 0 and view[i - 1] in CODE_BEFORE:
        return False  # a longer code, or letters after digits
    return view[i:start].upper() in _measure_letters()


def after_unit_slash(view: str, start: int) -> bool:
    """Whether a slash right before ``start`` follows a unit in letters of a figure (200MW/400MWh, a store's power
    and energy: found blind in round s782): it joins two figures of one thing, where a slash after other letters or
    digits runs through a code or an address (…/2017-00344)."""
    if start < 3 or view[start - 1] != "/":
        return False
    i = start - 1
    while i > 0 and view[i - 1] in LETTERS and start - 1 - i < _UNIT_LETTERS:
        i -= 1
    return i < start - 1 and i > 0 and view[i - 1] in DIGITS and view[i : start - 1] in lexicon().units


_UNIT_LETTERS = 4  # the longest unit in letters before such a slash (MWh, KWh)


# What a broken decoding leaves where characters were lost (?偯娣e for 总面积, ?cè)丝诩s for 总人口约).
_RESIDUE = frozenset("?\ufffd")
# How far before the letter such a mark may stand (a pinyin ruby may sit between: 總?cè)莘e26萬立方米).
_RESIDUE_REACH = 8


def after_residue(view: str, start: int) -> bool:
    """Whether the one lower-case letter right before ``start`` is a broken decoding's residue (?偯娣e140.33平方公里,
    found on the excerpts in five copies of three sites): glued to a Han character, with a question mark or a
    replacement character a few characters before. A code's letters are upper case (G104, S310) or follow no Han
    character."""
    if start < 2 or not view[start - 1].islower() or not is_han(view[start - 2]):
        return False
    return any(c in _RESIDUE for c in view[max(0, start - 1 - _RESIDUE_REACH) : start - 1])


_TILDE_OPENS = frozenset(" \t\r\n:,")


def after_list_tilde(view: str, start: int) -> bool:
    """Whether a tilde that opens a list's entry stands right before ``start`` (410221207:~200鄧圈村 ~201鹹崗村: an
    encyclopedia's division codes, the last three digits of each village's; found blind in round s884, read as
    215 張): a tilde after a space, a mark or a line's start, where a range's has a number before it (5~10个)."""
    return start > 0 and view[start - 1] == "~" and (start == 1 or view[start - 2] in _TILDE_OPENS)


_ORDINAL_ITEMS = 8  # how many items of a list of ordinals are walked back over (第七、八、九、十)
_ORDINAL_ITEM = 3  # the longest such item (第十一、十二: the longest a numeral of a group's or a rank's takes)


def after_ordinal_list(view: str, start: int) -> bool:
    """Whether ``start`` follows a list or a range of numerals that an ordinal's 第 opens (第七、八、九个村民小组,
    第3、4名; 第11至20項): each item is an ordinal too, no count (found blind in rounds s954 and s960, read as 8 个 and
    20 项)."""
    lex = lexicon()
    ordinal = numerals.tables().before_no_count_digits
    marks = _ordinal_marks()
    p = start
    for _ in range(_ORDINAL_ITEMS):
        if p < 2 or view[p - 1] not in marks:
            return False
        q = p - 1
        while q > 0 and p - 1 - q < _ORDINAL_ITEM and (view[q - 1] in lex.chinese_chars or view[q - 1] in DIGITS):
            q -= 1
        if q == p - 1:
            return False
        if q > 0 and view[q - 1] in ordinal:
            return True
        p = q
    return False


@cache
def _ordinal_marks() -> frozenset[str]:
    """、 and the one-character separators of ranges (ranges.tsv: 至, 到, -, ~)."""
    return frozenset({"、", *(s for s in lexicon().separators if len(s) == 1)})


def after_spaced_comma(view: str, p: int) -> bool:
    """Whether a comma with a space on either side ends right before ``p``, after a digit (1 , 200 把): the group
    after it alone would be a wrong number (found blind in round s63)."""
    return p > 2 and view[p - 1] == "," and view[p - 2] == " " and view[p - 3] in DIGITS


def before_spaces(view: str, start: int) -> int:
    """Where the one or two spaces right before ``start`` begin (``start`` itself when there are none)."""
    p = start
    while p > 0 and view[p - 1] == " " and start - p < 2:
        p -= 1
    return p


def after_spaced_point(view: str, p: int) -> bool:
    """Whether a point ends right before ``p`` that spaces part from a digit before it (2 9  . 5 万 元, 1 3 6   . 7 倍:
    a scanned gazetteer's text, found blind in round s267, where 5万元 and 7倍 were read): the digits after it alone
    would be a wrong number."""
    if p < 2 or view[p - 1] != ".":
        return False
    q = p - 1
    while q > 0 and view[q - 1] in INLINE_SPACES and p - q < _POINT_GAP:
        q -= 1
    return q < p - 1 and q > 0 and view[q - 1] in DIGITS


_POINT_GAP = 48  # the widest gap a scan's column alignment sets before a point (1 3 6            . 7)


@cache
def dashes() -> frozenset[str]:
    """The range separators that may stand between spaces (1,900 — 2,100 ℃): the marks of ranges.tsv; 至 and 到 are
    words, spaced or not."""
    return frozenset(s for s in lexicon().separators if len(s) == 1 and not is_han(s))


# What a copy left between two parts of one number (1…790 米, 6?34‰, 350?1290米: a lost point, separator or dash):
# the part after it alone would be a wrong number.
DAMAGED_SEPARATORS = frozenset("…?\ufffd")


def after_bad_group(text: str, view: str, start: int) -> bool:
    """Whether ``start`` follows a comma written in ASCII right after a digit, and four or more digits follow it, no
    thousands group (2,5000万元, found on the excerpts): the number is broken, and its tail alone would be a wrong
    number. A comma the view made of a full-width one ends a clause."""
    if start < 2 or text[start - 1] != "," or view[start - 2] not in DIGITS:
        return False
    e = start
    while e < len(view) and view[e] in DIGITS and e - start < 4:
        e += 1
    return e - start == 4  # one or two digits may be a list's next item (3,5个)
