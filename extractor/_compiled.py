"""Compiled patterns kept across processes (in the user cache, ``extractor._cache``).

Compiling the data files' patterns (word lists of hundreds of words, cue tables) was about 0.1 s of a fresh
process's first extraction. The ``regex`` module pickles a compiled pattern together with its compiled code, and
loading one is two orders of magnitude faster than compiling it. ``re`` pickles only the source and compiles it
again on loading, so for an ``re`` pattern the cache keeps what ``re`` hands its C engine (the code its Python
compiler produced, the group names) and gives them to the engine again, which checks the code before it takes
it. The patterns compiled here are written at the end of a process that compiled one the cache lacked, and the
next process loads them all at its first pattern.

An entry's key is the engine, the pattern text and its flags, so an edited data file or engine module never meets
a stale entry: its patterns are new keys, compiled and added. The file's name carries the ``regex`` and Python
versions, to which the compiled code's format belongs. Whatever goes wrong on the cached path falls back to the
engine's own compile.
"""

from __future__ import annotations

import atexit
import re
import sys
import threading
from typing import Any

import regex

from extractor import _cache

# The file keeps the patterns of past runs too (another command, an older data file) up to this many; past it,
# only those the last run used.
_MAX_ENTRIES = 2000

Key = tuple[str, str, int]  # (engine, pattern, flags)
Pattern = re.Pattern[str] | regex.Pattern[str]  # what compile_plain returns

_lock = threading.Lock()
_loaded: dict[Key, Any] | None = None  # None: not read yet
_used: set[Key] = set()
_dirty = False


def cache_name() -> str:
    # re's code format is named by its engine's MAGIC number, regex's by its version
    return f"patterns-regex{regex.__version__}-sre{_SRE_MAGIC}-{sys.implementation.cache_tag}"


def _read() -> dict[Key, Any]:
    table = _cache.read(cache_name())
    if not isinstance(table, dict):
        return {}
    return {k: v for k, v in table.items() if isinstance(k, tuple) and len(k) == 3 and _whole(k, v)}


def _whole(key: tuple, value: Any) -> bool:
    engine, pattern = key[0], key[1]
    if engine == "regex":
        return isinstance(value, regex.Pattern) and value.pattern == pattern
    return engine == "re" and isinstance(value, tuple) and len(value) == 6 and value[0] == pattern


def _patterns() -> dict[Key, Any]:
    global _loaded
    if _loaded is None:
        _loaded = _read()
        atexit.register(save)
    return _loaded


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the cache when an earlier process compiled it."""
    if not isinstance(pattern, str):  # a compiled pattern or bytes: as regex.compile does, uncached
        return regex.compile(pattern, flags)
    return _lookup(("regex", pattern, int(flags)), lambda: regex.compile(pattern, flags))


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its compiled code from the cache when an earlier process compiled it."""
    flags = int(flags)
    if not isinstance(pattern, str) or flags & (re.DEBUG | _RE_TEMPLATE) or _sre_compile is None:
        return re.compile(pattern, flags)
    parts = _lookup(("re", pattern, flags), lambda: _re_parts(pattern, flags))
    try:
        return _sre_compile(*parts)
    except Exception:  # code the engine refuses: compile as re does
        return re.compile(pattern, flags)


