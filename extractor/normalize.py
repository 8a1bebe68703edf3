"""A same-length normalized view of the text.

Matching runs on the view; every span found there is valid in the original text because the view
never changes the length: traditional characters become simplified (OpenCC t2s), full-width ASCII
becomes half-width, and no-break, ideographic and other spaces (form feed, vertical tab, U+2028 …) become plain
spaces.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from extractor import numerals
from extractor.han import is_han

Script = Literal["simplified", "traditional", "mixed"]

# Spaces that look like a space but would stop a plain ASCII space from matching, and every other character
# Python counts as whitespace except tab and the line ends (vertical tab, form feed - a page break in text from
# PDF tools -, the information separators, NEL, the Unicode line and paragraph separators): left as they are, a
# line holding only one of them was blank to one step and not to the next, and extraction failed on it.
_SPACES = (
    "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    "\x0b\x0c\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2001\u2028\u2029"
)
_WIDTH = {c: " " for c in _SPACES}
_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})
# The small form variants (﹪, ﹐, ﹙…) as their compatibility forms, as the full-width ones: 增幅0.98﹪ is a
# percentage (found blind in round s643)
_WIDTH.update(
    {chr(c): f for c in range(0xFE50, 0xFE6C) if len(f := unicodedata.normalize("NFKC", chr(c))) == 1 and f != chr(c)}
)
# The radical 丨, which a title sets as a bar between a column's name and the headline (一图读懂丨荷塘铺镇2025年…: a
# public account's copy, read by a probe of hand-written excerpts as the township 一图读懂丨荷塘铺镇), is a bar
_WIDTH["\u4e28"] = "|"
# Only the characters that change are touched (str.translate looks every character up): the text is split at them
# (the group keeps them, at the odd places) and they are replaced there, without a Python call per character.
_WIDTH_RE = re.compile("([" + "".join(re.escape(c) for c in _WIDTH) + "])")


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


@cache
def _t2s_char(ch: str) -> str:
    out = _converter("t2s").convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """OpenCC t2s, keeping the length: a stretch whose conversion would change length is done per character."""
    if not text:
        return text
    conv = _converter("t2s").convert(text)
    if len(conv) == len(text):
        return _in_block(text, conv)
    parts = []
    for line in text.splitlines(keepends=True):
        c = _converter("t2s").convert(line)
        parts.append(c if len(c) == len(line) else "".join(_t2s_char(ch) for ch in line))
    return _in_block(text, "".join(parts))


# OpenCC simplifies a few characters of the block into the supplementary planes (礐 to 𬒈, U+2C488: 礐石街道, found
# blind in round s908, whose name no rule then read as a name). The engine reads the block alone (han.py), so such
# a character keeps its traditional form.
_SUPPLEMENTARY = re.compile("[\U00020000-\U0003ffff]")


def _in_block(text: str, conv: str) -> str:
    if _SUPPLEMENTARY.search(conv) is None:
        return conv
    return "".join(o if c != o and _SUPPLEMENTARY.match(c) else c for o, c in zip(text, conv, strict=True))


@lru_cache(maxsize=1 << 16)
def simplified(name: str) -> str:
    """to_simplified for short strings (names, subjects) that recur across records and reports."""
    return to_simplified(name)


def half_width(text: str) -> str:
    parts = _WIDTH_RE.split(text)
    parts[1::2] = [_WIDTH[c] for c in parts[1::2]]
    return "".join(parts)


def make_view(text: str) -> str:
    return views(text)[1]


def views(text: str) -> tuple[str, str]:
    """(to_simplified(text), the view): the first is what detect_script can reuse."""
    simp = to_simplified(text)
    view = _yi_dashes(_latin_ones(_latin_zeros(unescape_breaks(text, half_width(simp)))))
    if view.startswith("\ufeff"):
        # A BOM the caller left on the text (the loaders remove it) is a space, which titles and head lines may open
        # with: as a character of its own it hid them from every pattern that anchors at a line's start.
        view = " " + view[1:]
    assert len(view) == len(text)
    return simp, view


@cache
def _latin_zeros_re() -> re.Pattern[str]:
    """The letter O typed for 〇 inside a numeral written digit by digit (六OO位, 二O二四年, 一七三O萬人次; found blind
    in a Taiwanese township's report): right after a Chinese digit (numerals.tsv), and not starting a Latin word."""
    digits = "".join(sorted(c for c in numerals.tables().digits if c not in numerals.tables().financial))
    return re.compile(f"(?<=[{re.escape(digits)}])[Oo]++(?![A-Za-z])")


# The letter O typed for 0 after Arabic digits (2101O畝, found blind in round s56), where no Latin word holds the
# digits (H2O, a formula, keeps its O).
_ARABIC_ZEROS = re.compile(r"(?<=[0-9])[Oo]++(?![A-Za-z])")
_DIGITS_AND_ZEROS = frozenset("0123456789Oo")


def _latin_zeros(view: str) -> str:
    if "0" in view:
        view = _chinese_zeros_re().sub(lambda m: "〇" * len(m.group()), view)
    if "O" not in view and "o" not in view:
        return view
    view = _latin_zeros_re().sub(lambda m: "〇" * len(m.group()), view)
    return _ARABIC_ZEROS.sub(lambda m: _arabic_zeros(view, m), view)


@cache
def _chinese_zeros_re() -> re.Pattern[str]:
    """The digit 0 typed for 〇 between two Chinese digits of a numeral written digit by digit (四0四一戶, 現年一0三歲:
    found blind in round s504, Taiwanese news)."""
    digits = "".join(sorted(c for c in numerals.tables().digits if c not in numerals.tables().financial))
    return re.compile(f"0(?<=[{re.escape(digits)}]0)0*+(?=[{re.escape(digits)}])")


# The letter l an OCR read for 1 at a number's head, glued to a Han character (保存面积l7710亩, 在职教师l71人: found on
# the excerpts in five scanned reports). Opening with the letter lets the engine skip to it; a code's letters are
# upper case (G104) or stand after no Han character (省道s309 keeps its s).
_LATIN_ONES = re.compile(r"l(?=[0-9])(?<=[\u4e00-\u9fff]l)")


def _latin_ones(view: str) -> str:
    return _LATIN_ONES.sub("1", view) if "l" in view else view


@cache
def _yi_dashes_re() -> re.Pattern[str]:
    """The numeral one in characters (numerals.tsv: 一), typed or read for a dash between two figures
    (年降雨量1000一1100毫米, 掌握1一2门技术: found blind in rounds s487 and s495): between Arabic digits it is never
    the numeral, which is written 1 there. It looks like a dash; the financial form (壹) does not."""
    t = numerals.tables()
    ones = "".join(sorted(c for c, v in t.digits.items() if v == 1 and c not in t.financial))
    return re.compile(f"[{re.escape(ones)}](?<=[0-9][{re.escape(ones)}])(?=[0-9])")


def _yi_dashes(view: str) -> str:
    return _yi_dashes_re().sub("-", view)


def _arabic_zeros(view: str, m: re.Match[str]) -> str:
    j = m.start()
    while j > 0 and view[j - 1] in _DIGITS_AND_ZEROS and m.start() - j < 16:
        j -= 1
    if j > 0 and view[j - 1].isascii() and view[j - 1].isalpha():
        return m.group()  # H2O: a Latin word's digits
    return "0" * len(m.group())


# A report stored in one spreadsheet cell or JSON string often arrives on one line, with the two characters \ n
# (or \ r \ n) where its lines broke. The view reads them as line breaks, padded with spaces to keep the length;
# the text, and so every span, is left as it is.
_ESCAPED = re.compile(r"\\r\\n|\\n|\\r|\\t")
_AS_READ = {"\\r\\n": "\r\n  ", "\\n": "\n ", "\\r": "\r ", "\\t": "\t "}
# Fewer escapes than this in a line of text are a path or a quoted string, not a report's line breaks.
_MIN_ESCAPED = 3


def escaped_breaks(text: str) -> int:
    """How many literal line-break escapes (\\n, \\r\\n, \\r) the text holds when they are read as line breaks: the
    text has no real line break inside it and at least three of them; otherwise 0."""
    if "\\" not in text:
        return 0
    body = text.strip()
    if "\n" in body or "\r" in body:
        return 0
    n = body.count("\\n") + body.count("\\r") - body.count("\\r\\n")
    return n if n >= _MIN_ESCAPED else 0


def unescape_breaks(text: str, view: str) -> str:
    """``view`` with the escaped line breaks and tabs of ``text`` read as real ones (see escaped_breaks)."""
    if not escaped_breaks(text):
        return view
    parts: list[str] = []
    last = 0
    for m in _ESCAPED.finditer(text):
        parts.append(view[last : m.start()])
        parts.append(_AS_READ[m.group()])
        last = m.end()
    parts.append(view[last:])
    return "".join(parts)


_S2T_TABLES = ("s2t.json", "STCharacters.ocd2", "STPhrases.ocd2")


@cache
def _s2t_changing() -> frozenset[str]:
    """The characters of U+4E00–U+9FFF that OpenCC s2t changes. Loading s2t (its phrase dictionary) costs some
    60 ms, more than the rest of a report's normalization, so the set is kept in the user cache, under a name
    made of the size and time of the installed OpenCC's s2t tables (an upgrade or reinstall changes it)."""
    import opencc

    from extractor import _cache

    tables = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    try:
        stamp = "-".join(f"{st.st_size}.{st.st_mtime_ns}" for st in (os.stat(tables / f) for f in _S2T_TABLES))
    except OSError:  # laid out otherwise: no cache
        stamp = ""
    name = f"s2t-chars-{zlib.crc32(stamp.encode()):08x}"
    got = _cache.read(name) if stamp else None
    if isinstance(got, tuple) and len(got) == 2 and got[0] == stamp and isinstance(got[1], frozenset):
        return got[1]
    conv = _converter("s2t")
    chars = frozenset(c for c in map(chr, range(0x4E00, 0xA000)) if conv.convert(c) != c)
    if stamp:
        _cache.write(name, (stamp, chars))
    return chars


def _s2t_changes(ch: str) -> bool:
    """Whether OpenCC s2t changes ``ch``, a character of U+4E00–U+9FFF."""
    return ch in _s2t_changing()


def detect_script(text: str, simplified_text: str | None = None) -> Script:
    """Traditional when nearly every script-specific character is traditional, simplified when nearly none is.

    ``simplified_text`` is ``to_simplified(text)`` when the caller has it: a text that OpenCC leaves unchanged
    holds no traditional character, which decides it without counting characters.
    """
    from collections import Counter

    if simplified_text is not None and simplified_text == text:
        return "simplified"

    counts = Counter(text)
    trad = simp = 0
    for ch, n in counts.items():
        if not is_han(ch):
            continue
        if _t2s_char(ch) != ch:
            trad += n
        elif _s2t_changes(ch):
            simp += n
    total = trad + simp
    if total == 0 or trad <= 0.1 * total:
        return "simplified"
    if trad >= 0.9 * total:
        return "traditional"
    return "mixed"


@dataclass(frozen=True)
class View:
    """The original text and its same-length normalized view."""

    text: str
    view: str

    @classmethod
    def of(cls, text: str) -> View:
        return cls(text, make_view(text))


@cache
def _common_chars() -> frozenset[str]:
    from extractor._data import column

    return frozenset("".join(column("common_chars.tsv", "chars")))


def common_char_share(text: str) -> float:
    """Share of Chinese characters (read as simplified) that are among the common report characters."""
    common = _common_chars()
    total = hit = 0
    for ch in text:
        if is_han(ch) or "\u3040" <= ch <= "\u30ff" or "\ufe30" <= ch <= "\ufe4f":
            total += 1
            hit += _t2s_char(ch) in common
    return hit / total if total else 0.0
