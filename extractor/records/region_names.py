"""A region's name read out of the words a pattern matched: the smallest unit they name (呼伦贝尔市海拉尔区 ->
海拉尔区), and whether a name read so is a region at all (全县, 乡镇 and 工业园区 are none)."""

from __future__ import annotations

from collections.abc import Container

from extractor import gazetteer, numerals
from extractor.han import is_han
from extractor.records import region_lexicon as rl
from extractor.records.township_names import only_in

# A name read from the body must recur: one mention is a neighbour, a visit, an example.
OWN_MIN = 3


def _stands_alone(tail: str, head: str, view: str) -> bool:
    """Whether ``view`` writes ``tail`` once at least with no ``head`` right before it."""
    i = view.find(tail)
    while i >= 0:
        if i == 0 or view[i - 1] != head:
            return True
        i = view.find(tail, i + 1)
    return False


def last_unit(name: str, view: str = "") -> str:
    """呼伦贝尔市海拉尔区 -> 海拉尔区, 在中卫市 -> 中卫市: the smallest unit named, preferring a known one; ``name``
    itself when it holds no suffix, and nothing when its only suffixes start compounds. ``view`` is the text it was
    read from, where a known township's name inside it must stand alone once to be read alone."""
    known = rl.regions()
    name = rl.name_ends().split(name, maxsplit=1)[0]  # 乡镇政府镇长 -> 乡镇: no unit after the government word
    if (head := rl.before_name().match(name)) is not None and head.end() < len(name) and not rl.known_township(name):
        # 关于集镇区域…的调研报告 names no 于集镇 (found blind in round s757), 中共莞城街道 is 莞城街道: the word before
        # a name is none of it, unless the gazetteer knows the whole (在妙镇)
        name = name[head.end() :]
    above, _ = rl.kinds_of_place()
    for i in range(len(name) - 1):
        if name[i:] in known:
            if any(len(k) > len(name) - i and name.endswith(k) for k in above):
                break  # 全域旅游示范县: 范县 inside a kind of county (示范县) is no county
            if i == 1 and name[0] not in rl.suffix_chars() and not _stands_alone(name[1:], name[0], view):
                # 青岚县, a county the regions do not list, is no 岚县 (a probe of hand-written excerpts: a wrong key)
                # unless the text writes 岚县 alone too
                break
            return name[i:]
    # A suffix followed by another (乡镇, 镇村: 关于乡镇年终工作总结) starts a compound word and ends no name.
    found = list(rl.unit_re().finditer(name))
    place_words = gazetteer.place_words()
    # 城镇化 (place_words.tsv): a suffix that starts a word ends no name, as one before another suffix does (乡镇).
    units = [
        m.group()
        for m in found
        if not rl.not_in_stem().match(name, m.end())
        and not name.startswith(place_words.get(name[m.end() - 1], ()), m.end() - 1)
    ]
    # A county known by its name alone, or after its city's short name (武威凉州区新华镇: found blind in round s156).
    parents = [m for m in found if any(m.group()[k:] in known for k in range(len(m.group()) - 1))]
    if parents and rl.suffix_level(name) == "township":
        # 南浔区练市镇人民政府镇长: a township after its county is the speaker's own.
        rest = name[parents[-1].end() :]
        # 沙县区夏茂镇: the suffix read first (县) ends no name where the known name runs on past it (沙县区, a
        # county until 2021; found blind in round s899, 区夏茂镇: a wrong key)
        rest = rl.without_known_head(rest[_runs_on(parents[-1].group(), rest, known) :])
        if rl.suffix_level(rest) == "township" and valid_region(rest, addressed=True):
            return rest
    for n, u in enumerate(reversed(units)):
        if u in known:
            if n and rl.known_township(units[-1]):
                # 海南省乐东县抱由镇: the province, a county regions.tsv knows by its long name (乐东黎族自治县), then a
                # township the gazetteer knows: the township (found blind in round s209)
                return units[-1]
            if rl.masked().search(name, name.rfind(u) + len(u)):
                return ""  # 河南省重点革命老区镇某某市某某镇: the place named last is masked, the province its superior
            # 西区街道: a township that bears a county's name (攀枝花's 西区) is the township; but only one the
            # gazetteer knows: 郑州市街道办事处 is the city's sub-district offices (found blind in round s102)
            suffix = rl.township_suffix_re().match(name, name.rfind(u) + len(u))
            return u + suffix.group() if suffix and rl.known_township(u + suffix.group()) else u
    if found and found[-1].end() < len(name) and (tail := rl.known_township_tail(name)):
        # 蒲鞋市街道: the reading above stops at 市 and leaves 街道 unread; the gazetteer knows the whole name.
        return tail
    if units and rl.suffix_level(units[-1]) is not None:
        # 晋江东石镇 (a county's short name before its township), 简介塔畈乡 (a page's word before it): the township
        # the gazetteer knows. But where it knows the whole stem by another suffix, the name is whole: 察汗乌苏镇,
        # once 察汗乌苏乡, is not 乌苏镇 (抚远市).
        unit = units[-1]
        if unit in rl.not_township_names():
            return unit  # 森林城镇: a kind of township, whose known tail (林城镇) is no reading of it
        tail = rl.known_township_tail(unit)
        if tail and any(len(w) > len(tail) and unit.endswith(w) for w in rl.region_words()):
            return ""  # 在全国文明村镇: 明村镇 inside a word of prose (region_words.tsv) is none (found blind in s961)
        before = unit[: len(unit) - len(tail or "")]
        # A numeral before a tail that opens with one continues it (二十里铺街道 is no 十里铺街道: found blind in round
        # s175)
        numeral = before[-1:] in numerals.chinese_chars() and (tail or "")[:1] in numerals.chinese_chars()
        if (
            tail
            and not numeral
            and (
                # a county's stem before a tail it does not hold, and that the text never writes alone, opens a
                # longer name: 乌兰 of 乌兰敖包苏木 (乌兰县 holds no 敖包苏木, 科尔沁左翼中旗's: read so by a probe of
                # hand-written excerpts, a wrong key); 静宁 of 静宁甘沟乡 is the county's, 甘沟乡 written alone too
                (rl.is_stem(before) and (_holds(before, tail) or not only_in(tail, unit, view, 1)))
                or (
                    not rl.is_stem(before)
                    and not (gazetteer.lookup(unit, "township") or only_in(tail, unit, view, OWN_MIN))
                )
            )
            # one character before a known tail that a name may hold is the name's own: 青石桥镇, which the gazetteer
            # lacks, is no 石桥镇 (found by a probe of hand-written excerpts); 是 of 是雅瑶镇 is no name's
            and (len(before) > 1 or rl.is_stem(before) or not is_han(before) or rl.not_in_names().search(before))
        ):
            return tail
        return unit
    # 湖镇镇, 嵩市镇, 章镇镇: a township whose stem holds a suffix character, which the reading above takes for a
    # compound (乡镇) or a county (嵩市). The gazetteer knows the whole name.
    tail = rl.known_township_tail(name)
    return tail or (units[-1] if units else "" if found else name)


