"""The words of a quantity: units (units.tsv), approximation words (approx.tsv), range separators and list
joiners (ranges.tsv), multiplicative forms (multiplicatives.tsv) and the numeral run pattern, read once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from extractor import _compiled, numerals
from extractor._data import column, table
from extractor.money import lexicon as money_words

# The kinds of unit whose quantities are reported but never a record's figure: they say whom, when or where another
# figure counts (60岁以上老人, 用3个月时间, 胡岗、叶圩两村已通过验收: units.tsv kind), and a table's cells, whose
# name and year stand in their row's and column's heads (table_cells.py), and a count of one thing that a figure
# right after it sizes (建立一个120亩的基地: articles.sized), whose record wants the size.
ASIDE_KINDS = frozenset({"span", "places", "cell", "sized"})


@dataclass(frozen=True)
class Unit:
    text: str
    base: str
    factor: Decimal
    kind: str
    chinese: bool
    alone: bool = False  # a unit only where no word goes on after it (13600平，), see units.tsv
    alone_after_scale: bool = False  # so only after a scale (投入300余万对农贸市场…改造), see units.tsv
    after_noun: bool = False  # 一 and this unit after the thing counted, at a clause's end (园区一个，)
    one_counts: bool = False  # 一 and this unit count wherever they stand (一所初级中学), see units.tsv
    after_list: bool = False  # a kind of place, counted only right after the places it counts (胡岗、叶圩两村)
    latin: bool = False  # ends with a Latin letter (m, kg): a unit only as a whole word (5mg is no 5 m)
    counted_after: tuple[str, ...] = ()  # words before the number that make a skip unit a measure (风2级)
    counted_kind: str = "measure"  # the kind a skip unit takes after such a word (连续三年: span)
    opens: tuple[str, ...] = ()  # words it opens when they follow it, where it is no unit (2025支出预算)
    counted_then: tuple[str, ...] = ()  # words after it that make a skip unit its counted_kind (3年时间)
    digits_then: tuple[str, ...] = ()  # so only after a number in digits (10年来, where 一年来 opens a review)
    aside_after: tuple[str, ...] = ()  # words before the number that make it a work's stage (分三期)
    at_most: Decimal | None = None  # the largest value it measures (岁: 150); a larger is figures run together
    counted_every: tuple[str, ...] = ()  # words before 一 and it in their clause that make it how often (每月…一次)
    digits_after: tuple[str, ...] = ()  # counted_after only before a number in digits (运行了16年; 了一年一度 is none)
    alone_then: tuple[str, ...] = ()  # words an alone unit may have after it (10万立方的), see units.tsv


    def base_as_written(self, written: str) -> str:
        """The base unit, a bracketed one (头(只)) with its brackets as ``written`` has them: 4.6万头（只） is in
        头（只）, as the annotators of the probes of hand-written excerpts wrote it."""
        if "(" in self.base and "（" in written:
            return self.base.translate(_FULL_WIDTH_BRACKETS)
        return self.base


_FULL_WIDTH_BRACKETS = str.maketrans("()", "（）")


@dataclass(frozen=True)
class Lex:
    units: dict[str, Unit]
    pre: dict[str, str]
    not_pre: tuple[str, ...]  # words that end with a word of pre and are none (签约 ends with 约)
    pre_numeral: frozenset[str]  # pre words never before a bare scale of 万 or more (约亿元 has lost its digits)
    vague: str  # characters that make a bare scale after them a guess (数百)
    bare_end: tuple[str, ...]  # words after a bare-scale figure that end it as its clause's end does (万亩大关)
    mid: dict[str, str]
    floor: dict[str, str]  # the unknown digit that ends a numeral after a power (十几个: 10 and more)
    bare_mid: dict[str, str]  # approximation words that may follow a scale with no numeral before it (百余个)
    max_bare_mid: int
    post: dict[str, str]
    max_pre: int
    scale_pre: dict[str, str]  # pre, and the words that are one only before a scale with no numeral (过亿元)
    scale_amount: frozenset[str]  # those making an amount of all but money wherever they stand (上百次检查)
    scale_reach: frozenset[str]  # 达, 达到: left out of the span, only before a bound ending a clause (达到万元以上)
    max_scale_pre: int
    max_mid: int
    max_post: int
    separators: tuple[str, ...]
    unit_sharing_joiners: tuple[str, ...]  # ranges.tsv kind list: 70和50亿元, the first figure takes the next's unit
    from_words: tuple[str, ...]  # ranges.tsv kind from: 由 of 由8194增加到11255元
    to_words: tuple[str, ...]  # ranges.tsv kind to: 增加到, after which a figure from 由 takes the next one's unit
    sum_words: tuple[str, ...]  # ranges.tsv kind sum: 共 of 86笔共340万元, longest first
    # The standard engine: it is matched once at every figure, where the regex module's set look-ups and call
    # overhead cost several times more; the pattern uses nothing the two engines read differently.
    numeral_run: re.Pattern[str]
    # The characters a numeral run may start with, as one character class: the run is searched by finding one of
    # them and matching there, far faster than searching with the run's alternation.
    numeral_first: re.Pattern[str]
    chinese_chars: frozenset[str]
    multiplicative: regex.Pattern[str] | None
    mult_rows: tuple[dict[str, str], ...]
    # First (or, for words before a number, last) characters of the word lists: most positions hold none of
    # them, and one set look-up then answers for every word length.
    unit_first: frozenset[str]
    unit_lengths: dict[str, tuple[int, ...]]  # the lengths of the units starting with each character, longest first
    pre_last: frozenset[str]
    scale_pre_last: frozenset[str]
    mid_first: frozenset[str]
    post_first: frozenset[str]
    separator_first: frozenset[str]
    unit_sharing_first: frozenset[str]
    # The units of a bare-scale figure its name gives (money.py), by the unit's text: 元 where a money word names it,
    # 人 a population word (人口4.25万), 方 a word of measure ending with it (土方5.7万)
    bare_units: dict[str, Unit]
    milestone: Unit  # money passed as a milestone (突破两亿大关: money.py), after a numeral in characters too
    lost_percent: Unit  # the unit of a rate whose % sign the copy lost (同比增长52.07，: money.py)
    bare_follow: frozenset[str]  # what may follow a bare scale of money: 左右, a list's 和, 的 (money_cues.tsv)


@cache
def lexicon() -> Lex:
    units = {
        r["unit"]: Unit(
            r["unit"],
            r["base"],
            Decimal(r["factor"]),
            r["kind"],
            r["chinese"] == "yes",
            r["alone"] == "yes",
            r["alone"] == "after_scale",
            r.get("after_noun") in ("yes", "always"),
            r.get("after_noun") == "always",
            r.get("after_list") == "yes",
            r["unit"][-1].isascii() and r["unit"][-1].isalpha(),
            tuple(w for w in r.get("counted_after", "").split("|") if w),
            r.get("counted_kind") or "measure",
            tuple(w for w in r.get("opens", "").split("|") if w),
            tuple(w for w in r.get("counted_then", "").split("|") if w),
            tuple(w for w in r.get("digits_then", "").split("|") if w),
            tuple(w for w in r.get("aside_after", "").split("|") if w),
            Decimal(r["at_most"]) if r.get("at_most") else None,
            tuple(w for w in r.get("counted_every", "").split("|") if w),
            tuple(w for w in r.get("digits_after", "").split("|") if w),
            tuple(w for w in r.get("alone_then", "").split("|") if w),
        )
        for r in table("units.tsv")
    }
    approx = table("approx.tsv")
    pre = {r["word"]: r["approx"] for r in approx if r["position"] in ("pre", "pre_numeral")}
    scale_pre = {
        **pre,
        **{r["word"]: r["approx"] for r in approx if r["position"] in ("scale_pre", "scale_amount", "scale_reach")},
    }
    not_pre = tuple(r["word"] for r in approx if r["position"] == "not_pre")
    mid = {r["word"]: r["approx"] for r in approx if r["position"] == "mid"}
    bare_mid = {r["word"]: r["approx"] for r in approx if r["position"] == "bare_mid"}
    post = {r["word"]: r["approx"] for r in approx if r["position"] == "post"}
    cn = numerals.chinese_chars()
    t = numerals.tables()
    # A numeral starts with a digit (or 十, 廿, 几); 百分之百 is the one form that starts with a bare power.
    starters = "".join(
        c for c in [*t.digits, *(c for c, v in t.powers.items() if v < 100), *t.some] if c not in t.financial
    )
    financial = "".join(sorted(t.financial))
    # Digits in characters that a point joins (四．二七億元: Taiwan writes decimals so), financial forms left out
    plain = "".join(sorted(c for c in t.digits if c not in t.financial))
    cp = regex.escape("".join(sorted(t.char_points)))
    # a financial form opens a numeral only before another financial form, a section or a zero, 几 not among them:
    # 收拾几个房间 is 收拾 (to tidy) and 几个, no 十几个 (found blind in round s285), and 参赛队伍三十余支 is 队伍 and
    # 三十余支, no 530 支 (a probe of hand-written excerpts): amounts are written in financial forms throughout
    # (伍拾万元, 伍万元)
    beside = "".join(
        c for c in cn if c in t.financial or c in t.sections or (c in t.digits and t.digits[c] == 0)
    )
    lone = f"|[{financial}](?=[{beside}])" if financial else ""
    prefixes = "|".join(regex.escape(p) for p in t.percent_prefixes)
    powers = "".join(c for c, v in t.powers.items() if v >= 100)
    # One pass over characters; each alternative is decided by its first character, so matching is linear. A
    # Chinese numeral never runs into an Arabic digit (队伍460人 is 伍 of 队伍, then 460人), and a financial form
    # starts one only before another numeral character (陆拾万元; 陆家嘴 is no 6家).
    run = _compiled.compile_re(
        rf"(?:(?:{prefixes})[{powers}]|(?:{prefixes})?(?:[0-9]|[{starters}](?![0-9]){lone})"
        rf"(?:[0-9{cn}]|[.](?=[0-9])|[{cp}](?<=[{plain}][{cp}])(?=[{plain}])|[{cp}](?<=[0-9][{cp}])(?=[0-9])"
        rf"|,(?=[0-9]{{3}}(?![0-9]))| (?=[0-9]{{3}}(?![0-9])))*)"
    )
    mult_rows = table("multiplicatives.tsv")
    mult = None
    if mult_rows:
        alts = "|".join(
            rf"{regex.escape(r['before'])}(?P<n>[{cn}0-9]{{1,3}}){regex.escape(r['after'])}" for r in mult_rows
        )
        mult = _compiled.compile(alts)
    separators = column("ranges.tsv", "text", kind="separator")
    unit_sharing = column("ranges.tsv", "text", kind="list")
    words = money_words()
    money = units[words.unit]
    return Lex(
        units=units,
        pre=pre,
        not_pre=not_pre,
        pre_numeral=frozenset(r["word"] for r in approx if r["position"] == "pre_numeral"),
        vague="".join(r["word"] for r in approx if r["position"] == "vague"),
        bare_end=tuple(r["word"] for r in approx if r["position"] == "bare_end"),
        mid=mid,
        floor={r["word"]: r["approx"] for r in approx if r["position"] == "floor"},
        bare_mid=bare_mid,
        max_bare_mid=max(len(w) for w in bare_mid),
        post=post,
        max_pre=max(len(w) for w in pre),
        scale_pre=scale_pre,
        max_scale_pre=max(len(w) for w in scale_pre),
        scale_amount=frozenset(r["word"] for r in approx if r["position"] == "scale_amount"),
        scale_reach=frozenset(r["word"] for r in approx if r["position"] == "scale_reach"),
        max_mid=max(len(w) for w in mid),
        max_post=max(len(w) for w in post),
        separators=separators,
        unit_sharing_joiners=unit_sharing,
        from_words=column("ranges.tsv", "text", kind="from"),
        to_words=tuple(sorted(column("ranges.tsv", "text", kind="to"), key=len, reverse=True)),
        sum_words=tuple(sorted(column("ranges.tsv", "text", kind="sum"), key=len, reverse=True)),
        numeral_run=run,
        numeral_first=_compiled.compile_re(
            "["
            + re.escape("".join(sorted({*"0123456789", *starters, *financial, *(p[0] for p in t.percent_prefixes)})))
            + "]"
        ),
        chinese_chars=frozenset(cn),
        multiplicative=mult,
        mult_rows=mult_rows,
        unit_first=frozenset(u[0] for u in units),
        unit_lengths={
            c: tuple(sorted({len(u) for u in units if u[0] == c}, reverse=True)) for c in {u[0] for u in units}
        },
        pre_last=frozenset(w[-1] for w in pre),
        scale_pre_last=frozenset(w[-1] for w in scale_pre),
        mid_first=frozenset(w[0] for w in mid),
        post_first=frozenset(w[0] for w in post),
        separator_first=frozenset(w[0] for w in separators),
        unit_sharing_first=frozenset(w[0] for w in (*unit_sharing, *column("ranges.tsv", "text", kind="to"))),
        # Written as a bare scale (174万): the unit adds no text of its own.
        bare_units={
            u: Unit("", units[u].base, units[u].factor, units[u].kind, False)
            for u in (
                words.unit,
                words.people_unit,
                *(c[-1] for c in words.unit_cues),
                *(c[-2] for c in words.count_labels),  # 人数: 人
            )
        },
        milestone=Unit("", money.base, money.factor, money.kind, True),
        lost_percent=Unit("", units["%"].base, units["%"].factor, units["%"].kind, False),
        bare_follow=frozenset(w[0] for w in (*post, *unit_sharing, *column("money_cues.tsv", "word", kind="follow"))),
    )


def percent_unit(lex: Lex) -> Unit:
    """The percent sign of units.tsv (the view writes ％ as %): a table's column head holding it heads percentages,
    and one right after a word is a template's stripped figure (同比增长%)."""
    return next(u for u in lex.units.values() if u.kind == "percent" and len(u.text) == 1)
