"""Decimal points a copy turned into spaces: 全乡总收入累计达482 3亿元，年均增长9 1%.

Some pages lose every decimal point of their figures to a space. Read as written, 482 3亿元 is either nothing or,
worse, 3亿元 alone. Such a copy shows itself: no figure in it keeps its point, and each damaged figure is a short
number, one space and one or two digits right before a scale or a unit. There the space stands for the point, in a
same-length view, so that spans still index the original text and ``raw`` keeps the space as written.

A space before three digits is a thousands separator (27 183元) and stays. So does any such space in a text that has a
decimal point elsewhere: there, 12 5% is more likely two cells of a table than 12.5%.
"""

from __future__ import annotations

import re

# A decimal point anywhere in the text: the copy kept its points.
_POINT = re.compile(r"[0-9]\.[0-9]")
# A whole number of up to three digits (or four that are no year), one space, then one or two digits before a scale,
# a unit or a percent sign: not a run of spaced digits (8 9 8 人), not a longer number's tail.
_LOST = re.compile(r"(?<![0-9.,])(?<![0-9] )(?:[0-9]{1,3}|(?!19|20)[0-9]{4})( )[0-9]{1,2}(?=[%\u4e00-\u9fff])")


def restore(view: str) -> str:
    """``view`` with a point for each space that stands for one, or ``view`` itself when the text keeps its points."""
    if _POINT.search(view) is not None:
        return view
    spaces = [m.start(1) for m in _LOST.finditer(view)]
    if not spaces:
        return view
    chars = list(view)
    for i in spaces:
        chars[i] = "."
    return "".join(chars)
