"""One figure's parts, read at a position of the normalized view: the numeral run and its value, a scale, an
approximation word between them, and the unit after (quantities.py combines parts into ranges and quantities).

Every word comes from ``extractor/data``: numerals.tsv, units.tsv, approx.tsv.
"""

from __future__ import annotations

import bisect
import dataclasses
import operator
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from extractor import layout, numerals
from extractor.quantity_lexicon import Lex, Unit, lexicon

if TYPE_CHECKING:
    from extractor.models import Quantity


LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
DIGITS = frozenset("0123456789")
# A numeral glued to letters, digits or a dot is part of a code (PM2.5, C35, 1.2.3, G318, 3#楼), never a count.
CODE_BEFORE = LETTERS | frozenset("0123456789._/#")


@dataclass(slots=True)
class QMatch:
    """One quantity mention; spans index the original text (the view has the same length)."""

    start: int
    end: int
    number: Decimal
    high: Decimal | None
    unit: str  # as written: scale and unit, e.g. 億元
    base_value: Decimal
    base_high: Decimal | None
    base_unit: str
    approx: str | None
    kind: str  # money, measure, count, percent, points, times
    chinese: bool  # written with Chinese numerals
    core_start: int  # where the numeral itself starts (after any pre-approximation word)
    unit_end: int  # where the unit ends (before any post-approximation word)
    # The record made of it (records.QuantityModels), once, and shared by every record that quotes it.
    model: Quantity | None = field(default=None, compare=False, repr=False)


