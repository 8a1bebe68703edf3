"""Number-with-unit mentions (Quantity) found on the normalized view.

A mention is: [pre-approximation] [sign] numeral [mid-approximation] [scale] unit [post-approximation],
or a range of two such numerals joined by a separator (2-3个, 4.5%—5%, 3至5个), or a percentage
written as 百分之X, or a multiplicative form (翻一番). Every word comes from ``extractor/data``.

A numeral without a unit is never a quantity: that one rule keeps years, case numbers, list markers
and numbered slogans out. Masks (noise regions, the negative list, short quoted slogans) block the rest.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from functools import cache

from extractor import (
    articles,
    bare_figures,
    budget_tables,
    count_tables,
    figure_context,
    figure_wraps,
    gazetteer,
    headed_tables,
    ledger_cells,
    numerals,
    place_counts,
    points,
    table_cells,
    wraps,
)
from extractor.figure_heads import (
    DAMAGED_SEPARATORS,
    after_bad_group,
    after_list_tilde,
    after_mask,
    after_measure_letters,
    after_ordinal_list,
    after_residue,
    after_spaced_comma,
    after_spaced_point,
    after_unit_slash,
    before_spaces,
    dashes,
)
from extractor.figure_lists import borrow_from_list, names_by_number, pair_marks, paired_range, share_post_approx
from extractor.figure_parts import (
    ASCII_DIGIT,
    CODE_BEFORE,
    DIGITS,
    LETTERS,
    Part,
    QMatch,
    coarse_head,
    prefix_len,
    read_part,
    spoken_first,
    word_at,
    word_before,
)
from extractor.han import is_han
from extractor.masks import Masks, build_masks
from extractor.money import bare_unit, cued_in_characters, lost_percent, milestone
from extractor.quantity_lexicon import Lex, Unit, lexicon

# What may stand right before a cut number's tail: the line break, or a group's comma opening the line (1\n,500 畝).
_TAIL_BEFORE = frozenset("\r\n,，、")
# A run of this many digits or more, with no point or separator, is an identifier: no report counts that high.
_CODE_DIGITS = 12
_CODE_PREFIXES = tuple("0123456789")


def find(text: str, view: str, masks: Masks | None = None) -> list[QMatch]:
    """Every quantity mention in ``text``, in order, spans into ``text``."""
    lex = lexicon()
    view = points.restore(view)
    if masks is None:
        masks = build_masks(view, [])
    out: list[QMatch] = []
    pos = 0
    n = len(view)
    run_re, first_re = lex.numeral_run, lex.numeral_first
    money_end = -1  # where the last amount of money ends
    # The first space or line end at or after the last numeral: a numeral with none within reach after it is no
    # wrapped figure. Found again only once a numeral ends past it, so the text is read once for it.
    next_space = -1
    while pos < n:
        # What run_re.search finds: every run starts with one of the first characters.
        f = first_re.search(view, pos)
        if not f:
            break
        m = run_re.match(view, f.start())
        if not m:
            pos = f.start() + 1
            continue
        if (cut := coarse_head(m.group())) is not None:
            m = run_re.match(view, m.start(), m.start() + cut)  # 2.4万4828户: two figures (figure_parts)
        start = m.start()
        if (start > 0 and view[start - 1] in lex.vague and _digitless(m.group())) or _guessed(m.group()):
            # 数十家, 数十万元: a guess at the number (found blind in round s76), as 数百 is (bare_figures); so is
            # 几千元 (found blind in round s536: of the stand-in's 22 such, its annotators kept none)
            pos = m.end()
            continue
        if (
            start > 0
            and view[start - 1] in _TAIL_BEFORE
            and (
                wraps.cut_tail(view, start)
                if view[start] in DIGITS
                else wraps.numeral_tail(view, start, lex.chinese_chars, _powers())
            )
        ):
            pos = m.end()  # 12.9\n7万亩, 六十万\n四千元: a number's tail a layout cut, read with its head or not at all
            continue
        if next_space < m.end():
            w = figure_wraps.SPACE.search(view, m.end())
            next_space = w.start() if w is not None else n + figure_wraps.WRAP_TAIL + 1
        near = (
            figure_wraps.WRAP_NEAR.match(view, m.end()) if next_space - m.end() <= figure_wraps.WRAP_TAIL else None
        )
        gap = figure_wraps.wrap_after(view, near.end() - 1) if near is not None else None
        if gap is None and m.end() < n and view[m.end()] in ".\r\n \t":
            if view[start] in lex.chinese_chars:
                gap = wraps.numeral_wrap(view, start, m.end(), lex.chinese_chars, _powers())
            elif view[m.end()] in ".\r\n":
                gap = wraps.digits_wrap(view, start, m.end())
        if gap is None and masks.through_starts:
            gap = figure_wraps.through_after(view, m.end(), masks)
        wrapped = None
        if (
            gap is not None
            and gap[0] == m.end()
            # a numeral in characters may end its line with a space or two (一百六十萬  \n四千五百九十二元)
            and (view[gap[0]] in "\r\n" or (view[gap[0]] in " \t" and view[start] in lex.chinese_chars))
        ):
            # A line break right after the numeral: the plain reading finds no unit, and the wrapped one is tried
            # first (it is taken whenever it reads one).
            low = figure_wraps.range_low(view, start, lex, out[-1].end if out else 0)
            wrapped = _across(text, view, low, m.end(), masks, lex, None, gap) if low is not None else None
            if wrapped is None or wrapped[0].high is None:
                wrapped = _across(text, view, start, m.end(), masks, lex, None, gap)
            q, consumed_to = wrapped if wrapped is not None else _read_at(text, view, start, masks, lex, money_end, m)
        else:
            q, consumed_to = _read_at(text, view, start, masks, lex, money_end, m)
            if gap is not None:
                wrapped = _across(text, view, start, m.end(), masks, lex, q, gap)
                if wrapped is not None:
                    q, consumed_to = wrapped
        if q is not None:
            out.append(q)
            if q.kind == "money":
                money_end = q.end
            pos = max(consumed_to, start + 1)
        else:
            pos = max(consumed_to, m.end(), start + 1)
            if view[start] not in DIGITS and (digit := ASCII_DIGIT.search(view, start, m.end())) is not None:
                pos = min(pos, digit.start())  # 新莲、四九4个村: a name's numeral glued to a count (s407)
    named = place_counts.listed_names(view) if out else frozenset()
    if named:
        out = [q for q in out if not (q.chinese and view.startswith(tuple(named), q.start))]
    if lex.multiplicative is not None:
        out.extend(bare_figures.multiplicatives(text, view, masks, lex))
        out.sort(key=lambda q: q.start)
    bare = bare_figures.bare_scales(text, view, masks, lex, out)
    if bare:
        out.extend(bare)
        out.sort(key=lambda q: q.start)
    readers = (table_cells.cells, count_tables.cells, ledger_cells.cells, headed_tables.cells, budget_tables.cells)
    for reader in readers:
        in_tables = reader(view, masks, lex, out)
        if in_tables:
            out.extend(in_tables)
            out.sort(key=lambda q: q.start)
    share_post_approx(out, view)
    return out


def _across(
    text: str, view: str, start: int, run_end: int, masks: Masks, lex: Lex, plain: QMatch | None, gap: tuple[int, int]
) -> tuple[QMatch, int] | None:
    return figure_wraps.read_across_wrap(text, view, start, run_end, masks, lex, plain, gap, _read_at)


def _bare_range_high(view: str, text: str, start: int, second: Part, money_end: int, lex: Lex) -> bool:
    """Whether ``second``, a range's second number with a bare scale and no unit (30-40万 after 每年), is money or
    people as a figure alone would be (money.bare_unit, for the whole range): it then takes that unit, and the range
    is read whole, where the second alone would stand for it."""
    if second.chinese or not second.scale_text or second.end != second.scale_start + len(second.scale_text):
        return False
    bare = bare_unit(view, start, second.end, second.scale, money_end, lex.bare_follow)
    if bare is None:
        return False
    second.unit = lex.bare_units[bare]
    second.borrowed = text[second.scale_start : second.end]
    return True


_QUOTED_AMOUNT = 100  # the least amount of money in characters read inside a quotation (“一元钱”工程 is a name)


@cache
def _powers() -> frozenset[str]:
    """十, 百, 千, 万, 亿 and their financial forms."""
    return frozenset(numerals.scales())


def _guessed(numeral: str) -> bool:
    """几十, 几千, 几百万: an unknown digit before powers alone, a guess at the number (十几 and 三十几 are not: a
    round number and more, approx.tsv's floor)."""
    return len(numeral) > 1 and numeral[0] in numerals.tables().some and _digitless(numeral[1:])


def _digitless(numeral: str) -> bool:
    """十, 十万, 百万: powers with no digit before them, whose number a word before them may leave open (数十)."""
    scales = numerals.scales()
    return all(c in scales for c in numeral)


def _unblocked(part: Part | None, masks: Masks) -> Part | None:
    """``part`` without its unit where a negative covers the unit (在9.7万至9.8万间: 间 is between there, no rooms)."""
    if part is not None and part.unit is not None and masks.blocked[part.unit_start]:
        part.unit = None
        part.end = part.unit_start
    return part


def _read_at(
    text: str, view: str, start: int, masks: Masks, lex: Lex, money_end: int = -1, run: re.Match[str] | None = None
) -> tuple[QMatch | None, int]:
    if masks.blocked[start] or (
        view[start] in lex.chinese_chars and gazetteer.in_place_name(view, start, masks.through)
    ):
        return None, start + 1
    p = before_spaces(view, start)
    # pinyin ruby right before the numeral is read across: 第(dì)344名 is an ordinal (found blind in round s157)
    before = figure_context.before_ruby(view, start, masks)
    tables = numerals.tables()
    before = figure_context.across_break(view, before, tables.before_no_count)  # 第\n六次全国人口普查
    prev = view[before - 1] if before > 0 else ""
    # 每 makes a numeral in characters none (每一户: every household), but a number in digits after it counts the
    # unit a rate is given for (每10户有1个垃圾池)
    no_count = tables.before_no_count if view[start] not in DIGITS else tables.before_no_count_digits
    rate_of = prev in tables.before_no_count or (p < start and p > 0 and view[p - 1] in tables.before_no_count)
    if (
        (
            prev in CODE_BEFORE
            # a slash after a Han unit joins two figures of one thing (农机总动力1459台/2.68万千瓦: found blind in round
            # s736), and so does one after a unit in letters (200MW/400MWh); after other letters or digits it runs
            # through a code or an address (…/2017-00344)
            and not (prev == "/" and before > 1 and (is_han(view[before - 2]) or after_unit_slash(view, before)))
            and not (
                prev in LETTERS
                # letters glued to a numeral in characters make no code and hide no leading digits (建成XX两处)
                and (
                    view[start] not in DIGITS
                    or after_measure_letters(view, start)
                    or after_mask(view, start, masks)
                    or after_residue(view, start)
                )
            )
        )
        or prev in no_count
        or (p < start and p > 0 and (view[p - 1] in no_count or view[p - 1] in DIGITS))
        or (p < start and after_spaced_comma(view, p))  # 1 , 200 把: a group after a comma a PDF spaced out
        or after_spaced_point(view, p)  # 1 3 6    . 7 倍: the decimals of a number a scan spaced out
        or (prev == ":" and start > 1 and view[start - 2] in DIGITS)  # 11:21:36, 1:2: a time or a ratio
        or (prev in DAMAGED_SEPARATORS and start > 1 and view[start - 2] in DIGITS)
        # 400-888-7502: a number after digits and a dash that the figure before did not take is a link of a chain,
        # a telephone number's or a code's (found blind in round s713, read as a range of 888 to 7502 股)
        or (prev in dashes() and start > 1 and view[start - 2] in DIGITS)
        or after_bad_group(text, view, start)
        or after_list_tilde(view, before)
        or after_ordinal_list(view, before)
    ):
        # A digit a space or two before: a number broken by spaces (8 9 8 人, 36.5 9亿元) or its point lost to one
        # (5 9亿元); its tail alone would be a wrong number.
        return None, start + 1
    if view.startswith(_CODE_PREFIXES, start):
        e = start
        while e < len(view) and view[e] in DIGITS and e - start < _CODE_DIGITS:
            e += 1
        if e - start >= _CODE_DIGITS:
            # 151320020220000601: an identifier (a record's number, an ID card's), no figure; read across a wrap too
            while e < len(view) and view[e] in DIGITS:
                e += 1
            return None, e
    first = _unblocked(read_part(view, text, start, lex, run), masks)
    if first is None:
        return None, start + 1
    high = None
    high_sign = False
    high_dash = ""  # a dash that signs the second number of a range, for its units only (–15℃～–18℃: w275)
    # A range: the first part may lack its unit (2-3个, 4.5-5%) or carry the same one (4.5%—5%).
    sep_pos = first.end
    sep = None
    spaced = first.unit is None and view.startswith(" ", sep_pos) and view[sep_pos + 1 : sep_pos + 2] in dashes()
    # A copy that spaces a figure's unit from its number spaces the word of a range too (5000 元至 10000 元, 5 % 至 6 %:
    # found blind in round s543).
    spaced_unit = first.unit is not None and view[first.unit_start - 1] == " "
    if spaced or (
        spaced_unit and view.startswith(" ", sep_pos) and sep_pos + 1 < len(view) and is_han(view[sep_pos + 1])
    ):
        sep_pos += 1  # 1,900 — 2,100 ℃: a PDF's spaces around a dash (found blind in round r48)
    if sep_pos < len(view) and view[sep_pos] in lex.separator_first:
        sep = next((s for s in lex.separators if view.startswith(s, sep_pos)), None)
    if sep is not None and sep_pos + len(sep) + spaced < len(view):
        second_start = sep_pos + len(sep)
        wrapped = wraps.range_wrap(view, second_start) if view[start] in DIGITS else None
        if wrapped is not None:
            second_start = wrapped  # 4-\n5家, 500 ~\n 1000 元: a long line ends with the separator
        elif spaced:
            if view[second_start] != " ":
                return None, first.end  # a dash with a space on one side only joins no range
            second_start += 1
        elif view[second_start] == " " and second_start + 1 < len(view) and (
            (spaced_unit and is_han(sep[-1]))
            or (first.unit is None and sep in dashes() and view[second_start + 1] in DIGITS)
        ):
            # 各安排2- 3名: a space after the dash alone (found blind in round s552); one before it alone is a sign's
            # (气温5 -3℃)
            second_start += 1
        if (
            (view[second_start] in tables.signs or view[second_start] in tables.dash_signs)
            and second_start + 1 < len(view)
            and view[second_start + 1] in DIGITS
            and sep not in tables.signs
        ):
            high_sign = True  # 气温-5~-3℃: the second number has its own sign (found blind in round s155)
            high_dash = view[second_start] if view[second_start] in tables.dash_signs else ""
            second_start += 1
        second = None if masks.blocked[second_start] else _unblocked(read_part(view, text, second_start, lex), masks)
        if second is not None and second.unit is not None:
            if second.unit.kind == "skip" and not (
                figure_context.counted_here(view, start, second.unit, digits=None if first.chinese else first.number)
                or figure_context.counted_then(view, second.end, second.unit, second.number, second.chinese)
            ):
                return None, second.end  # 1-9月, 2018-2020年: a period, not a quantity
            if first.unit is None or first.unit.base == second.unit.base:
                high = second
        elif second is not None and first.unit is None and _bare_range_high(view, text, start, second, money_end, lex):
            high = second  # 每年30-40万的费用: money with no unit, the range whole (before, 40万 alone)
    if high is None and sep is None and first.end < len(view) and view[first.end] in pair_marks():
        paired = paired_range(view, text, first, masks, lex)
        if paired is not None:
            high, power = paired
            first.number *= power
    if high is None and first.end < len(view) and (view[first.end] in lex.unit_sharing_first or view[first.end] == " "):
        borrowed = borrow_from_list(view, text, first, masks, lex)
        if borrowed is not None:
            first = borrowed
    if (
        high is None
        and first.unit is None
        and not (first.chinese or first.scale_text or first.high is not None)
        and lost_percent(view, start, first.end, first.number)
    ):
        first.unit = lex.lost_percent
        first.borrowed = ""
    if (
        high is None
        and first.unit is None
        and first.scale_text
        and first.end == first.scale_start + len(first.scale_text)
        and milestone(view, start, first.end, first.scale, money_end)
    ):
        first.unit = lex.milestone  # 突破两亿大关: a numeral in characters too, as a milestone word follows it
        first.borrowed = text[first.scale_start : first.end]
    # 两个亿 is a section as 2亿 is, money or people as a bare 亿 after digits would be; 两万 alone may be anything
    spoken = bool(first.scale_text) and first.core_end < len(view) and view[first.core_end] in spoken_first()
    if high is None and first.unit is None:
        scale_ends = first.end == first.scale_start + len(first.scale_text)  # nothing after the scale, or none
        cued = scale_ends and first.chinese and not spoken and cued_in_characters(view, start, first)
        if (first.chinese and not spoken and not cued) or not scale_ends:
            return None, first.core_end
        # 人口4万多。, 3万余常住人口: an approximation word after the bare scale is the figure's, and its name or thing
        # is read after it
        after = (
            word_at(view, first.end, lex.mid, lex.max_mid)
            if first.mid is None and first.end < len(view) and view[first.end] in lex.mid_first
            else None
        )
        # 1億2617萬 is a compound numeral, no bare scale, but its last section is as bare (found blind in s960)
        last = view[first.core_end - 1]
        scale = first.scale if first.scale_text or last not in numerals.tables().sections else Decimal(
            numerals.tables().sections[last]
        )
        bare = bare_unit(view, start, first.end + len(after or ""), scale, money_end, lex.bare_follow)
        if bare is None or (cued and lex.bare_units[bare].kind != lex.milestone.kind):
            return None, first.core_end
        if after:
            first.end += len(after)
            first.mid = after
        # money a money word names may be written in characters (捐赠五百万), as a milestone's may
        first.unit = lex.milestone if cued else lex.bare_units[bare]
        first.borrowed = text[first.scale_start : first.scale_start + len(first.scale_text)]
    unit = (high or first).unit
    assert unit is not None
    if (
        high is None
        and first.high is None
        and not first.scale_text
        and first.number == int(first.number)
        and (unit.kind not in ("percent", "points") or unit.factor != 1)
    ):
        # 两年半, 一畝半的土地, 一个半月: half of the unit more (found blind in round s683, read as 1 畝); and 九成半,
        # half a tenth (a percent unit with a factor: 95 %, read as 90 by a probe of hand-written excerpts)
        if figure_context.half_in(unit.text):
            first.number += figure_context.HALF
        elif first.end == first.unit_start + len(unit.text) and figure_context.half_after(view, first.end):
            first.number += figure_context.HALF
            first.end += 1
        elif (
            unit.kind == "percent"
            and unit.factor != 1
            and first.end == first.unit_start + len(unit.text)
            and (tenth := figure_context.tenth_after(view, first.end)) is not None
        ):
            first.number += tenth  # 6成3: a unit of tenths and then a tenth of it
            first.end += 1
    if unit.kind == "skip":
        # 連續(xù)6年, 經(jīng)過(guò)2年: the word counts across pinyin ruby (found blind in rounds s574 and s577)
        if (
            figure_context.counted_here(
                view, figure_context.before_pre(view, start, lex), unit, masks, None if first.chinese else first.number
            )
            or figure_context.counted_then(view, (high or first).end, unit, first.number, first.chinese)
        ):
            unit = _as_counted(unit)
        elif first.mid and high is None:
            # 300多年的历史, 1400余年, 十来年: a year's or a day's name takes no approximation word, a span does
            # (found blind in rounds s509, s522 and s527)
            unit = dataclasses.replace(unit, kind="span")
        else:
            return None, first.end
    quoted_amount = unit.kind == "money" and first.number * first.scale >= _QUOTED_AMOUNT
    aside = bool(unit.aside_after) and view.endswith(unit.aside_after, 0, start)
    if aside or rate_of:
        # 分三期建设: how a work is staged; 每10户: the unit a rate is given for. Reported, but never a record's
        # figure (an indicator named 分, or 有 of 每10户有1个垃圾池)
        unit = dataclasses.replace(unit, kind="span")
    # 十余期, 二十多道: an approximation between a numeral in characters and a unit ambiguous after one makes it a
    # count, as no name or ordinal takes one (a probe of hand-written excerpts, w167)
    numeral_text = view[first.start : first.core_end]
    counted = (
        unit.chinese
        or aside
        or spoken
        or (first.mid is not None and first.number > 1)
        or (unit.kind == "count" and numerals.written_by_digit(numeral_text))  # 九二八尾, no brand's 三六一度
    )
    if first.chinese and ((masks.quoted[start] and not quoted_amount) or not counted):
        # a numeral in characters inside a short quotation names a slogan (“三个一”), unless it is an amount of
        # money a motion's quoted title grants (「…老人加發三千元敬老金」: found blind in round s167)
        return None, first.end
    # 两村, 4村: places counted right after their names; elsewhere a name's numeral (8村生猪). ``before``: where the
    # words before it end, pinyin ruby read across (涉及全鄉(xiāng)20村: found blind in s413).
    if unit.after_list and (
        high is not None
        or not place_counts.counts(view, before, numeral_text, first.number, first.end, masks.blocked)
    ):
        return None, first.end
    if first.chinese and first.high is not None and numerals.is_bare_some(numeral_text):
        return None, first.end
    if first.chinese and first.high is not None and high is None and names_by_number(unit):
        return None, first.end  # 一二类苗: classes one and two, no range of counts (found by a probe)
    if first.chinese and first.number == 0 and first.high is None and high is None:
        return None, first.end  # 〇〇萬元, ○○萬元: a figure masked with zeros (found by a probe), 零部件: a word
    if first.chinese and high is None and first.high is None and not first.scale_text:
        if numerals.is_bare_chinese_one(numeral_text) and unit.kind == "count":
            if articles.sized(view, first.start, first.end, unit):
                unit = dataclasses.replace(unit, kind="sized")  # 一个120亩的基地: the count stands aside
            elif not articles.counts(view, first.start, first.end, unit):
                # 一个, 一批: an article far more often than a count (articles.py).
                return None, first.end
        elif numerals.is_bare_chinese_one(numeral_text) and articles.per_unit(
            view, first.start, first.end, unit
        ):
            return None, first.end  # 一斤15元: the unit a price is given for
        if place_counts.opens_a_listed_name(view, first.start, first.end) or place_counts.a_name_among_names(
            view, first.start, first.end
        ):
            return None, first.end  # 阿东、三台坡、俄铺8个村民委员会, 徐家沙沟、八家、王家: a village's name
        # 星火、燎原、五四三個社區: the last name (五四) and the count of them all (三個), digits one by one, no power;
        # 七、八、九三个月: the last of a list of digits (九) and the count (三个), found blind in round s954
        last = first.core_end - 1
        digits = numerals.tables().digits
        if all(c in digits for c in numeral_text) and (
            (last - first.start >= 2 and place_counts.opens_a_listed_name(view, first.start, last))
            or (last > first.start >= 2 and view[first.start - 1] == "、" and view[first.start - 2] in digits)
        ):
            return _read_at(text, view, last, masks, lex, money_end)
    elif (
        high is None
        and numeral_text == "1"
        and not first.scale_text
        and articles.after_price(view, first.start, unit)
    ):
        return None, first.end  # 3块多1公斤
    last = high or first
    end = last.end
    # Scale: a range's first part borrows the second's scale when it has none of its own (10-20万元), but not when
    # it has its own unit or would then pass the high end: 8000元到1万元 and 8000到1万元 run from 8000 to 10000 (found
    # blind in round s673, read as 10000 to 80000000)
    borrows = (
        high is not None
        and not first.scale_text
        and first.unit is None
        and not (high.scale > 1 and first.number > high.number)
    )
    low_scale = high.scale if borrows else first.scale
    number = first.number
    num_high = high.number if high is not None else first.high
    # A figure without scale or factor shares its number: one Decimal fewer a figure, and a dense text holds one
    # figure every two characters.
    base_value = number if low_scale == 1 and unit.factor == 1 else number * low_scale * unit.factor
    if high is not None:
        base_high = high.number * high.scale * unit.factor
    elif first.high is not None:
        base_high = first.high * first.scale * unit.factor
    else:
        base_high = None
    if high is not None and not borrows and first.scale != high.scale:
        number = first.number * first.scale / high.scale  # 8000万-1亿元 reads as 0.8-1 亿元
    if unit.at_most is not None and max(base_value, base_high or 0) > unit.at_most:
        return None, end  # 2064岁, 2635周岁: an age range whose dash was lost (found on the excerpts)
    if (
        high is not None
        and not (first.scale_text or high.scale_text or first.chinese)
        and base_value > 0
        and high.number >= _RUN_TOGETHER_HIGH
        and high.number > first.number * _RUN_TOGETHER_RATIO
    ):
        # 80-891125人: a range's end run into the next figure (80-89岁1125人 with its 岁 lost: found on the
        # excerpts); no range of the excerpts spans such a ratio, and a wrong number is worse than none
        return None, end
    approx = lex.mid.get(first.mid) if first.mid else lex.floor.get(first.floor or "")
    q_start = start
    sign = view[start - 1] if start > 0 else ""
    if sign in tables.minus or (
        (sign in tables.signs or unit.base in tables.dash_signs.get(sign, ()))
        and (start < 2 or not (view[start - 2].isdigit() or view[start - 2] == sign))
        and not view.endswith(tables.sign_in_words, 0, start)  # 户均减负310元: a burden lightened
    ):
        q_start -= 1
        number, base_value = -number, -base_value
    elif sign and sign in tables.sign_word_ends and (word := figure_context.sign_word(view, start, unit.base)):
        q_start -= len(word)  # 零下40℃: below zero (found blind in round s251, read as 40℃)
        number, base_value = -number, -base_value
        high_sign = True  # 零下3至5度 runs from -5 to -3: the word signs the whole range
    if (
        high_sign
        and num_high is not None
        and base_high is not None
        and (not high_dash or unit.base in tables.dash_signs[high_dash])
    ):
        num_high, base_high = -num_high, -base_high
    if base_high is not None and num_high is not None and base_high < base_value:
        # A range written from its high end runs from its low one: -1.1~-2.6℃ from -2.6 to -1.1, 海拔78米—67米 from
        # 67 to 78 (found on the excerpts, three such ranges)
        number, num_high, base_value, base_high = num_high, number, base_high, base_value
    pre = word_before(view, q_start, lex.pre, lex.max_pre) if q_start and view[q_start - 1] in lex.pre_last else None
    if pre and not masks.blocked[q_start - len(pre)] and not view.endswith(lex.not_pre, 0, q_start):
        q_start -= len(pre)
        approx = lex.pre[pre]
    unit_end = end
    post = word_at(view, end, lex.post, lex.max_post) if end < len(view) and view[end] in lex.post_first else None
    if post:
        end += len(post)
        approx = lex.post[post] if approx is None or lex.pre.get(pre or "") == "at_most" else approx
    if last.borrowed is not None:
        unit_written = last.borrowed
    elif last.percent_prefix:
        unit_written = text[last.start : last.start + prefix_len(view, last.start)]
    else:
        unit_written = (
            text[last.scale_start : last.scale_start + len(last.scale_text)]
            + text[last.unit_start : last.unit_start + len(unit.text)]
        )
    base = unit.base_as_written(unit_written)
    # Positional, in the order of QMatch's fields: a slotted dataclass takes thirteen keywords at three times
    # the cost, and a dense text reads a figure every two characters.
    q = QMatch(
        q_start, end, number, num_high, unit_written, base_value, base_high, base, approx, unit.kind,
        first.chinese, start, unit_end,
    )  # fmt: skip
    return q, end


# A range of plain digits whose high end is this large and this many times its low end is two figures run together
_RUN_TOGETHER_HIGH = 10_000
_RUN_TOGETHER_RATIO = 1_000


@cache
def _as_counted(unit: Unit) -> Unit:
    """A skip unit after a word of its counted_after, in the kind that word gives it (风力4级: a measure; 连续三年: a
    span)."""
    return dataclasses.replace(unit, kind=unit.counted_kind)
