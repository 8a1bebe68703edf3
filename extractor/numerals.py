"""Numbers only: Arabic and Chinese numerals (and mixtures such as 3万4000) to exact decimals.

Works on the simplified, half-width view. A numeral is lexed into tokens (literal digits, powers
十百千, sections 万亿, a decimal point, 几) and evaluated section by section, the way the numbers are
read aloud. Ranges come from digit pairs (两三, 七八十) and from 几.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from itertools import pairwise

from extractor._data import table

ZERO = Decimal(0)
# No numeral in a report is longer; a longer run of digits is a code, a table or an attack.
MAX_LENGTH = 32


@dataclass(frozen=True)
class _Tables:
    digits: dict[str, int]
    powers: dict[str, int]
    sections: dict[str, int]
    points: frozenset[str]
    char_points: frozenset[str]  # a point only between digits in characters (四.二七, 一‧九六)
    some: frozenset[str]
    pairs: frozenset[str]
    percent_prefixes: dict[str, str]
    signs: frozenset[str]
    minus: frozenset[str]  # a minus sign never a dash (−): it signs a figure right after digits too
    sign_in_words: tuple[str, ...]  # 减负: words that end with a sign and hold it as no minus
    dash_signs: dict[str, frozenset[str]]  # — before 4.9℃: a minus sign for these units only
    sign_words: dict[str, frozenset[str]]  # 零下 before 40℃: a minus sign for these units only
    sign_word_ends: frozenset[str]  # their last characters, a cheap test before the words are looked for
    before_no_count: frozenset[str]
    before_no_count_digits: frozenset[str]  # those that make a number in digits none too (第3批; 每10户 counts)
    before_article: frozenset[str]  # 是, 为: 一 and a measure word after them are "a" (是一所…中学)
    no_noun_before: frozenset[str]  # 的一, 又一: no counted noun ends right before this 一 (最严重的一次。)
    not_joined: frozenset[str]  # 有: inside an item joined to 一 with no mark, a sentence (就有一个志愿者)
    one_of_them: frozenset[str]  # 叫: after 一个, a pronoun (两个名字,一个叫义乌)
    spoken_sections: dict[str, str]  # 个亿 -> 亿
    size_words: frozenset[str]  # 投资: a size's word between 一个 and its figure (一个投资5亿元项目)
    # 新建, 配备: 一 and a thing's measure word after them count it (新建一座); a word that holds events counts only
    # the units of its value (进行了一次, never 进行了一个总结)
    count_words: dict[str, frozenset[str]]
    article_after: tuple[str, ...]  # 全面: after a count word's 一 and its unit, an article (进行了一次全面检查)
    financial: frozenset[str]  # 壹 … 仟: a numeral only beside another numeral character
    leading: frozenset[str]  # 两: never right after another digit (豪九两条 is no 92)


@cache
def tables() -> _Tables:
    rows = table("numerals.tsv")
    kind = {r["char"]: (r["kind"], r["value"]) for r in rows if len(r["char"]) == 1}
    return _Tables(
        digits={c: int(v) for c, (k, v) in kind.items() if k == "digit"},
        powers={c: int(v) for c, (k, v) in kind.items() if k == "power"},
        sections={c: int(v) for c, (k, v) in kind.items() if k == "section"},
        points=frozenset(c for c, (k, _) in kind.items() if k == "point"),
        char_points=frozenset(c for c, (k, _) in kind.items() if k == "char_point"),
        some=frozenset(c for c, (k, _) in kind.items() if k == "some"),
        pairs=frozenset(r["text"] for r in table("ranges.tsv") if r["kind"] == "pair"),
        percent_prefixes={r["char"]: r["value"] for r in rows if r["kind"] == "percent_prefix"},
        signs=frozenset(r["char"] for r in rows if r["kind"] == "sign"),
        sign_in_words=tuple(r["char"] for r in rows if r["kind"] == "sign_in_word"),
        minus=frozenset(r["char"] for r in rows if r["kind"] == "minus"),
        dash_signs={r["char"]: frozenset(r["value"].split("|")) for r in rows if r["kind"] == "dash_sign"},
        sign_words={r["char"]: frozenset(r["value"].split("|")) for r in rows if r["kind"] == "sign_word"},
        sign_word_ends=frozenset(r["char"][-1] for r in rows if r["kind"] == "sign_word"),
        before_no_count=frozenset(r["char"] for r in rows if r["kind"] == "before_no_count"),
        before_no_count_digits=frozenset(
            r["char"] for r in rows if r["kind"] == "before_no_count" and r["value"] != "chinese"
        ),
        before_article=frozenset(r["char"] for r in rows if r["kind"] == "before_article"),
        no_noun_before=frozenset(r["char"] for r in rows if r["kind"] == "no_noun_before"),
        not_joined=frozenset(r["char"] for r in rows if r["kind"] == "not_joined"),
        one_of_them=frozenset("".join(r["char"] for r in rows if r["kind"] == "one_of_them")),
        spoken_sections={r["char"]: r["value"] for r in rows if r["kind"] == "spoken_section"},
        size_words=frozenset(r["char"] for r in rows if r["kind"] == "size_word"),
        count_words={
            r["char"]: frozenset(r["value"].split("|")) if r["value"] else frozenset()
            for r in rows
            if r["kind"] == "count_word"
        },
        article_after=tuple(r["char"] for r in rows if r["kind"] == "article_after"),
        financial=frozenset(r["char"] for r in rows if r.get("form") == "financial"),
        leading=frozenset(r["char"] for r in rows if r.get("form") == "leading"),
    )


@cache
def scales() -> dict[str, int]:
    """Characters that multiply a numeral written before them (30万, 5千): powers and sections."""
    t = tables()
    return {**t.powers, **t.sections}


@cache
def chinese_chars() -> str:
    """Every character that can appear inside a Chinese numeral."""
    t = tables()
    return "".join([*t.digits, *t.powers, *t.sections, *t.points, *t.some])


class NumeralError(ValueError):
    pass


# Token kinds: ("lit", Decimal, is_arabic) | ("pow", int) | ("sec", int) | ("some",)
Token = tuple


def _lex(s: str) -> list[Token]:
    t = tables()
    out: list[Token] = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c.isascii() and c.isdigit():
            j = i
            while j < n and (
                (s[j].isascii() and s[j].isdigit())
                or (
                    (s[j] in ",. " or s[j] in t.char_points)
                    and j + 1 < n
                    and s[j + 1].isascii()
                    and s[j + 1].isdigit()
                )
            ):
                j += 1
            lit = "".join("." if c in t.char_points else c for c in s[i:j] if c not in ", ")
            if lit.count(".") > 1:
                raise NumeralError(s)
            out.append(("lit", Decimal(lit), True))
            i = j
        elif c in t.digits:
            out.append(("lit", Decimal(t.digits[c]), False))
            i += 1
        elif c in t.points or (c in t.char_points and out and out[-1][0] == "lit" and not out[-1][2]):
            # 四.二七亿元 (四．二七億元, 一‧九六億元: Taiwan's ways): a point between Chinese digits
            j = i + 1
            frac = ""
            while j < n and s[j] in t.digits:
                frac += str(t.digits[s[j]])
                j += 1
            if not frac or not out or (out[-1][0] == "lit" and out[-1][2]):
                raise NumeralError(s)
            if out[-1][0] == "lit":
                whole = out.pop()[1]
                place = 10
                while out and out[-1][0] == "lit" and not out[-1][2]:
                    whole += out.pop()[1] * place  # 二八.五八: digits read one by one before the point, 28.58
                    place *= 10
                out.append(("lit", whole + Decimal("0." + frac), False))
            else:
                out.append(("frac", Decimal("0." + frac)))  # 二十点五: the fraction follows a power
            i = j
        elif c in t.powers:
            out.append(("pow", t.powers[c]))
            i += 1
        elif c in t.sections:
            out.append(("sec", t.sections[c]))
            i += 1
        elif c in t.some:
            out.append(("some",))
            i += 1
        else:
            raise NumeralError(s)
    return out


def _join_positional(tokens: list[Token]) -> list[Token]:
    """Runs of single Chinese digits (二〇一九) are read digit by digit."""
    out: list[Token] = []
    for tok in tokens:
        if (
            tok[0] == "lit"
            and not tok[2]
            and out
            and out[-1][0] == "lit"
            and not out[-1][2]
            and out[-1][1] == out[-1][1].to_integral_value()
            and tok[1] == tok[1].to_integral_value()
        ):
            out[-1] = ("lit", out[-1][1] * 10 + tok[1], False, True)
        else:
            out.append(tok)
    return out


def _evaluate(tokens: list[Token]) -> Decimal:
    total = ZERO  # the part at or above 亿
    wan = ZERO  # the part between 万 and 亿
    sec = ZERO  # the part below 万
    cur: Decimal | None = None
    cur_elliptic = False  # a single Chinese digit right after a power or section: 三万五 = 35000
    last_mult = 0
    saw_zero = False
    saw_digit = False
    after_power = False  # the token before is a power (十, 百, 千), not a section
    for tok in tokens:
        kind = tok[0]
        was_power, after_power = after_power, kind == "pow"
        if kind == "lit":
            if cur is not None:
                raise NumeralError("two numbers in a row")
            if len(tok) == 4 and was_power and tok[1] >= 10:
                # 十一三 (of 七、十、十一三个组: groups No. 7, 10 and 11, three of them; found blind in round s236) is
                # no numeral: digits read one by one never follow a power (零一 of 一百零一 is a 零 and its digit),
                # only a section (兩萬一八五〇, Taiwan's 21850)
                raise NumeralError("digits one by one after a power")
            cur = tok[1]
            saw_digit = True
            if cur == 0 and not tok[2] and len(tok) == 3:
                saw_zero = True
                cur = None
                continue
            single = len(tok) == 3 and (not tok[2] or (cur == cur.to_integral_value() and cur < 10))
            cur_elliptic = single and last_mult > 1 and not saw_zero
        elif kind == "pow":
            mult = tok[1]
            if cur is None:
                if mult in (10, 20) and (sec == 0 or saw_zero):
                    cur = Decimal(1)  # 十五, 廿三, 十万, 一百零十
                    saw_digit = True
                else:
                    raise NumeralError("power without a digit")
            sec += cur * mult
            cur = None
            last_mult = mult
            saw_zero = False
            cur_elliptic = False
        elif kind == "sec":
            mult = tok[1]
            part = sec + (cur if cur is not None else ZERO)
            if mult == 10**8:
                if part == 0 and wan == 0:
                    raise NumeralError("section without a digit")
                total = (total + wan + part) * mult
                wan = ZERO
            else:
                if part == 0 and (total == 0 or wan != 0):
                    raise NumeralError("section without a digit")
                wan += part * mult
            sec = ZERO
            cur = None
            last_mult = mult
            saw_zero = False
            cur_elliptic = False
        elif kind == "frac":
            if cur is not None:
                raise NumeralError("fraction after a digit")
            sec += tok[1]
            last_mult = 1
        else:
            raise NumeralError("unexpected token")
    if not saw_digit:
        raise NumeralError("no digit")
    if cur is not None:
        if cur_elliptic and last_mult >= 100:
            cur *= last_mult // 10
        elif cur_elliptic and last_mult == 10 and cur >= 10:
            raise NumeralError("digit after 十")
        sec += cur
    return total + wan + sec


def _pair_index(s: str) -> int:
    """Where a two-digit range pair (两三, 七八) starts, or -1; longer digit runs are positional, not pairs, and so
    are the digits after a point (一五一.七八公頃 is 151.78: found blind in round s284, read as 151.7 to 151.8)."""
    t = tables()
    for i in range(len(s) - 1):
        if s[i : i + 2] in t.pairs:
            before = i > 0 and (s[i - 1] in t.digits or s[i - 1] in t.points or s[i - 1] in t.char_points)
            after = i + 2 < len(s) and s[i + 2] in t.digits
            if not before and not after:
                return i
    return -1


@lru_cache(maxsize=8192)
def parse(s: str) -> tuple[Decimal, Decimal | None]:
    """The value of a numeral, or (low, high) for a range written inside one numeral (两三, 三十几).

    >>> parse("三万五")
    (Decimal('35000'), None)
    """
    t = tables()
    if not s or len(s) > MAX_LENGTH:
        raise NumeralError(s[:MAX_LENGTH])
    some = [i for i, c in enumerate(s) if c in t.some]
    if len(some) > 1:
        raise NumeralError(s)
    if some:
        i = some[0]
        low = _value(s[:i] + "一" + s[i + 1 :])
        high = _value(s[:i] + "九" + s[i + 1 :])
        return low, high
    p = _pair_index(s)
    if p >= 0:
        low = _value(s[:p] + s[p] + s[p + 2 :])
        high = _value(s[:p] + s[p + 1] + s[p + 2 :])
        if low < high:
            return low, high
    if any(c in t.leading and s[i - 1] in t.digits for i, c in enumerate(s) if i > 0):
        raise NumeralError(s)  # 豪九两条: a name's digit, then 两 of a count of its own
    return _value(s), None


def _value(s: str) -> Decimal:
    tokens = _join_positional(_lex(s))
    return _evaluate(tokens)


def is_bare_some(s: str) -> bool:
    """几 on its own: "a few" (以下几个特点, 几万人), no figure; 十几个 and 几十万 are ranges."""
    return len(s) == 1 and s in tables().some


def is_positional(s: str) -> bool:
    """Two Chinese digits or more with no power between them (五一, 二〇一九): read digit by digit, a name's or a
    year's, never a count of things."""
    digits = tables().digits
    return len(s) >= 2 and all(c in digits for c in s)


def written_by_digit(s: str) -> bool:
    """Whether the numeral ``s`` ends with three Chinese digits or more written one by one, after its last section if
    it has one (九二八尾, 一萬一三一一尾: Taiwan's papers, found blind in round s960), and no run of digits counted up
    one by one: a count, as digits are, where a numeral in characters is ambiguous before some units (三尾鱼 is
    none)."""
    sections = tables().sections
    tail = s[max((i + 1 for i, c in enumerate(s) if c in sections), default=0) :]
    if len(tail) < _BY_DIGIT or not is_positional(tail):
        return False
    digits = [tables().digits[c] for c in tail]
    # 一二三期 lists phases one to three (found on the stand-in), no 123 期
    return any(b != a + 1 for a, b in pairwise(digits))


_BY_DIGIT = 3


def is_bare_chinese_one(s: str) -> bool:
    """一 on its own: an article ("a", "one") far more often than a count."""
    return s in ("一", "壹")
