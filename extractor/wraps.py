"""Wraps: where a line break, a page footer or stray spaces split a figure from its unit.

Text copied out of a PDF keeps the layout's line breaks and page numbers, and sometimes a space between
characters: ``23\\n亿元``, ``4022\\n- 1 -\\n万元``, ``5 个百 分点``. The PDF loader rejoins such lines before
extraction (it may change the text it returns); a ``.txt`` file is read as it is, so its wraps are crossed where a
figure is read, and every span still indexes the original text. A gap is a wrap only when it is clearly one: no
sentence ends before it, and what follows is neither a heading nor another number. A fixed-width layout also cuts a
number itself at a line's end (总人口1\\n0485人): ``digits_wrap`` finds such a cut for the reading across it, and
``cut_tail`` tells quantities.py that the digits opening the next line are no figure of their own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

import regex

from extractor import _compiled, numerals
from extractor.figure_parts import CODE_BEFORE, DIGITS
from extractor.han import is_han
from extractor.layout import line_ends, page_number
from extractor.segment import Span, heading_markers, item_number_marker, list_marks

# A line ending in one of these ends a sentence or a clause; a line holding only a page number is a page footer.
SENTENCE_END = line_ends()
PAGE_NUMBER = page_number()
# Spaces inside a line that a PDF copy puts between characters (5 个百 分点); a longer run is layout.
_MAX_SPACES = 3
# Lines a wrap may cross: blank lines and page numbers (a page footer and header), no more.
_MAX_LINES = 4
_MAX_LINE = 24  # a page-number line is short; a longer line is text
# A line that opens with a key and its colon (人口数量: 3.20 万人, 所在地: …: found blind in round s85) is an item of a
# table of facts, not the rest of the line before it; a box may space its keys to one width (方 言:玉林话, after
# 人 口:6.9万: found blind in round s89, where 6.9万方 was read as cubic metres).
_KEY_LINE = re.compile(r"[\u4e00-\u9fff](?:[ \t\u3000]{0,2}[\u4e00-\u9fff]){0,7}[ \t]{0,2}:")
_SPACE = " \t"
_BREAK = "\r\n"
_GAP = _SPACE + _BREAK


@cache
def _heading_start() -> regex.Pattern[str]:
    """The heading markers of every level in one pattern: a line that opens with one is a heading, not a wrap."""
    return _compiled.compile("|".join(f"(?:{p.pattern})" for p in heading_markers()))


def gap_end(view: str, pos: int, no_follow: frozenset[str] | str = "") -> int | None:
    """Where the wrap gap starting at ``pos`` ends, or None when ``view[pos]`` starts no wrap.

    ``no_follow`` holds the characters that may not follow the gap (the digits: joining 5 and 1. of a list item
    would make a new number). Bounded: a gap is a few spaces, or a break and a few short lines.
    """
    n = len(view)
    if pos <= 0 or pos >= n or view[pos] not in _GAP:
        return None
    before = view[pos - 1]
    if before in SENTENCE_END or before in _GAP:
        return None
    i = pos
    while i < n and view[i] in _SPACE and i - pos <= _MAX_SPACES:
        i += 1
    if i < n and view[i] not in _GAP:
        if "\t" in view[pos:i]:
            # a tab sets a table's fields apart: 1\t双龙工业园… is a row's number, then its project's name, no 1 双
            # (a ledger pasted as text, by a probe of hand-written excerpts)
            return None
        return i if view[i] not in no_follow else None
    if i >= n or view[i] not in _BREAK:
        return None
    crossed_page = False
    blank = 0
    for _ in range(_MAX_LINES + 1):
        i += 2 if view.startswith("\r\n", i) else 1
        j = i
        while j < n and view[j] in _SPACE:
            j += 1
        eol = j
        while eol < n and view[eol] not in _BREAK and eol - j <= _MAX_LINE:
            eol += 1
        if j >= n:
            return None
        if view[j] in _BREAK:
            blank += 1
            i = j
            continue
        line = view[j:eol]
        if eol < n and view[eol] in _BREAK and PAGE_NUMBER.match(line):
            crossed_page = True
            i = eol
            continue
        # A blank line without a page number between is a paragraph break, but in a copy that puts one between
        # its wrapped lines (已建\n\n成占地: ``_blank_wraps``) one blank line after a long line is a wrap too.
        if blank and not crossed_page and not (blank == 1 and _long_line_before(view, pos) and _blank_wraps(view)):
            return None
        if view[j] in no_follow or _heading_start().match(view, j) is not None or _KEY_LINE.match(view, j):
            return None  # a heading, or a key of a table of facts (区划代码: 150981\n人口数量: 3.20 万人)
        return j
    return None


# A copy shows the habit of a blank line inside its sentences when this many long lines end without a mark before
# one, the next line going on with a Han character (已建\n\n成占地 50 亩, 逐步\n\n由粗放型: found blind in round s299).
_BLANK_WRAPS = 3


@lru_cache(maxsize=2)
def _blank_wraps(view: str) -> bool:
    """Whether ``view`` shows the habit of a blank line where a layout wrapped a sentence (see ``_BLANK_WRAPS``).
    Cached: the string's hash is computed once, and every gap of one text asks."""
    found = 0
    for m in _BLANK_LINE.finditer(view):
        i = m.start() - 1 if m.start() > 0 and view[m.start() - 1] == "\r" else m.start()  # a CRLF text's break
        before = view[i - 1] if i > 0 else ""
        after = view[m.end()] if m.end() < len(view) else ""
        if (
            is_han(before)
            and is_han(after)
            and _long_line_before(view, i)
            and _heading_start().match(view, view.rfind("\n", 0, i) + 1) is None  # a long heading ends no wrap
        ):
            found += 1
            if found >= _BLANK_WRAPS:
                return True
    return False