# What may follow a backslash in a pattern both engines read alike: a mark, a line-end or tab escape, a code point,
# a group number, the string's ends. Not the classes (\d, \w, \b, \p{…} …): the engines' tables differ.
_PLAIN_ESCAPES = frozenset("tnrfvux0123456789AZ")
# The groups both engines read alike: non-capturing, look-ahead, look-behind, named.
_PLAIN_GROUPS = ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<", "(?P=")


def plain(pattern: str, on_view: bool = False) -> bool:
    """Whether ``pattern`` uses only syntax the standard engine and ``regex`` (version 0) read the same way: no
    character-class escape, no inline flag or other group extension, no set inside a set and no set operation. With
    ``on_view``, \\s and \\S are allowed too: the engines differ only on U+001C-U+001F, which the normalized view
    never holds."""
    escapes = _PLAIN_ESCAPES | (frozenset("sS") if on_view else frozenset())
    in_class = False
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt.isalnum() and nxt not in escapes:
                return False
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            elif c == "[" or pattern.startswith(("--", "&&", "||", "~~"), i):
                return False  # a nested set or a set operation (regex version 1), a warning in the standard engine
        elif c == "[":
            in_class = True
            i += 2 if pattern.startswith("[^", i) else 1
            if pattern.startswith("]", i):
                return False  # a set opening with ]: read alike, but not worth the doubt
            continue
        elif c == "(" and pattern.startswith("(?", i) and not pattern.startswith(_PLAIN_GROUPS, i):
            return False
        i += 1
    return not in_class


def compile_plain(pattern: str, on_view: bool = False) -> Pattern:
    """The pattern compiled with the standard engine when it reads it exactly as ``regex`` does (see ``plain``),
    else with ``regex``.

    The standard engine matches a short span several times faster than ``regex`` (which spends most of such a call
    setting up and testing set members), where ``regex`` is the faster one scanning a whole text: this is for
    patterns tried at one position or over one sentence. A pattern the standard engine refuses (a variable-width
    look-behind, a possessive quantifier before Python 3.11) goes to ``regex``. Only the methods both engines share
    may be called on the result; a pattern that can match the empty string is only for match, search and
    fullmatch (version 0 of ``regex`` steps past an empty match the way the standard engine did before 3.7)."""
    return _standard_or_regex(pattern, plain(pattern, on_view))


def compile_scan(pattern: str) -> Pattern:
    """A pattern that scans whole texts, compiled with the standard engine when it reads the pattern as ``regex``
    does and its compiler finds the characters a match opens with (a literal, a set, or a choice of words), else
    with ``regex``.

    The standard engine then skips in its own loop to the positions holding those characters and tries the pattern
    only there. A pattern that opens with a look-around or a repeat leaves it no such characters, and it tries every
    position, several times slower than ``regex``, which looks for a pattern's first characters or a literal it
    requires wherever they stand. The methods both engines share, as for ``compile_plain``."""
    return _standard_or_regex(pattern, plain(pattern) and _opens_with_characters(pattern))


def _standard_or_regex(pattern: str, standard: bool) -> Pattern:
    """The standard engine's compiled pattern when ``standard`` and it takes the pattern, else regex's."""
    if standard:
        try:
            return compile_re(pattern)
        except re.error:  # a possessive quantifier before Python 3.11, a variable-width look-behind
            pass
    return compile(pattern)


# A set of first characters larger than this is no use as a gate: some of them stand in any text.
_MAX_FIRST = 16


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` may open with, when the pattern names few of them (16 at most):
    a text holding none of them holds no match. None when the pattern may match the empty string, opens with a
    class (\\d, \\w), a negated set or a wide range, or when the standard engine does not read it as ``regex``
    does."""
    if _sre_compile is None or not plain(pattern):
        return None
    try:
        tree = _re_parser.parse(pattern)
    except re.error:
        return None
    chars, nullable = _first(list(tree))
    return None if chars is None or nullable or len(chars) > _MAX_FIRST else frozenset(chars)


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """The first characters of a sequence of parsed items, and whether the sequence may match the empty string."""
    c = _re_constants
    out: set[str] = set()
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width: the next item opens the match
        if op is c.LITERAL:
            out.add(chr(av))
            return out, False
        if op is c.IN:
            one = _set_chars(av)
            return (None, False) if one is None else (out | one, False)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, _, sub = av
            one, nullable = _first(list(sub))
            nullable = nullable or lo == 0
        elif op is c.SUBPATTERN:
            one, nullable = _first(list(av[3]))
        elif op is c.ATOMIC_GROUP:
            one, nullable = _first(list(av))
        elif op is c.BRANCH:
            one, nullable = set(), False
            for alt in av[1]:
                a, n = _first(list(alt))
                if a is None:
                    return None, False
                one |= a
                nullable = nullable or n
        else:
            return None, False  # a class, a back-reference, a conditional: not worth reading
        if one is None or len(out | one) > _MAX_FIRST:
            return None, False
        out |= one
        if not nullable:
            return out, False
    return out, True


def _set_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    c = _re_constants
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_FIRST:
            out.update(chr(i) for i in range(av[0], av[1] + 1))
        else:
            return None  # a negated set, a class, a wide range
        if len(out) > _MAX_FIRST:
            return None
    return out


def _opens_with_characters(pattern: str) -> bool:
    if _sre_compile is None:
        return False
    try:
        code = _lookup(("re", pattern, 0), lambda: _re_parts(pattern, 0))[2]
    except re.error:
        return False
    # An INFO block opens the code: [INFO, skip, flags, ...]; the flags say whether a prefix or a set was found.
    return bool(code and code[0] == _INFO and code[2] & (_INFO_PREFIX | _INFO_CHARSET))


def _lookup(key: Key, build: Any) -> Any:
    global _dirty
    with _lock:
        table = _patterns()
        got = table.get(key)
        if got is None:
            got = table[key] = build()
            _dirty = True
        _used.add(key)
    return got


def _re_parts(pattern: str, flags: int) -> tuple[Any, ...]:
    """The arguments ``re.compile`` hands its C engine, as re's own compiler (``re._compiler.compile``) makes them."""
    p = _re_parser.parse(pattern, flags)
    code = [int(c) for c in _re_compiler._code(p, flags)]  # plain ints: re's opcodes are int subclasses
    groupindex = p.state.groupdict
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (pattern, int(flags | p.state.flags), code, p.state.groups - 1, dict(groupindex), tuple(indexgroup))


try:  # the layout of CPython 3.11 and later; elsewhere re patterns are compiled as usual
    import _sre
    from re import _compiler as _re_compiler
    from re import _constants as _re_constants
    from re import _parser as _re_parser

    _sre_compile: Any = _sre.compile
    _SRE_MAGIC = _sre.MAGIC
    _INFO = int(_re_constants.INFO)
    _INFO_PREFIX = _re_constants.SRE_INFO_PREFIX
    _INFO_CHARSET = _re_constants.SRE_INFO_CHARSET
except ImportError:
    _sre_compile = None
    _SRE_MAGIC = 0
    _INFO = _INFO_PREFIX = _INFO_CHARSET = 0
_RE_TEMPLATE = getattr(re, "TEMPLATE", 0)


def save() -> None:
    """Write the cache file when this process compiled a pattern it lacked (at exit; errors are ignored)."""
    global _dirty
    with _lock:
        if not _dirty or _loaded is None:
            return
        keep = _loaded if len(_loaded) <= _MAX_ENTRIES else {k: _loaded[k] for k in _used}
        _dirty = False
    _cache.write(cache_name(), keep)
