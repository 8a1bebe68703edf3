"""The words region readers look for (records/meta.py): administrative suffixes and the level each implies,
known regions by name, code and stem, the patterns of region_patterns.tsv, and the common words and kinds of place that
name no region (region_words.tsv, scopes.tsv), each read once from its data file."""

from __future__ import annotations

import re
from functools import cache

import regex

from extractor import _compiled, gazetteer, numerals
from extractor._data import column, table
from extractor.han import is_han

# The longest tail of a name looked for in the gazetteer: the longest townships' names (ethnic townships, 某某蒙古族
# 满族乡) run to about ten characters.
MAX_TOWNSHIP = 10


@cache
def region_patterns() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return tuple(
        (r["source"], _compiled.compile(r["pattern"], regex.MULTILINE))
        for r in table("region_patterns.tsv")
        if r["source"] in ("title", "head", "head_known", "head_again", "body")
    )


@cache
def suffixes() -> tuple[tuple[str, str], ...]:
    rows = [(r["suffix"], r["level"]) for r in table("admin_levels.tsv")]
    return tuple(sorted(rows, key=lambda x: -len(x[0])))


@cache
def regions() -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for r in table("regions.tsv"):
        out.setdefault(r["name"], []).append(r)
    return out


@cache
def codes() -> dict[str, dict[str, str]]:
    return {r["code"]: r for r in table("regions.tsv")}


@cache
def peoples_tail() -> regex.Pattern[str]:
    """Nationalities' names, one or more (瑶族, 苗族彝族: nationalities.tsv), and a township's suffix at the end of a
    name: an ethnic township's (麻林瑶族乡), or the kind of one (两个瑶族乡)."""
    alt = "|".join(regex.escape(n) for n in sorted(column("nationalities.tsv", "name"), key=len, reverse=True))
    sufs = "|".join(regex.escape(s) for s, lv in suffixes() if lv == "township")
    return _compiled.compile(f"(?:{alt})+(?:{sufs})$")


# The lengths of the name before an ethnic township's nationalities (华山 of 华山瑶族乡, 林口 of 林口彝族苗族乡).
_PEOPLE_STEM = (2, 4)


def kind_of_ethnic_township(name: str) -> bool:
    """Whether ``name``, ending with nationalities' names and a township's suffix (peoples_tail), is the kind of an
    ethnic township (两个瑶族乡, 个瑶族乡: found blind in round s117) rather than one: the gazetteer knows every ethnic
    township of today by name, and one it lacks is a kind unless a name of two to four Han characters, no numeral
    among them, stands before its nationalities (华山瑶族乡, merged since: found blind in round s420, where the own
    name was refused and the town that took it in, 塘市镇, was keyed)."""
    m = peoples_tail().search(name)
    if m is None or known_township(name):
        return False
    stem = name[: m.start()]
    return not (
        _PEOPLE_STEM[0] <= len(stem) <= _PEOPLE_STEM[1]
        and all(is_han(c) and c not in numerals.chinese_chars() for c in stem)
    )


@cache
def peoples_cut() -> regex.Pattern[str]:
    """族 and a township's suffix ending a name with no nationality's name before them (鲜族乡, a reading of
    和平朝鲜族乡 cut short, found blind in round s136): a piece of an ethnic township's name, no place."""
    mark = column("region_forms.tsv", "form", kind="people_mark")[0]  # 族, what every nationality's name ends with
    names = [n[: -len(mark)] for n in column("nationalities.tsv", "name") if n.endswith(mark)]
    heads = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    sufs = "|".join(regex.escape(s) for s, lv in suffixes() if lv == "township")
    return _compiled.compile(f"(?<!{heads}){regex.escape(mark)}(?:{sufs})$")


@cache
def with_counties() -> frozenset[str]:
    """The codes of the divisions that counties sit under: a prefecture missing here (东莞市, 中山市) holds its
    townships directly, as a county does."""
    return frozenset(r["parent"] for r in table("regions.tsv") if r["level"] == "county")


@cache
def suffixes_only() -> regex.Pattern[str]:
    """A name made of two suffixes or more (街道办事处, 乡镇): a kind of body, no place (国务院, one suffix, is one)."""
    return _compiled.compile("(?:" + "|".join(regex.escape(s) for s, _ in suffixes()) + "){2,}")


@cache
def unit_re() -> regex.Pattern[str]:
    sufs = "|".join(regex.escape(s) for s, _ in suffixes())
    return _compiled.compile(rf"[\u4e00-\u9fff]+?(?:{sufs})")


@cache
def _made_from() -> dict[str, tuple[str, ...]]:
    return {r["suffix"]: tuple(r["made_from"].split("|")) for r in table("admin_levels.tsv") if r.get("made_from")}


