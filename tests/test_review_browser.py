"""The review page in a real browser: Debian's chromium driven headless by Playwright, offline, from a file.

Skipped when chromium or the playwright package is missing, except under CI (CI=true), where it fails: CI installs
both (`apt-get install chromium`, `pip install playwright`). Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import on_ci

from extractor import extract
from extractor.review import render

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
QUANTITY_SELECTOR = ", ".join(f"#text .t-{k}" for k in ("ind", "chg", "tgt", "prj", "qty"))


def _missing(what: str) -> None:
    if on_ci():
        pytest.fail(f"{what} is missing on CI; .ci/run must install it")
    pytest.skip(f"{what} is not installed")


def _chromium() -> str:
    for cand in (os.environ.get("GOVREPORT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if cand and Path(cand).is_file() and os.access(cand, os.X_OK):
            return cand
    _missing("chromium (Debian package 'chromium')")
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright Python package")
    exe = _chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
    pg = ctx.new_page()
    pg.requests = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]

    def dialog(d):
        pg.dialogs.append(d.message)  # type: ignore[attr-defined]
        d.dismiss()

    pg.on("dialog", dialog)
    yield pg
    ctx.close()


def _open(page, tmp_path: Path, text: str, name: str) -> None:
    out = tmp_path / f"{name}.html"
    out.write_text(render(extract(text, path=name), text), encoding="utf-8")
    page.goto(out.as_uri())
    page.wait_for_selector("#text")


def _span_in_view(page, mark_id: str) -> bool:
    return page.evaluate(
        """(id) => { const el = document.getElementById(id), pane = document.getElementById("text-pane");
            const r = el.getBoundingClientRect(), p = pane.getBoundingClientRect();
            return r.height > 0 && r.top >= p.top && r.bottom <= p.bottom; }""",
        mark_id,
    )


def test_sample_highlights_every_gold_quantity_and_rows_scroll(
    page, tmp_path: Path, hongshan_gold: dict, sample_text: str
) -> None:
    _open(page, tmp_path, sample_text, "hongshan_2019.txt")

    marks = page.eval_on_selector_all(
        QUANTITY_SELECTOR,
        "els => els.map(e => [e.dataset.span, e.textContent, e.getBoundingClientRect().width > 0])",
    )
    spans = []
    for span, _, has_box in marks:
        s, e = map(int, span.split("-"))
        spans.append((s, e, has_box))
    required = [g for g in hongshan_gold["quantities"] if not g.get("optional")]
    for g in required:
        hit = [x for x in spans if x[0] < g["end"] and g["start"] < x[1]]
        assert hit, f"no highlight for {g['surface']}"
        assert any((s, e) == (g["start"], g["end"]) for s, e, _ in hit), g["surface"]
    # and each is a real, laid-out element whose text is the gold surface
    texts = {(s, e): t for (span, t, _) in marks for s, e in [tuple(map(int, span.split("-")))]}
    for g in required:
        assert texts[(g["start"], g["end"])] == g["surface"]
    assert page.locator("#tab-indicators tbody tr").count() >= 30
    assert page.locator("#tab-goals").count() == 1 and page.locator("#tab-projects").count() == 1

    # the last indicator sits far down the text: out of view until its row is clicked
    row = page.locator("#tab-indicators tbody tr").last
    target = row.get_attribute("data-go")
    assert target and not _span_in_view(page, target)
    assert page.evaluate("document.getElementById('text-pane').scrollTop") == 0
    page.clock.install()  # the flash ends on a page timer: drive it, do not race it
    row.click()
    page.wait_for_function(
        """(id) => { const el = document.getElementById(id), pane = document.getElementById("text-pane");
            const r = el.getBoundingClientRect(), p = pane.getBoundingClientRect();
            return r.top >= p.top && r.bottom <= p.bottom; }""",
        arg=target,
    )
    assert page.evaluate("document.getElementById('text-pane').scrollTop") > 0
    assert "flash" in (page.locator(f"#{target}").get_attribute("class") or "").split()
    page.clock.run_for(3000)
    assert "flash" not in (page.locator(f"#{target}").get_attribute("class") or "").split()
    # the clicked record is shown in the inspector
    inspector = page.locator("#inspector")
    assert inspector.is_visible() and "indicator" in inspector.inner_text()

    # a click on the pinned panel lets it go; then hovering a highlight shows its record
    inspector.click()
    page.locator("#text-pane").evaluate("p => p.scrollTop = 0")
    page.locator("#text .t-ind").first.hover()
    assert "工農業總產值" in inspector.inner_text()

    page.screenshot(path=str(tmp_path / "review-sample.png"))
    assert (tmp_path / "review-sample.png").stat().st_size > 10_000
    assert all(u.startswith(("file:", "data:", "about:")) for u in page.requests), page.requests
    assert page.errors == []


def test_markup_in_a_report_renders_as_text(page, tmp_path: Path) -> None:
    text = (
        "某镇2019年工作总结\n"
        "<script>alert(1)</script><b>加粗</b><img src=x onerror=alert(2)>"
        "全镇完成工农业总产值7.5亿元，比2018年增长5.1%。\n"
    )
    _open(page, tmp_path, text, "hostile.txt")
    shown = page.locator("#text").inner_text()
    assert "<script>alert(1)</script>" in shown and "<b>加粗</b>" in shown and "<img src=x" in shown
    assert page.locator("#text b, #text img, #text script").count() == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.dialogs == []
    # the page's own script still runs: its highlights answer a hover
    page.locator("#text .t-ind").first.hover()
    assert "7.5" in page.locator("#inspector").inner_text()
    page.screenshot(path=str(tmp_path / "review-hostile.png"))
    assert page.errors == []
