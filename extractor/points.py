"""Decimal points a copy lost or damaged: 全乡总收入累计达482 3亿元，年均增长9 1%.

Some pages lose every decimal point of their figures to a space. Read as written, 482 3亿元 is either nothing or,
worse, 3亿元 alone. Such a copy shows itself: no figure in it keeps its point, and each damaged figure is a short
number, one space and one or two digits right before a scale or a unit. There the space stands for the point, in a
same-length view, so that spans still index the original text and ``raw`` keeps the space as written.

A space before three digits is a thousands separator (27 183元) and stays. So does any such space in a text that has a
decimal point elsewhere: there, 12 5% is more likely two cells of a table than 12.5%.

A PDF copy may put a space after the point (工农业总产值达22. 30亿元), or before it (133 .9平方公里): ``spaced``
finds those spaces, and the figure is read across them as across pinyin ruby. After the point, only where words stand
before the number: 1. 30个村 opening a line is an item's number and its first words.

A flipbook's copy may put an ellipsis for the thin space between a number's groups (1…790 米): where it does so
twice or more, each such ellipsis is a thousands separator.

Other copies put 、 (or 。) for every point (工业总产值29851、2万元，同比下降33、7%). A 、 between numbers is far
more often a list (分别增长3、5%), so it is a point only in a text that keeps no point and shows the habit at least
once where no list could be meant: a long number before one or two digits (29851、2万元), or a tail with a leading
zero (656279、03吨). Then every mark of that shape outside a list of three or more stands for a point (3、6%).

A scan's text layer may space every character, digits too (渔轮 1 8 2 艘, 2 9  . 5 万 元): where a text shows the habit,
``letter_spaced`` finds the spaces inside such numbers, read across as ``spaced`` finds are.
"""

from __future__ import annotations

import re

from extractor import layout
from extractor.han import is_han

# A decimal point anywhere in the text: the copy kept its points.
_POINT = re.compile(r"[0-9]\.[0-9]")
# A whole number of up to three digits (or four that are no year), one space, then one or two digits before a scale,
# a unit or a percent sign: not a run of spaced digits (8 9 8 人), not a longer number's tail.
_LOST = re.compile(r"(?<![0-9.,])(?<![0-9] )(?:[0-9]{1,3}|(?!19|20)[0-9]{4})( )[0-9]{1,2}(?=[%\u4e00-\u9fff])")


# A copy that lost its points shows it more than once: one figure so written alone is no habit (決定動用1 65萬元, read
# as 16500 元, 165萬 to its annotator: found blind in round s841), and a wrong number is worse than none.
_LOST_HABIT = 2


# A number, a mark, then one or two digits before a scale, a unit or a percent sign; the same mark neither before nor
# after (a list: 2、5、8村).
_MARKED = {
    mark: re.compile(
        rf"(?<![0-9.{mark}])(?<![0-9][,{mark}])([0-9]{{1,6}})({mark})([0-9]{{1,2}})(?!{mark}?[0-9])(?=[%\u4e00-\u9fff])"
    )
    for mark in "、。"
}
# A whole part this long before one or two digits is no list item beside its neighbour (29851、2万元).
_LONG_WHOLE = 4
# One or two spaces on either side of a point: 22. 30亿元, 133 .9平方公里.
_ITEM_DIGITS = 2  # the most digits an item's number has (1. 12.)
_SPACED = re.compile(r"(?<![0-9.])[0-9]{1,8}(?:\.( {1,2})|( {1,2})\.)(?=[0-9])")
# A figure spaced from the words on both sides (投资 30 亿元): a PDF's habit, when the text shows it this often
_SPACED_FIGURE = re.compile(r"[\u4e00-\u9fff] [0-9]{1,8}(?:\. ?[0-9]{1,4})? [\u4e00-\u9fff%]")
_SPACED_HABIT = 3
_HABIT_REACH = 20000  # the habit shows early; a long text is not scanned whole for it


def restore(view: str) -> str:
    """``view`` with a point for each space, 、 or 。 that stands for one, or ``view`` itself when the text keeps its
    points; and a space between groups for each ellipsis that stands for a thousands separator (``separators``)."""
    view = separators(view)
    kept = _POINT.search(view) is not None
    if stops := layout.full_stops(view):
        chars = list(view)
        for i in stops:
            chars[i] = "."
        view = "".join(chars)
    if kept:
        return view
    lost = [m.start(1) for m in _LOST.finditer(view)]
    if len(lost) < _LOST_HABIT:
        lost = []  # 決定動用1 65萬元: one such space alone may as well stand for a lost digit group (165萬)
    for pattern in _MARKED.values():
        marked = list(pattern.finditer(view))
        if any(len(m.group(1)) >= _LONG_WHOLE or m.group(3)[0] == "0" for m in marked):
            lost += [m.start(2) for m in marked]
    if not lost:
        return view
    chars = list(view)
    for i in lost:
        chars[i] = "."
    return "".join(chars)


