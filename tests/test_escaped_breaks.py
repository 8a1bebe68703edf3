"""A report stored on one line with literal ``\\r\\n`` where its lines broke (a spreadsheet cell, a JSON string) is
read as the multi-line report it was: the same sections and years; spans index the one-line text as given."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from extractor import extract
from extractor.normalize import escaped_breaks, make_view


def _one_line(text: str, sep: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", sep).replace("\t", "\\t")


@pytest.fixture(scope="module")
def xushui() -> str:
    return (CORPUS / "county_xushui_2019.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("sep", ["\\r\\n", "\\n"])
def test_one_line_report_keeps_sections_and_years(xushui: str, sep: str) -> None:
    text = _one_line(xushui, sep)
    assert "\n" not in text
    doc = extract(text)
    assert (doc.meta.year_reviewed, doc.meta.year_planned) == (2018, 2019)
    assert doc.meta.region == "徐水区"
    assert [(s.kind, s.heading) for s in doc.sections] == [
        ("preamble", None),
        ("review", "一、2018年工作回顾"),
        ("problems", None),
        ("plan", "二、2019年目标任务和重点工作"),
    ]
    for s in doc.sections:
        if s.heading_span is not None:
            assert text[s.heading_span.start : s.heading_span.end] == s.heading
    for q in doc.quantities:
        assert text[q.span.start : q.span.end] == q.raw
    assert [w.code for w in doc.warnings if w.code == "escaped_breaks"] == ["escaped_breaks"]
    # The records are those of the report as it was written on many lines.
    plain = extract(xushui)
    assert [(i.name, i.value and i.value.raw) for i in doc.indicators] == [
        (i.name, i.value and i.value.raw) for i in plain.indicators
    ]
    assert len(doc.goals) == len(plain.goals)


def test_view_reads_escapes_as_breaks_and_keeps_length() -> None:
    text = "一、回顾\\r\\n全年增长5%。\\n二、计划\\n\\t增长6%。"
    view = make_view(text)
    assert len(view) == len(text)
    assert view.split() == ["一、回顾", "全年增长5%。", "二、计划", "增长6%。"]
    assert escaped_breaks(text) == 3


@pytest.mark.parametrize(
    "text",
    [
        "路径C:\\new\\next是文件名",  # two escapes: a path, not line breaks
        "一、回顾\n全年增长5%。\\n\\n\\n二、计划",  # real line breaks: the escapes are text
        "全年增长5%。",
    ],
)
def test_escapes_left_alone(text: str) -> None:
    assert escaped_breaks(text) == 0
    assert make_view(text) == text
    assert not [w for w in extract(text).warnings if w.code == "escaped_breaks"]