def _runs_on(parent: str, rest: str, known: Container[str]) -> int:
    """How many characters of ``rest`` continue ``parent`` into a longer name ``known`` lists (沙县 + 区), or 0."""
    return next(
        (k for k in (2, 1) if len(rest) > k and any((parent + rest[:k])[j:] in known for j in range(len(parent) - 1))),
        0,
    )


def _holds(before: str, tail: str) -> bool:
    """Whether a place whose stem is ``before`` holds a township the gazetteer knows as ``tail``: 晋江 of 晋江东石镇
    does (东石镇 of 晋江市), 乌兰 of 乌兰敖包苏木 does not (敖包苏木 is 科尔沁左翼中旗's, no 乌兰县's: read so by a
    probe of hand-written excerpts, a wrong key)."""
    return any(
        gazetteer.stem(upper) == before or upper.startswith(before)
        for place in gazetteer.lookup(tail, "township")
        for upper in gazetteer.path(place.code)
    )


def valid_region(name: str, in_title: bool = False, addressed: bool = False) -> bool:
    """A known name, or one with an administrative suffix. A name read from a sentence (我代表市人民政府) must hold
    none of the not-in-name characters; a title line names its region by itself, and townships, which
    regions.tsv does not list, may hold them (和平镇, 上塘镇), as may a township whose name or stem the gazetteer
    knows (向家镇第四届人民代表大会; 协和街道, of 协和镇's stem). A name must hold more than suffix characters.
    ``addressed``: written right after its county, where one character and a kind of township (曹 and 家乡) are a
    name (万源市曹家乡, a township merged away, which the gazetteer no longer knows: found blind in round s921)."""
    if rl.masked().search(name):
        return False  # 某街道: a name masked by the copy
    if name in rl.regions():
        return True
    if (
        not rl.not_in_stem().sub("", name)
        or rl.suffixes_only().fullmatch(name)
        or (name in rl.suffix_names() and name not in rl.government_regions())
        or name in rl.not_township_names()
        or name.endswith(rl.kinds_of_township())
        or (_a_kind_of_place(name) and not (addressed and len(name) == _KIND_AND_ONE))
        or rl.period_words().search(name)
        or rl.kind_of_ethnic_township(name)
        or rl.peoples_cut().search(name) is not None
        or rl.a_verb_stem(name)
    ):
        # 乡镇, 市县, 街道办事处: suffixes only; 民族乡: one suffix (国务院 is one and names its country); 全县, 我镇,
        # 特色小镇: a scope or a kind of place; 下半年镇 (of 下半年镇工作计划): a period and a kind of place;
        # 瑶族乡, 两个瑶族乡 (of 麻林、黄金两个瑶族乡, found blind in round s117): the kind of an ethnic township, where
        # the gazetteer knows every ethnic township's name; 鲜族乡, a piece of 和平朝鲜族乡. None is one place.
        return False
    level = rl.suffix_level(name)
    if level == "provincial":
        # regions.tsv lists every province: 创建省 (of a title 创建省级环境优美乡镇, found blind in round s191) is none
        return False
    if level not in (None, "township") and len(name) > _MAX_UNKNOWN:
        return False  # 位于山西吕梁临县: a phrase that ends with a county's suffix (regions.tsv lists the long names)
    if (
        level == "township"
        and (len(name) > _MAX_UNKNOWN_TOWNSHIP or rl.suffixes_only().fullmatch(name[-2:]))
        and not rl.known_township(name)
    ):
        # 创建粮食生产全程机械化乡镇 (of a title 扬州市创建…乡镇实施方案, found blind in round s116): a phrase that ends
        # with a township's suffix, or with 乡镇 (a kind of place); the gazetteer knows the short ones that are names
        return False
    # regions.tsv lists every county and city by name: an unknown one read from a title is a phrase that ends in
    # a suffix character (乡镇与农场场县共建 gives 与农场场县), unless it holds no sentence character (a former name).
    phrase = rl.patterns_of("not_in_title_name").search(name)
    if in_title and level == "township" and phrase and not gazetteer.lookup(name, "township"):
        return False  # 最新的街道 of 2023年最新的街道社区…工作总结: a phrase, no township the gazetteer knows
    return level is not None and (
        (in_title and level == "township")
        or rl.not_in_names().search(name) is None
        or (level == "township" and bool(gazetteer.lookup(name, "township")))
    )


