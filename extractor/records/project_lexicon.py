"""The project vocabulary compiled for reading names: heads, works words, generic and sector words, list closers,
counts, ratings and the rest of ``data/projects.tsv`` (its header is the field legend), read once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from extractor import _compiled
from extractor._data import alternation, table
from extractor.figure_lists import list_joiners
from extractor.numerals import chinese_chars as numerals_chars


@dataclass(frozen=True)
class Lex:
    heads: re.Pattern[str]
    head_scan: _compiled.Pattern  # the standard engine's, or regex's where it lacks possessive quantifiers (3.10)
    strong: frozenset[str]
    strong_tuple: tuple[str, ...]
    tails: re.Pattern[str]
    tail_end: re.Pattern[str]
    tail_ext: re.Pattern[str]
    code: regex.Pattern[str]
    capacity: re.Pattern[str]
    list_close: re.Pattern[str]  # a closing word or a count, what stands between, and a list head
    list_word: re.Pattern[str]  # where list_close may start: a closing word (等) …
    list_count: re.Pattern[str]  # … or a count (四个项目)
    list_kinds: re.Pattern[str]
    list_heads: frozenset[str]
    generic: frozenset[str]
    category: frozenset[str]
    generic_lengths: tuple[int, ...]
    generic_end: tuple[str, ...]
    not_after: re.Pattern[str]
    before: frozenset[str]
    before_lengths: tuple[int, ...]
    before_last: frozenset[str]
    before_first: frozenset[str]
    before_rev: re.Pattern[str]  # the before words written backwards, to find the nearest one before a position
    not_before_of: dict[str, tuple[str, ...]]  # the not_before words that end with a before word
    works: re.Pattern[str]
    head_words: tuple[str, ...]
    heads_by_last: dict[str, tuple[str, ...]]  # the heads ending with a character, longest first
    weak_follow: frozenset[str]
    category_heads: frozenset[str]
    code_prefixes: tuple[str, ...]
    plural: tuple[str, ...]
    joiners: re.Pattern[str]  # what stands between the names of one list (和, 及, 以及)
    item_end: frozenset[str]  # a character that ends a list item: a joiner or the list closer (和, 等)
    phase: regex.Pattern[str]  # scans whole parts: regex finds its first characters many times faster
    link: str
    own_money: tuple[str, ...]  # what ends a money figure tied to the name after it (元的)
    count: _compiled.Pattern
    count_end: _compiled.Pattern
    count_before: _compiled.Pattern  # 3个 right before a name: a kind counted, not one work
    count_after: _compiled.Pattern  # 储能项目4个: a kind counted after its head
    money_lead: _compiled.Pattern  # 15亿元 opening a list item
    money_item: regex.Pattern[str]  # 投资2.1亿元的 before a name, its own money; scans whole parts, as phase does
    list_batch: tuple[str, ...]  # 等一批…项目: a list of projects, whatever its kind
    head_verbs: frozenset[str]
    verb_heads: tuple[str, ...]
    lead: tuple[str, ...]
    lead_first: frozenset[str]
    enumerator: _compiled.Pattern  # 二是, （二）, ——: an item's number before a name
    kind_list_heads: tuple[str, ...]  # 等新型基础设施: a list of kinds of works, whose items need heads of their own
    own_scope: frozenset[str]  # 县 in 县医院迁建: the one place whose own facility the name is
    named_list_heads: tuple[str, ...]  # 等农业产业项目: items not ending with a works word are works by name
    programme: frozenset[str]
    not_name: tuple[str, ...]
    not_name_re: _compiled.Pattern
    rating: tuple[str, ...]
    rating_re: re.Pattern[str]
    pair_joiners: frozenset[str]  # 和, 及, 与 between two works
    pair_re: re.Pattern[str]
    serial: re.Pattern[str]  # “雅江1号”: a serial number in quotes
    list_close_words: tuple[str, ...]  # 等: what closes a list of projects
    list_marks: frozenset[str]  # what joins the items of a list written without 等
    not_before_phase: frozenset[str]  # 第一期, 每期: an issue or a term, not a phase of works
    capacity_units: tuple[str, ...]
    capacity_in_name: re.Pattern[str]
    kind_end: tuple[str, ...]


def _scanner(words: list[str], repeat: bool = False) -> re.Pattern[str]:
    """A pattern for literal ``words`` (longest first). It opens with the trie's choice of first characters, so
    that the standard engine skips the positions no word starts at in its own loop, before it tries the pattern."""
    trie = alternation(words)
    # Heads may follow each other (工程项目), a few at most: a run of heads is no name, and a bound keeps it linear.
    return _compiled.compile_re(f"(?:{trie})" + (f"(?:{trie}){{0,2}}" if repeat else ""))


def _head_scanner(heads: list[str], strong: list[str], follow: str, tail: str) -> _compiled.Pattern:
    """The heads that may end a name: a run ending with a strong head, or a weak head that a list mark, a status
    word or a works word follows (新六路、, 新六路建成), not one that starts another word (城镇, 市场主体). The test is
    the pattern's, so that the many weak heads inside ordinary words never reach Python."""
    by_len: dict[int, list[str]] = {}
    for w in strong:
        by_len.setdefault(len(w), []).append(re.escape(w))
    strong_end = "|".join(f"(?<={'|'.join(ws)})" for ws in by_len.values())
    # The run is the longest one and never a shorter one, as the loop that tested each match did: each word is the
    # longest at its place and the run as long as it goes, both possessive. The pattern opens with the trie, whose
    # first characters the standard engine looks for before it tries the rest.
    trie = alternation(heads, possessive=True)
    return _compiled.compile_plain(
        f"(?:{trie})(?:{trie}){{0,2}}+(?:{strong_end}|(?=[{re.escape(follow)}])|(?={tail})|\\Z)"
    )


