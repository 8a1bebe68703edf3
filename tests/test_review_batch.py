"""`govreport review results.jsonl --out review/`: one page per document and an index with record counts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import CORPUS, SAMPLE
from typer.testing import CliRunner

from extractor import extract_file
from extractor.cli import app

runner = CliRunner()


def _jsonl(tmp_path: Path, *docs: dict) -> Path:
    p = tmp_path / "results.jsonl"
    p.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return p


def test_one_page_per_document_and_an_index_with_counts(tmp_path: Path) -> None:
    a = extract_file(str(SAMPLE)).model_dump(mode="json")  # its text is found through source.path
    other = sorted(CORPUS.glob("*.txt"))[0]
    b = extract_file(str(other), include_text=True).model_dump(mode="json")  # its text travels with it
    lost = json.loads(json.dumps(a))
    lost["source"].update(path="gone/nowhere.txt", sha256="f" * 64)
    r = runner.invoke(app, ["review", str(_jsonl(tmp_path, a, b, lost)), "--out", str(tmp_path / "review")])
    assert r.exit_code == 3, r.stderr
    assert "results.jsonl:3: report gone/nowhere.txt not found" in r.stderr
    out = tmp_path / "review"
    assert sorted(p.name for p in out.iterdir()) == ["county_anguo_2022.html", "hongshan_2019.html", "index.html"]
    page = (out / "hongshan_2019.html").read_text(encoding="utf-8")
    assert 'id="review-data"' in page and a["source"]["sha256"] in page
    index = (out / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(<td.*?)</tr>", index)
    assert len(rows) == 3
    assert '<a href="hongshan_2019.html">' in rows[0]
    n = [len(a["indicators"]), sum(len(g["targets"]) for g in a["goals"]), len(a["projects"]), len(a["quantities"])]
    assert re.findall(r'<td class="num">(\d+)</td>', rows[0]) == [str(x) for x in n]
    assert "href" not in rows[2] and "not found" in rows[2]


def test_same_names_get_distinct_pages_and_markup_is_escaped(tmp_path: Path) -> None:
    text = "某镇2019年工作总结\n<script>alert(1)</script>全镇完成工农业总产值7.5亿元。\n"
    from extractor import extract

    d1 = extract(text, path="x/<b>r</b>.txt", include_text=True).model_dump(mode="json")
    d2 = extract(text + "再", path="y/<b>r</b>.txt", include_text=True).model_dump(mode="json")
    r = runner.invoke(app, ["review", str(_jsonl(tmp_path, d1, d2)), "--out", str(tmp_path / "o")])
    assert r.exit_code == 0, r.stderr
    names = sorted(p.name for p in (tmp_path / "o").iterdir())
    assert len(names) == 3 and "index.html" in names
    index = (tmp_path / "o" / "index.html").read_text(encoding="utf-8")
    assert "<b>" not in index and "&lt;b&gt;" in index


def test_batch_review_needs_a_folder_and_documents(tmp_path: Path) -> None:
    p = _jsonl(tmp_path, {"not": "a document"})
    r = runner.invoke(app, ["review", str(p)])
    assert r.exit_code == 2 and "--out" in r.stderr
    r = runner.invoke(app, ["review", str(p), "--out", str(tmp_path / "o")])
    assert r.exit_code == 1 and "no review page written" in r.stderr
    assert "results.jsonl:1: not a govreport document" in r.stderr
    r = runner.invoke(app, ["review", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 1 and r.stderr.strip() == f"govreport: error: {tmp_path / 'none.jsonl'}: no such file"