def spaced(view: str) -> list[tuple[int, int]]:
    """The spaces beside a point inside a figure (22. 30亿元, 133 .9平方公里), as (start, end). After the point, only
    where words stand before the number (1. 30个村 opening a line is an item's number); before it, wherever the
    number does not open a line."""
    if ". " not in view and " ." not in view:
        return []
    out = []
    habit: bool | None = None
    for m in _SPACED.finditer(view):
        before = view[m.start() - 1] if m.start() > 0 else "\n"
        if before == " " and m.start() > 1 and view[m.start() + _ITEM_DIGITS].isdigit():
            # a PDF's text spaces a number from the words before it too (流转土地 155. 93 公顷: found on the excerpts);
            # a whole part as short as an item's number may be one (工作要点 1. 30个村)
            before = view[m.start() - 2]
        elif before == " " and m.start() > 1 and m.group(1) is not None:
            # ... unless the text spaces its figures from the words on both sides, again and again (占地面积
            # 19. 67 公顷, 计划投资 30 亿元, 2018 年开工: a district's gazetteer, found blind in round s868, where 67
            # 公顷 alone was a wrong number)
            if habit is None:
                habit = len(_SPACED_FIGURE.findall(view, 0, _HABIT_REACH)) >= _SPACED_HABIT
            if habit:
                before = view[m.start() - 2]
        if m.group(1) is not None and is_han(before):
            out.append(m.span(1))
        elif m.group(2) is not None and before != "\n":
            out.append(m.span(2))
    return out


# An ellipsis between a number's head and a group of three digits (1…790 米, 97…073 头): a PDF's thin space between
# the groups that the copy turned into one; only in a text that shows the habit at least this often, since 1、2…100
# may list items up to one hundred.
_ELLIPSIS_GROUP = re.compile(r"(?<![0-9.,…])[0-9]{1,3}(…)(?=[0-9]{3}(?![0-9]))")
_ELLIPSIS_HABIT = 2


def separators(view: str) -> str:
    """``view`` with a space for each ellipsis that a copy put for a thousands separator (found blind in round r52,
    a county yearbook's flipbook), when the text shows the habit (the view keeps its length)."""
    if "…" not in view:
        return view
    found = [m.start(1) for m in _ELLIPSIS_GROUP.finditer(view)]
    if len(found) < _ELLIPSIS_HABIT:
        return view
    chars = list(view)
    for i in found:
        chars[i] = " "  # read as a space between groups (27 183元), as a comma would be cut (a list's ，)
    return "".join(chars)


# A scan's text layer that spaces every character (1 9 9 2 年 , 境 内 捕捞 渔轮 1 8 2 艘): a run of single digits with
# one space between each. Only in a text that shows it this often with three digits or more, since elsewhere 5 3 may
# be two cells of a table.
_LETTER_RUN = re.compile(r"[0-9](?<![0-9][0-9])(?<![0-9] [0-9])(?: [0-9])++(?![0-9])(?! [0-9])")
_LETTER_HABIT = 2
_LETTER_POINT = re.compile(r"(?<=[0-9])( {1,48}+)\.( ?)(?=[0-9])")
_LETTER_LONG = 5  # a run of three digits: 1 8 2
_LETTER_WORD = re.compile(r" ?[\u4e00-\u9fff]")
_LETTER_WORDS = 4


def letter_spaced(view: str) -> list[tuple[int, int]]:
    """The spaces between the digits of a number that a scan spaced out letter by letter (1 1 2 7 0 6 吨, a township
    gazetteer's flipbook: found blind in rounds s267 and s381), as (start, end), when the text shows the habit; the
    figure is read across them as across pinyin ruby."""
    runs = list(_LETTER_RUN.finditer(view))
    if (
        sum(m.end() - m.start() >= _LETTER_LONG for m in runs) < _LETTER_HABIT
        # or runs of two digits that words follow, as a PDF's layer spaces the digits alone (分布于 2 9 个行政村,
        # 村道 1 4 条, 巡察 3 0 余次: found blind in round s799), where table cells have no word after them
        and sum(_LETTER_WORD.match(view, m.end()) is not None for m in runs) < _LETTER_WORDS
    ):
        return []
    out = [(i, i + 1) for m in runs for i in range(m.start() + 1, m.end(), 2)]
    # its points, set apart by the scan's column alignment (1 3 6            . 7 倍)
    for m in _LETTER_POINT.finditer(view):
        out.append(m.span(1))
        if m.group(2):
            out.append(m.span(2))
    return sorted(out)