# A blank line, as LF and as CRLF text writes it (its first CR, if any, stands before the match).
_BLANK_LINE = re.compile(r"\n\r?\n")


def joined(
    view: str,
    start: int,
    end: int,
    length: int,
    no_follow: frozenset[str] | str = "",
    stop: str = "",
    known: tuple[int, int] | None = None,
    skip: Mapping[int, int] | None = None,
) -> list[int]:
    """Positions of ``view[start:end]`` followed by the next ``length`` characters with wrap gaps skipped.

    A gap that is not a wrap, or a character of ``stop`` (punctuation no figure runs across), ends the run. The
    caller reads the characters at these positions as one string and maps what it finds back through them.
    ``known`` is a gap the caller has found already: (where it starts, where it ends). ``skip`` maps the start of
    a region read across (pinyin ruby) to its end.
    """
    where = list(range(start, end))
    i = end
    n = len(view)
    taken = 0
    while i < n and taken < length:
        if skip and i in skip:
            i = skip[i]
            continue
        if view[i] in stop:
            break
        if view[i] in _GAP:
            g = known[1] if known is not None and known[0] == i else gap_end(view, i, no_follow)
            if g is None:
                break
            i = g
            continue
        where.append(i)
        taken += 1
        i += 1
    return where


def compacted(
    view: str,
    start: int,
    end: int,
    skip: Sequence[Span] = (),
    skip_starts: Sequence[int] = (),
    spaces: bool = True,
) -> tuple[str, list[int]] | None:
    """``view[start:end]`` read as one string across its inner gaps: runs of at most a few spaces (同 比, 增长 5%;
    unless ``spaces`` is false) and the regions of ``skip`` (pinyin ruby, sorted, their starts in ``skip_starts``)
    are left out.

    Returns the string and the view position of each of its characters, or None when nothing was left out. A
    longer run of spaces is layout and stays. Linear in ``end - start``.
    """
    where: list[int] = []
    k = bisect.bisect_right(skip_starts, start) - 1
    if k < 0 or skip[k].end <= start:
        k += 1
    i = start
    while i < end:
        if k < len(skip) and skip[k].start <= i:
            i = max(i, skip[k].end)
            k += 1
            continue
        if spaces and view[i] in _SPACE:
            j = i
            while j < end and view[j] in _SPACE:
                j += 1
            if j - i <= _MAX_SPACES:
                i = j
                continue
            where.extend(range(i, j))
            i = j
            continue
        where.append(i)
        i += 1
    if len(where) == end - start:
        return None
    return "".join([view[p] for p in where]), where


# A line a fixed-width layout wrapped is long: a number cut at its end is read across the break into the next
# line's digits (总人口1\n0485人, 12.9\n7万亩) only after this many characters of its line, and only for a head this
# short (digits and a point).
_WRAPPED_LINE = 20
_CUT_HEAD = 8
_HEAD_CHARS = frozenset("0123456789.")
_CUT_HEAD_RE = re.compile(r"[0-9]{1,6}(?:\.[0-9]{0,4})?")


