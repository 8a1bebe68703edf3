"""The engine's one test of a Han character: the CJK Unified Ideographs block, where the reports' characters sit.
Extension A and the compatibility ideographs stay out, as they always have: the rules that ask this question (is the
neighbour of a figure or a name part of a word?) were tuned on that block alone."""

from __future__ import annotations


def is_han(ch: str) -> bool:
    """True for one character of the block; False for anything else, the empty string included."""
    return "\u4e00" <= ch <= "\u9fff"
