"""A township read from its address: the county and the township side by side in a text's first sentence
(今天，我们走访了尉氏县十八里镇; 南京市浦口区星甸街道紧扣…), where the gazetteer says the one holds the other. The
text's subject, when nothing else names it: a news item or a feature that never writes 全镇 or its name again."""

from __future__ import annotations

from extractor import gazetteer
from extractor.records import region_lexicon as rl
from extractor.segment import SENTENCE_END

# How far into the text its first sentence may reach: a title line and an opening sentence.
_FIRST_SENTENCE = 200
_NEIGHBOUR_REACH = 3  # the longest word of neighbour_before (region_patterns.tsv: 东北邻)


def township_of_its_address(view: str) -> str | None:
    """The one township that the first sentence of ``view`` (ruby removed) writes right after its own county or
    city (full name or stem), where no neighbour's words stand around it (东邻洛江区马甲镇, 西与永平县龙街镇接壤:
    found by scoring this on the excerpts). Two such townships (宿迁市沭阳县颜集镇、新河镇 is a list) give none. A
    township whose stem is a common word (义和, 新安, 城关) counts here, since its county is the evidence (河口区义和镇:
    found blind in round s454; fifteen excerpts gained their township so, and none a wrong one)."""
    end = min((i for i in (view.find(c) for c in SENTENCE_END) if i >= 0), default=len(view))
    first = view[: min(end, _FIRST_SENTENCE)]
    found: set[str] = set()
    for name, _, start in _addressed(first):
        if _names_a_township(first, start):
            return None  # 地湖鄉…下轄的一個鄉,…周边与湖南省会同县地灵乡: the sentence's own comes first
        found.add(name)
    return found.pop() if len(found) == 1 else None


def township_inside(view: str, region: str) -> str | None:
    """The one township that ``view`` writes anywhere right after its county, where that county is ``region`` or
    lies in it (a prefecture's city): a news item that a county's or a city's site writes on one of its townships
    names the county or the city more often than the township (桂平市蒙圩镇曹良村…, 该市蒙圩镇; 该项目位于黄州区堵城镇,
    and 黄冈 six times: found blind in rounds s782 and s785). Scored on the excerpts: of the 30 whose county or city
    was read so, every annotator named the township."""
    found: set[str] = set()
    for name, code, _ in _addressed(view):
        if lies_in(code, region):
            found.add(name)
        else:
            return None  # another county's township: the text is no one township's
    return found.pop() if len(found) == 1 else None


def lies_in(code: str, region: str) -> bool:
    """Whether the township of ``code`` lies in ``region``: its county, its prefecture's city, or its province."""
    return region in (gazetteer.name_of(code[:6]), gazetteer.name_of(code[:4]), gazetteer.name_of(code[:2]))


def _addressed(view: str) -> list[tuple[str, str, int]]:
    """Each township written right after its own county (full name or stem) with no neighbour's word before them:
    its name as written, its code, and where its county starts."""
    neighbour, beside = rl.patterns_of("neighbour_before"), rl.patterns_of("neighbour_after")
    out: list[tuple[str, str, int]] = []
    for m in rl.patterns_of("address").finditer(view):
        name = m.group("region")
        if beside.match(view, m.end()):
            continue
        # A town the gazetteer knows by another suffix in that very county is the same place, renamed: 龍巖市新羅區
        # 東肖鎮 for its 东肖街道 (a town made a sub-district, found blind in round s737); it keeps the name written.
        known = rl.known_township(name)
        for place in gazetteer.lookup(name, "township"):
            same = place.name == name if known else gazetteer.stem(place.name) == gazetteer.stem(name)
            if not same:
                continue
            county = gazetteer.name_of(place.code[:6]) or ""
            at = next(
                (len(c) for c in (county, gazetteer.stem(county)) if len(c) >= 2 and view.endswith(c, 0, m.start())),
                0,
            )
            start = m.start() - at
            if at and not neighbour.search(view, max(0, start - _NEIGHBOUR_REACH), start):
                out.append((name, place.code, start))
    return out


def _names_a_township(view: str, end: int) -> bool:
    """Whether a township's name (two characters or more and a suffix that starts no word: not 全镇, 乡镇企业)
    stands in ``view`` before ``end``."""
    for m in rl.township_suffix_re().finditer(view, 0, end):
        if (
            m.start() >= 2
            and rl.HAN.fullmatch(view[m.start() - 2 : m.start()])
            and not rl.not_in_stem().match(view, m.end())
            # a suffix that opens a word ends no name (海外乡亲…新罗区东肖镇: found blind in round s737)
            and not view.startswith(gazetteer.place_words().get(m.group()[0], ()), m.start())
        ):
            stem = view[m.start() - 2 : m.start()]
            if rl.known_township(stem + m.group()) or not (
                rl.not_in_names().search(stem) or rl.not_in_stem().search(stem)
            ):
                return True  # 东邻共和镇和新会区司前镇: 共和镇 holds a sentence's character, and the gazetteer knows it
    return False
