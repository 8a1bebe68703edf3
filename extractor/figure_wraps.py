"""Figures read across a wrap: where a line break, a page footer or pinyin ruby right after a numeral may split it
from its scale, unit or approximation word (23\\n亿元, 4022\\n- 1 -\\n万元, 500万(wàn)元), and the reading that
joins the parts (wraps.py finds the gaps; the quantity reader reads the joined string and maps its spans back)."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable
from functools import cache

from extractor import figure_context, layout, numerals, wraps
from extractor._data import by_last, column
from extractor.figure_heads import after_spaced_point, before_spaces
from extractor.figure_lists import opens_line
from extractor.figure_parts import DIGITS, QMatch, scale_chars
from extractor.masks import Masks
from extractor.quantity_lexicon import Lex, lexicon
from extractor.segment import CLAUSE_MARKS

# How far past a numeral a wrap may split its scale, unit or approximation word (5 个百 分点), and how much of
# the text before it the reading looks at (a sign, 约, 超过).
WRAP_TAIL = 16
# No figure runs across a sentence or clause mark: a wrap after one is not looked for.
_WRAP_STOP = CLAUSE_MARKS
# The standard engine: these are tried after every numeral, where it is several times faster than regex's.
_WRAP_BREAK = re.compile(rf"[{re.escape(_WRAP_STOP)} \t\r\n]")
SPACE = re.compile(r"[ \t\r\n]")
WRAP_NEAR = re.compile(rf"[^{re.escape(_WRAP_STOP)} \t\r\n]{{0,{WRAP_TAIL}}}[ \t\r\n]")


@cache
def _wrap_no_follow() -> frozenset[str]:
    """What may not follow a wrap inside a figure: a digit or a point would make a new number of two (增长5 and the
    next line's 1.), where a scale (万, 亿) or a unit completes the one figure."""
    return frozenset("0123456789.,") | (frozenset(numerals.chinese_chars()) - frozenset(scale_chars()))


@cache
def _continuers() -> frozenset[str]:
    """What a figure's next part starts with: a scale, a unit, an approximation word or a range separator, or the
    rest of a unit that a wrap split (35公\\n里): the reading across the wrap then decides."""
    lex = lexicon()
    unit_rest = frozenset(c for u in column("units.tsv", "unit") for c in u[1:])
    return frozenset(scale_chars()) | lex.unit_first | unit_rest | lex.mid_first | lex.post_first | lex.separator_first


_RANGE_LOW = 12  # the longest first number of a range looked back for
_LOW_CHARS = frozenset("0123456789.,")


def range_low(view: str, start: int, lex: Lex, read_to: int) -> int | None:
    """Where the first number of a range starts when the numeral at ``start`` is its second one (8000-900\\n0元):
    read alone across the wrap that cuts it, the second would stand for the range. None when no separator of one
    character and digits stand right before ``start``, or a figure read already holds them."""
    sep = start - 1
    if sep < 1 or view[sep] not in lex.separators or view[sep - 1] not in DIGITS:
        return None
    low = sep - 1
    while low > read_to and sep - low < _RANGE_LOW and view[low - 1] in _LOW_CHARS:
        low -= 1
    if low > 0 and view[low - 1] in _LOW_CHARS:
        return None  # longer than any first number
    while view[low] not in DIGITS:
        low += 1  # a clause's comma before it (人,8000-900\n0元)
    return low


def wrap_after(view: str, gap: int) -> tuple[int, int] | None:
    """The wrap starting at ``gap`` (where it starts, where it ends) when what follows it may continue a figure:
    most line ends after a number (a table row, a heading) are followed by a word, and the figure is then read no
    further."""
    no_follow = _wrap_no_follow()
    end = wraps.gap_end(view, gap, no_follow)
    if end is None:
        after = gap
        while after < len(view) and view[after] in " \t\r\n" and after - gap < _UNIT_GAP:
            after += 1
        if after < len(view) and view[after] in no_follow and _unit_goes_on(view, gap, view[after]):
            # 8个百分\n点: a unit's last character is a numeral's too (点), the wrap no new number's start
            end = wraps.gap_end(view, gap, no_follow - {view[after]})
    return (gap, end) if end is not None and view[end] in _continuers() else None


_UNIT_GAP = 4  # a line break and a few spaces


@cache
def _units_by_last() -> dict[str, tuple[str, ...]]:
    return by_last([u for u in column("units.tsv", "unit") if len(u) > 1])


def _unit_goes_on(view: str, gap: int, last: str) -> bool:
    """Whether the characters right before ``gap`` and ``last`` after it end a unit of two characters or more."""
    before = view[max(0, gap - 4) : gap]
    return any((before + last).endswith(u) for u in _units_by_last().get(last, ()))


def through_after(view: str, pos: int, masks: Masks) -> tuple[int, int] | None:
    """The first region read across (pinyin ruby) that starts within a figure's reach of ``pos``, with no mark
    or space before it: 500万(wàn)元."""
    i = bisect.bisect_left(masks.through_starts, pos)
    if i == len(masks.through_starts):
        return None
    s = masks.through_starts[i]
    if s - pos > WRAP_TAIL or _WRAP_BREAK.search(view, pos, s) is not None:
        return None
    return s, masks.through[s]


def read_across_wrap(
    text: str,
    view: str,
    start: int,
    run_end: int,
    masks: Masks,
    lex: Lex,
    plain: QMatch | None,
    gap: tuple[int, int],
    read_at: Callable[[str, str, int, Masks, Lex], tuple[QMatch | None, int]],
) -> tuple[QMatch, int] | None:
    """The figure at ``start`` read across the wraps that follow its numeral (23\\n亿元, 4022\\n- 1 -\\n万元), when
    that reads more of it than the plain reading: a unit found only across the wrap, or a longer one (5 个百 分点).

    The characters around the figure are read as one string with the wraps left out, and what is found there is
    mapped back, so the span covers the wrap and ``text[start:end]`` holds it as written. ``read_at`` is the
    quantity reader's own reading at a position.
    """
    if view[gap[0]] in "\r\n" and opens_line(view, start) and figure_context.after_a_sentence(view, start):
        # A number alone on its line after a sentence's end (a year or a page number over a broken text layer:
        # 开局。\n2022\n成近1.07亿元) is no figure a wrap cut short; after words it is (面积达\n7860\n亩).
        return None
    if (
        ((view[gap[0]] in "\r\n" and opens_line(view, start)) or not view[gap[0] : gap[1]].strip(" \t"))
        and view[gap[1] : gap[1] + 1] in numerals.tables().signs
        and view[gap[1] + 1 : gap[1] + 2] in DIGITS
    ):
        # 3936\n-3.03%: a column's cells, the next a signed figure of its own (found blind in round s402); so is one
        # after spaces (增值税  6852  -9.6%, a table pasted as text: read as a range of 9.6 to 6852 %, a wrong value,
        # by a probe of hand-written excerpts), as a dash with a space before it alone joins no range where no wrap is
        return None
    if not view[gap[0] : gap[1]].strip(" \t") and layout.numbers_a_row(view, start, gap[0]):
        return None  # 1 双龙湖公园…\n2 张庄…: a ledger row's number, a space and its project's name
    if view[gap[0]] in "\r\n" and figure_context.marked_page_number(view, start, gap[0]):
        return None  # a page number over a running head (P. 242\n天府新区年鉴) is no figure cut from its unit
    if after_spaced_point(view, before_spaces(view, start)):
        return None  # 2 9  . 5 万 元: the window read below starts after the number's head
    if view[gap[0]] in "\r\n" and wraps.label_rows(view, start, gap[0], gap[1]):
        return None  # 女764\n家庭户户数503: rows of a table, the next row's label no unit of this number
    lo = max(0, start - lex.max_pre - 1)
    where = wraps.joined(view, lo, run_end, WRAP_TAIL, _wrap_no_follow(), _WRAP_STOP, gap, masks.through)
    if where[-1] - lo + 1 == len(where):
        return None  # no wrap crossed
    # One getter picks every position in C. It gives a tuple for two positions or more, and a crossed wrap means the
    # numeral and at least one character after the wrap.
    pick = operator.itemgetter(*where)
    lview = "".join(pick(view))
    ltext = "".join(pick(text))
    lmasks = Masks(0)
    lmasks.blocked = bytearray(pick(masks.blocked))
    lmasks.quoted = bytearray(pick(masks.quoted))
    q, _ = read_at(ltext, lview, start - lo, lmasks, lex)
    if q is None:
        return None
    core_start, unit_end = where[q.core_start], where[q.unit_end - 1] + 1
    if unit_end - core_start == q.unit_end - q.core_start:
        return None  # the figure itself crosses no wrap (only its approximation word might)
    if plain is not None and plain.unit_end >= unit_end:
        return None
    if q.kind == "count" and q.number != int(q.number) and q.unit == q.base_unit:
        return None  # 12.4\n家禽出笼: a table's cell at its line's end, no count of 12.4 firms (a probe's table)
    q.start, q.end = where[q.start], where[q.end - 1] + 1
    q.core_start, q.unit_end = core_start, unit_end
    return q, q.end
