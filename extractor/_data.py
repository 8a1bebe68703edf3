"""Reading the language data files in ``extractor/data``.

Every file is UTF-8, tab-separated, starts with ``#`` legend lines and then a header row.
Engine modules read their words and tables from here so that none of them hard-codes language data.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex

from extractor import _compiled


def data_text(name: str) -> str:
    return resources.files("extractor.data").joinpath(name).read_text(encoding="utf-8")


def parse_table(text: str) -> list[dict[str, str]]:
    """Rows of a legend-headed TSV text as dicts keyed by its header; each row also has its line number as
    ``_line``. Blank and ``#`` lines are skipped; a row with more cells than the header is an error."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise ValueError(f"line {lineno}: {len(cells)} fields, the header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells, strict=True))
        row["_line"] = str(lineno)
        rows.append(row)
    return rows


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the data file ``name`` (see parse_table)."""
    return tuple(parse_table(data_text(name)))


def column(name: str, field: str, **where: str) -> tuple[str, ...]:
    """The values of ``field`` in the rows of ``name`` that match every ``where`` condition."""
    return tuple(r[field] for r in table(name) if all(r.get(k) == v for k, v in where.items()))


def alternation(words: tuple[str, ...] | list[str] | set[str] | frozenset[str], possessive: bool = False) -> str:
    """A regex alternation of literal words in which the longest word wins, written as a trie (城市|城镇 is
    城(?:市|镇)): the engine then reads each character once per position instead of trying every word in turn,
    and backtracks from the longest word to the shorter ones, as a longest-first list would. With ``possessive``
    it never backtracks: the longest word at a place is the only one tried (the standard engine reads possessive
    quantifiers from Python 3.11 on, ``regex`` always)."""
    trie: dict[str, dict] = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word

    def emit(node: dict[str, dict]) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            child = node[ch]
            rest = emit(child) if len(child) > ("" in child) else ""
            if rest:
                rest = f"(?:{rest})" + (("?+" if possessive else "?") if "" in child else "")
            alts.append(regex.escape(ch) + rest)
        return "|".join(alts)

    return emit(trie)


def any_of(patterns: list[str] | tuple[str, ...], plain: bool = False) -> regex.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does: a single look rules most positions out before each
    pattern is tried on its own. The data rows joined so must use no named groups, backreferences or global
    inline flags, which would clash or change meaning in one pattern. With ``plain``, the standard engine's when
    it reads the rows alike (``_compiled.compile_plain``: for a pattern tried on short spans)."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    return _compiled.compile_plain(joined) if plain else _compiled.compile(joined)  # type: ignore[return-value]


@cache
def last_chars(words: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    """The characters the words end with: a position before none of them ends no word, so the look-up is skipped."""
    return frozenset(w[-1] for w in words)


def by_last(words: tuple[str, ...] | list[str]) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their last character, each group in the order given (longest first where so sorted):
    a reader asks which of them end right before a place, and most characters end none."""
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}