def addressed(read: str, name: str) -> bool:
    """Whether ``name``, the unit ``last_unit`` took from ``read``, is written right after a county or a city
    regions.tsv knows (万源市曹家乡)."""
    head = read[: -len(name)] if name and read.endswith(name) else ""
    known = rl.regions()
    return any(head[i:] in known for i in range(len(head) - 1))


def one_character(name: str) -> bool:
    """Whether ``name`` is a township of one character and its suffix that the gazetteer does not know."""
    suffix = next((suf for suf, lv in rl.suffixes() if lv == "township" and name.endswith(suf)), "")
    return bool(suffix) and len(name) - len(suffix) < 2 and not gazetteer.lookup(name, "township")


_KIND_AND_ONE = 3  # a two-character kind of township (家乡, 小镇) and one character before it
# The longest county or city name regions.tsv does not list that is still read (a former name: 3 to 5 characters).
_MAX_UNKNOWN = 6
# The longest township name the gazetteer does not know that is still read (an ethnic township's: 林口彝族苗族乡).
_MAX_UNKNOWN_TOWNSHIP = 10


def _a_kind_of_place(name: str) -> bool:
    """工业园区, 全域旅游示范县, 文明城市: a name regions.tsv does not list that ends with a kind of county or city;
    生态水乡, 特色小镇: one the gazetteer does not know that ends with a two-character kind of township (found blind
    in round r49). Known names stay (新城区, 清水乡)."""
    if name in rl.regions():
        return False
    above, township = rl.kinds_of_place()
    return name.endswith(above) or (len(name) > 2 and name.endswith(township) and not rl.known_township(name))
