"""Figures written without digits of their own: one of a scale after an approximation word (逾万人, 近亿元), a scale
with an approximation word after it (百余个, 万余亩), and multiplicatives (翻一番, 翻两番). quantities.find reads
them after the figures with numerals, and keeps those that no such figure already holds.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from extractor import figure_context, gazetteer, numerals
from extractor.figure_parts import (
    ONE,
    QMatch,
    inside_found,
    scale_chars,
    scale_value,
    section_chars,
    unit_at,
    word_at,
    word_before,
)
from extractor.han import is_han
from extractor.masks import Masks
from extractor.quantity_lexicon import Lex, lexicon, percent_unit
from extractor.segment import CLAUSE_END, SENTENCE_END

# What may follow a bare-scale figure: the end of its clause or sentence, or of its line.
_BARE_END = SENTENCE_END + CLAUSE_END + " \t\r\n"


@cache
def _bare_scale_re() -> re.Pattern[str]:
    """A scale with no digit right after the last character of an approximation word (逾万人, 近千亩, 超亿元): the
    scale is searched (one scan in C, a figure's scale fails at the character before it), the word then read."""
    lex = lexicon()
    last = "".join(sorted(lex.scale_pre_last))
    scales = re.escape("".join(scale_chars()))
    # A scale right after a numeral belongs to that numeral's figure (三百余人, 3千余人), read by find().
    # A vague word before it makes it a guess (数百余人). Pinyin ruby may stand before the approximation word
    # (萬(wàn)余畝: found blind in round s630).
    numeral = re.escape("".join(sorted(set(numerals.chinese_chars()) | set("0123456789.") | set(lex.vague))))
    mid = re.escape("".join(sorted({w[0] for w in lex.bare_mid})))
    # The set first and the look-behinds after it: the engine then skips to the scales (a look-behind first is
    # tried at every position). Group `more`: a scale with an approximation word after it (百余个, 千余人).
    return re.compile(
        f"[{scales}](?:(?<=[{re.escape(last)}][{scales}])[{scales}]{{0,2}}"
        f"|(?P<more>(?<![{numeral}][{scales}])(?=[{mid}(])))"
    )


def bare_scales(text: str, view: str, masks: Masks, lex: Lex, found: list[QMatch]) -> list[QMatch]:
    """逾万人 (over 10,000 people), 近亿元: one of the scale in a unit after an approximation word. Only where its
    clause ends: followed by a word it is a class (超亿元企业, 亿元以上项目), or a figure let go (近百公里农村公路);
    but a count near a number (近百家企业, 约千名群众) counts what follows it, where a threshold (超百人企业) is
    still a class."""
    out = []
    for m in _bare_scale_re().finditer(view):
        k, e = m.start(), m.end()
        pre = None if m.group("more") is not None else word_before(view, k, lex.scale_pre, lex.max_scale_pre)
        if pre is None or view.endswith(lex.not_pre, 0, k):
            # 百余个: one of the scale, an approximation word after it. 签约亿元: no approximation word, and no figure;
            # but 达到万余亩 (到 ends none here) is read as 百余个 is.
            more = _scale_more(text, view, k, masks, lex) if e == k + 1 else None
            if more is not None and not inside_found(found, more.start, more.end):
                out.append(more)
            continue
        if pre in lex.pre_numeral and scale_value(m.group()) >= _LOST_DIGITS_SCALE:
            continue  # 约亿元: a figure whose digits a copy blanked, no hundred million
        reach = pre in lex.scale_reach  # 可达万元左右: the word is no part of the figure
        s = k if reach else k - len(pre)
        at = masks.through.get(e, e) if masks.through else e  # 近萬(wàn)畝: pinyin ruby between the scale and its unit
        u = unit_at(view, at, lex, True)
        if u is None and e == k + 1:
            # 超过千余家: an approximation word after the scale, as with none before it (百余个)
            more = _scale_more(text, view, k, masks, lex)
            if more is not None and not inside_found(found, more.start, more.end):
                out.append(more)
            continue
        # A unit ambiguous after a Chinese numeral (三方, 一担) is none after a scale and an approximation word.
        if u is None or u.kind == "skip" or masks.blocked[s] or masks.blocked[k]:
            continue
        end = unit_end = at + len(u.text)
        after = masks.through.get(end, end) if masks.through else end
        approx = lex.scale_pre[pre]
        if reach:
            # 可达万元左右, 达到万元以上: a bound after it, then the clause's end. With none (达到亿元;) it is as
            # often a template's figure whose digits were left blank (增长16%,达到亿元; 达亿元,比增加亿元: the
            # stand-in's five such against three of the scale), and after a word (达万元以上的企业) a class.
            post = word_at(view, after, lex.post, lex.max_post)
            if post is None:
                continue
            end = after = after + len(post)
            approx = lex.post[post]
            if after < len(view) and view[after] not in _BARE_END:
                continue
        goes_on = after < len(view) and view[after] not in _BARE_END and not view.startswith(lex.bare_end, after)
        # A word goes on (超千万元企业, 亿元以上项目), or a list of such classes does (销售收入超亿元、
        # 纳税超千万元企业): a class, but not after 近, which makes an amount whatever follows (近千亩早稻,
        # 近亿元的大红包).
        a_class = (
            goes_on
            and approx != "about"
            and (pre not in lex.scale_amount or u.kind == "money")
            and (u.kind != "count" or approx == "more_than")
        )
        if a_class or inside_found(found, s, end):  # or inside a figure read already (近百分之九十)
            continue
        out.append(
            QMatch(
                start=s,
                end=end,
                number=ONE,
                high=None,
                unit=text[k:e] + text[at:unit_end],
                base_value=scale_value(m.group()) * u.factor,
                base_high=None,
                base_unit=u.base,
                approx=approx or None,
                kind=u.kind,
                chinese=True,
                core_start=s,
                unit_end=end,
            )
        )
    return _outside_stripped(view, out) if out else out


# The smallest scale after which a pre_numeral word (约) shows lost digits: 约百米 is about a hundred metres.
_LOST_DIGITS_SCALE = 10_000

# How far from a bare scale a stripped figure counts, within its sentence.
_STRIPPED_REACH = 40


@cache
def _stripped_re() -> re.Pattern[str]:
    """A percent sign right after a word, its number stripped (同比增长%, 完成率%): a model essay's or a template's
    blanked figure. After a numeral in characters (十四%) it is a figure."""
    numeral = re.escape("".join(sorted(numerals.chinese_chars())))
    pct = re.escape(percent_unit(lexicon()).text)
    return re.compile(f"{pct}(?<=[\u4e00-\u9fff]{pct})(?<![{numeral}]{pct})")


def _outside_stripped(view: str, found: list[QMatch]) -> list[QMatch]:
    """The bare scales not in a sentence whose other figures were stripped: 全乡实现地区生产总值约亿元，同比增长%，
    is a template whose 亿元 lost its number too (found on the excerpts), not one of the scale."""
    out = []
    for q in found:
        lo, hi = max(0, q.start - _STRIPPED_REACH), min(len(view), q.end + _STRIPPED_REACH)
        near = [m.start() for m in _stripped_re().finditer(view, lo, hi)]
        if not any(not _SENTENCE_END_RE.search(view, min(p, q.start), max(p, q.end)) for p in near):
            out.append(q)
    return out


_SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_END)}\n]")


