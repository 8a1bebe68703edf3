"""read_mentions walks the clause breaks and noise regions on from the figure before: every way of handing it the
figures (the whole text, one sentence at a time as the goals do, or out of order) reads each figure alike."""

from __future__ import annotations

import bisect
from pathlib import Path

import pytest
from conftest import DATA, SAMPLE

from extractor.api import Analysis
from extractor.records import indicators as ind

TEXTS = [SAMPLE, *sorted((DATA / "docs").glob("*.txt"))[:3]]


def _reading(m: ind.Mention) -> tuple[object, ...]:
    return (m.q.start, m.sentence, m.clause_start, m.topic_start, m.name, m.name_start, m.change, m.respectively)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_each_figure_reads_alike_however_the_figures_come(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    a = Analysis(text)
    qs = a.quantities
    assert len(qs) > 10, "the text must hold figures"
    whole = ind.read_mentions(a.text, a.view, a.segments, qs)
    breaks = a.segments.char_index(a.view, ind.CLAUSE_BREAK)
    noise = a.segments.solid_noise_index()
    assert noise.spans or path != SAMPLE, "the sample's noise regions must be in play"
    for m in whole:  # the walk finds what a search for each figure finds
        assert m.clause_start == ind._clause_start(breaks, m.q.start, m.sentence[0])
    # One sentence at a time, as the goals read: the walk starts again at each sentence's first figure.
    starts = [q.start for q in qs]
    by_sentence = []
    for s0, s1 in dict.fromkeys(m.sentence for m in whole):
        lo, hi = bisect.bisect_left(starts, s0), bisect.bisect_left(starts, s1)
        by_sentence += ind.read_mentions(a.text, a.view, a.segments, qs[lo:hi])
    assert [_reading(m) for m in by_sentence] == [_reading(m) for m in whole]
    # Backwards, one figure at a time: each one searches again, and none has a figure before it.
    for q in reversed(qs[-40:]):
        (alone,) = ind.read_mentions(a.text, a.view, a.segments, [q])
        assert alone.clause_start == ind._clause_start(breaks, q.start, alone.sentence[0])
    backwards = ind.read_mentions(a.text, a.view, a.segments, list(reversed(qs)))
    for m in backwards:
        assert m.clause_start == ind._clause_start(breaks, m.q.start, m.sentence[0])


def test_each_figure_takes_the_last_noise_region_before_it_as_its_floor() -> None:
    # Two placeholders in one clause: each name stops at its own, the one nearest before its figure.
    text = "一、工作回顾\n全镇关键词2完成财政总收入100万元关键词2完成税收50万元。\n"
    a = Analysis(text)
    assert len(a.noise) == 2, "both placeholders must be noise"
    names = [m.name for m in ind.read_mentions(a.text, a.view, a.segments, a.quantities)]
    assert names == ["财政总收入", "税收"]