@cache
def lexicon() -> Lex:
    rows = table("projects.tsv")

    by_kind: dict[str, list[str]] = {}
    for r in rows:
        by_kind.setdefault(r["kind"], []).append(r["word"])

    def words(kind: str) -> list[str]:
        return list(by_kind.get(kind, ()))

    from extractor._data import column

    # Commitment verbs also end the text before a name (推进X工程, 完善X工程).
    before = {*words("before"), *words("rating"), *column("commitments.tsv", "word")} - set(words("in_name"))
    heads = [*words("head"), *words("weak_head")]
    generic = frozenset(words("generic"))
    category = frozenset(words("category"))
    phase = "|".join(words("phase"))
    not_before = words("not_before")
    return Lex(
        heads=_scanner(heads, repeat=True),
        head_scan=_head_scanner(
            heads,
            words("head"),
            "".join(words("weak_follow")),
            f"{alternation(words('tail'))}|{phase}|{'|'.join(words('tail_pattern'))}",
        ),
        strong=frozenset(words("head")),
        strong_tuple=tuple(words("head")),
        tails=_compiled.compile_re(f"(?:{alternation(words('tail'))}|{phase})"),
        tail_end=_compiled.compile_re(f"(?:{alternation(words('tail'))})$"),
        tail_ext=_compiled.compile_re(f"(?:{alternation(words('tail'))}|{phase}|{'|'.join(words('tail_pattern'))})"),
        # Code scans whole parts with regex, which finds a pattern's first characters several times faster than
        # re where the pattern opens with sets and look-arounds (so do phase and money_item); re skips to the first
        # characters of a pattern that opens with a trie of words (the heads, capacities and list words).
        code=_compiled.compile("(?=[A-Z0-9])(?:" + "|".join(words("code")) + ")"),
        capacity=_scanner(words("capacity")),
        # Tried only where list_word or list_count finds a start (find_names): a pattern whose alternatives open
        # with a look-ahead leaves the standard engine no first character to skip to.
        list_close=_compiled.compile_re(
            f"(?:(?P<word>{alternation(words('list_close'))})|(?={'|'.join(words('list_count'))}))"
            f"(?P<mid>[^，,。；;：:、！？!?\\n]{{0,10}}?)"
            f"(?:{alternation(words('list_head'))})"
        ),
        list_word=_compiled.compile_re(alternation(words("list_close"))),
        list_count=_compiled.compile_re("|".join(words("list_count"))),
        list_kinds=_compiled.compile_re(f"(?:{alternation(words('list_close'))})(?:{alternation(words('list_kinds'))})"),
        list_heads=frozenset(words("list_head")),
        generic=generic,
        category=category,
        generic_lengths=tuple(sorted({len(w) for w in generic | category | set(words("programme"))}, reverse=True)),
        generic_end=tuple(words("generic_end")),
        not_after=_compiled.compile_re(alternation(words("not_after"))),
        before=frozenset(before),
        before_lengths=tuple(sorted({len(w) for w in before}, reverse=True)),
        before_last=frozenset(w[-1] for w in before),
        before_first=frozenset(w[0] for w in before),
        before_rev=_compiled.compile_re(alternation({w[::-1] for w in before})),
        not_before_of={w: tuple(x for x in not_before if x.endswith(w)) for w in before},
        works=_scanner(words("works")),
        head_words=tuple(sorted(heads, key=len, reverse=True)),
        heads_by_last={
            ch: tuple(sorted((h for h in heads if h[-1] == ch), key=len, reverse=True)) for ch in {h[-1] for h in heads}
        },
        weak_follow=frozenset("".join(words("weak_follow"))),
        category_heads=frozenset(words("category_head")),
        code_prefixes=tuple(words("code_prefix")),
        plural=tuple(words("plural")),
        joiners=_compiled.compile_re(alternation(list_joiners())),
        item_end=frozenset(w for w in (*list_joiners(), *words("list_close")) if len(w) == 1),
        phase=_compiled.compile(f"(?=[（(0-9{numerals_chars()}])(?:{phase})"),
        link=words("link")[0],
        own_money=tuple(m + words("link")[0] for m in words("money_end")),
        # Tried per name, on the view: the standard engine where it reads the rows as regex does.
        count=_compiled.compile_plain(words("count")[0], on_view=True),
        count_end=_compiled.compile_plain(words("count_end")[0], on_view=True),
        count_before=_compiled.compile_plain(words("count_before")[0], on_view=True),
        count_after=_compiled.compile_plain(words("count_after")[0], on_view=True),
        money_lead=_compiled.compile_plain(words("money_lead")[0], on_view=True),
        money_item=_compiled.compile(words("money_item")[0]),
        list_batch=tuple(words("list_batch")),
        head_verbs=frozenset(words("head_verb")),
        verb_heads=tuple(words("verb_head")),
        lead=tuple(sorted(words("lead"), key=len, reverse=True)),
        lead_first=frozenset(w[0] for w in words("lead")),
        enumerator=_compiled.compile_plain("|".join(f"(?:{w})" for w in words("enumerator")), on_view=True),
        kind_list_heads=tuple(words("list_head_kind")),
        named_list_heads=tuple(words("list_head_named")),
        own_scope=frozenset(words("own_scope")),
        programme=frozenset(words("programme")),
        not_name=tuple(words("not_name")),
        not_name_re=_compiled.compile_plain("|".join(f"(?:{w})" for w in words("not_name_pattern")), on_view=True),
        rating=tuple(words("rating")),
        rating_re=_compiled.compile_re("|".join(re.escape(w) for w in words("rating"))),
        pair_joiners=frozenset(words("pair_joiner")),
        pair_re=_compiled.compile_re("|".join(re.escape(w) for w in words("pair_joiner"))),
        serial=_compiled.compile_re(f"(?:{'|'.join(words('serial'))})$"),
        list_close_words=tuple(words("list_close")),
        list_marks=frozenset(words("list_mark")),
        not_before_phase=frozenset("".join(words("not_before_phase"))),
        capacity_units=tuple(sorted(words("capacity_unit"), key=len, reverse=True)),
        capacity_in_name=_compiled.compile_re(
            f"[\u4e00-\u9fff][0-9.×xX]{{1,12}}(?:{alternation(words('capacity_unit'))})"
        ),
        kind_end=tuple(words("kind_end")),
    )
