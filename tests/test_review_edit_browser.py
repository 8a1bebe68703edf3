"""Reviewing in a real browser (Debian's chromium, as tests/test_review_browser.py): verdicts, an added record,
autosave across a reload, the three exports, and the same corrections through `govreport apply` and `evaluate`.

Skipped when chromium or playwright is missing, except under CI, where it fails.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import SAMPLE
from test_review_browser import browser  # noqa: F401  (the chromium fixture of the review tests)
from typer.testing import CliRunner

from extractor import corrections as C
from extractor import extract, extract_file
from extractor.cli import app
from extractor.review import render
from extractor.writers import csv_columns

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
runner = CliRunner()
ADD = (105, 107)  # 過去一年: a figure the extractor leaves alone, added by the reviewer


@pytest.fixture
def ctx(browser):  # noqa: F811
    c = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True, accept_downloads=True)
    yield c
    c.close()


def _open(ctx, path: Path):
    pg = ctx.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.requests = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))  # type: ignore[attr-defined]
    pg.goto(path.as_uri())
    pg.wait_for_selector("body[data-review=ready]")
    return pg


def _row(pg, key: str):
    return pg.locator(f'#rv-list .rv[data-k="{key}"]')


def _select_by_mouse(pg, start: int, end: int) -> None:
    """Drag the mouse over text[start:end] in the report pane, as a reviewer does."""
    box = pg.evaluate(
        """([s, e]) => {
            const root = document.getElementById("text"), walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let pos = 0, node, a = null, b = null;
            while ((node = walk.nextNode())) {
                const n = node.data.length;
                if (!a && s < pos + n) a = [node, s - pos];
                if (!b && e <= pos + n) { b = [node, e - pos]; break; }
                pos += n;
            }
            const r1 = document.createRange(); r1.setStart(a[0], a[1]); r1.setEnd(a[0], a[1] + 1);
            const r2 = document.createRange(); r2.setStart(b[0], b[1] - 1); r2.setEnd(b[0], b[1]);
            const pane = document.getElementById("text-pane");
            pane.scrollTop += r1.getBoundingClientRect().top - pane.getBoundingClientRect().top - 200;
            const x = r1.getBoundingClientRect(), y = r2.getBoundingClientRect();
            return [x.left + 2, x.top + x.height / 2, y.right - 2, y.top + y.height / 2];
        }""",
        [start, end],
    )
    pg.mouse.move(box[0], box[1])
    pg.mouse.down()
    pg.mouse.move(box[2], box[3], steps=5)
    pg.mouse.up()


def _download(pg, button: str, tmp_path: Path) -> Path:
    with pg.expect_download() as d:
        pg.click(button)
    out = tmp_path / d.value.suggested_filename
    d.value.save_as(out)
    return out


def test_review_the_sample_persist_export_apply_and_evaluate(ctx, tmp_path: Path, sample_text: str) -> None:
    doc = extract_file(str(SAMPLE))
    page_path = tmp_path / "review.html"
    page_path.write_text(render(doc, sample_text), encoding="utf-8")
    ind = next(i for i in doc.indicators if i.name == "工農業總產值")
    tgt = next(t for g in doc.goals for t in g.targets if t.subject == "龍頭企業")
    ind_key = f"indicator:{ind.value.span.start}-{ind.value.span.end}"
    tgt_key = f"target:{tgt.value.span.start}-{tgt.value.span.end}"
    add_key = f"quantity:{ADD[0]}-{ADD[1]}"
    total = len(list(C.records(doc))) - len(doc.quantities)  # every quantity of the sample is in a record
    pg = _open(ctx, page_path)
    assert pg.locator("#rv-progress").inner_text() == f"0 / {total} reviewed"

    # reject the indicator from the keyboard: j goes to the first record (the first in the text)
    pg.keyboard.press("j")
    assert pg.locator("#rv-list .rv.cur").get_attribute("data-k") == ind_key
    pg.keyboard.press("r")
    assert _row(pg, ind_key).locator(".st").inner_text() == "rejected"
    assert "rv-rejected" in (
        pg.locator(f"#text [data-span='{ind.value.span.start}-{ind.value.span.end}']").first.get_attribute("class")
        or ""
    )
    # edit the target's qualifier: click its row, e opens the form
    _row(pg, tgt_key).locator(".lab").click()
    pg.keyboard.press("e")
    form = _row(pg, tgt_key).locator("form.rv-form")
    form.locator("select[data-f=qualifier]").select_option("about")
    form.locator("button[type=submit]").click()
    assert _row(pg, tgt_key).locator(".st").inner_text() == "edited"
    assert "[about]" in _row(pg, tgt_key).inner_text()
    # add a quantity by selecting its text
    _select_by_mouse(pg, *ADD)
    assert pg.locator("#rv-add").is_visible()
    assert pg.locator("#rv-add-surface").inner_text().startswith(sample_text[ADD[0] : ADD[1]])
    pg.fill("#rv-add [data-f=base_value]", "1")
    pg.fill("#rv-add [data-f=base_unit]", "年")
    pg.click("#rv-add button[type=submit]")
    assert _row(pg, add_key).locator(".st").inner_text() == "added"
    assert pg.locator("#rv-progress").inner_text() == f"3 / {total + 1} reviewed"
    # filters: rejected shows one row, targets only targets
    pg.select_option("#rv-filter", "rejected")
    assert pg.locator("#rv-list .rv").count() == 1
    pg.select_option("#rv-filter", "t:target")
    assert {k.split(":")[0] for k in pg.eval_on_selector_all("#rv-list .rv", "e => e.map(x => x.dataset.k)")} == {
        "target"
    }
    pg.select_option("#rv-filter", "")
    pg.keyboard.press("/")
    assert pg.evaluate("document.activeElement.id") == "rv-search"
    pg.keyboard.type("龍頭")
    assert pg.locator("#rv-list .rv").count() >= 1 and all(
        "龍頭" in t for t in pg.locator("#rv-list .rv .lab").all_inner_texts()
    )
    pg.fill("#rv-search", "")

    # reload: the three are still there
    pg.reload()
    pg.wait_for_selector("body[data-review=ready]")
    assert [_row(pg, k).locator(".st").inner_text() for k in (ind_key, tgt_key, add_key)] == [
        "rejected",
        "edited",
        "added",
    ]
    assert pg.locator("#rv-progress").inner_text() == f"3 / {total + 1} reviewed"

    # exports
    corr_path = _download(pg, "#rv-export-json", tmp_path)
    csv_path = _download(pg, "#rv-export-csv", tmp_path)
    gold_path = _download(pg, "#rv-export-gold", tmp_path)
    assert (corr_path.name, csv_path.name, gold_path.name) == (
        "hongshan_2019.corrections.json",
        "hongshan_2019.review.csv",
        "hongshan_2019.gold.json",
    )
    corr = json.loads(corr_path.read_text(encoding="utf-8"))
    jsonschema.validate(corr, json.loads((SCHEMAS / "corrections.schema.json").read_text(encoding="utf-8")))
    assert corr["sha256"] == doc.source.sha256
    assert [(i["action"], i["type"], i["span"]["start"], i.get("set")) for i in corr["items"]] == [
        ("add", "quantity", ADD[0], {"base_value": 1, "base_unit": "年"}),
        ("reject", "indicator", ind.value.span.start, None),
        ("edit", "target", tgt.value.span.start, {"qualifier": "about"}),
    ]
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert list(rows[0]) == [*csv_columns(), "review"]
    reviewed = {r["review"]: r for r in rows if r["review"] not in ("", "unreviewed")}
    assert set(reviewed) == {"rejected", "edited", "added"}
    assert (reviewed["rejected"]["type"], reviewed["rejected"]["name"]) == ("indicator", "工農業總產值")
    assert (reviewed["edited"]["type"], reviewed["edited"]["qualifier"]) == ("target", "about")
    assert (reviewed["added"]["type"], reviewed["added"]["value_raw"], reviewed["added"]["value_base_value"]) == (
        "quantity",
        "一年",
        "1",
    )
    # every other row is the extract CSV's row, unreviewed
    extract_rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["extract", str(SAMPLE), "-f", "csv"]).stdout)))
    plain = [{k: v for k, v in r.items() if k != "review"} for r in rows if r["review"] in ("", "unreviewed")]
    # the rejected indicator's figures are loose quantities now; every other row is extract's, unreviewed
    assert sorted(r["value_raw"] for r in plain if r["type"] == "quantity") == ["5.1%", "7.5億元"]
    # the document row counts the corrected document's records, so it is not extract's either
    plain = [r for r in plain if r["type"] not in ("quantity", "document")]
    extract_rows = [r for r in extract_rows if r["type"] != "document"]
    # positions (idx) are the corrected document's: the rows after the rejected indicator move up one
    def unnumbered(rs: list[dict]) -> list[dict]:
        return [{k: v for k, v in r.items() if k not in ("idx", "goal_idx")} for r in rs]

    assert len(plain) == len(extract_rows) - 2 and all(r in unnumbered(extract_rows) for r in unnumbered(plain))

    # the same corrections through `govreport apply`
    corrected = tmp_path / "corrected.json"
    r = runner.invoke(app, ["apply", str(corr_path), str(SAMPLE), "-o", str(corrected)])
    assert r.exit_code == 0, r.stderr
    out = json.loads(corrected.read_text(encoding="utf-8"))
    jsonschema.validate(out, json.loads((SCHEMAS / "document.schema.json").read_text(encoding="utf-8")))
    assert "工農業總產值" not in [i["name"] for i in out["indicators"]]
    assert next(t for g in out["goals"] for t in g["targets"] if t["subject"] == "龍頭企業")["qualifier"] == "about"
    assert [(q["raw"], q["base_value"]) for q in out["quantities"] if q["span"]["start"] == ADD[0]] == [("一年", 1)]
    again = runner.invoke(app, ["apply", str(corr_path), str(corrected), "--text", str(SAMPLE)])
    assert again.exit_code == 0 and json.loads(again.stdout) == out
    # the page's CSV has the rows `apply --format csv` writes, and its gold is the gold `apply --format gold` writes
    r = runner.invoke(app, ["apply", str(corr_path), str(SAMPLE), "--format", "csv"])
    applied_rows = list(csv.DictReader(io.StringIO(r.stdout)))
    key = lambda row: json.dumps(row, sort_keys=True, ensure_ascii=False)  # noqa: E731
    assert sorted(map(key, rows)) == sorted(map(key, applied_rows))
    r = runner.invoke(app, ["apply", str(corr_path), str(SAMPLE), "--format", "gold"])
    assert json.loads(gold_path.read_text(encoding="utf-8")) == json.loads(r.stdout)

    # `govreport evaluate` with the exported gold
    r = runner.invoke(app, ["evaluate", str(gold_path), str(corrected), "--text", str(SAMPLE), "--json"])
    assert r.exit_code == 0, r.stderr
    s = json.loads(r.stdout)["documents"][0]["scores"]
    for part in ("quantities", "indicators", "projects"):
        assert (s[part]["precision"], s[part]["recall"]) == (1.0, 1.0), part
    r = runner.invoke(app, ["evaluate", str(gold_path), str(SAMPLE), "--json"])
    s = json.loads(r.stdout)["documents"][0]["scores"]
    assert s["quantities"]["missed"] == ["一年"] and s["quantities"]["fn"] == 1 and s["quantities"]["fp"] == 0

    # Reset asks first: dismissed, nothing changes; accepted, everything is cleared, also after a reload
    pg.once("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    pg.click("#rv-reset")
    assert pg.locator("#rv-progress").inner_text() == f"3 / {total + 1} reviewed"
    assert "Clear all 3 corrections" in pg.dialogs[0]  # type: ignore[attr-defined]
    pg.once("dialog", lambda d: d.accept())
    pg.click("#rv-reset")
    assert pg.locator("#rv-progress").inner_text() == f"0 / {total} reviewed"
    pg.reload()
    pg.wait_for_selector("body[data-review=ready]")
    assert pg.locator("#rv-progress").inner_text() == f"0 / {total} reviewed"
    assert pg.errors == []  # type: ignore[attr-defined]
    assert all(u.startswith(("file:", "data:", "about:", "blob:")) for u in pg.requests), pg.requests  # type: ignore[attr-defined]


def test_markup_in_a_report_stays_text_in_every_control(ctx, tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script></textarea><img src=x onerror=alert(2)>"
    text = f"某镇2019年工作总结\n{hostile}全镇完成工农业总产值7.5亿元，比2018年增长5.1%。\n"
    path = tmp_path / "hostile.html"
    path.write_text(render(extract(text, path="hostile.txt"), text), encoding="utf-8")
    pg = _open(ctx, path)
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    start = text.index(hostile)
    _select_by_mouse(pg, start, start + len(hostile))
    assert pg.locator("#rv-add-surface").inner_text().startswith(hostile)
    pg.select_option("#rv-add-type", "project")
    assert pg.input_value("#rv-add [data-f=name]") == hostile
    pg.click("#rv-add button[type=submit]")
    key = f"project:{start}-{start + len(hostile)}"
    assert hostile in _row(pg, key).inner_text()
    _row(pg, key).locator("button[data-act=edit]").click()
    assert _row(pg, key).locator("input[data-f=name]").input_value() == hostile
    pg.fill("#rv-search", hostile)
    assert pg.locator("#rv-list .rv").count() == 1
    pg.reload()
    pg.wait_for_selector("body[data-review=ready]")
    _row(pg, key).locator("button[data-act=edit]").click()
    assert _row(pg, key).locator("input[data-f=name]").input_value() == hostile
    assert pg.locator("img, textarea").count() == 0
    assert pg.evaluate("document.scripts.length") == 3
    assert pg.dialogs == [] and pg.errors == []  # type: ignore[attr-defined]


def test_a_selection_after_crlf_lines_keeps_the_report_offsets(ctx, tmp_path: Path) -> None:
    text = "某镇2019年工作总结\r\n一、回顾\r\n\r\n全镇新建道路三十公里，完成工农业总产值7.5亿元。\r\n"
    doc = extract(text, path="crlf.txt")
    path = tmp_path / "crlf.html"
    path.write_text(render(doc, text), encoding="utf-8")
    pg = _open(ctx, path)
    assert pg.evaluate("document.getElementById('text').textContent.length") == len(text)
    start = text.index("三十公里")
    _select_by_mouse(pg, start, start + 4)
    pg.fill("#rv-add [data-f=base_value]", "30")
    pg.fill("#rv-add [data-f=base_unit]", "公里")
    pg.click("#rv-add button[type=submit]")
    corr = _download(pg, "#rv-export-json", tmp_path)
    report = tmp_path / "crlf.txt"
    report.write_bytes(text.encode("utf-8"))
    r = runner.invoke(app, ["apply", str(corr), str(report), "--force"])  # the sha256 of the bytes, not of extract()
    assert r.exit_code == 0, r.stderr
    added = [q for q in json.loads(r.stdout)["quantities"] if q["span"]["start"] == start]
    assert [(q["raw"], q["base_value"], q["base_unit"]) for q in added] == [("三十公里", 30, "公里")]
