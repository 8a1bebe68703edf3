"""Hostile input must finish: every regex is linear. A guard alarm turns a hang into a failure (not a timing test)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest
from conftest import ROOT, SAMPLE
from fixtures import fuzzing as F

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


def _hostile_shapes() -> ModuleType:
    """benchmarks/hostile.py: the shapes the hostile-input benchmark times, made at any size."""
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "benchmarks" / "hostile.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


HOSTILE = _hostile_shapes()
# Large enough that a step quadratic in the length of a clause or a sentence outlasts the guard (the look-backs
# before this test took 30 s on "5%" * 20,000, 25 s on "增长5%" * 6,700; the noise rows over 60 s on " " * 4,000),
# small enough that all the shapes take about half a minute together.
HOSTILE_SIZE = 40_000


@pytest.mark.hang_guard(15)
@pytest.mark.parametrize("shape", [*HOSTILE.SHAPES, "sample"])
def test_hostile_shape_finishes_grounded(shape: str) -> None:
    text = HOSTILE.make(shape, HOSTILE_SIZE, SAMPLE)
    doc = extract(text)
    assert F.grounding_errors(doc, text) == []
