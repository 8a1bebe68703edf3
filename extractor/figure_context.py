"""What stands right around a figure, as the quantity reader asks of it: a word that signs it (零下), the marks of a
page number on its line (- 242 -), a sentence's end before its line, a word that makes a skip unit a measure (东北风
2级), pinyin ruby right before it (第(dì)344名), and a half after its unit (两年半)."""

from __future__ import annotations

import bisect
from decimal import Decimal
from functools import cache

from extractor import numerals, wraps
from extractor._data import column
from extractor.figure_parts import word_before
from extractor.han import is_han
from extractor.masks import Masks
from extractor.quantity_lexicon import Lex, Unit
from extractor.segment import INLINE_SPACES


def sign_word(view: str, start: int, base: str) -> str | None:
    """The word before ``start`` that signs a figure in ``base`` (零下 before a temperature), if there is one."""
    return next(
        (w for w, units in numerals.tables().sign_words.items() if base in units and view.endswith(w, 0, start)), None
    )


_SPACES_AND_BREAKS = INLINE_SPACES + "\r\n"


def marked_page_number(view: str, start: int, brk: int) -> bool:
    """Whether the line holding the number at ``start`` (ending at ``brk``) is a page number with a mark of its own
    (- 242 -, P. 242, 第3页): a bare number alone on its line may be a figure's head (面积达\n7860\n亩)."""
    lo = view.rfind("\n", max(0, start - _PAGE_MARK_REACH), start) + 1
    if lo == 0 and start > _PAGE_MARK_REACH:
        return False
    line = view[lo:brk]
    return not line.strip().isdigit() and wraps.PAGE_NUMBER.match(line) is not None


_PAGE_MARK_REACH = 8  # a page number's mark before it is short (P. , Page , 第 , - )


def after_a_sentence(view: str, pos: int) -> bool:
    """Whether the line before the one holding ``pos`` ends a sentence or a clause (or there is none), as the wrap
    repair reads a line's end (wraps.SENTENCE_END, from pages.tsv): the text's start or such a mark before the line
    breaks and spaces back from ``pos``."""
    p = pos
    while p > 0 and view[p - 1] in _SPACES_AND_BREAKS and pos - p < 16:
        p -= 1
    return p == 0 or view[p - 1] in wraps.SENTENCE_END


def counted_here(
    view: str, start: int, unit: Unit, masks: Masks | None = None, digits: Decimal | None = None
) -> bool:
    """Whether a word of the skip unit's counted_after stands before the number at ``start`` (东北风 2级), or one of
    its digits_after before a number in ``digits`` below a year's (运行了16年; 部署了 2011 年汛前 names the year),
    perhaps with pinyin ruby after any of its characters, the last one too (連續(xù)6年, 經(jīng)過(guò)2年: found
    blind in rounds s574 and s577), read across with ``masks``."""
    below_a_year = digits is not None and digits < _YEAR_DIGITS_FROM
    words = unit.counted_after + unit.digits_after if below_a_year else unit.counted_after
    if not words:
        return False
    p = start
    while p > 0 and view[p - 1] == " " and start - p < 2:
        p -= 1
    if view.endswith(words, 0, p):
        return True
    if masks is None or not masks.through_starts:
        return False
    return any(_ends_across(view, p, w, masks) for w in words)


def _ends_across(view: str, end: int, word: str, masks: Masks) -> bool:
    """Whether ``word`` ends at ``end`` with pinyin ruby after any of its characters."""
    p = end
    for ch in reversed(word):
        p = before_ruby(view, p, masks)
        if p == 0 or view[p - 1] != ch:
            return False
        p -= 1
    return True


def counted_then(view: str, end: int, unit: Unit, number: Decimal, chinese: bool) -> bool:
    """Whether a word of the skip unit's counted_then follows it (利用2年时间, 需要3年的时间), or one of its
    digits_then after a number in digits (近10年来; 一年来 opens a report's review): no year's name is followed so,
    but a year written in full may be (2020年时间过半), so only a number below a year's is."""
    if not (unit.counted_then or unit.digits_then) or number >= _YEAR_DIGITS_FROM:
        return False
    return view.startswith(unit.counted_then, end) or (not chinese and view.startswith(unit.digits_then, end))


# The smallest number a year is written with in full (2020年时间过半 names the year)
_YEAR_DIGITS_FROM = Decimal(1000)


def before_ruby(view: str, start: int, masks: Masks) -> int:
    """Where the pinyin ruby that ends right before ``start`` begins, or ``start`` when none does."""
    if start == 0 or view[start - 1] != ")" or not masks.through_starts:
        return start
    k = bisect.bisect_left(masks.through_starts, start) - 1
    if k >= 0 and masks.through[masks.through_starts[k]] == start and masks.through_starts[k] > 0:
        return masks.through_starts[k]
    return start


def across_break(view: str, pos: int, chars: frozenset[str]) -> int:
    """Where the line break that ends right before ``pos`` begins, when one of ``chars`` stands before it (第\n六次:
    an ordinal a copy's line break cut from its 第; a probe of hand-written excerpts, w232); else ``pos``."""
    if pos < 2 or view[pos - 1] != "\n":
        return pos
    b = pos - 1 - (pos > 2 and view[pos - 2] == "\r")
    return b if b > 0 and view[b - 1] in chars else pos


@cache
def _half() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = column("numerals.tsv", "char", kind="half")
    return frozenset(rows), column("numerals.tsv", "char", kind="half_then")


HALF = Decimal("0.5")


def half_in(unit_text: str) -> bool:
    """Whether a unit holds a half (个半月: 一个半月 is 1.5 个月)."""
    return any(h in unit_text for h in _half()[0])


def tenth_after(view: str, pos: int) -> Decimal | None:
    """The digit of a tenth right after a unit of tenths (6成3, 八成五: 63 % and 85 %, found blind in round s841 and
    by a probe of hand-written excerpts, read as none and as 80 %), or None: one digit alone, then no word of its own
    (as after a half: numerals.tsv half_then) and no further digit, point or unit sign (六成3个村 reads no tenth)."""
    if pos >= len(view):
        return None
    digit = int(view[pos]) if view[pos] in "0123456789" else numerals.tables().digits.get(view[pos])
    if digit is None:
        return None
    nxt = pos + 1
    tenth = Decimal(digit) / 10
    if nxt >= len(view):
        return tenth
    c = view[nxt]
    if is_han(c):
        return tenth if view.startswith(_half()[1], nxt) else None
    return None if c.isalnum() or c in ".%" else tenth


def half_after(view: str, pos: int) -> bool:
    """Whether a half stands at ``pos``, right after a unit (两年半, 三斤半, 一畝半的土地): 半 and then no word of its
    own (numerals.tsv half_then: 3个半导体企业 and 两个半岛 count firms and peninsulas)."""
    halves, then = _half()
    if pos >= len(view) or view[pos] not in halves:
        return False
    nxt = pos + 1
    if nxt >= len(view) or not is_han(view[nxt]):
        return True
    return view.startswith(then, nxt)


def before_pre(view: str, start: int, lex: Lex) -> int:
    """Where the approximation word before the number at ``start`` begins (已有近50年, 已有近 50 年: found blind in
    round s682), spaces after it skipped; ``start`` where there is none."""
    p = start
    while p > 0 and view[p - 1] == " " and start - p < 2:
        p -= 1
    pre = word_before(view, p, lex.pre, lex.max_pre) if p and view[p - 1] in lex.pre_last else None
    return p - len(pre) if pre else start