# A document-sharing site cuts its text into numbered chunks, and the copy starts each chunk on a new line with its
# number, marked as an item's number is (总人口8467\n\n2、3人, 面积167.\n\n2、78平方公里: found in the stand-in's copies
# of such sites, where the annotators read 84673人 and 167.78平方公里, and blind in round s341, where 7% of 34.\n3、7%
# was read alone). The longest such mark: two digits and the mark (markers.tsv item_number).
_CHUNK_REACH = 3


def _chunk_mark(view: str, pos: int) -> int:
    """The length of a chunk's number opening the line at ``pos`` when digits follow it (2、 of 8467\n\n2、3人), or
    0."""
    if pos >= len(view) or view[pos] not in DIGITS:
        return 0
    m = item_number_marker().match(view[pos : pos + _CHUNK_REACH])
    return m.end() if m is not None and pos + m.end() < len(view) and view[pos + m.end()] in DIGITS else 0


def _chunk_before(view: str, start: int) -> int | None:
    """Where the line break (and a blank line) before a chunk's number ending at ``start`` begins (8467|\n\n2、3人),
    or None where no chunk's number stands right before ``start``."""
    q = start
    while q > 0 and start - q < _CHUNK_REACH and view[q - 1] not in _BREAK:
        q -= 1
    if q == start or _chunk_mark(view, q) != start - q or not (brk := _break_before(view, q)):
        return None
    return q - brk - _break_before(view, q - brk)  # a blank line before the chunk's number


def _break_before(view: str, pos: int) -> int:
    """The length of the line break that ends at ``pos`` (2 for \\r\\n, 1 for \\n), 0 where none does."""
    return 2 if view.endswith("\r\n", 0, pos) else 1 if view.endswith("\n", 0, pos) else 0


def digits_wrap(view: str, start: int, end: int) -> tuple[int, int] | None:
    """The line break at or right after ``end`` (a point may end the line: 5106.\n4萬元) when it cuts a number in
    two (总人口1\n0485人, 12.9\n7万亩): a short head of digits at the end of a long line, and digits opening the
    next line. Read apart, the tail alone would be a wrong number (350吨 for 4350吨); where the reading across
    finds no unit, nothing is read across, and the tail is read as none (``cut_tail``). A chunk's number may open
    the next line (8467\n\n2、3人), unless the head is an item of a list of numbers (5、8、1\n3、14村)."""
    brk_at = end  # a point may end the line after the run (5106.\n4萬元)
    while brk_at < len(view) and view[brk_at] in _HEAD_CHARS and brk_at - start < _CUT_HEAD:
        brk_at += 1
    brk = _break_len(view, brk_at)
    if brk and (start == 0 or view[start - 1] not in list_marks()):
        q = brk_at + brk
        q += _break_len(view, q)  # a blank line before a chunk's number
        if mark := _chunk_mark(view, q):
            brk = q + mark - brk_at
    if brk and view.startswith(" ", brk_at + brk) and _GROUP.match(view, brk_at + brk + 1):
        brk += 1  # 68\n 872亩: the space between groups (68 872亩) kept after the break
    if not brk or brk_at - start > _CUT_HEAD or brk_at + brk >= len(view) or not _opens_tail(view, brk_at + brk):
        return None
    if not _CUT_HEAD_RE.fullmatch(view, start, brk_at) or (start > 0 and view[start - 1] in CODE_BEFORE):
        return None
    if view[brk_at + brk] == "." and "." in view[start:brk_at]:
        return None  # 1.2\n.5: two points make no number
    if start > 1 and view[start - 1] in _GROUP_MARKS and view[start - 2] in DIGITS:
        return None  # 8,90\n0萬元: the head is itself a group of a longer number (90 and 0 would read 900万)
    # A head that ends with its point (5106.) is cut whatever its line; Chinese ends no sentence with a point.
    return (brk_at, brk_at + brk) if view[brk_at - 1] == "." or _wrapped_line(view, brk_at) else None


def _opens_tail(view: str, pos: int) -> bool:
    """Whether a number's tail opens at ``pos``: a digit, or its point and a digit (总投资1\n.2亿元: a probe of
    hand-written excerpts, w128)."""
    return view[pos] in DIGITS or (view[pos] == "." and view[pos + 1 : pos + 2] in DIGITS and pos + 1 < len(view))