def _scale_more(text: str, view: str, k: int, masks: Masks, lex: Lex) -> QMatch | None:
    """百余个, 千余名, 万余人次: one of the scale at ``k`` with an approximation word and a unit after it, the one
    left unwritten. The approximation word makes it a count, never a class (百余家企业 is 100-odd firms)."""
    p = masks.through.get(k + 1, k + 1) if masks.through else k + 1  # 萬(wàn)余畝: ruby before the word
    mid = word_at(view, p, lex.bare_mid, lex.max_bare_mid)
    if mid is None or masks.blocked[k] or masks.quoted[k] or gazetteer.in_place_name(view, k, masks.through):
        return None
    b = figure_context.before_ruby(view, k, masks)  # 煙農(nóng)千余戶: pinyin ruby before the scale is no mask
    if b > 0 and masks.blocked[b - 1]:
        return None  # x万多亩, xx千余人: a masked number's scale, not one of it
    if k > 1 and view[k - 1] == " " and is_han(view[k - 2]):
        return None  # 耕地面积为 万余亩: a blank the copy left for the number (found blind in round s199)
    e = p + len(mid)
    j = e  # 百余万元: a section may follow the approximation word
    while j < len(view) and view[j] in section_chars() and j - e < 2:
        j += 1
    u = unit_at(view, j, lex, True)
    if u is None or u.kind == "skip" or not u.chinese:
        return None
    end = j + len(u.text)
    number = scale_value(view[k])  # read as a numeral of its own, as 三百余人 is
    base = number * scale_value(view[e:j]) * u.factor
    return QMatch(
        k, end, number, None, text[e:end], base, None, u.base, lex.bare_mid[mid], u.kind, True, k, end
    )  # fmt: skip


def multiplicatives(text: str, view: str, masks: Masks, lex: Lex) -> list[QMatch]:
    out = []
    assert lex.multiplicative is not None
    for m in lex.multiplicative.finditer(view):
        if masks.blocked[m.start()] or masks.quoted[m.start("n")]:
            continue  # a slogan's 翻两番 (“三年倍增、五年翻兩番”的目標) counts nothing, as its numerals don't
        try:
            n, _ = numerals.parse(m.group("n"))
        except numerals.NumeralError:
            continue
        row = next(r for r in lex.mult_rows if m.group().startswith(r["before"]) and m.group().endswith(r["after"]))
        value = Decimal(2) ** int(n) if row["rule"] == "power_of_two" else n
        out.append(
            QMatch(
                start=m.start(),
                end=m.end(),
                number=n,
                high=None,
                unit=text[m.end("n") : m.end()],
                base_value=value,
                base_high=None,
                base_unit=row["base"],
                approx=None,
                kind="times",
                chinese=True,
                core_start=m.start("n"),
                unit_end=m.end(),
            )
        )
    return out
