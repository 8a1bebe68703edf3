"""An approximation word is one only where it ends no word: 签约 (signed) and 节约 (saved) end with 约 (about)."""

from __future__ import annotations

import pytest

from extractor import extract


@pytest.mark.parametrize(
    ("text", "name", "raw", "approx"),
    [
        ("全年完成项目签约18个，总投资10亿元。", "项目签约", "18个", None),
        ("總計每年可節約九億七千七百萬元。", "每年可節約", "九億七千七百萬元", None),
        ("全镇完成投资约18亿元。", "投资", "约18亿元", "about"),  # the word itself still bounds its figure
    ],
)
def test_a_word_ending_in_an_approximation_word(text: str, name: str, raw: str, approx: str | None) -> None:
    ind = next(i for i in extract(text).indicators if i.value is not None and i.value.raw == raw)
    assert (ind.name, ind.value.approx if ind.value else None) == (name, approx)
