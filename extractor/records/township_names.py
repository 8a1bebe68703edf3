"""A township's name read from a text, made whole (the characters a reading lost at its front, where every mention
of it stands after them: 日峰镇 written 日日峰镇 by a copy that lost one 日; 二团塔南镇 of 十二团塔南镇), its edges (a
word before it that is no part of it, 中共 of 中共莞城街道; whether a reading stands alone, 、建设镇, or ends a longer
word, 示范建设镇), and told from a longer name it ends (界頭鋪鎮 is no 头铺镇) and from a misspelling of it
(吉爾格朗鄉 for 吉爾格郎鄉)."""

from __future__ import annotations

from functools import cache

import regex

from extractor import gazetteer, numerals
from extractor._data import column
from extractor.han import is_han
from extractor.records import region_lexicon as rl


def at(view: str, name: str) -> list[int]:
    """Where ``name`` stands in ``view``, after its first character (a name at the text's very start is a title's)."""
    out, i = [], view.find(name, 1)
    while i > 0:
        out.append(i)
        i = view.find(name, i + 1)
    return out


# How many of a name's mentions are looked at for characters it may have lost, and how many.
_FULLER_MENTIONS = 20
_FULLER_CHARS = (1, 2)


def fuller_township(name: str, view: str) -> str | None:
    """A township that the gazetteer knows and whose name ``name`` ends, written in the text a character or two
    longer: 2021年9月27日峰镇第十九届人民代表大会 (a copy that lost one 日 of 27日日峰镇) names 日峰镇, which the
    title writes whole (黎川县日峰镇); 恩和哈达镇, whose 和 a name read from a sentence stops at, is no 哈达镇. Only a
    longer name that every mention is part of: a text about a township the gazetteer lacks may name it once after a
    word that, with it, makes another township's name."""
    if rl.suffix_level(name) != "township":
        return None
    starts: list[int] = []
    i = view.find(name, 1)
    while i >= 0 and len(starts) < _FULLER_MENTIONS:
        starts.append(i)
        i = view.find(name, i + 1)
    for extra in _FULLER_CHARS:
        longers = {view[max(0, i - extra) : i + len(name)] for i in starts}
        if (
            len(longers) == 1
            and rl.HAN.fullmatch(longer := longers.pop())
            and (rl.known_township(longer) or _titled_cut(longer, extra, view))
        ):
            return longer
    return None


def _titled_cut(longer: str, extra: int, view: str) -> bool:
    """Whether ``longer`` is a name the reader cut at a character no name holds (呼和陶勒盖苏木 at 和, read as
    陶勒盖苏木: a probe of hand-written excerpts, a wrong key) and that opens a line of the text, as a title does."""
    head = longer[:extra]
    # the cut falls inside the name, after a character of it (呼和): no word before a name (在, 我们) opens it
    return (
        len(head) > 1
        and rl.not_in_names().fullmatch(head[-1]) is not None
        and rl.not_in_names().search(head[:-1]) is None
        and (view.startswith(longer) or f"\n{longer}" in view)
    )


_NUMERAL_HEAD = 2  # the most characters a name's numeral may have lost to the longest stem read (十二团塔南镇)


def whole_numeral(name: str, view: str) -> str:
    """``name`` with the numeral characters that stand before it at every mention, where it opens with a numeral cut
    by the longest stem read (二团塔南镇 of 十二团塔南镇, found blind in round s322): a numeral's head and tail are one
    word."""
    chars = numerals.chinese_chars()
    starts = at(view, name)
    for _ in range(_NUMERAL_HEAD):
        if not starts or name[0] not in chars or any(i == 0 for i in starts):
            break
        before = {view[i - 1] for i in starts}
        if len(before) != 1 or next(iter(before)) not in chars:
            break
        name = view[starts[0] - 1] + name
        starts = [i - 1 for i in starts]
    return name


_CUT_HEAD = 2  # the most characters a name read at the longest stem may have lost (宝日嘎斯台苏木, a stem of five)


def whole_long(name: str, stem: int, view: str) -> str:
    """``name``, read at the longest stem a body's reading takes (``stem`` characters before its suffix), with
    the characters that stand before it at every mention: a stem of five (宝日嘎斯台苏木, read 日嘎斯台苏木: found by
    a probe of hand-written excerpts) is cut by the longest stem, as a numeral is (whole_numeral). Only a character
    that a name may hold and that no word before a name is, the same at every mention, and only for a name the
    gazetteer does not know (one it knows is whole)."""
    if rl.known_township(name) or len(gazetteer.stem(name)) < stem:
        return name
    starts = at(view, name)
    for _ in range(_CUT_HEAD):
        if not starts or any(i == 0 for i in starts):
            break
        before = {view[i - 1] for i in starts}
        c = next(iter(before))
        if len(before) != 1 or not is_han(c) or rl.not_in_names().search(c) or rl.not_in_stem().search(c):
            break
        if rl.before_name().match(view, starts[0] - 1) or rl.name_ends().search(c) or c in _division_ends():
            break  # 乌珠尔旗日嘎斯台苏木: the county's suffix, written before the name each time
        name = c + name
        starts = [i - 1 for i in starts]
    return name