def inside_found(found: list[QMatch], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a figure of ``found`` (in text order): a figure read later never takes the
    characters of one read before it."""
    i = bisect.bisect_left(found, end, key=_START)
    return i > 0 and found[i - 1].end > start


_START = operator.attrgetter("start")


def unit_at(view: str, pos: int, lex: Lex, after_scale: bool = False) -> Unit | None:
    """The unit at ``pos``; ``after_scale`` when a scale stands right before it (30万|对)."""
    if pos >= len(view) or view[pos] not in lex.unit_first:
        return None
    for n in lex.unit_lengths[view[pos]]:
        u = lex.units.get(view[pos : pos + n])
        if (
            u is not None
            and (
                not (u.alone or (after_scale and u.alone_after_scale))
                or nothing_goes_on(view, pos + n, lex)
                or view.startswith(u.alone_then, pos + n)
                or _next_figure(view, pos + n, u, lex)
            )
            and not (u.latin and _latin_goes_on(view, pos + n))
            and not (u.opens and view.startswith(u.opens, pos + n))
        ):
            return _per_unit(view, pos + n, u, lex) if u.kind in _PER_KINDS and view.startswith("/", pos + n) else u
    return None


# The kinds of unit a unit after a slash may join: money (a price) and measures and counts (a rate, a yield).
_PER_KINDS = frozenset({"money", "measure", "count"})


def _per_unit(view: str, slash: int, money: Unit, lex: Lex) -> Unit:
    """A price per a unit the table does not pair with money (新瓦1元/片, 15—20元/只: found blind in rounds s684 and
    s685, read as 元 alone): the unit after the slash joins it, money per that unit, as written; and so for a
    measure or a count (10公斤/张, 8尾/斤, 19.4亩/羊单位, 1.2万件/日: the stand-in's annotators wrote every such unit
    with its slash; found by probes of hand-written excerpts)."""
    pos = slash + 1
    if pos < len(view) and view[pos] in lex.unit_first:
        for n in lex.unit_lengths[view[pos]]:
            per = lex.units.get(view[pos : pos + n])
            if per is not None and per.kind != "money" and not (per.latin and _latin_goes_on(view, pos + n)):
                return _joined(money, per)
    return money


@lru_cache(maxsize=256)
def _joined(money: Unit, per: Unit) -> Unit:
    return dataclasses.replace(
        money, text=f"{money.text}/{per.text}", base=f"{money.base}/{per.base}", opens=(), alone=False
    )


def _next_figure(view: str, end: int, unit: Unit, lex: Lex) -> bool:
    """Whether the next figure's digits follow a count's unit that stands alone only at a word's end: no word goes
    on there either (新增小额信贷295笔1452万元: found blind in round s591), or only a word of their sum does
    (发放小额扶贫贷款86笔共340万元: a probe of hand-written excerpts)."""
    if unit.kind != "count" or end >= len(view):
        return False
    if view[end] not in DIGITS:
        end += next((len(w) for w in lex.sum_words if view.startswith(w, end)), 0)
    return end < len(view) and view[end] in DIGITS


def _latin_goes_on(view: str, end: int) -> bool:
    # A unit in Latin letters is a whole word: 5mg is no 5 m, 10min no 10 m.
    return end < len(view) and view[end].isascii() and view[end].isalpha()


def nothing_goes_on(view: str, pos: int, lex: Lex) -> bool:
    """Whether no word goes on at ``pos``: the end, a mark or a space, or an approximation word (左右)."""
    if pos >= len(view) or not view[pos].isalnum():
        return True
    return view[pos] in lex.post_first and word_at(view, pos, lex.post, lex.max_post) is not None


def word_at(view: str, pos: int, words: dict[str, str], longest: int) -> str | None:
    for n in range(min(longest, len(view) - pos), 0, -1):
        w = view[pos : pos + n]
        if w in words:
            return w
    return None


def word_before(view: str, pos: int, words: dict[str, str], longest: int) -> str | None:
    for n in range(min(longest, pos), 0, -1):
        w = view[pos - n : pos]
        if w in words:
            return w
    return None


@dataclass(slots=True)
class Part:
    """One numeral with what follows it, before it is combined into a range or a quantity."""

    start: int
    core_end: int
    number: Decimal
    high: Decimal | None
    chinese: bool
    percent_prefix: bool
    scale: Decimal
    scale_text: str
    scale_start: int
    mid: str | None
    unit: Unit | None
    unit_start: int
    end: int
    borrowed: str | None = None  # the unit and scale as written on the next figure of a list (70和50亿元)
    floor: str | None = None  # the unknown digit ending the numeral after a power (几 of 十几个): its floor is read


def _measure_word_then(view: str, pos: int, unit: Unit, lex: Lex) -> tuple[Unit, str | None]:
    """个 at ``pos``, an approximation word and a unit that 个 opens (5个多百分点, 9个多百分点: more than five points,
    found by a probe of hand-written excerpts, w187, and read as 5个): that unit, its span from 个, and the word; else
    ``unit`` and no word."""
    at = pos + len(unit.text)
    word = word_at(view, at, lex.mid, lex.max_mid) if at < len(view) and view[at] in lex.mid_first else None
    if word is None:
        return unit, None
    after = unit_at(view, at + len(word), lex)
    if after is None or unit.text + after.text not in lex.units:
        return unit, None
    whole = dataclasses.replace(after, text=view[pos : at + len(word) + len(after.text)])
    return whole, word


def split_scale(run: str) -> tuple[str, str]:
    """Split a numeral run into its core and a trailing scale (30|万, 5|千万, 三千五百|万).

    A run that already holds a section before its last figures (25万6千, 十亿3000万) is one compound numeral.
    """
    scales = scale_chars()
    if not run or run[-1] not in scales:
        return run, ""  # most figures: no scale at the end
    sections = section_chars()
    i = len(run)
    while i > 0 and run[i - 1] in scales:
        i -= 1
    if i == len(run) or i == 0:
        return run, ""
    if any(c in sections for c in run[:i]):
        return run, ""
    if run[i - 1].isascii() and run[i - 1].isdigit() and all(c.isascii() for c in run[:i]):
        return run[:i], run[i:]
    j = len(run)
    while j > i and run[j - 1] in sections:
        j -= 1
    return run[:j], run[j:]


def _regrouped(core: str, scale: Decimal) -> Decimal | None:
    """The value of ``core`` in units of ``scale`` when a section larger than the scale stands inside it (1億1,300
    before 餘萬: 11300 万), the digits after that section being the scale's; None when none does."""
    sections = numerals.tables().sections
    i = next((i for i in range(len(core) - 1, -1, -1) if sections.get(core[i], 0) > scale), -1)
    if i < 0 or i == len(core) - 1:
        return None
    try:
        return numerals.parse(core[: i + 1])[0] / scale + numerals.parse(core[i + 1 :])[0]
    except numerals.NumeralError:
        return None


@cache
def prefix_first() -> frozenset[str]:
    """First characters of the percent prefixes (百分之): most numerals start with none of them."""
    return frozenset(p[0] for p in numerals.tables().percent_prefixes)


@cache
def section_chars() -> str:
    """万 and 亿: they close a group, so what follows them belongs to the same numeral (3万4000)."""
    return "".join(numerals.tables().sections)


@cache
def scale_chars() -> str:
    """Scales that may stand between a number and its unit (30万元, 5千万元): sections and the powers 百, 千."""
    t = numerals.tables()
    return "".join([*t.sections, *(c for c, v in t.powers.items() if v >= 100)])


def prefix_len(view: str, pos: int) -> int:
    return next((len(p) for p in numerals.tables().percent_prefixes if view.startswith(p, pos)), 0)


ONE = Decimal(1)


@cache
def spoken_first() -> frozenset[str]:
    return frozenset(w[0] for w in numerals.tables().spoken_sections)


@cache
def scale_value(s: str) -> Decimal:
    """万亿 -> 1e12. Cached: a text writes only a few scales, and most figures none."""
    v = ONE
    for c in s:
        v *= numerals.scales()[c]
    return v


ASCII_DIGIT = re.compile("[0-9]")  # one ASCII digit: a numeral run holding one is no Chinese numeral


@cache
def _decimal_section() -> re.Pattern[str]:
    return re.compile(rf"[0-9]{{1,12}}\.([0-9]{{1,6}})([{''.join(numerals.tables().sections)}])(?=[0-9])")


def coarse_head(run: str) -> int | None:
    """Where a run's head ends when it is a decimal and its section (万, 亿) and the number after them is one of its
    own, no finer than the head: 总人口2.4万4828户 is 2.4万 (counted to the thousand) and 4828户, no 28828 户 (found
    blind in round s951); None when the run is one number (1万2000元, 1.2万50)."""
    m = _decimal_section().match(run)
    if m is None:
        return None
    try:
        tail, _ = numerals.parse(run[m.end() :])
    except numerals.NumeralError:
        return None
    return m.end() if tail >= numerals.tables().sections[m.group(2)] // 10 ** len(m.group(1)) else None


@lru_cache(maxsize=8192)
def numeral(run: str) -> tuple[str | None, int, str, Decimal, Decimal | None, bool, str | None] | None:
    """A numeral run read: its percent prefix (百分之), the length of its core as written, its trailing scale, its
    value (and high end), and whether it is written in Chinese numerals; None when it reads as no number.

    It depends on the run alone, and a text repeats a few runs many times (5%, 1.5亿元)."""
    prefix = (
        next((p for p in numerals.tables().percent_prefixes if run.startswith(p)), None)
        if run[0] in prefix_first()
        else None
    )
    body = run[len(prefix) :] if prefix else run
    core, scale_text = (body, "") if prefix else split_scale(body)
    # The span ends where the numeral as written ends, whatever is added to read it.
    core_len = len(core)
    if prefix and core in numerals.tables().powers:
        core = "一" + core  # 百分之百: a bare power after the prefix means one of it
    if not core:
        return None
    # 十几个: the round number and more, as the annotators read it (approx.tsv floor), not the range 11 to 19
    floor = core[-1] if len(core) > 1 and core[-1] in _floors() and core[-2] in numerals.tables().powers else None
    try:
        number, high = numerals.parse(core[:-1] if floor else core)
    except numerals.NumeralError:
        return None
    return prefix, core_len, scale_text, number, high, ASCII_DIGIT.search(core) is None, floor


@cache
def _floors() -> frozenset[str]:
    return frozenset(lexicon().floor)


_WIDE_DIGITS = frozenset("０１２３４５６７８９")
_GROUP = 3


def _wide_group(text: str, comma: int, run_end: int) -> bool:
    """Whether the full-width comma at ``comma`` parts groups of full-width digits: one before it, three after it
    and no fourth."""
    after = text[comma + 1 : min(run_end, comma + 2 + _GROUP)]
    return (
        text[comma] == "，"
        and comma > 0
        and text[comma - 1] in _WIDE_DIGITS
        and len(after) >= _GROUP
        and all(c in _WIDE_DIGITS for c in after[:_GROUP])
        and after[_GROUP:] not in _WIDE_DIGITS
    )


def read_part(view: str, text: str, start: int, lex: Lex, run: re.Match[str] | None = None) -> Part | None:
    """The numeral at ``start`` and what follows it; ``run`` is the numeral run's match there when it was found
    already."""
    m = run if run is not None else lex.numeral_run.match(view, start)
    if not m:
        return None
    run = m.group()
    if len(run) > numerals.MAX_LENGTH:
        return None
    # A full-width comma in the original is a list separator, never a thousands separator (no percent prefix
    # holds a comma, so the cut falls in the numeral's body), but between full-width digits, three after it: a text
    # written in full-width digits writes its separators full-width too (新增高接換種２，３５０畝)
    k = run.find(",")
    while k >= 0:
        if text[start + k] != "," and not _wide_group(text, start + k, start + len(run)):
            run = run[:k]
            break
        k = run.find(",", k + 1)
    run = run[: coarse_head(run)]
    read = numeral(run)
    if read is None:
        return None
    prefix, core_len, scale_text, number, high, chinese, floor = read
    percent_prefix = prefix is not None
    core_end = start + (len(prefix) if prefix else 0) + core_len
    scale_start = core_end
    pos = core_end + len(scale_text)
    contiguous = True
    if (
        not scale_text
        and not chinese
        and pos + 1 < len(view)
        and view[pos] == " "
        and not layout.numbers_a_row(view, start, pos)
    ):
        # Text from PDFs spaces figures apart (下降到 2.88 万人): one space may stand before the scale or unit.
        j = pos + 1
        while j < len(view) and view[j] in section_chars() and j - pos <= 2:
            j += 1
        if j > pos + 1 or unit_at(view, pos + 1, lex) is not None:
            scale_start, scale_text, pos = pos + 1, view[pos + 1 : j], j
    mid = word_at(view, pos, lex.mid, lex.max_mid) if pos < len(view) and view[pos] in lex.mid_first else None
    if mid:
        pos += len(mid)
        if scale_text and scale_text in numerals.tables().powers and pos < len(view) and view[pos] in section_chars():
            # 1千余万元: a power before the approximation word is the number's own (1000余万元), as in 两千余万元.
            number = number * scale_value(scale_text)
            high = high * scale_value(scale_text) if high is not None else None
            scale_text = ""
        if scale_text:
            contiguous = False  # 2万余元: the scale came before the approximation word
        else:
            scale_start = pos  # 40余万元: the scale follows it
            while pos < len(view) and view[pos] in section_chars() and pos - scale_start < 2:
                pos += 1
            scale_text = view[scale_start:pos]
            if scale_text and high is None and (regrouped := _regrouped(view[start:core_end], scale_value(scale_text))):
                number = regrouped  # 1億1,300餘萬元: 1億 and 1300余万, no 1300 hundred-millions and more (w279)
    if not scale_text and mid is None and pos < len(view) and view[pos] in spoken_first():
        # 4.9个亿, 两个亿: a measure word before the section, as speech puts it, and no unit after it: a unit after it
        # makes a class of what is counted (284个亿元以上项目, 三个亿元项目), and so does a section (一个亿万富翁).
        spoken = next((w for w in numerals.tables().spoken_sections if view.startswith(w, pos)), None)
        after = pos + len(spoken) if spoken is not None else pos
        if (
            spoken is not None
            and unit_at(view, after, lex) is None
            and not (after < len(view) and view[after] in section_chars())
        ):
            scale_text = numerals.tables().spoken_sections[spoken]
            inner = spoken[1 : -len(scale_text)]
            mid = inner if inner in lex.mid else None  # 1.5个多亿: more than 1.5亿
            pos += len(spoken)
            scale_start = pos - len(scale_text)
    if percent_prefix:
        unit = lex.units[numerals.tables().percent_prefixes[prefix]]  # type: ignore[index]
        return Part(
            start, core_end, number, high, chinese, True, Decimal(1), "", core_end, mid, unit, start, pos, floor=floor
        )
    if contiguous and scale_text:
        unit, unit_start, scale_text = best_unit(view, pos, scale_text, lex)
    else:  # most figures: no scale to share with the unit (5%, 12所), the unit at pos is the one
        unit, unit_start = unit_at(view, pos, lex), pos
        if unit is not None and mid is None and unit.text in spoken_first():
            unit, mid = _measure_word_then(view, pos, unit, lex)
    if unit is None and mid is not None and not (contiguous and scale_text):
        # 多/余 that is not followed by a unit belongs to the next word (10多个 is fine, 3多措 is not). Followed by a
        # scale it stays (资金20余万): the figure may be money that a money word names (quantities.py decides).
        pos -= len(mid) + (len(scale_text) if scale_start > core_end else 0)
        mid = None
    end = unit_start + len(unit.text) if unit else pos
    return Part(
        start,
        core_end,
        number,
        high,
        chinese,
        False,
        scale_value(scale_text),
        scale_text,
        scale_start,
        mid,
        unit,
        unit_start,
        end,
        floor=floor,
    )


def best_unit(view: str, pos: int, scale_text: str, lex: Lex) -> tuple[Unit | None, int, str]:
    """The unit after a numeral and the scale characters written right before ``pos``. Scale characters may
    belong to the unit (5千米, 0.5百分点): of the readings that find a unit, the one with the longest unit wins."""
    best: tuple[Unit | None, int, str] = (None, pos, scale_text)
    best_len = 0
    scale_start = pos - len(scale_text)
    for cut in range(len(scale_text), -1, -1):
        at = scale_start + cut
        u = unit_at(view, at, lex, cut > 0)
        if u is not None and len(u.text) > best_len:
            best = (u, at, scale_text[:cut])
            best_len = len(u.text)
    return best
