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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 来 after a round number is "about" (found blind in round s384: 十来个行业)
        (
            "服装、塑料、化工等十来个行业，二十来人，30来岁。",
            [("十来个", "about"), ("二十来人", "about"), ("30来岁", "about")],
        ),
        # 一来 … 二来 (firstly, secondly), 这样一来 (so) and 三来一补 (a trade's name) hold no figure
        ("这样一来，一来解决了问题，二来增加了收入，三来一补企业3家。", [("3家", None)]),
    ],
)
def test_lai_after_a_round_number_is_an_approximation(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(q.raw, q.approx) for q in extract(text).quantities] == expected
