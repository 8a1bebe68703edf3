"""Hostile input must finish: every regex is linear. A guard alarm turns a hang into a failure (not a timing test)."""

from __future__ import annotations

import pytest

from extractor import extract

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def _guard(hang_guard: None) -> None:
    """Every test here runs under the hang guard (see conftest)."""


@pytest.mark.parametrize(
    "unit",
    [
        "1234567890",
        "万万万万万",
        "%%%%%",
        "一一一一一",
        "1,1,1,1,",
        "1.1.1.1.",
        "十百千万亿",
        "“一”“二”",
        "比增长增长",
        "1-2-3-",
    ],
)
def test_one_megabyte_of_repetition_finishes(unit: str) -> None:
    text = unit * (MB // len(unit))
    doc = extract(text)
    for q in doc.quantities:
        assert text[q.span.start : q.span.end] == q.raw


def test_one_long_line_without_punctuation() -> None:
    text = "增长" + "地区生产总值" * 50000 + "5%"
    doc = extract(text)
    assert [q.raw for q in doc.quantities] == ["5%"]
