"""Money without a currency: 财政一般预算收入任务174万，完成198万.

A digit figure with a bare scale (万, 亿) and no unit is an amount of money when a money word of
``data/money_cues.tsv`` ends right before it (light words such as 任务, 完成 may stand between), or when only
light words and a comma stand between it and the amount of money before it. quantities.py asks here once it has
found no unit after such a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from extractor._data import column

# How far back a money word may stand before a bare-scale figure, light words included (预算收入任务174万).
WINDOW = 12
# Only 万 and larger: 3千 and 5百 are as often counts as money.
MIN_SCALE = Decimal(10000)
_NOT_LIGHT = re.compile("[^ ，,、]")  # anything but the spaces and commas that may stand after an amount


@dataclass(frozen=True)
class _Lex:
    unit: str  # the unit such a figure is in (元)
    cues: tuple[str, ...]
    between: tuple[str, ...]  # longest first


@cache
def lexicon() -> _Lex:
    return _Lex(
        unit=column("money_cues.tsv", "word", kind="unit")[0],
        cues=column("money_cues.tsv", "word", kind="cue"),
        between=tuple(sorted(column("money_cues.tsv", "word", kind="between"), key=len, reverse=True)),
    )


def bare_money(view: str, start: int, end: int, scale: Decimal, money_end: int, may_follow: frozenset[str]) -> bool:
    """Whether the figure view[start:end] (digits and a bare scale, no unit) is an amount of money.

    ``money_end`` is where the last amount of money before it ends (-1: none); ``may_follow`` holds the characters
    that may start the word after the scale (左右, 和 of a list): any other Chinese character there means the figure
    counts that word (2.3万农户)."""
    if scale < MIN_SCALE:
        return False
    nxt = view[end] if end < len(view) else ""
    if "\u4e00" <= nxt <= "\u9fff" and nxt not in may_follow:
        return False
    lex = lexicon()
    floor = max(0, start - WINDOW)
    p = start
    moved = True
    while moved and p > floor:
        moved = False
        for w in lex.between:
            if p - len(w) >= floor and view.startswith(w, p - len(w)):
                p -= len(w)
                moved = True
                break
    if any(p - len(c) >= 0 and view.startswith(c, p - len(c)) for c in lex.cues):
        return True
    # 任务174万，完成198万 and 54.3亿、321.4亿: only light words and a comma since the last amount of money.
    # The search stops at the first other character: a copy of everything since the money was quadratic in a long
    # text with one amount near its start.
    return 0 <= money_end <= p and _NOT_LIGHT.search(view, money_end, p) is None
