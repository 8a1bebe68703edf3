"""The HTML review page without a browser: well-formed nesting, escaping, self-containment, records, the command."""

from __future__ import annotations

import html
import itertools
import json
import random
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import extractor.cli.review  # noqa: F401  registers the command
from extractor import extract
from extractor import models as M
from extractor.cli import app
from extractor.review import Mark, nest, render

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hongshan_2019.txt"
runner = CliRunner()
QUANTITY_KINDS = {"t-ind", "t-chg", "t-tgt", "t-prj", "t-qty"}


class _Marks(HTMLParser):
    """Reads the text pane back: its plain text, and the character ranges each highlight piece covers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <pre id="text">
        self.text: list[str] = []
        self.pos = 0
        self.stack: list[dict] = []
        self.pieces: list[dict] = []
        self.bad: list[str] = []
        self.tags_in_text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "pre" and a.get("id") == "text":
            self.depth = 1
            return
        if not self.depth:
            return
        if tag != "span":
            self.tags_in_text.append(tag)
        self.depth += 1
        self.stack.append({"tag": tag, "start": self.pos, **a})

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if self.depth == 1:
            if tag != "pre":
                self.bad.append(f"</{tag}> closes the text pane")
            self.depth = 0
            return
        self.depth -= 1
        top = self.stack.pop()
        if top["tag"] != tag:
            self.bad.append(f"</{tag}> closes <{top['tag']}>")
        top["end"] = self.pos
        self.pieces.append(top)

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)
            self.pos += len(data)


def _read(page: str) -> _Marks:
    p = _Marks()
    p.feed(page)
    p.close()
    assert not p.bad, p.bad
    return p


def _covered(p: _Marks) -> dict[int, set[tuple[int, int]]]:
    """Mark number -> the character ranges its pieces cover."""
    out: dict[int, set[tuple[int, int]]] = {}
    for piece in p.pieces:
        out.setdefault(int(piece["data-m"]), set()).add((piece["start"], piece["end"]))
    return out


@pytest.mark.parametrize("seed", range(30))
def test_nest_splits_crossing_marks_and_keeps_the_text(seed: int) -> None:
    rnd = random.Random(seed)
    text = "".join(rnd.choice("增长5%<>&\"'亿元\n ") for _ in range(60))
    kinds = ["goal", "iphr", "prj", "noise", "ind", "chg", "tgt", "qty"]
    marks = []
    for n in range(rnd.randint(1, 14)):
        s = rnd.randrange(0, 60)
        e = rnd.randrange(s, 61)
        marks.append(Mark(s, e, rnd.choice(kinds), [f"R{n}"], n=n))
    page = f'<pre id="text">{nest(text, sorted(marks, key=lambda m: (m.start, -m.end, m.rank)))}</pre>'
    p = _read(page)
    assert "".join(p.text) == text
    cov = _covered(p)
    for m in marks:
        if m.end <= m.start:
            assert m.n not in cov
            continue
        ranges = sorted(cov[m.n])
        # the pieces of a mark tile exactly its span, in order, and only the first carries the id
        assert ranges[0][0] == m.start and ranges[-1][1] == m.end
        assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
        assert page.count(f'id="m{m.n}"') == 1


def test_nesting_prefers_nesting_to_splitting() -> None:
    text = "完成工农业总产值7.5亿元，比上年增长5.1%。"
    outer = Mark(2, 23, "iphr", ["I0"], n=0)
    value = Mark(8, 13, "ind", ["I0"], n=1)
    change = Mark(19, 23, "chg", ["I0"], n=2)
    page = nest(text, [outer, value, change])
    assert page.count('data-m="0"') == 1  # the phrase holds both numbers without being split


def _sample_page(sample_text: str) -> tuple[M.Document, str]:
    doc = extract(sample_text, path=str(SAMPLE))
    return doc, render(doc, sample_text)


def test_every_gold_quantity_is_highlighted(hongshan_gold: dict, sample_text: str) -> None:
    _, page = _sample_page(sample_text)
    p = _read(page)
    assert "".join(p.text) == sample_text
    quantity_pieces = [x for x in p.pieces if set(x["class"].split()) & QUANTITY_KINDS]
    # optional gold items may be read either way (五個 in 把好"五個關" is a slogan); the rest must all show
    for g in [g for g in hongshan_gold["quantities"] if not g.get("optional")]:
        hits = [x for x in quantity_pieces if x["start"] < g["end"] and g["start"] < x["end"]]
        assert hits, g["surface"]
        assert any(sample_text[x["start"] : x["end"]] == g["surface"] for x in hits), g["surface"]


def test_page_is_self_contained_with_metadata_legend_and_tables(sample_text: str) -> None:
    doc, page = _sample_page(sample_text)
    for forbidden in ("<link", "src=", "@import", "url(", "http://", "https://"):
        assert forbidden not in page
    assert "default-src 'none'" in html.unescape(page.split("Content-Security-Policy")[1].split(">")[0])
    assert "洪山鎮" in page and "township" in page and "2019" in page and "2020" in page
    for section in ("tab-indicators", "tab-goals", "tab-projects", "tab-noise", "tab-warnings", "tab-sections"):
        assert f'id="{section}"' in page
    assert f">{len(doc.indicators)}</span>indicator value<" in page
    assert f">{len(doc.noise)}</span>noise<" in page
    # every table row points at an element that exists
    targets = [x.split('"')[0] for x in page.split('data-go="')[1:]]
    assert len(targets) >= len(doc.indicators)
    assert all(f'id="{t}"' in page for t in targets)
    records = json.loads(html.unescape(page.split('id="records">')[1].split("</script>")[0]))
    first = records["I0"]
    rows = dict(map(tuple, first["rows"]))
    assert first["type"] == "indicator" and first["title"] == "工農業總產值"
    assert "750,000,000 元" in rows["value"] and rows["year"] == "2019" and "5.1 %" in rows["change"]


def test_html_in_the_report_is_text(tmp_path: Path) -> None:
    text = "2019年工作总结\n<script>alert(1)</script><b>加粗</b>完成投资</script>5亿元&amp;，增长<!--8%-->。\n"
    page = render(extract(text), text)
    p = _read(page)
    assert "".join(p.text) == text
    assert p.tags_in_text == []
    assert p.scripts == 3  # the two data blocks (records, review) and the page's own script, nothing from the report
    assert "<script>alert" not in page and "alert(1)" in page
    assert "<b>" not in page.split('id="text">')[1].split("</pre>")[0]
    block = page.split('id="records">')[1].split("</script>")[0]
    assert "<" not in block and ">" not in block


def test_goals_targets_and_projects_are_drawn_when_present(sample_text: str) -> None:
    doc = extract(sample_text)
    s = sample_text.index("扶持培育20個家庭農場")
    q = s + len("扶持培育")
    value = M.Quantity(raw="20個", span=M.Span(start=q, end=q + 3), number=20, unit="個", base_value=20, base_unit="个")
    goal = M.Goal(
        text="扶持培育20個家庭農場",
        span=M.Span(start=s, end=s + 11),
        sentence=M.Span(start=s, end=s + 11),
        year=2020,
        kind="target",
        strength="soft",
        targets=[
            M.Target(
                subject="家庭農場",
                value=value,
                qualifier="exact",
                text="扶持培育20個家庭農場",
                span=M.Span(start=s, end=s + 11),
            )
        ],
    )
    p0 = sample_text.index("天然氣管道")
    km = sample_text.index("5.1公裏")
    proj = M.Project(
        name="天然氣管道",
        span=M.Span(start=p0, end=p0 + 5),
        sentence=M.Span(start=p0, end=km + 6),
        status="completed",
        quantities=[
            M.Quantity(
                raw="5.1公裏",
                span=M.Span(start=km, end=km + 5),
                number=5.1,
                unit="公裏",
                base_value=5.1,
                base_unit="公里",
            )
        ],
    )
    doc.goals, doc.projects = [goal], [proj]
    page = render(doc, sample_text)
    p = _read(page)
    by_kind = {k: [x for x in p.pieces if f"t-{k}" in x["class"].split()] for k in ("goal", "tgt", "prj")}
    assert [(x["start"], x["end"]) for x in by_kind["tgt"]] == [(q, q + 3)]
    assert [(x["start"], x["end"]) for x in by_kind["prj"]] == [(p0, p0 + 5), (km, km + 5)]
    assert [(x["start"], x["end"]) for x in by_kind["goal"]] == [(s, s + 11)]
    assert "Goals and targets (1)" in page and "Projects (1)" in page and "No goals extracted" not in page
    assert ">1</span>target<" in page and ">1</span>project<" in page


def test_render_needs_the_text(sample_text: str) -> None:
    doc = extract(sample_text)
    with pytest.raises(ValueError, match="text"):
        render(doc)
    assert render(extract(sample_text, include_text=True)).startswith("<!DOCTYPE html>")


def test_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    r = runner.invoke(app, ["review", str(SAMPLE), "-o", str(out)])
    assert r.exit_code == 0 and r.stdout == "", r.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "工農業總產值" in page
    # reviewing a saved extraction gives the same page
    pred = tmp_path / "doc.json"
    pred.write_text(runner.invoke(app, ["extract", str(SAMPLE)]).stdout, encoding="utf-8")
    r = runner.invoke(app, ["review", str(SAMPLE), "--pred", str(pred)])
    assert r.exit_code == 0 and r.stdout == page
    # a prediction from other bytes is shown with a warning
    r = runner.invoke(app, ["review", "-", "--pred", str(pred)], input="增长5%。".encode())
    assert r.exit_code == 0 and "sha256 differs" in r.stderr


def test_cli_errors(tmp_path: Path) -> None:
    r = runner.invoke(app, ["review", str(tmp_path / "missing.txt")])
    assert r.exit_code == 1 and "no such file" in r.stderr and "Traceback" not in r.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"quantities": 3}', encoding="utf-8")
    r = runner.invoke(app, ["review", str(SAMPLE), "--pred", str(bad)])
    assert r.exit_code == 1 and "not a govreport document" in r.stderr
    assert runner.invoke(app, ["review"]).exit_code == 2
    assert runner.invoke(app, ["review", "--help"]).exit_code == 0


def test_console_entry_lists_review_and_evaluate() -> None:
    import subprocess
    import sys

    code = "import sys; sys.argv = ['govreport', '--help']; from extractor.cli import main; main()"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode == 0, r.stderr
    assert "review" in r.stdout and "evaluate" in r.stdout
