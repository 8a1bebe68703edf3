"""Whether a region read from a text is its place or a superior it names: a city whose party committee, newspaper
or congress the text cites (中共泰安市委宣传部主管, 扬州市八届人大…调研西安丰镇), a province a township's text cites.
A region is the text's own only with evidence; a superior is worse than none."""

from __future__ import annotations

from functools import cache

from extractor import gazetteer
from extractor._data import table
from extractor.records import region_lexicon as rl
from extractor.segment import Segments


def superior(name: str, names: str, quiet: str | None = None) -> bool:
    """Whether ``name``, a city read from a text that never once says 全市, 我市 or 本市 but writes one of its
    townships' names or a township's word (街道), is the superior of the text's place: a township's feature names
    its city (长沙市) and a newspaper site its sponsors (中共泰安市委宣传部主管: found blind in rounds s101 and s104).
    A city that holds townships with no county between (东莞市) is the text's place as a county would be; a page of
    a city's report names no township (施行《漳州市政务服务条例》…)."""
    rows = rl.regions().get(name, [])
    return (
        bool(rows)
        and rows[0]["level"] == "prefecture"
        and rows[0]["code"] in rl.with_counties()
        and not any(r["word"] in (quiet or names) for r in table("scopes.tsv") if r["level"] == "prefecture")
        and (
            any(w in names for w in township_words())
            or rl.patterns_of("township_word").search(names) is not None
            or any(r["word"] in names for r in table("scopes.tsv") if r["level"] == "township")
            or gazetteer.names_a_township_of(rows[0]["code"], names)
        )
    )


@cache
def township_words() -> tuple[str, ...]:
    """A township's suffixes of two characters or more (街道, 苏木: admin_levels.tsv), which a township's text writes
    by themselves for its own bodies (街道完成财政收入…) and a city's seldom without a name."""
    return tuple(s for s, lv in rl.suffixes() if lv == "township" and len(s) >= 2)


def below_scope(found: tuple[str, str] | None, scope_level: str | None) -> tuple[str, str] | None:
    """A province read from the body's patterns of a text whose scope words are a township's or a county's (全乡,
    全区): the province's party committee it cites (《中共重庆市委重庆市人民政府关于…》, found blind in round s169)
    is its superior, not its place."""
    if found is None or scope_level not in ("township", "county"):
        return found
    rows = rl.regions().get(found[0], [])
    return None if rows and rows[0]["level"] == "provincial" else found


def own_or_none(found: tuple[str, str] | None, names: str, quiet: str | None = None) -> tuple[str, str] | None:
    """A region read from the head's or the body's patterns, unless it is a superior (``superior``: 郑州市 of a
    newspaper section's head 郑州市街道办事处 over a 街道's feature, found blind in round s102)."""
    return None if found is not None and superior(found[0], names, quiet) else found


def without_furniture(view: str, segments: Segments) -> str | None:
    """``view`` with the noise regions that are not read across blanked (the same length), or None when it has
    none."""
    solid = [r for r in segments.noise if not getattr(r, "through", False)]
    if not solid:
        return None
    chars = list(view)
    for r in solid:
        chars[r.start : r.end] = " " * (r.end - r.start)
    return "".join(chars)