def range_wrap(view: str, pos: int) -> int | None:
    """Where a range's second number starts when a long line ends right after the range's separator (4-\n5家), or
    None. Read apart, the second number alone would stand for the range (5家 for 4-5家)."""
    brk = _break_len(view, pos)
    if brk and view.startswith(" ", pos + brk):
        brk += 1  # 500 ~\n 1000 元: a PDF's space around the dash, kept after the break
    if not brk or pos + brk >= len(view) or view[pos + brk] not in DIGITS:
        return None
    return pos + brk if _long_line_before(view, pos) else None


def _break_len(view: str, pos: int) -> int:
    """The length of the line break at ``pos`` (2 for \\r\\n, 1 for \\n), 0 where none stands."""
    return 2 if view.startswith("\r\n", pos) else 1 if view.startswith("\n", pos) else 0


def _long_line_before(view: str, pos: int) -> bool:
    """Whether the line that ``pos`` ends runs at least ``_WRAPPED_LINE`` characters: a table's row or a heading is
    shorter than a layout's wrapped line."""
    lo = pos - _WRAPPED_LINE
    return lo >= 0 and view.find("\n", lo, pos) < 0 and view.find("\r", lo, pos) < 0


# A copy may break a paragraph's line short as well (柑橘…，實\n現產值2\n400萬元, 僑捐公益\n款物…比上年增長1\n8.3%;
# five probes of PDF copies): the line the number's head ends is short, but it carries on a long line that a word
# ends, so the paragraph runs on across both breaks. Neither line has a space: a table's rows do.
_SPACED = re.compile(r"[ \t\u3000]")


def _wrapped_line(view: str, pos: int) -> bool:
    """Whether the line that ``pos`` ends (at a number's head, after a word) was wrapped: long
    (``_long_line_before``), or a short line without spaces that carries on a long line ending with a word."""
    if _long_line_before(view, pos):
        return True
    head = pos
    while head > 0 and view[head - 1] in _HEAD_CHARS:
        head -= 1
    lo = max(view.rfind("\n", 0, head), view.rfind("\r", 0, head)) + 1
    if lo == 0 or lo == head or not is_han(view[head - 1]) or _SPACED.search(view, lo, head):
        return False
    prev_end = lo - _break_before(view, lo)
    return (
        prev_end > 0
        and is_han(view[prev_end - 1])
        and _long_line_before(view, prev_end)
        and _SPACED.search(view, prev_end - _WRAPPED_LINE, prev_end) is None
    )


def cut_tail(view: str, start: int) -> bool:
    """Whether the digits at ``start`` open a line right after a long line that ends with a number's head (digits,
    or digits and a point: 12.9\n7万亩): the tail of a number a layout cut, no figure of its own (7万亩 would be
    wrong). The head's reading across the break takes the whole figure where it can. A wrap at a number's
    separator cuts it too (22. \n30亿元; 1\n,500 畝; 27 \n183元, a space between groups before a group of three),
    as a stress test that hard-wrapped every excerpt found."""
    p = start
    chunk = _chunk_before(view, start) if view[start - 1] not in _BREAK else None
    if chunk is not None:
        p = chunk  # 8467\n\n2、3人: the digits after a chunk's number, as after a plain break
        head = p
        while head > 0 and p - head < _CUT_HEAD and view[head - 1] in _HEAD_CHARS:
            head -= 1
        return (
            head < p
            and view[p - 1 if view[p - 1] != "." else head] in DIGITS
            and (head == 0 or view[head - 1] not in list_marks())
            and (view[p - 1] == "." or _long_line_before(view, p))
        )
    grouped = p > 1 and view[p - 1] in _GROUP_MARKS + " " and view[p - 2] in "\r\n"
    if grouped:
        if view[p - 1] == " " and _GROUP.match(view, start) is None:
            return False
        p -= 1  # ,500 or (a space between groups) 500 opening a line: a group of the number the line before ends
    if p > 0 and view[p - 1] == "\n":
        p -= 1
        if p > 0 and view[p - 1] == "\r":
            p -= 1
    if p == start or p == 0 or (grouped and p == start - 1):
        return False
    spaced = 0
    while p > 0 and view[p - 1] in " \t" and spaced < 2:
        p -= 1
        spaced += 1
    if p == 0:
        return False
    last = view[p - 1]
    if not (last in DIGITS or (last in ".," and p > 1 and view[p - 2] in DIGITS)):
        return False
    if spaced and last in DIGITS and not grouped and _GROUP.match(view, start) is None:
        return False  # 2019年完成 5\n20个: a space at a line's end before other digits than one group of three
    return last == "." or _wrapped_line(view, p)


