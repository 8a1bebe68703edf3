"""The resolution of a report's place to the one division the text's own place names point to (split from
gazetteer.py, which holds the divisions' names, codes and parents): a name that one division bears, unless the text
places it elsewhere; else the candidate its places single out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from extractor import gazetteer as g
from extractor._data import column, table


@dataclass(frozen=True)
class Resolution:
    """The division a name resolves to (``code``, with its ``path``), or, when the text does not decide, no code
    and every candidate's code."""

    code: str | None
    candidates: tuple[str, ...] = ()
    path: tuple[str, ...] = ()



def resolve(name: str, text: str, level: str | None = None) -> Resolution:
    """The one division called ``name`` (at ``level``) that ``text`` is about, judged by the places it names.

    A division that alone bears the name wins. Otherwise each candidate scores the names that only it can claim
    (villages, townships and parents no other candidate shares) and that occur in the text. One wins when it
    scores at least two and every other nothing, or at least three times the next; otherwise there is no code,
    and the candidates are returned."""
    cands, exact = g._lookup(name, level)
    if not cands:
        return Resolution(None)
    if len(cands) == 1 and exact:
        code = cands[0].code
        if len(code) == 9 and (
            placed_elsewhere(code, name, text) or _elsewhere(code, text) or _other_parent(code, text)
        ):
            # Another place of the name: one the gazetteer knows by the stem (金堂县官仓镇, a 街道 today, where its
            # only 官仓镇 is 桐梓县's: found by an encyclopedia's reading of round s387), on the evidence alone.
            others = [p for p in g._by_stem(name, level) if p.code != code]
            found = _by_evidence(others, name, text) if others else None
            return found if found is not None and found.code else Resolution(None, (code,))
        return Resolution(code, (), g.path(code))
    # A name found only by its stem (a 乡 called 镇 today, a 县 now a 区) needs evidence even when alone.
    return _by_evidence(cands, name, text)


def _by_evidence(cands: list[g.Place], name: str, text: str) -> Resolution:
    """The one of ``cands`` the text's place names single out (see ``resolve``), unless it puts the township it
    calls ``name`` elsewhere; or none and the candidates."""
    ev = {p.code: g._evidence(p.code) for p in cands}
    shared = Counter(n for names in ev.values() for n in names)
    scores = sorted(
        ((sum(1 for n in names if shared[n] == 1 and n in text), code) for code, names in ev.items()), reverse=True
    )
    (best, code), second = scores[0], scores[1][0] if len(scores) > 1 else 0
    if ((best >= 2 and second == 0) or (best >= 3 and best >= 3 * second)) and not (
        len(code) == 9 and placed_elsewhere(code, name, text)
    ):
        return Resolution(code, (), g.path(code))
    return Resolution(None, tuple(sorted(ev)))



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
    ancestors = g._ancestors(code)
    municipal = len(ancestors) > 1 and not g.name_of(ancestors[1])
    own = set(ancestors[1:]) | ({ancestors[0]} if municipal else set())
    short = g._autonomous_short()
    named = [set(g._upper()[1].get(n) or short.get(n, ())) for n in g._counties_in(text)]
    if any(codes & own for codes in named):
        return False
    province = g.stem(g.name_of(ancestors[0]) or "")
    # nor is a village named after the township (巴彦淖尔嘎查 of either 巴彦淖尔苏木)
    own_stem = g.stem(g.name_of(code) or "")
    if any(n in text for n in g._evidence(code) if (municipal or n != province) and not n.startswith(own_stem)):
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
    return pos == 0 or text[pos - 1] in _BEFORE_NAME or any(s.endswith(text[pos - 1]) for s in g._suffixes())


def placed_elsewhere(code: str, name: str, text: str) -> bool:
    """Whether the text puts the township it calls ``name`` in a county none of ``code``'s own, writing the county
    right before the name or after a word that places it (region_forms.tsv): 开县汉丰镇 (开县, 开州区 since 2016,
    held an 汉丰镇; the gazetteer's only one is 唐山's), 李店乡位于甘肃省通渭县 and 马额镇地处陕西三原县 (the
    gazetteer's are 静宁县's and 临潼区's: found checking the stand-in's codes), 宜兰罗东镇 (Taiwan's). A county
    that became a district keeps its first character (沙县, now 沙县区)."""
    ancestors = set(g._ancestors(code))
    own = [n for c in ancestors if (n := g.name_of(c))]
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
                or (last is None and text[p:end] in g._upper_stems())
            ),
            None,
        )
        if link is None:
            if text.startswith("、", p):
                return None
            return last if last is None or last not in g._upper_stems() else None
        last, p = link, p + len(link)


def _inside(name: str, outer: str | None) -> bool:
    """Whether ``name`` may lie inside ``outer`` (高唐县城西区 is the county town's west, no 城西区 of 西宁): a code of
    it under one of ``outer``'s, or either unknown."""
    if outer is None:
        return True
    inner = g._upper()[1].get(name) or g._autonomous_short().get(name)
    outer_codes = g._upper()[1].get(outer) or g._upper_stems().get(outer) or g._autonomous_short().get(outer)
    if not inner or not outer_codes:
        return True
    return any(c.startswith(o) for c in inner for o in outer_codes)


def _county_ending(text: str, end: int) -> str | None:
    """The county, prefecture or province written right before ``end``, the longest (_counties), or one of one
    character and 县, or a short name of a place outside the gazetteer (宜兰 of 宜兰县)."""
    if (name := g.county_ending(text, end)) is not None:
        return name
    two = text[end - 2 : end]
    if end >= 2 and _opens_name(text, end - 2) and (two in _two_character_counties() or two in _outside_stems()):
        return two
    return None


def _own_county(county: str, ancestors: set[str], own: list[str]) -> bool:
    codes = g._upper()[1].get(county) or g._autonomous_short().get(county)
    if codes:
        return bool(set(codes) & ancestors)
    return any(n.startswith(county[0]) for n in own)  # abolished or outside: by its first character


@cache
def _outside_stems() -> frozenset[str]:
    return frozenset(s for n in column("outside_divisions.tsv", "name") if len(s := g.stem(n)) >= 2 and s != n)



@cache
def _parent_bodies() -> tuple[tuple[str, str], ...]:
    return tuple((r["words"], r["suffix"]) for r in table("parent_bodies.tsv"))


def _other_parent(code: str, text: str) -> bool:
    """A township that alone bears its name, but the text names its county's bodies as those of a kind of county
    its gazetteer county is not (区委、区政府 under 鹤山市: parent_bodies.tsv), and nothing of its own."""
    county = g.name_of(code[:6]) or ""
    if not any(w in text and not county.endswith(s) for w, s in _parent_bodies()):
        return False
    return not any(n in text for n in g._evidence(code))


def for_region(name: str | None, level: str | None, code: str | None, text: str) -> Resolution:
    """The code, path and candidates of a report's region once it is known. A code already given (from
    regions.tsv, for a county or above) is kept and only gains its path; a township, or a county whose name
    regions.tsv left ambiguous, is resolved by the place names of ``text``."""
    if code:
        return Resolution(code, (), g.path(code))
    if name and level in ("township", "county"):
        return resolve(name, text, level)
    return Resolution(None)
