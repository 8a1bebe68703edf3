"""Money without a currency (财政一般预算收入任务174万，完成198万), people without a unit (人口4.25万), and a measure
whose name ends with its unit (土方5.7万).

A digit figure with a bare scale (万, 亿) and no unit is an amount of money when a money word of
``data/money_cues.tsv`` ends right before it (light words such as 任务, 完成 may stand between), or when only
light words and a comma stand between it and the amount of money before it, or when 的 joins it to a thing whose size
is its cost (3千万的油茶加工项目); it counts people when a word for a population (人口) ends right before it or starts
right after it (6.1万常住人口), as does a whole number with no scale right after such a word (人口:7185); it is in
方 when a word of measure ending with that unit (土方, 石方) ends right before it. A figure in 亿 with no word after
it is money too, unless its clause names people or things counted (达到106亿, is money; 农村贫困人口减少1亿多 is
not). quantities.py asks here once it has found no unit after such a figure.

A bare number right after a verb of a rate (同比增长52.07，) is a percentage whose sign the copy lost
(``lost_percent`` of ``data/changes.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from extractor import numerals
from extractor._data import by_last, column
from extractor.han import is_han
from extractor.segment import CLAUSE_END, INLINE_SPACES, SENTENCE_END, list_marks

if TYPE_CHECKING:
    from extractor.figure_parts import Part

# How far back a money word may stand before a bare-scale figure, light words included (预算收入任务174万).
WINDOW = 12
# Only 万 and larger: 3千 and 5百 are as often counts as money.
MIN_SCALE = Decimal(10000)
# A rate above this is more often an amount whose unit was lost (增长 300，) than a percentage.
MAX_LOST_PERCENT = Decimal(200)
# What may end the clause of a percentage whose sign was lost (the marks of segment.py).
_LOST_PERCENT_END = CLAUSE_END + SENTENCE_END
_SPACES = f"[{re.escape(INLINE_SPACES)}]{{0,2}}"
_NOT_LIGHT = re.compile("[^ ，,、]")  # anything but the spaces and commas that may stand after an amount


@dataclass(frozen=True)
class _Lex:
    unit: str  # the unit such a figure is in (元)
    cues: tuple[str, ...]
    people_unit: str  # the unit of a figure a population word names (人)
    people_cues: tuple[str, ...]
    people_digits_cues: tuple[str, ...]  # population words that make a bare whole number people (人口:7185)
    money_digits_cues: tuple[str, ...]  # income words that make a bare whole number money (人均纯收入8503)
    unit_cues: tuple[str, ...]  # words that end with the unit of the figure they name (土方: 方)
    count_labels: tuple[str, ...]  # a count's label, its unit before 数: a bare whole number after it counts (人数42)
    count_shares: tuple[str, ...]  # a word before such a label that makes the number a share of it (占总户数80)
    # the words that may stand between a cue and its figure, by their last characters, longest first; and those but
    # a change's words (增加), after which a bare whole number is no level
    between_last: dict[str, tuple[str, ...]]
    plain_between_last: dict[str, tuple[str, ...]]
    cues_last: dict[str, tuple[str, ...]]
    people_cues_last: dict[str, tuple[str, ...]]
    of: tuple[str, ...]  # what joins a figure to the thing it measures (的)
    objects: tuple[str, ...]
    not_objects: tuple[str, ...]
    people_objects: tuple[str, ...]
    people_prefixes: tuple[str, ...]  # a nationality's name or 各族, that may stand before a people object
    money_objects: tuple[str, ...]
    post_words: tuple[str, ...]  # bounds after a figure (左右: approx.tsv post), longest first
    milestones: tuple[str, ...]  # 大关 after a bare scale (突破60亿大关)
    money_scale: Decimal  # a bare scale this large is money where no word follows it (0.61亿(同比…)
    count_words: tuple[str, ...]  # words in its clause that make such a figure a count (人口, 苗)
    lost_percent: tuple[str, ...]  # verbs of a rate (changes.tsv)
    zero_to: tuple[str, ...]  # 降至, 降为: a bare 0 after them, a percentage in its clause, is 0 % (changes.tsv)
    bare_measures: tuple[str, ...]  # measures with no unit (性别比), whose changes are no percentages
    list_words: str  # the one-character words of a list before a second such rate (增长 29 和 27: ranges.tsv)
    fillers: tuple[str, ...]  # what may stand between such a verb and its number (changes.tsv), longest first
    box_marks: str  # the marks that open an encyclopedia box's line (- 总人口)


def _ends_with(view: str, p: int, words: dict[str, tuple[str, ...]]) -> bool:
    """Whether a word of ``words`` (by_last) ends right before ``p``."""
    return p > 0 and any(p >= len(c) and view.startswith(c, p - len(c)) for c in words.get(view[p - 1], ()))


@cache
def lexicon() -> _Lex:
    plain = column("money_cues.tsv", "word", kind="between")
    changes = column("money_cues.tsv", "word", kind="change_between")
    return _Lex(
        unit=column("money_cues.tsv", "word", kind="unit")[0],
        cues=column("money_cues.tsv", "word", kind="cue"),
        people_unit=column("money_cues.tsv", "word", kind="people_unit")[0],
        people_cues=column("money_cues.tsv", "word", kind="people_cue"),
        people_digits_cues=column("money_cues.tsv", "word", kind="people_digits_cue"),
        money_digits_cues=column("money_cues.tsv", "word", kind="money_digits_cue"),
        unit_cues=column("money_cues.tsv", "word", kind="unit_cue"),
        count_labels=column("money_cues.tsv", "word", kind="count_label"),
        count_shares=column("money_cues.tsv", "word", kind="count_share"),
        between_last=by_last(tuple(sorted((*plain, *changes), key=len, reverse=True))),
        plain_between_last=by_last(tuple(sorted(plain, key=len, reverse=True))),
        cues_last=by_last(column("money_cues.tsv", "word", kind="cue")),
        people_cues_last=by_last(column("money_cues.tsv", "word", kind="people_cue")),
        of=column("money_cues.tsv", "word", kind="of"),
        objects=column("money_cues.tsv", "word", kind="object"),
        not_objects=column("money_cues.tsv", "word", kind="not_object"),
        people_objects=column("money_cues.tsv", "word", kind="people_object"),
        people_prefixes=tuple(
            sorted(
                (*column("money_cues.tsv", "word", kind="people_prefix"), *column("nationalities.tsv", "name")),
                key=len,
                reverse=True,
            )
        ),
        money_objects=column("money_cues.tsv", "word", kind="money_object"),
        post_words=tuple(sorted(column("approx.tsv", "word", position="post"), key=len, reverse=True)),
        milestones=column("money_cues.tsv", "word", kind="milestone"),
        money_scale=min(numerals.scales()[w] for w in column("money_cues.tsv", "word", kind="money_scale")),
        count_words=(
            *column("money_cues.tsv", "word", kind="people_cue"),
            *column("money_cues.tsv", "word", kind="not_object"),
            *column("money_cues.tsv", "word", kind="count_word"),
        ),
        lost_percent=column("changes.tsv", "word", kind="lost_percent"),
        zero_to=column("changes.tsv", "word", kind="zero_to"),
        bare_measures=column("changes.tsv", "word", kind="bare_measure"),
        list_words="".join(w for w in column("ranges.tsv", "text", kind="list") if len(w) == 1),
        fillers=tuple(sorted(column("changes.tsv", "word", kind="filler"), key=len, reverse=True)),
        box_marks="".join(column("money_cues.tsv", "word", kind="box_mark")),
    )


def bare_unit(
    view: str, start: int, end: int, scale: Decimal, money_end: int, may_follow: frozenset[str]
) -> str | None:
    """The unit of the figure view[start:end] (digits and a bare scale, no unit): 元 for an amount of money, 人 for a
    number of people, the unit a word of measure ends with (土方5.7万: 方), or None.

    ``money_end`` is where the last amount of money before it ends (-1: none); ``may_follow`` holds the characters
    that may start the word after the scale (左右, 和 of a list): any other Chinese character there means the figure
    counts that word (2.3万群众)."""
    lex = lexicon()
    if scale < MIN_SCALE:
        if _digits_named(view, start, end, lex, lex.people_digits_cues, lex.between_last):
            return lex.people_unit
        if _digits_named(view, start, end, lex, lex.money_digits_cues, lex.plain_between_last):
            return lex.unit  # 人均纯收入增加300: a change's unit lost may be a percentage's
        return _labelled_count(view, start, end, lex)
    nxt = view[end] if end < len(view) else ""
    if is_han(nxt):
        # The thing named right after the scale, whatever word may follow a figure starts like it (实 of 实施 and
        # of 实际管理人口: found blind in round s80)
        post = next((w for w in lex.post_words if view.startswith(w, end)), "")
        if any(view.startswith(w, end + len(post)) for w in lex.money_objects):
            # 拿出60余万专项资金: the money itself is named right after the scale, or after its bound (增加10万左右
            # 集体经济收入: found blind in round s261)
            return lex.unit
        who = end + len(post)
        prefix = next((len(w) for w in lex.people_prefixes if view.startswith(w, who)), 0)
        if any(view.startswith(w, who) or view.startswith(w, who + prefix) for w in lex.people_objects):
            return lex.people_unit  # 6.1万常住人口, 3万多各族人民, 1.6万彝族群众
        if nxt not in may_follow and not any(view.startswith(w, end) for w in lex.milestones):
            return None  # a milestone passed is the figure's own level (人口已逼近10萬大關: found in round s353)
    p = _before_light_words(view, start, lex)
    if _ends_with(view, p, lex.cues_last):
        return lex.unit
    if _ends_with(view, p, lex.people_cues_last):
        return lex.people_unit
    for c in lex.unit_cues:
        if p - len(c) >= 0 and view.startswith(c, p - len(c)):
            return c[-1]
    # 任务174万，完成198万 and 54.3亿、321.4亿: only light words and a comma since the last amount of money.
    # The search stops at the first other character: a copy of everything since the money was quadratic in a long
    # text with one amount near its start.
    if 0 <= money_end <= p and _NOT_LIGHT.search(view, money_end, p) is None:
        return lex.unit
    # a bound after the scale is the figure's (完成投资额1个亿左右。: found blind in round s867)
    post = next((w for w in lex.post_words if view.startswith(w, end)), "") if is_han(nxt) else ""
    after = view[end + len(post) : end + len(post) + 1]
    if (
        scale >= lex.money_scale
        and not (is_han(after) or (after.isascii() and after.isalpha()))
        and not _names_a_count(view, start, lex)
    ):
        return lex.unit  # 限上批零住餐0.61亿(同比增长33.2%), 达到106亿,: no word after 亿, and none of a count before
    return lex.unit if nxt in lex.of and _names_object(view, end + 1) else None


def cued_in_characters(view: str, start: int, figure: Part) -> bool:
    """Whether a figure in characters with a bare scale (``figure``, its digits from ``start``) is named money by a
    money word right before it (light words between): 捐赠五百万, 就能赚两万多, 总经费一百六十万. A digit must stand
    before the scale: a bare 千万 or 百万 after a money word is as often an adverb (资金千万不能挪用)."""
    digits = numerals.tables().digits
    if not figure.scale_text or not any(c in digits for c in view[start : figure.scale_start]):
        return False
    lex = lexicon()
    p = _before_light_words(view, start, lex)
    return _ends_with(view, p, lex.cues_last)


def _before_light_words(view: str, start: int, lex: _Lex, words: dict[str, tuple[str, ...]] | None = None) -> int:
    """Where the light words (任务, 完成, 为, a colon) and spaces right before ``start`` begin, within ``WINDOW``;
    and one line break, with the list mark that opens the figure's line: an encyclopedia's box sets a label on a
    line of its own and its value on the next (人口數量\n1.91萬, - 总人口\n- 4.6万: found on the excerpts)."""
    floor = max(0, start - WINDOW)
    p = start
    moved = True
    breaks = 0
    while moved and p > floor:
        moved = False
        if view[p - 1] in INLINE_SPACES:  # 地税收入 184万: a space set before a figure, as PDFs and portals do
            p -= 1
            moved = True
            continue
        if view[p - 1] in lex.box_marks and (p == 1 or view[p - 2] in "\n" + INLINE_SPACES):
            p -= 1
            moved = True
            continue
        if view[p - 1] == "\n" and breaks == 0:
            p -= 2 if p >= 2 and view[p - 2] == "\r" else 1
            breaks = moved = True
            continue
        for w in (lex.between_last if words is None else words).get(view[p - 1], ()):
            if p - len(w) >= floor and view.startswith(w, p - len(w)):
                p -= len(w)
                moved = True
                break
    return p


# The fewest digits a population with no unit and no scale is read with (人口:7185); 人口12 is more often cut short.
_PEOPLE_DIGITS = 3
_DIGIT_AFTER_BREAK = re.compile(r"[ \t]*+[\r\n][\s]{0,8}[0-9]")


def _digits_named(
    view: str, start: int, end: int, lex: _Lex, cues: tuple[str, ...], between: dict[str, tuple[str, ...]]
) -> bool:
    """Whether view[start:end], a whole number with no scale and no unit, is named by a word of ``cues`` that ends
    right before it (words of ``between`` between), no word, letter or digit following it: a number of people after a
    population word (people_digits_cue: 人口:157768(2016年), 总人口1390,, an encyclopedia's box and a profile's line;
    found on the excerpts, where the annotators counted them in 人), money after an income per head
    (money_digits_cue: 农民人均纯收入8503)."""
    nxt = view[end] if end < len(view) else ""
    if end - start < _PEOPLE_DIGITS or not view[start:end].isdigit() or is_han(nxt) or nxt.isalnum():
        return False
    if _DIGIT_AFTER_BREAK.match(view, end):
        return False  # 总人口8467\n\n2、3人: a page's chunk number cut the figure (84673), whose head alone is wrong
    p = _before_light_words(view, start, lex, between)
    return any(view.startswith(c, p - len(c)) for c in cues)


# How far before a count's label a share's word may stand (占总户数80: money_cues.tsv count_share).
_SHARE_REACH = 3


def _labelled_count(view: str, start: int, end: int, lex: _Lex) -> str | None:
    """The unit of view[start:end], a whole number with no scale and no unit, when a count's label ends right before
    it (light words between) and no word, letter or digit follows it: 编制人数42, 离休人数0 (count_label)."""
    nxt = view[end] if end < len(view) else ""
    if not view[start:end].isdigit() or is_han(nxt) or nxt.isalnum() or (nxt != "" and nxt in "%."):
        return None
    if _DIGIT_AFTER_BREAK.match(view, end):
        return None
    p = _before_light_words(view, start, lex)
    label = next((c for c in lex.count_labels if view.startswith(c, p - len(c))), None)
    if label is None:
        return None
    before = view[max(0, p - len(label) - _SHARE_REACH) : p - len(label)]
    return None if any(w in before for w in lex.count_shares) else label[-2]


def _names_a_count(view: str, start: int, lex: _Lex) -> bool:
    """Whether the clause before ``start`` (a dozen characters or so) names people or things counted: 农村贫困人口
    减少1亿多 counts people, 育苗供苗1.3亿 seedlings."""
    lo = max(0, start - WINDOW * 2)
    cut = max(view.rfind(c, lo, start) for c in _CLAUSE_MARKS)
    clause = view[max(lo, cut + 1) : start]
    return any(w in clause for w in lex.count_words)


_CLAUSE_MARKS = CLAUSE_END + SENTENCE_END


@cache
def _object_re() -> re.Pattern[str]:
    # The words after 的 end with the thing (3千万的格瑞斯油茶加工项目，): a clause break, another figure or a list
    # word follows it. A dozen characters at most, so the scan per figure is bounded.
    things = "|".join(re.escape(w) for w in lexicon().objects)
    lists = "".join(re.escape(w) for w in sorted(list_marks()))
    return re.compile(f"[\u4e00-\u9fffA-Za-z]{{0,12}}?(?:{things})(?:[{lists}]|(?![\u4e00-\u9fffA-Za-z]))")


def _names_object(view: str, start: int) -> bool:
    """Whether the words from ``start`` name a thing whose size is its cost (油茶加工项目, 产业集群)."""
    m = _object_re().match(view, start)
    return m is not None and not any(w in m.group() for w in lexicon().not_objects)


# How far back a milestone's sentence is searched for money (产值继2023年突破60亿大关).
MILESTONE_WINDOW = 40
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_END)}]")


def milestone(view: str, start: int, end: int, scale: Decimal, money_end: int) -> bool:
    """Whether view[start:end] (a numeral and a bare scale, no unit) is an amount of money passed as a milestone:
    a milestone word right after it (突破两亿大关), and an amount of money (``money_end``: where the last one ends)
    or a money word earlier in its sentence, at most ``MILESTONE_WINDOW`` characters back."""
    lex = lexicon()
    if scale < MIN_SCALE or not any(view.startswith(w, end) for w in lex.milestones):
        return False
    lo = max(0, start - MILESTONE_WINDOW)
    for m in _SENTENCE_END.finditer(view, lo, start):
        lo = m.end()
    if money_end >= lo:
        return True
    before = view[lo:start]
    return any(c in before for c in lex.cues)


def lost_percent(view: str, start: int, end: int, number: Decimal) -> bool:
    """Whether the bare number view[start:end] (digits, no scale, no unit) is a percentage whose sign the copy
    lost: a verb of a rate right before it (同比增长52.07，; spaces may stand between, 增长 25，) and its clause's
    end right after it, or a list word and a second such number (分别增长 29 和 27；); and a bare 0 after a fall to
    it, a percentage in its clause (由43.2%降为0。)."""
    p = _before_spaces(view, start)
    if number == 0:
        return _zero_after_percent(view, p, end)
    if not 0 < number < MAX_LOST_PERCENT:
        return False
    if p > 0 and view[p - 1] in lexicon().list_words:
        # 和 27: the second of a list is read when the first is (a bare number right after the verb).
        q = p - 1
        first = _LOST_PERCENT_HEAD.search(view, max(0, q - 16), q)
        if first is None or not _after_rate_verb(view, _before_spaces(view, first.start())):
            return False
    elif not _after_rate_verb(view, p):
        return False
    e = end
    while e < len(view) and view[e] in INLINE_SPACES and e - end < 2:
        e += 1
    post = next((w for w in lexicon().post_words if view.startswith(w, e)), "")
    e += len(post)  # 增长 7左右，: an approximation word before the clause's end
    if e == len(view):
        return False  # an excerpt cut short: what followed is not known
    if view[e] in _LOST_PERCENT_END:
        if view[e] in _JOINING_MARKS and view[e + 1 : e + 2].isdigit():
            return False  # 比重为35:34:31, a ratio; 增长率6?34‰, a damaged point: no clause ends there
        return not _of_a_bare_measure(view, start)
    return view[e] in lexicon().list_words and _LOST_PERCENT_TAIL.match(view, e + 1) is not None


# How far back in its clause a percentage may stand before a fall to zero (由2014年的43.2%降为0)
_ZERO_REACH = 30


def _zero_after_percent(view: str, p: int, end: int) -> bool:
    """Whether the bare 0 that ends its clause at ``end`` after a word of a fall to it (changes.tsv zero_to) ending
    at ``p`` is 0 %: a percentage stands before that word in its clause (贫困发生率由2014年的43.2%降为0。: probes of
    hand-written excerpts, w249; the stand-in's two such are optional)."""
    if not view.endswith(lexicon().zero_to, 0, p) or (end < len(view) and view[end] not in _LOST_PERCENT_END):
        return False
    lo = max(0, p - _ZERO_REACH)
    stop = max(view.rfind(c, lo, p) for c in _LOST_PERCENT_END)
    return view.find("%", max(lo, stop + 1), p) >= 0


# Marks that end a clause but, with a digit right after them, join two numbers (a ratio's colon, a damaged point)
_JOINING_MARKS = ":：∶?？"

# How far back in its sentence a measure with no unit may stand before the change of it
_BARE_MEASURE_REACH = 40


def _of_a_bare_measure(view: str, start: int) -> bool:
    """Whether a measure with no unit (性别比) stands before ``start`` in its sentence: the change is in its points."""
    lo = max(0, start - _BARE_MEASURE_REACH)
    stop = max(view.rfind(c, lo, start) for c in "。；;\n")
    return any(view.find(w, max(lo, stop + 1), start) >= 0 for w in lexicon().bare_measures)


def _before_spaces(view: str, pos: int) -> int:
    p = pos
    while p > 0 and view[p - 1] in INLINE_SPACES and pos - p < 2:
        p -= 1
    return p


def _after_rate_verb(view: str, pos: int) -> bool:
    """A verb of a rate ends at ``pos``, or a filler of changes.tsv stands between (增幅为 25，)."""
    lex = lexicon()
    filler = next((f for f in lex.fillers if pos >= len(f) and view.startswith(f, pos - len(f))), "")
    ends = (pos, pos - len(filler)) if filler else (pos,)
    return any(view.endswith(lex.lost_percent, 0, e) for e in ends)


# The first number of such a list, ending right before its list word (29 和); searched in a window of 16.
_LOST_PERCENT_HEAD = re.compile(rf"(?<![0-9.])[0-9]+(?:\.[0-9]+)?{_SPACES}\Z")
# The second number of a list after a lost percentage, itself bare and ending its clause (和 27；).
_LOST_PERCENT_TAIL = re.compile(rf"{_SPACES}[0-9]+(?:\.[0-9]+)?{_SPACES}[{re.escape(_LOST_PERCENT_END)}]")
