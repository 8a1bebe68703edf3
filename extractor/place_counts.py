"""A numeral before a kind of place (两村, 4村, 三县: units.tsv after_list) counts places only right after the places
it counts: after a list of their names (胡岗、叶圩两村; 召陵、商水、上蔡三县交界), after 等 (草川、高磨等4村), after a
word of holding (辖10村), or before a word of where places meet, perhaps after more such counts (地处三县交界处,
两省两县六乡交界处). Anywhere else it is part of a name: 抓好8村生猪 is village No. 8's, 新华三村 and 四村 (in
齐东、孙家、四村猕猴桃基地) are villages."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from extractor import numerals
from extractor._data import alternation, column
from extractor.han import is_han
from extractor.segment import CLAUSE_MARKS, INLINE_SPACES, list_marks

# A place's name in a list: two to five characters (叶圩, 黄溪口; 东 of 京津冀、东三省 is no name of its own); the first
# item may carry the word before the list (在后庄、三十铺、城南…), so it may run longer.
_NAME = (2, 5)
_FIRST = 8
# The most names a list counted so may hold: a longer one is a table's, not a sentence's.
_MAX_ITEMS = 30


# The most spaces a copy sets after a list's mark (良田、 九佛四镇).
_SPACES = 2
_ITEM_TAIL = 2  # the characters that the items of a list of names end with alike (居委会)
# The most counts of places a run before a word of meeting holds (两省两县六乡交界处): the scan stays bounded.
_MAX_RUN = 4


@cache
def _before() -> tuple[str, ...]:
    return tuple(sorted(column("place_counts.tsv", "word", side="before"), key=len, reverse=True))


@cache
def _route() -> tuple[str, ...]:
    return column("place_counts.tsv", "word", side="route")


@cache
def _after() -> tuple[str, ...]:
    return tuple(sorted(column("place_counts.tsv", "word", side="after"), key=len, reverse=True))


@cache
def _marks() -> frozenset[str]:
    """The list marks between names: 、, not 和 or 与, which stand inside names too (和平村); and 及, which seldom
    does (place_counts.tsv mark)."""
    return frozenset(m for m in list_marks() if not is_han(m)) | set(column("place_counts.tsv", "word", side="mark"))


def counts(view: str, start: int, numeral: str, number: Decimal, end: int, masked: bytearray | None = None) -> bool:
    """Whether ``numeral`` (view[start:…], or right after the pinyin ruby that starts at ``start``; its value
    ``number``; its kind of place ends at ``end``) counts the places named right before it, or places that meet.
    ``masked``: the places of masked names (xx村、**村两村: a copy's placeholders, which name places as well; found by
    probes of hand-written excerpts, w168 and w169)."""
    if numerals.is_positional(numeral):
        return False  # 五一村: a village's name (二 alone, 微山二村, is a negative already: negatives.tsv)
    if _meet(view, end) or _count_follows(view, end):
        return True
    p = _before_run(view, start)
    kind = view[end - 1]
    if any(view.endswith(w, 0, p) and view.endswith(kind, 0, p - len(w)) for w in _route()):
        return False  # 二村至四村: the village a road runs to
    if view.endswith(_before(), 0, p):
        return True
    if number == 2 and _two_joined(view, p, masked):
        return True
    if _an_item(view, p, end):
        return False
    marks = _marks()
    items = 0
    while True:
        q = _item_start(view, p, marks, masked)
        size = p - q
        if items >= 2 and size < _NAME[0] and q > 0 and view[q - 1].isdigit():
            # 坪上村1050亩、大湾、龙潭两村各900亩: the item before is a figure's unit, so the list of names starts
            # after its mark, and the count closes it exactly (a probe of hand-written excerpts, w213)
            return items == number
        if size < _NAME[0] or (items == 0 and size > _NAME[1]):
            return False  # 、四村: an item of its own; 抓好8村: a verb, no list
        items += 1
        if items > number or items > _MAX_ITEMS:
            return False  # more names than the count: no list it counts (and the scan stays bounded)
        if items == number >= 2 and q > 0 and view[q - 1] in marks and _opened(view, q, p):
            return True  # 镇党委、政府把前杨、后杨、韩庄三村: the list opens after 把, inside the item before it
        gap = q
        while gap > 0 and q - gap < _SPACES and view[gap - 1] in INLINE_SPACES:
            gap -= 1  # 良田、 九佛四镇: a copy's space after the mark (found blind in round s434)
        if gap > 0 and view[gap - 1] == "\n":
            # 资源村、\n团结村两村: a line a PDF's copy broke after the mark (a probe of hand-written excerpts)
            b = gap - 1 - (gap >= 2 and view[gap - 2] == "\r")
            if b > 0 and view[b - 1] in marks:
                gap = b
        if gap > 0 and view.endswith(_verbs_of_a_mark(), 0, gap):
            # 涉及东风、红旗、胜利三村: 及 ends a verb there, and the list starts after it; one of reach that a count
            # may follow alone (涉及全乡20村) counts what it reaches
            return items >= 2 or view.endswith(_before(), 0, gap)
        if gap == 0 or view[gap - 1] not in marks:
            break
        if size > _NAME[1]:
            # A long item after a mark: no list of names, unless it is the words before the list run into its first
            # name, a word of holding or meeting among them, and the count closes the list exactly (东临喜古乡、西与北
            # 接壤老回龙及马塘两镇: found blind in round s186; 金融信息中心、辐射六乡两镇 is no such list).
            item = view[q:p]
            return items == number and items >= 2 and any(w in item for w in (*_before(), *_after()))
        p = gap - 1
    # The count covers every name listed (师宗、罗平、西林五县 may name only some of the five).
    return items >= 2


def _opened(view: str, q: int, p: int) -> bool:
    """Whether a word that opens a list of places (place_counts.tsv opens: 把, 对) stands inside the item from ``q``
    to ``p``, a name of at least two characters after it: the words before the list ran into its first name, and the
    items before the mark belong to no list the count closes (found by a probe of hand-written excerpts, w234)."""
    return any(view[i] in _openers() for i in range(q, p - _NAME[0]))


@cache
def _openers() -> frozenset[str]:
    return frozenset(column("place_counts.tsv", "word", side="opens"))


def _an_item(view: str, p: int, end: int) -> bool:
    """Whether the words after the count, up to the next mark, end as the list's item before it does: then the
    name, the count and those words are an item of the list (海滨二村第二居委会、海滨三村居委会、: committees, 三村 of
    a name; found blind in round s915)."""
    marks = _marks()
    e = end
    while e < len(view) and e - end <= _FIRST and is_han(view[e]) and view[e] not in marks:
        e += 1
    if e - end < _ITEM_TAIL or (e < len(view) and view[e] not in marks and view[e] not in "\r\n"):
        return False
    q = _item_start(view, p, marks, None)
    gap = q
    while gap > 0 and q - gap <= _SPACES and view[gap - 1] in INLINE_SPACES + "\r\n":
        gap -= 1
    return gap > 1 and view[gap - 1] in marks and view.endswith(view[e - _ITEM_TAIL : e], 0, gap - 1)


def _two_joined(view: str, p: int, masked: bytearray | None) -> bool:
    """Whether two names joined by a word of a pair end at ``p`` (新会和开平 before 两县): the second a short name,
    the first at least two characters (it may carry the words before it, as a list's first item does)."""
    q = p
    while q > 0 and p - q <= _NAME[1] and _in_name(view, q - 1, masked) and not view.endswith(_pairs(), 0, q):
        q -= 1
    pair = next((w for w in _pairs() if view.endswith(w, 0, q)), None)
    if pair is None or not _NAME[0] <= p - q <= _NAME[1]:
        return False
    first = q - len(pair)
    return first >= _NAME[0] and _in_name(view, first - 1, masked) and _in_name(view, first - 2, masked)


def _item_start(view: str, p: int, marks: frozenset[str], masked: bytearray | None) -> int:
    """Where the list's item that ends at ``p`` starts: back over a name's characters to a mark, _FIRST at most."""
    q = p
    while q > 0 and p - q < _FIRST and _in_name(view, q - 1, masked) and view[q - 1] not in marks:
        q -= 1
    return q


def _in_name(view: str, i: int, masked: bytearray | None) -> bool:
    """Whether ``view[i]`` may stand in a place's name: a Han character, or a masked name's (**村)."""
    return is_han(view[i]) or (masked is not None and bool(masked[i]))


@cache
def _verbs_of_a_mark() -> tuple[str, ...]:
    """The verbs that end with a list's mark (波及; 涉及, a word before a count too): a list of names starts after
    them."""
    words = (*column("place_counts.tsv", "word", side="verb_of_mark"), *_before())
    return tuple(w for w in words if len(w) > 1 and w[-1] in _marks())


@cache
def _pairs() -> tuple[str, ...]:
    return column("place_counts.tsv", "word", side="pair")


def opens_a_listed_name(view: str, start: int, end: int) -> bool:
    """Whether the numeral in characters at ``start`` (its figure ends at ``end``) opens a name in a list of names
    that a count of the places closes (阿东、三台坡、俄铺8个村民委员会: 三台 counts no machines; found blind in
    round s211): the figure opens an item after a list mark or a word of holding, every item is a short name, and
    the count is of places and holds them all. The names after it are read first: most lists have no such close,
    and the names before it are then never counted."""
    marks = _marks()
    if _after_a_counted_colon(view, start, marks):
        return True  # 轄20個村委會:大河、…、三眼井、亂石山: the names a count before them announces
    first = view.endswith(_before(), 0, start)  # 辖五棵树、东风…4个村: the first name, after a word of holding
    if not first and (start == 0 or view[start - 1] not in marks):
        return False
    if _close_near().search(view, start, start + _LIST_REACH) is None:
        return False  # no count of places and no kind of place ahead: no list this rule reads (one pass in C)
    after = 0
    p = start
    while after < _MAX_LISTED:
        q = p
        while q < len(view) and q - p <= _NAME[1] + 1 and is_han(view[q]) and view[q] not in marks:
            q += 1
        if q < len(view) and view[q] in marks and _NAME[0] <= q - p <= _NAME[1]:
            after += 1
            p = q + 1
            continue
        break
    else:
        return False
    # the last name, and the count of the places right after it (俄铺8个村民委员会, 俄铺等八个村), which is no part of
    # the figure itself (东风、二十八个村 counts); or the last name carries its kind of place (花园、六所、小高人民公社:
    # found blind in round s219)
    if p != start and any(
        _NAME[0] <= view.find(kind, p, q) - p <= _NAME[1] and _no_numeral(view, p, view.find(kind, p, q))
        for kind in _kind_names()
    ):
        count: Decimal | None = Decimal(_MAX_LISTED)
    else:
        first_k = max(p + _NAME[0], end) if p == start else p + _NAME[0]
        count = next(
            (n for k in range(first_k, min(q, p + _NAME[1]) + 1) if (n := _closing_count(view, k)) is not None), None
        )
    if count is None:
        return False
    before = 0
    q = start - 1  # the names before it, back to the list's start
    while not first and before + after < _MAX_LISTED:
        p = q
        while p > 0 and q - p <= _NAME[1] and is_han(view[p - 1]) and view[p - 1] not in marks:
            p -= 1
        if q - p < _NAME[0]:
            return False
        before += 1
        if p == 0 or view[p - 1] not in marks:
            break
        q = p - 1
    names = before + after + 1
    return names >= 2 and count >= names  # one name is no list (辖七个社区和两个行政村)


# The mark that sets a list's items apart (、): 及 and 和 join names too, but also end words (涉及两村).
_ENUMERATION = "、"


def a_name_among_names(view: str, start: int, end: int) -> bool:
    """Whether the figure in characters at ``start`` to ``end`` is a whole item of a list whose item next to it is
    a name with no numeral (徐家沙沟、八家、王家; 东风、七棚、株木; 台达、东聚、五株、盈聚): a village's, a canal's or
    a firm's name; or one that a direction (place_counts.tsv prefix) opens after a name and a mark (兴隆庄、东七百户).
    A count stands in such a list after what it counts (中学两所、小学十所), never alone."""
    if (
        start > 3
        and view[start - 2] == _ENUMERATION
        and view[start - 1] in _prefixes()
        and view[start - 3] not in _prefixes()
        and _no_numeral(view, start - 4, start - 2)
        and all(is_han(c) for c in view[start - 4 : start - 2])
    ):
        # 兴隆庄、东七百户养猪村: a name's first character before its numeral; 东、南、西三个 and 漷河南、北两支 count
        # the directions
        return True
    before = start > 0 and view[start - 1] == _ENUMERATION
    after = end < len(view) and view[end] == _ENUMERATION
    if not (before or after):
        return False
    if not (before or _an_items_end(view, start - 1)) or not (after or _an_items_end(view, end)):
        return False  # the item runs on past the figure (前五家, 十一支队家属区, 三個(gè)嘎查)
    return (before and _a_plain_name(view, start - 1, -1)) or (after and _a_plain_name(view, end, 1))


@cache
def _prefixes() -> frozenset[str]:
    return frozenset(column("place_counts.tsv", "word", side="prefix"))


def _an_items_end(view: str, i: int) -> bool:
    """Whether ``view[i]`` ends a list's item: the text's edge, a list's or a clause's mark, or a space."""
    return not 0 <= i < len(view) or view[i] == _ENUMERATION or view[i] in CLAUSE_MARKS or view[i].isspace()


def _a_plain_name(view: str, mark: int, step: int) -> bool:
    """Whether the item on the ``step`` side of the mark at ``mark`` is a short name with no numeral: 2 to 5 Han
    characters, ended as an item is."""
    i, n = mark + step, 0
    while 0 <= i < len(view) and n <= _NAME[1] and is_han(view[i]) and view[i] != _ENUMERATION:
        i += step
        n += 1
    if not _NAME[0] <= n <= _NAME[1] or not _an_items_end(view, i):
        return False
    lo, hi = (i + 1, mark) if step < 0 else (mark + 1, i)
    return _no_numeral(view, lo, hi)


# A name shown to be one by its list is one wherever the text writes it again (岳寨、三所楼、袁庄、匡营等村63户, then
# 全镇已建成三所楼菊花种植基地: found blind in round s839); a short name (三台) may be a count elsewhere (三台水泵).
_NAME_AGAIN = 3


def listed_names(view: str) -> frozenset[str]:
    """The names of three characters or more that open with a numeral and stand as items of a list that a count or
    a kind of place closes (opens_a_listed_name), each once: the text's names, which count nothing where it writes
    them again."""
    marks = _marks()
    digits = numerals.chinese_chars()
    names: set[str] = set()
    for mark in marks:
        i = view.find(mark)
        while i >= 0:
            start = i + 1
            q = start
            while q < len(view) and q - start <= _NAME[1] and is_han(view[q]) and view[q] not in marks:
                q += 1
            item = view[start:q]
            if (
                q < len(view)
                and view[q] in marks
                and _NAME_AGAIN <= len(item) <= _NAME[1]
                and item[0] in digits
                and item not in names
                and opens_a_listed_name(view, start, q)
            ):
                names.add(item)
            i = view.find(mark, start)
    return frozenset(names)


def _after_a_counted_colon(view: str, start: int, marks: frozenset[str]) -> bool:
    """Whether the item at ``start`` is one of the names that a colon opens after a count of places (轄20個村委會:大河、
    滿井、…、三眼井: found blind in round s268, where 三眼 was read as a count): every item of the list is a short name,
    and the count before the colon is the number of them. The colon and the count are looked for first (in C)."""
    if start == 0 or (view[start - 1] not in marks and view[start - 1] not in _COLONS):
        return False
    lo = max(0, start - _LIST_REACH)
    colon = max(view.rfind(c, lo, start) for c in _COLONS)
    count = _count_ending(view, colon) if colon >= 0 else None
    if count is None:
        return False
    names, q = 0, start - 1
    while q > colon:
        if view[q] not in marks:
            return False
        p = q
        while p > colon + 1 and q - p <= _NAME[1] and is_han(view[p - 1]) and view[p - 1] not in marks:
            p -= 1
        if (p != colon + 1 and view[p - 1] not in marks) or not _NAME[0] <= q - p <= _NAME[1]:
            return False
        names += 1
        q = p - 1
    return count == names + _items_from(view, start, marks)


_COLONS = frozenset(":：")


def _items_from(view: str, start: int, marks: frozenset[str]) -> int:
    """How many short names a list holds from ``start`` to its end (三眼井、亂石山、…、鹿尾溝。), or 0 where an item
    is none (a long one, a count: 三个中心村、七个一般村 is no list of names its count equals)."""
    items, p = 0, start
    while items <= _MAX_LISTED:
        q = p
        while q < len(view) and q - p <= _NAME[1] and is_han(view[q]) and view[q] not in marks:
            q += 1
        if not _NAME[0] <= q - p <= _NAME[1] or view.startswith(_measures(), p + 1):
            return 0  # a long item, or a count (三个中心村)
        items += 1
        if q >= len(view) or view[q] not in marks:
            return items if q >= len(view) or not is_han(view[q]) else 0
        p = q + 1
    return 0


def _count_ending(view: str, end: int) -> Decimal | None:
    """The count of places that ends at ``end`` (20個村委會, 十四个行政村), or None."""
    m = _count_before().search(view, max(0, end - 16), end)
    if m is None:
        return None
    try:
        number, high = numerals.parse(m.group(1)) if not m.group(1).isdigit() else (Decimal(m.group(1)), None)
    except numerals.NumeralError:
        return None
    return number if high is None else None


@cache
def _count_before() -> re.Pattern[str]:
    digits = re.escape("0123456789" + numerals.chinese_chars())
    measures = alternation(_measures())
    kinds = alternation((*_listed_kinds(), *_kind_names()))
    announce = alternation(column("place_counts.tsv", "word", side="announce"))
    return re.compile(rf"([{digits}]{{1,4}})(?:{measures})?(?:{kinds})(?:{announce})?\Z")


# The most names such a list holds: a township's villages, listed in a sentence (a longer list is a table's)
_MAX_LISTED = 20
_LIST_REACH = _MAX_LISTED * (_NAME[1] + 1) + 16  # its names and marks, then the close (等八个村民委员会)


@cache
def _close_near() -> re.Pattern[str]:
    """What must stand after such a list: a numeral's last character before a kind of place (8个村, 十四个行政村), a
    closing word right before one (等村), or a kind's name that a last name may carry (人民公社)."""
    digits = re.escape("0123456789" + numerals.chinese_chars())
    measures = alternation(_measures())
    kinds = alternation((*_listed_kinds(), *_kind_names()))
    return re.compile(
        rf"(?:[{digits}](?:{measures})?|{alternation(_closers())})(?:{kinds})|{alternation(_kind_names())}"
    )


def _no_numeral(view: str, start: int, end: int) -> bool:
    digits = numerals.chinese_chars()
    return not any(c.isdigit() or c in digits for c in view[start:end])


def _closing_count(view: str, p: int) -> Decimal | None:
    """The count of places that stands at ``p`` (8个村民委员会, 等八个村, 共5村), or None. A closing word right before
    a kind of place, no count between, closes a list of any length (岳寨、三所楼、袁庄、匡营等村63户: found blind in
    round s839, where 三所 counted buildings)."""
    closed = view.startswith(_closers(), p)
    if closed:
        p += next(len(w) for w in _closers() if view.startswith(w, p))
    q = p
    while q < len(view) and q - p < 4 and (view[q].isdigit() or view[q] in numerals.chinese_chars()):
        q += 1
    if q == p:
        listed = view.startswith(_listed_kinds(), p) or view.startswith(_kind_names(), p)
        return Decimal(_MAX_LISTED) if closed and listed else None
    if view[p:q].isdigit():
        number, high = Decimal(view[p:q]), None
    else:
        try:
            number, high = numerals.parse(view[p:q])
        except numerals.NumeralError:
            return None
    if high is not None:
        return None
    q += next((len(m) for m in _measures() if view.startswith(m, q)), 0)
    return number if view.startswith(_listed_kinds(), q) or view.startswith(_kind_names(), q) else None


@cache
def _measures() -> tuple[str, ...]:
    """The measure words between a count and its kind of place (8个村)."""
    return column("place_counts.tsv", "word", side="measure")


@cache
def _kind_names() -> tuple[str, ...]:
    """Names for a kind of place besides units.tsv after_list (行政村, 居委会) that a list's count may name."""
    return column("place_counts.tsv", "word", side="names")


@cache
def _closers() -> tuple[str, ...]:
    """The words that may close a list of names before their count (等, 共)."""
    return tuple(sorted(column("place_counts.tsv", "word", closes="yes"), key=len, reverse=True))


@cache
def _kinds() -> frozenset[str]:
    return frozenset(column("place_counts.tsv", "word", side="kind"))


def _meet(view: str, end: int) -> bool:
    """两省两县六乡交界处: a word of meeting follows, perhaps after more counts of places; a kind in brackets after
    one (两省四县(区)结合部: found blind in round s957) is the same count's."""
    digits = numerals.chinese_chars()
    kinds = _kinds()
    if view[end - 1] not in kinds:
        return False
    p = end
    for _ in range(_MAX_RUN):
        if view.startswith("(", p) and (k := next((k for k in _listed_kinds() if view.startswith(k, p + 1)), None)):
            p += len(k) + 2 if view.startswith(")", p + 1 + len(k)) else 0
        if view.startswith(_after(), p):
            return True
        q = p
        while q < len(view) and q - p < 4 and (view[q] in digits or view[q].isdigit()):
            q += 1
        if q == p or q >= len(view) or view[q] not in kinds:
            return False
        p = q + 1
    return False


def _before_run(view: str, start: int) -> int:
    """Where the words before a count of places end: before the spaces, and before the counts of places it follows,
    perhaps listed with a list's mark (所辖有1市5乡: 5乡 after 1市, which 所辖有 makes a count; 辖12镇、3乡: found
    blind in round s574)."""
    p = start
    for _ in range(_MAX_RUN):
        while p > 0 and view[p - 1] in INLINE_SPACES:
            p -= 1
        end = p - 1 if p > 0 and view[p - 1] in _marks() else p
        kind = next((k for k in _listed_kinds() if view.endswith(k, 0, end)), None)
        q = end - len(kind) if kind else end
        while q > 0 and end - q < _THEN_DIGITS and view[q - 1].isdigit():
            q -= 1
        if kind is None or q == end - len(kind):
            return p
        p = q
    return p


@cache
def _listed_kinds() -> tuple[str, ...]:
    """The kinds of place a numeral counts only after a list (units.tsv after_list), longest first (社区 before 区)."""
    return tuple(sorted(column("units.tsv", "unit", after_list="yes"), key=len, reverse=True))


@cache
def _then() -> tuple[str, ...]:
    return column("place_counts.tsv", "word", side="then")


# The longest number looked at after a count of places (1544 of 11村1544人, 1,544 with its comma).
_THEN_DIGITS = 8


def _count_follows(view: str, end: int) -> bool:
    """11村350户1544人: a figure in households or people right after the count of places, perhaps after more such
    counts (5村2社区974户), the places then counted."""
    kinds = _listed_kinds()
    p = end
    for _ in range(_MAX_RUN):
        q = p
        while q < len(view) and q - p < _THEN_DIGITS and (view[q].isdigit() or (q > p and view[q] in ",.")):
            q += 1
        if q == p:
            return False
        if view.startswith(_then(), q):
            return True
        k = next((k for k in kinds if view.startswith(k, q)), None)
        if k is None:
            return False
        p = q + len(k)
    return False
