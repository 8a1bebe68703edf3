"""Load-to-interactive time of the review page in headless chromium (Debian's), for the biggest corpus reports.

    python benchmarks/review_page.py [--repeat N] [FILE ...]

Without FILE: the national report with the most records and the corpus report with the most records. For each page:
its size, its reviewable records, and the median over N loads (each in a fresh, offline browser context) of

* interactive: from navigation start to the end of the reviewer's script (its performance mark
  ``govreport-review-ready``: the list is drawn, the saved corrections restored, keys answer);
* reviewer: the part of it spent in the reviewer's script (the rest is reading the HTML and the viewer);
* first key: the time a ``j`` press takes to select and scroll to the first record (measured inside the page).

Needs the playwright package and chromium (GOVREPORT_CHROMIUM=/path, default /usr/bin/chromium). Numbers are for
this machine: record them with the date and `nproc`/CPU model.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractor.models import Document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "data" / "docs"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def _reviewable(doc: Document) -> int:
    from extractor.corrections import record_quantity_spans, records

    used = record_quantity_spans(doc)
    return sum(1 for t, key, _ in records(doc) if t != "quantity" or key not in used)


def default_files() -> list[Path]:
    from extractor import extract_file

    counted = [(p, _reviewable(extract_file(str(p)))) for p in sorted(CORPUS.glob("*.txt"))]
    national = max((c for c in counted if c[0].name.startswith("national")), key=lambda c: c[1])
    most = max(counted, key=lambda c: c[1])
    return list(dict.fromkeys([national[0], most[0]]))


def measure(files: list[Path], repeat: int) -> list[tuple[str, int, int, float, float, float]]:
    from playwright.sync_api import sync_playwright

    from extractor import extract_file
    from extractor.review import render

    exe = os.environ.get("GOVREPORT_CHROMIUM", "/usr/bin/chromium")
    out = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=ARGS)
        for f in files:
            doc = extract_file(str(f))
            page_path = Path(tmp) / f"{f.stem}.html"
            page_path.write_text(render(doc, f.read_bytes().decode("utf-8-sig")), encoding="utf-8")
            ready, script, key = [], [], []
            for _ in range(repeat):
                ctx = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
                pg = ctx.new_page()
                pg.goto(page_path.as_uri())
                pg.wait_for_selector("body[data-review=ready]")
                marks = pg.evaluate(
                    "['start', 'ready'].map(m => performance.getEntriesByName('govreport-review-' + m)[0].startTime)"
                )
                ready.append(marks[1])
                script.append(marks[1] - marks[0])
                key.append(
                    pg.evaluate(
                        """() => { const t0 = performance.now();
                        document.dispatchEvent(new KeyboardEvent("keydown", {key: "j", bubbles: true}));
                        if (!document.querySelector("#rv-list .rv.cur")) throw new Error("j selected nothing");
                        return performance.now() - t0; }"""
                    )
                )
                ctx.close()
            out.append(
                (
                    f.name,
                    page_path.stat().st_size,
                    _reviewable(doc),
                    statistics.median(ready),
                    statistics.median(script),
                    statistics.median(key),
                )
            )
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=7)
    a = ap.parse_args()
    rows = measure(a.files or default_files(), a.repeat)
    print(f"{'report':32} {'page KB':>8} {'records':>8} {'interactive ms':>15} {'reviewer ms':>12} {'first key ms':>13}")  # noqa: E501
    for name, size, n, ready, script, key in rows:
        print(f"{name:32} {size / 1024:8.0f} {n:8d} {ready:15.0f} {script:12.0f} {key:13.1f}")


if __name__ == "__main__":
    main()