@cache
def _division_ends() -> frozenset[str]:
    """The last characters of the suffixes of a division above a township (旗, 州, 县, 盟)."""
    return frozenset(suffix[-1] for suffix, level in rl.suffixes() if level != "township")


def only_in(tail: str, name: str, view: str, least: int) -> bool:
    """Whether ``view`` writes ``tail`` only after the character before it in ``name``, ``least`` times or more:
    界頭鋪鎮, which the gazetteer lacks, is no 头铺镇 of Anhui that it knows (found blind in round s263, a wrong key),
    nor is 创建园林城镇 a 林城镇 (s270)."""
    before = name[len(name) - len(tail) - 1]
    starts = at(view, tail)
    if not starts or not all(view[i - 1] == before for i in starts):
        return False
    if len(starts) >= least:
        return True
    # Twice is enough for a character that opens names (name_prefixes.tsv), or a head of two characters or more,
    # where the whole name stands alone every time, at a line's start or after a space or a mark (第六节 大官庄乡 …
    # 大官庄乡位于即墨县北部: found blind in round s313, read as Henan's 官庄乡; 阿拉坦敖包苏木 in a title and after
    # 2023年，, read as 敖包苏木 of 科尔沁左翼中旗 by a probe of hand-written excerpts, a wrong key)
    if len(starts) < 2:
        return False
    if before in _name_prefixes() and all(i < 2 or not is_han(view[i - 2]) for i in starts):
        return True
    head = name[: len(name) - len(tail)]
    if not (2 <= len(head) <= _MAX_HEAD and all(is_han(c) for c in head)) or rl.not_in_names().search(head):
        return False  # a page's words glued before the name (ob体育登录入口凫山街道, a spam mirror's: round s866)
    return all(
        i >= len(head)
        and view.startswith(head, i - len(head))
        and (i == len(head) or not is_han(view[i - len(head) - 1]))
        for i in starts
    )


_MAX_HEAD = 4  # 阿拉坦 of 阿拉坦敖包苏木; a longer head is a page's words more often than a name's


@cache
def _name_prefixes() -> frozenset[str]:
    return frozenset(column("name_prefixes.tsv", "char"))


_SPELLING_STEM = 3  # the shortest stem in which one other character is a misspelling, not another place (东坝, 西坝)


def misspelt(written: str, known: str, view: str) -> bool:
    """Whether ``written``, a township the gazetteer lacks, is ``known``, one it knows, with one character of the
    stem written wrong, the first too (房前镇 for 坊前镇, a homophone: found blind in round s663). A stem of two
    characters one apart is as often another place (东坝, 西坝), so there both must follow the same county."""
    if len(written) != len(known) or written[-1] != known[-1] or len(known) < 3:
        return False
    if sum(x != y for x, y in zip(written, known, strict=True)) != 1:
        return False
    if not rl.known_township(known) or rl.known_township(written):
        return False
    return len(known) - 1 >= _SPELLING_STEM or any(c + written in view for c in _counties_before(view, known))


def _counties_before(view: str, name: str) -> set[str]:
    """The counties written right before ``name`` (莒南县坊前镇)."""
    out = set()
    for i in at(view, name):
        for n in range(_SHORTEST_COUNTY, min(i, _LONGEST_COUNTY) + 1):
            rows = rl.regions().get(view[i - n : i], ())
            if any(r["level"] == "county" for r in rows):
                out.add(view[i - n : i])
    return out


# The lengths of a county's name (县 and 区 with a one-character stem; 自治县 names run longer)
_SHORTEST_COUNTY, _LONGEST_COUNTY = 2, 8


def runs_into(view: str, start: int, end: int, words: regex.Pattern[str]) -> bool:
    """Whether one of ``words`` overlaps ``view[start:end]`` (a stem that reaches into 中共 of 中共莞城街道)."""
    return any(m.end() > start for m in words.finditer(view, max(0, start - _BEFORE_NAME), end))


_BEFORE_NAME = 8  # the longest word before a name (中国共产党) and more


def stands_alone(view: str, i: int) -> bool:
    """Whether a name read from ``i`` has no more name before it: the text's start, a mark, a space, a character
    no name holds (在建设镇) or a suffix (县 of 某县建设镇)."""
    return (
        i == 0
        or not is_han(view[i - 1])
        or rl.not_in_names().match(view, i - 1) is not None
        or rl.not_in_stem().match(view, i - 1) is not None
        or runs_into(view, i, i, rl.before_name())
    )