def made_from(name: str, other: str) -> bool:
    """Whether ``name`` is of a kind that places of ``other``'s kind are made into (admin_levels.tsv made_from:
    南塘街道 from 南塘镇)."""
    return any(name.endswith(kind) and other.endswith(origins) for kind, origins in _made_from().items())


def suffix_level(name: str) -> str | None:
    for suf, level in suffixes():
        if name.endswith(suf) and (len(name) > len(suf) or name in government_regions()):
            return level
    return None


def known_township(name: str) -> bool:
    """Whether the gazetteer knows a township by that very name (not only by its stem)."""
    return any(p.name == name for p in gazetteer.lookup(name, "township"))


def common_word(name: str) -> bool:
    """Whether a township's stem is a common word (建设, 新村, 城关: common_stems.tsv, region_words.tsv)."""
    stem = gazetteer.stem(name)
    return gazetteer.is_common_stem(stem) or stem in region_words()


@cache
def _verbs() -> frozenset[str]:
    return frozenset(column("name_stops.tsv", "word"))


def a_verb_stem(name: str) -> bool:
    """Whether a township's stem, the gazetteer not knowing the name, is a verb of doing (name_stops.tsv): 2003年,
    举办街道社区文化节 names no 举办街道 (found blind in round s599)."""
    return gazetteer.stem(name) in _verbs() and not known_township(name)


def known_by_its_own_name(name: str) -> bool:
    """Whether the gazetteer knows a township by ``name`` whose stem is no common word (城关, 新村)."""
    return known_township(name) and not common_word(name)


def known_head(source: str, words: str, name: str, names: str) -> bool:
    """Whether a head line's ``words``, read as the township ``name``, name the text's own place: words of a name
    alone, a township the gazetteer knows by its own name and, for a head_again row, a name the text writes again."""
    if not_in_names().search(words) or not known_by_its_own_name(name):
        return False
    return source != "head_again" or names.count(name) >= 2


def without_known_head(name: str) -> str:
    """``name`` without the county or city it opens with, where the reading of suffixes cut that county's name
    short: 社旗县晋庄镇, whose 社旗 ends with a banner's 旗 (found blind in round s522, keyed to no code)."""
    for i in range(len(name) - 2, 1, -1):
        if name[:i] in regions() and suffix_level(name[i:]) == "township":
            return name[i:]
    return name


def known_township_tail(name: str) -> str | None:
    """The longest tail of ``name`` that is a township the gazetteer knows by that very name."""
    if suffix_level(name) != "township":
        return None
    for i in range(max(0, len(name) - MAX_TOWNSHIP), len(name) - 2):
        if known_township(name[i:]):
            return name[i:]
    return None


@cache
def patterns_of(source: str) -> regex.Pattern[str]:
    """The rows of region_patterns.tsv of one ``source`` as one pattern (one never matching when there are none)."""
    rows = table("region_patterns.tsv")
    return _compiled.compile("|".join(r["pattern"] for r in rows if r["source"] == source) or "(?!)")


# A run of Han characters: what a place's name is written in (meta, scope_level and township_names read names with it)
HAN = _compiled.compile(r"[\u4e00-\u9fff]+")


def not_in_names() -> regex.Pattern[str]:
    """Characters that never occur in a region's name but do in the sentence around it (我代表市人民政府)."""
    return patterns_of("not_in_name")


def before_name() -> regex.Pattern[str]:
    """Words right before a name and no part of it (中共 of 中共莞城街道委员会)."""
    return patterns_of("before_name")


def calls_itself_otherwise(name: str, view: str) -> bool:
    """Whether ``view`` calls its own place by a kind apart (region_patterns.tsv kind_apart: a 街道) twice or more,
    and never by another (calls_itself), where ``name`` is of no such kind: 该街道 … 该街道 for a town read from the
    body is a 街道's text. A 街道 whose text says 全镇 keeps its name (a town that became a 街道)."""
    apart = patterns_of("kind_apart")
    if apart.search(name) is not None:
        return False
    sides = [apart.fullmatch(m.group("kind")) is not None for m in patterns_of("calls_itself").finditer(view)]
    return len(sides) >= 2 and all(sides)


def on_two(view: str, counts: dict[str, int], best: str) -> bool:
    """Whether ``view`` speaks of two townships at once twice or more (两镇 … 两镇: region_patterns.tsv two) and
    writes a township besides ``best`` whole twice or more (``counts``: the readings' mentions): a text on both,
    either key wrong (长沙、西阳两镇, found blind in round s464)."""
    if len(patterns_of("two").findall(view)) < 2:
        return False
    return any(c >= 2 and n not in best and best not in n and known_township(n) for n, c in counts.items())


