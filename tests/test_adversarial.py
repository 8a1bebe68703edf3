"""Hostile input must finish: every regex is linear. A guard alarm turns a hang into a failure (not a timing test)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType, ModuleType

import pytest
from conftest import ROOT, SAMPLE
from fixtures import fuzzing as F

import extractor
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


def _lines_run(text: str) -> int:
    """How many lines of the package's own code ``extract(text)`` runs: a count of its work that, unlike its time,
    is the same on every run and every machine."""
    package = str(Path(extractor.__file__).parent)  # wherever the package was imported from
    count = 0

    def line(frame: FrameType, event: str, arg: object) -> Callable[..., object]:
        nonlocal count
        count += 1
        return line

    def call(frame: FrameType, event: str, arg: object) -> Callable[..., object] | None:
        return line if frame.f_code.co_filename.startswith(package) else None

    previous = sys.gettrace()
    sys.settrace(call)
    try:
        extract(text)
    finally:
        sys.settrace(previous)
    return count


# Four times the text may run at most this much more than four times the lines. A step that walks back over the
# sentences before it for each sentence (read_mentions, once per plan sentence) ran 7.2 times the lines on
# plan_ruby (f432af8); every shape runs 4.0 times or less today. Warm caches first: a first run fills
# them (pattern and numeral caches), which is work the later runs skip.
LINEAR_SIZES = (4_000, 16_000)
MAX_LINE_GROWTH = 4.4


@pytest.mark.hang_guard(60)
@pytest.mark.parametrize("shape", [*HOSTILE.SHAPES, "sample"])
def test_work_grows_linearly_with_the_text(shape: str) -> None:
    small, large = (HOSTILE.make(shape, n, SAMPLE) for n in LINEAR_SIZES)
    extract(large)
    growth = _lines_run(large) / _lines_run(small)
    times = len(large) / len(small)
    assert growth <= MAX_LINE_GROWTH, f"{shape}: {growth:.2f} times the lines for {times:.1f} times the text"
