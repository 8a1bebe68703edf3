"""Helpers common to the loader tests: the sample as HTML, DOCX and PDF, and record comparisons."""

from __future__ import annotations

import importlib
import io
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = ROOT / "samples" / "hongshan_2019.txt"


def need(module: str) -> ModuleType:
    """A loader dependency: required on CI (it is a package dependency), skipped locally when missing."""
    from conftest import on_ci

    if on_ci():
        return importlib.import_module(module)
    return pytest.importorskip(module)


def sample_body() -> tuple[str, str]:
    """(title, body): the report as an editor has it, without the web page's breadcrumb and footer lines."""
    from fixtures import pages

    title, body, _ = pages.sample_page()
    return title, body


def sample_html() -> bytes:
    from fixtures import pages

    return pages.sample_page()[2].encode("gbk", errors="strict")


def sample_docx() -> bytes:
    """The report as Word saves it: runs split around figures, a header and footer, a tracked insertion and
    deletion, an empty paragraph between paragraphs."""
    docx = need("docx")
    import re

    from docx.oxml import parse_xml

    title, body = sample_body()
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "洪山镇人民政府文件 2020年1月"
    doc.sections[0].footer.paragraphs[0].text = "第 1 页 共 3 页"
    doc.add_heading(title, level=1)
    for i, line in enumerate(x for x in body.splitlines() if x.strip()):
        p = doc.add_paragraph()
        for part in re.split(r"(\d+(?:\.\d+)?)", line.strip()):
            if part:
                run = p.add_run(part)
                run.bold = bool(re.fullmatch(r"[\d.]+", part)) and i % 2 == 0
        if i == 3:
            w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            p._p.append(
                parse_xml(
                    f'<w:del {w} w:id="1" w:author="a" w:date="2020-01-01T00:00:00Z"><w:r><w:delText>全年投资9999万元。'
                    "</w:delText></w:r></w:del>"
                )
            )
            p._p.append(
                parse_xml(
                    f'<w:ins {w} w:id="2" w:author="a" w:date="2020-01-01T00:00:00Z">'
                    "<w:r><w:t>（已核实）</w:t></w:r></w:ins>"
                )
            )
        doc.add_paragraph()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def key(doc: object) -> Counter:
    """What must not change between formats: indicator names, values, changes, years, kinds."""
    return Counter(
        (
            i.name,
            str(i.value.base_value) if i.value else None,
            i.value.base_unit if i.value else None,
            str(i.change.value.base_value) if i.change else None,
            i.year,
            i.kind,
        )
        for i in doc.indicators  # type: ignore[attr-defined]
    )


def grounded(doc: object, text: str) -> list[str]:
    """Every span of the document quotes its own text."""
    from conftest import grounded as check

    return check(doc, text)


def records_touch_noise(doc: object) -> list[str]:
    """Records whose span overlaps a noise region (there must be none)."""
    d = doc  # type: ignore[assignment]
    regions = [(n.span.start, n.span.end) for n in d.noise]  # type: ignore[attr-defined]
    bad = []
    for rec in [*d.indicators, *d.goals, *d.projects]:  # type: ignore[attr-defined]
        s, e = rec.span.start, rec.span.end
        if any(s < ne and ns < e for ns, ne in regions):
            bad.append(f"{rec.name} {s}:{e}")
    return bad