# What separates a number's groups of three (1,500), and one such group ending its digits (183元, not 1835元).
_GROUP_MARKS = ",，"
_GROUP = re.compile(r"[0-9]{3}(?![0-9])")


def numeral_wrap(
    view: str, start: int, end: int, numeral: frozenset[str], scales: frozenset[str]
) -> tuple[int, int] | None:
    """The line break right after the numeral in characters ``view[start:end]`` when it cuts the numeral in two
    (總經費一百六十萬\n四千五百九十二元, found on the stand-in): the numeral ends a long line and another opens the
    next one. A head of one character must be a power (共有十\n三个村) or a digit of two to nine after a word
    (其中5个村达到二\n十万元以上: found by a probe of hand-written excerpts, where 十万元 alone is a wrong number),
    since a lone 一 ends words (之一, 统一) and 第, 每 make a digit after them no count."""
    eol = end
    while eol < len(view) and view[eol] in " \t" and eol - end < 2:
        eol += 1  # a space or two a copy left at the line's end, as a digits' wrap may have them (cut_tail)
    brk = _break_len(view, eol)
    if not brk or eol + brk >= len(view) or view[eol + brk] not in numeral:
        return None
    if end - start < 2 and view[end - 1] not in scales and not _lone_head(view, start):
        return None
    return (end, eol + brk) if _long_line_before(view, eol) else None


def _lone_head(view: str, start: int) -> bool:
    """Whether the one character at ``start`` is a digit of two to nine that a word, not 第 or 每, stands before."""
    t = numerals.tables()
    return (
        2 <= t.digits.get(view[start], 0) <= 9
        and start > 0
        and is_han(view[start - 1])
        and view[start - 1] not in t.before_no_count
        and view[start - 1] not in t.digits
    )


def numeral_tail(view: str, start: int, numeral: frozenset[str], scales: frozenset[str]) -> bool:
    """Whether the numeral in characters at ``start`` opens a line after a long line that a numeral's head ends
    (``numeral_wrap``): the tail of a numeral cut in two, no figure of its own (四千五百九十二元 would be 4592 元)."""
    p = start
    if p > 0 and view[p - 1] == "\n":
        p -= 1
        if p > 0 and view[p - 1] == "\r":
            p -= 1
    if p == start:
        return False
    while p > 0 and view[p - 1] in " \t" and start - p < 4:
        p -= 1
    q = p
    while q > 0 and view[q - 1] in numeral and p - q < 2:
        q -= 1
    return q < p and numeral_wrap(view, q, p, numeral, scales) is not None


# A row of a table of labels and their numbers, one a line (男891, 家庭户户数503, 户口本地住在本地1615): a label
# that opens with a Han character, then the number that ends the line.
_LABEL_ROW = re.compile(r"[ \t]*[\u4e00-\u9fff][^\r\n,，。;；:：]{0,15}?[0-9][0-9.]*[ \t]*(?=\r|\n|$)")
_ROW_LABEL = 16
_CLAUSE = frozenset(",，。;；:：")


def label_rows(view: str, start: int, gap_start: int, gap_end: int) -> bool:
    """Whether the number at ``start``, which ends its line at ``gap_start``, closes a label's row, and the line after
    the wrap (from ``gap_end``) is such a row too (女764\n家庭户户数503: a census's table, found blind in round s278,
    where 764 家 was read across the line end): the next row's label is no unit of this number."""
    lo = view.rfind("\n", max(0, start - _ROW_LABEL - 4), start) + 1
    if lo == 0 and start > _ROW_LABEL + 4:
        return False
    head = view[lo:start].strip(" \t\u3000")
    if not head:
        # a number alone on its line, under a row's: a row that lost its label (总人口17389\n8739\n8650\n家庭户…)
        above = view[max(0, lo - _ROW_LABEL - 8) : lo].rstrip(" \t\u3000\r\n")
        if not above or not above[-1].isdigit():
            return False
    elif len(head) > _ROW_LABEL or not any(is_han(c) for c in head) or any(c in _CLAUSE for c in head):
        return False  # a label (65岁及以上女), not a clause
    return _LABEL_ROW.match(view, gap_end) is not None and view.find("\n", gap_end, gap_end + _ROW_LABEL + 12) >= 0
