"""The README's screenshot of the review page in the middle of a review (docs/review.png).

    python scripts/review_screenshot.py [OUT.png]

Opens the sample's page in Debian's chromium (GOVREPORT_CHROMIUM=/path to use another), accepts a few records,
rejects one, opens the edit form of a target and selects a missed figure in the text, then takes the picture.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from playwright.sync_api import sync_playwright

    from extractor import extract_file
    from extractor.review import render

    out = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "docs" / "review.png"
    os.chdir(ROOT)  # the page shows the source path as given
    sample = Path("samples") / "hongshan_2019.txt"
    doc = extract_file(str(sample))
    tgt = next(t for g in doc.goals for t in g.targets if t.value is not None)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_path = Path(tmp) / "review.html"
        page_path.write_text(render(doc, sample.read_bytes().decode("utf-8-sig")), encoding="utf-8")
        exe = os.environ.get("GOVREPORT_CHROMIUM", "/usr/bin/chromium")
        browser = p.chromium.launch(executable_path=exe, args=["--headless", "--no-sandbox"])
        pg = browser.new_page(viewport={"width": 1400, "height": 860})
        pg.goto(page_path.as_uri())
        pg.wait_for_selector("body[data-review=ready]")
        for key in "jrjajaja":  # reject the first record, accept the next three
            pg.keyboard.press(key)
        pg.locator(f'#rv-list .rv[data-k="target:{tgt.value.span.start}-{tgt.value.span.end}"] .lab').click()
        pg.keyboard.press("e")
        pg.locator("form.rv-form select[data-f=qualifier]").select_option("about")
        pg.locator("form.rv-form button[type=submit]").click()
        pg.locator("#rv-list").evaluate("l => l.scrollTop = 0")
        pg.locator("#text-pane").evaluate("p => p.scrollTop = 0")
        # select a figure the extraction missed (過去一年): the add box opens
        start = sample.read_bytes().decode("utf-8-sig").index("一年")
        box = pg.evaluate(
            """(s) => { const root = document.getElementById("text"), w = document.createTreeWalker(root, 4);
                let pos = 0, n; while ((n = w.nextNode())) { if (s < pos + n.data.length) break; pos += n.data.length; }
                const r = document.createRange(); r.setStart(n, s - pos); r.setEnd(n, s - pos + 2);
                const b = r.getBoundingClientRect(); return [b.left + 2, b.right - 2, b.top + b.height / 2]; }""",
            start,
        )
        pg.mouse.move(box[0], box[2])
        pg.mouse.down()
        pg.mouse.move(box[1], box[2], steps=4)
        pg.mouse.up()
        pg.fill("#rv-add [data-f=base_value]", "1")
        pg.fill("#rv-add [data-f=base_unit]", "年")
        pg.screenshot(path=str(out))
        browser.close()
    print(out)


if __name__ == "__main__":
    main()
