"""The view without its pinyin ruby, for reading names: 尹集鎮(zhèn)召開 reads 尹集镇召开.

Offsets into the view stay the contract everywhere else; a name read here is mapped back to the text through
``Plain.written``, skipping the ruby, so that the name keeps the text's script (尹集鎮).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class _Region(Protocol):
    start: int
    end: int


@dataclass(frozen=True)
class Plain:
    """``text``: the view with the ruby cut out; ``pos[i]``: where its i-th character stands in the view (None when
    there is no ruby, and the two are the same)."""

    text: str
    pos: tuple[int, ...] | None = None

    def slice(self, start: int, end: int) -> str:
        """What stands in view[start:end], without its ruby."""
        if self.pos is None:
            return self.text[start:end]
        return self.text[bisect.bisect_left(self.pos, start) : bisect.bisect_left(self.pos, end)]

    def written(self, text: str, name: str) -> str | None:
        """``name`` (as read here) as ``text`` writes it at its first mention, ruby left out; None when absent."""
        i = self.text.find(name)
        if i < 0:
            return None
        if self.pos is None:
            return text[i : i + len(name)]
        return "".join(text[self.pos[j]] for j in range(i, i + len(name)))


def without(view: str, ruby: Sequence[_Region]) -> Plain:
    """``view`` with the ``ruby`` regions (sorted, apart) cut out."""
    if not ruby:
        return Plain(view)
    keep: list[int] = []
    last = 0
    for r in ruby:
        keep.extend(range(last, r.start))
        last = r.end
    keep.extend(range(last, len(view)))
    return Plain("".join(view[i] for i in keep), tuple(keep))