def several_entries(view: str) -> bool:
    """Whether ``view`` heads entries on two townships or more with their names on lines of their own (■王答乡 …
    ■西谷乡 … ■东湖街道: a paper's round-up, found blind in round s618): a name read from its body is one entry's."""
    names = {m.group("name") for m in patterns_of("entry").finditer(view)}
    # an encyclopedia's box sets its keys with the same marks (• 中文名稱海頭鎮, • 行政區類別鄉鎮): only names the
    # gazetteer knows head entries
    return len(names) >= 2 and sum(1 for n in names if known_township(n)) >= 2


def masked() -> regex.Pattern[str]:
    """Characters that mask a name (某 of 某街道): a name holding one is none."""
    return patterns_of("masked")


def name_ends() -> regex.Pattern[str]:
    """Words after which a title names no more places (政府 of 乡镇政府镇长工作总结)."""
    return patterns_of("name_ends")


def not_in_stem() -> regex.Pattern[str]:
    """Suffix characters that end a township's stem read backwards (乡镇, 县城): the name starts after them."""
    return patterns_of("not_in_stem")


@cache
def period_words() -> regex.Pattern[str]:
    """The periods of periods.tsv (上半年, 一季度, 1-9月): a region's name holds none."""
    return _compiled.compile("|".join(f"(?:{r['pattern']})" for r in table("periods.tsv")))


@cache
def suffix_chars() -> frozenset[str]:
    return frozenset(s for s, _ in suffixes() if len(s) == 1)


@cache
def suffix_names() -> frozenset[str]:
    return frozenset(s for s, _ in suffixes())


@cache
def government_regions() -> dict[str, str]:
    return {r["suffix"]: r["region"] for r in table("admin_levels.tsv") if r.get("region")}


@cache
def stems() -> dict[str, list[tuple[str, str]]]:
    """Known region names by their first two characters: stem (name without its suffix) -> name."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name, rows in regions().items():
        stem = name
        for suf, _ in suffixes():
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                stem = name[: -len(suf)]
                break
        if len(stem) >= 2 and rows[0]["level"] in ("prefecture", "county", "provincial"):
            out.setdefault(stem[:2], []).append((stem, name))
    return out


def is_stem(words: str) -> bool:
    """Whether ``words`` are a known region's short name (晋江 of 晋江市) or its full name."""
    return words in regions() or any(stem == words for stem, _ in stems().get(words[:2], ()))


@cache
def stem_first() -> re.Pattern[str]:
    return _compiled.compile_re("[" + re.escape("".join(sorted({k[0] for k in stems()}))) + "]")


@cache
def region_words() -> frozenset[str]:
    return frozenset(r["word"] for r in table("region_words.tsv"))


@cache
def township_suffix_re() -> regex.Pattern[str]:
    sufs = sorted((s for s, lv in suffixes() if lv == "township"), key=len, reverse=True)
    return _compiled.compile("|".join(regex.escape(s) for s in sufs))


@cache
def kind_alone() -> regex.Pattern[str]:
    """The spaces between a word and a township's suffix standing alone at its line's end: an encyclopedia box's
    field and its value (行政區類別 鎮), no name (类别镇, read with the own name masked). A letter-spaced name
    (红 山 镇) has one character before its spaces."""
    return _compiled.compile(
        rf"(?<=[\u4e00-\u9fff]{{2}})[ \t\u3000]++(?=(?:{township_suffix_re().pattern})[ \t\u3000]*+$)", regex.M
    )


@cache
def not_township_names() -> tuple[str, ...]:
    """Words ending like a township's name that name none: the scope words (全镇, 我乡) and the common ones. A kind
    of town is a kind of township too (示范镇, 示范乡; 强镇, 强乡): a word listed with one one-character suffix of
    a township stands for the others."""
    words = {r["word"] for r in table("scopes.tsv")} | region_words()
    singles = {s for s, lv in suffixes() if lv == "township" and len(s) == 1}  # 镇, 乡 (admin_levels.tsv)
    swapped = {w[:-1] + other for w in words if w[-1] in singles for other in singles}
    return tuple(words | swapped)


@cache
def kinds_of_township() -> tuple[str, ...]:
    """The kinds of township of three characters or more (农业镇, 示范乡, 中心镇): a name that ends with one is a
    kind too (纯农业乡); a two-character kind (城镇, 集镇) ends real names (新城镇, 三和集镇) and must be the whole."""
    return tuple(w for w in not_township_names() if len(w) >= 3 and suffix_level(w) == "township")


@cache
def kinds_of_place() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The kinds of county or city (景区, 开发区, 示范县, 城市: region_words.tsv words that end with a suffix above a
    township's), and the two-character kinds of township (水乡, 小镇, 城镇), which end real names too (清水乡)."""
    words = region_words()
    above = tuple(w for w in words if len(w) >= 2 and suffix_level(w) not in (None, "township"))
    township = tuple(w for w in words if len(w) == 2 and suffix_level(w) == "township")
    return above, township
