"""Decimal points a copy turned into spaces: 全乡总收入累计达482 3亿元，年均增长9 1%.

Some pages lose every decimal point of their figures to a space. Read as written, 482 3亿元 is either nothing or,
worse, 3亿元 alone. Such a copy shows itself: no figure in it keeps its point, and each damaged figure is a short
number, one space and one or two digits right before a scale or a unit. There the space stands for the point, in a
same-length view, so that spans still index the original text and ``raw`` keeps the space as written.

A space before three digits is a thousands separator (27 183元) and stays. So does any such space in a text that has a
decimal point elsewhere: there, 12 5% is more likely two cells of a table than 12.5%.

Other copies put 、 for every point (工业总产值29851、2万元，同比下降33、7%). A 、 between numbers is far more often a
list (分别增长3、5%), so it is a point only in a text that keeps no point and shows the habit at least once where no
list could be meant: a long number before one or two digits (29851、2万元), or a tail with a leading zero
(656279、03吨). Then every 、 of that shape outside a list of three or more stands for a point (3、6%).
"""

from __future__ import annotations

import re

# A decimal point anywhere in the text: the copy kept its points.
_POINT = re.compile(r"[0-9]\.[0-9]")
# A whole number of up to three digits (or four that are no year), one space, then one or two digits before a scale,
# a unit or a percent sign: not a run of spaced digits (8 9 8 人), not a longer number's tail.
_LOST = re.compile(r"(?<![0-9.,])(?<![0-9] )(?:[0-9]{1,3}|(?!19|20)[0-9]{4})( )[0-9]{1,2}(?=[%\u4e00-\u9fff])")


# A number, 、, then one or two digits before a scale, a unit or a percent sign; no 、 before or after (a list).
_MARKED = re.compile(r"(?<![0-9.,、])(?<![0-9]、)([0-9]{1,6})(、)([0-9]{1,2})(?!、?[0-9])(?=[%\u4e00-\u9fff])")
# A whole part this long before one or two digits is no list item beside its neighbour (29851、2万元).
_LONG_WHOLE = 4


def restore(view: str) -> str:
    """``view`` with a point for each space or 、 that stands for one, or ``view`` itself when the text keeps its
    points."""
    if _POINT.search(view) is not None:
        return view
    lost = [m.start(1) for m in _LOST.finditer(view)]
    marked = list(_MARKED.finditer(view))
    if any(len(m.group(1)) >= _LONG_WHOLE or m.group(3)[0] == "0" for m in marked):
        lost += [m.start(2) for m in marked]
    if not lost:
        return view
    chars = list(view)
    for i in lost:
        chars[i] = "."
    return "".join(chars)
