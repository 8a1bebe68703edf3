"""Hostile input must finish: every regex is linear. A guard alarm turns a hang into a failure (not a timing test)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest
from conftest import ROOT, SAMPLE, grounded

from extractor import extract
from extractor.models import Document, Span

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
# before this test took 30 s on "5%" * 20,000, 25 s on "增长5%" * 6,700), small enough that all 31 shapes take
# about 8 s together.
HOSTILE_SIZE = 40_000


def _ungrounded(doc: Document, text: str) -> list[str]:
    """Records whose span does not quote the text (conftest.grounded, without dumping every model: the shapes
    hold tens of thousands of records)."""
    quoted: list[tuple[Span, str | None]] = [(q.span, q.raw) for q in doc.quantities]
    for ind in doc.indicators:
        quoted += [(ind.span, None), (ind.sentence, None)]
        if ind.rank:
            quoted.append((ind.rank.span, ind.rank.raw))
    for g in doc.goals:
        quoted += [(g.span, g.text), (g.sentence, None)]
        quoted += [(t.span, t.text) for t in g.targets]
        quoted += [(t.rank.span, t.rank.raw) for t in g.targets if t.rank]
    quoted += [(p.span, p.name) for p in doc.projects]
    quoted += [(n.span, n.text) for n in doc.noise]
    for sec in doc.sections:
        quoted.append((sec.span, None))
        quoted += [(h.span, h.text) for h in sec.headings]
    return [
        f"{raw!r} at {sp.start}:{sp.end}"
        for sp, raw in quoted
        if not 0 <= sp.start <= sp.end <= len(text) or (raw is not None and text[sp.start : sp.end] != raw)
    ]


@pytest.mark.hang_guard(15)
@pytest.mark.parametrize("shape", [*HOSTILE.SHAPES, "sample"])
def test_hostile_shape_finishes_grounded(shape: str) -> None:
    text = HOSTILE.make(shape, HOSTILE_SIZE, SAMPLE)
    doc = extract(text)
    assert _ungrounded(doc, text) == []


def test_hostile_span_check_sees_every_record(sample_text: str) -> None:
    """The quick span check above agrees with conftest.grounded on the sample, where both can run."""
    doc = extract(sample_text)
    assert _ungrounded(doc, sample_text) == grounded(doc, sample_text) == []
    target = next(t for g in doc.goals for t in g.targets)
    target.span.end += 1
    assert _ungrounded(doc, sample_text) and grounded(doc, sample_text)
