"""Real documents: the sample report as a GBK web page, a Word file and a PDF gives the same indicators as the .txt,
with every span valid in the text extracted from that file; formats are detected from content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS
from loader_helpers import FIXTURES, SAMPLE, grounded, key, need, records_touch_noise, sample_docx, sample_html
from typer.testing import CliRunner

from extractor import extract
from extractor.api import extract_loaded
from extractor.cli import app
from extractor.errors import InputError
from extractor.loaders import load, load_bytes


@pytest.fixture(scope="module")
def txt_doc():
    loaded = load(str(SAMPLE))
    return extract_loaded(loaded)


def _check_same(loaded, txt_doc) -> None:
    doc = extract_loaded(loaded)
    assert grounded(doc, loaded.text) == []
    assert key(doc) == key(txt_doc)
    assert records_touch_noise(doc) == []
    assert doc.source.format == loaded.format
    # the 关键词2 placeholders are reported and never inside a record
    assert any(w.code == "placeholder" and "关键词2" in w.message for w in doc.warnings)
    assert not any("关键词" in i.name for i in doc.indicators)


def test_txt_sample_noise_is_reported_and_in_no_record(txt_doc) -> None:
    kinds = {n.kind for n in txt_doc.noise}
    assert {"breadcrumb", "footer", "placeholder"} <= kinds
    texts = " ".join(n.text for n in txt_doc.noise)
    assert "首頁" in texts and "掃一掃在手機打開當前頁" in texts and "相關稿件" in texts and "关键词2" in texts
    assert records_touch_noise(txt_doc) == []
    assert sum(1 for w in txt_doc.warnings if w.code == "placeholder") == texts.count("关键词2")


def test_html_page_gbk_with_navigation_and_split_numbers(tmp_path: Path, txt_doc) -> None:
    need("selectolax")
    page = tmp_path / "t20200110_123.html"
    page.write_bytes(sample_html())
    loaded = load(str(page))
    assert loaded.format == "html"
    assert loaded.encoding == "gb18030"  # the page declares gbk: read with the GB18030 decoder
    text = loaded.text
    assert "工農業總產值7.5億元" in text and "1830.96萬元" in text  # <font>/<span> split figures rejoined, no space
    assert "發展特色農業,農村經濟平穩發展\n" in text  # paragraphs stay lines
    for chrome in (
        "无障碍浏览",
        "当前位置",
        "打印本页",
        "主办单位",
        "ICP备",
        "相关稿件",
        "3.2亿元",
        "share()",
        "访问量",
    ):
        assert chrome not in text, chrome
    assert text.startswith("洪山鎮2019年工作總結及2020年工作規劃")  # the page heading is kept
    _check_same(loaded, txt_doc)


def test_html_detected_from_content_not_extension(tmp_path: Path) -> None:
    need("selectolax")
    misnamed = tmp_path / "report.txt"
    misnamed.write_bytes(sample_html())
    assert load(str(misnamed)).format == "html"


def test_docx_paragraphs_runs_and_tracked_changes(tmp_path: Path, txt_doc) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(sample_docx())
    loaded = load(str(path))
    assert loaded.format == "docx"
    text = loaded.text
    assert "工農業總產值7.5億元" in text
    assert "（已核实）" in text and "9999万元" not in text  # insertions read, deletions not
    assert "洪山镇人民政府文件" not in text and "第 1 页" not in text  # header and footer are not the body
    _check_same(loaded, txt_doc)


def test_docx_tables_in_reading_order() -> None:
    docx = need("docx")
    import io

    doc = docx.Document()
    doc.add_paragraph("2019年重点项目如下：")
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("项目名称", "总投资", "进度"), ("洪山污水处理厂", "1.2亿元", "已完工"), ("古城西瓜园", "3500万元", "在建")]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 2).add_paragraph("年内投产")
    doc.add_paragraph("以上项目全部纳入考核。")
    buf = io.BytesIO()
    doc.save(buf)
    loaded = load_bytes(buf.getvalue(), "projects.docx")
    assert loaded.text.split("\n") == [
        "2019年重点项目如下：",
        "项目名称\t总投资\t进度",
        "洪山污水处理厂\t1.2亿元\t已完工",
        "古城西瓜园\t3500万元\t在建 年内投产",
        "以上项目全部纳入考核。",
    ]
    doc_out = extract_loaded(loaded)
    assert {q.raw for q in doc_out.quantities} >= {"1.2亿元", "3500万元"}


def test_docx_inline_marks_and_content_controls() -> None:
    """A tab, a line break and hyphens inside a paragraph, and paragraphs inside a content control, are read."""
    docx = need("docx")
    import io

    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = docx.Document()
    doc.add_paragraph()._p.append(
        parse_xml(
            f"<w:r {w}><w:t>全年</w:t><w:tab/><w:t>投资3500万元</w:t><w:br/><w:t>G</w:t><w:noBreakHyphen/>"
            "<w:t>6</w:t><w:softHyphen/><w:t>高速</w:t>"
            "<w:instrText>PAGE 99</w:instrText></w:r>"
        )
    )
    doc.element.body.insert(
        0,
        parse_xml(
            f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>封面：2020年工作要点</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    buf = io.BytesIO()
    doc.save(buf)
    assert load_bytes(buf.getvalue(), "marks.docx").text.split("\n") == [
        "封面：2020年工作要点",
        "全年\t投资3500万元",
        "G-6高速",
    ]


@pytest.mark.parametrize("fixture", ["hongshan_2019.pdf", "hongshan_2019_cid.pdf"])
def test_pdf_text_layer(fixture: str, txt_doc) -> None:
    need("pypdfium2")
    loaded = load(str(FIXTURES / fixture))
    assert loaded.format == "pdf"
    text = loaded.text
    assert "(cid:" not in text
    assert "工農業總產值7.5億元,比2018年增長5.1%" in text  # wrapped lines rejoined
    assert "- 1 -" not in text  # page numbers are not text
    _check_same(loaded, txt_doc)
    doc = extract_loaded(loaded)
    kinds = {n.kind for n in doc.noise}
    assert {"breadcrumb", "footer", "placeholder"} <= kinds  # the PDF kept the web lines: found as noise


def test_pdf_reflow_keeps_numbers_whole_and_paragraphs_apart() -> None:
    from extractor.loaders.pdf import reflow

    full = "全镇完成工农业总产值7.5亿元，比上年增长5.1%；财政总收入1830."
    page1 = f"{full}\n96万元，增长1.4%。\n二、主要工作\n- 1 -"
    page2 = "2\n一是发展特色产业，全年完成种植面积2200亩，列全县第二，烟叶质量列全县首位，合作社带动\n群众增收。"
    text = reflow([page1, page2])
    assert "财政总收入1830.96万元" in text
    assert text.split("\n") == [
        "全镇完成工农业总产值7.5亿元，比上年增长5.1%；财政总收入1830.96万元，增长1.4%。",
        "二、主要工作",
        "一是发展特色产业，全年完成种植面积2200亩，列全县第二，烟叶质量列全县首位，合作社带动群众增收。",
    ]


def test_docbook_xml_corpus_file() -> None:
    need("defusedxml")
    path = CORPUS / "other_hongkong_policy_address_2024_docbook.xml"
    loaded = load(str(path))
    assert loaded.format == "xml"
    assert "<para>" not in loaded.text and "docbook.org" not in loaded.text
    assert "2. 二十届三中全会审议通过" in loaded.text  # one line per <para>, whitespace collapsed
    doc = extract_loaded(loaded)
    assert doc.quantities and grounded(doc, loaded.text) == []


def test_xml_inline_elements_join_without_spaces() -> None:
    need("defusedxml")
    data = (
        '<?xml version="1.0" encoding="gb2312"?>\n<doc><title>工作报告</title>'
        "<para>全年完成地区生产总值<emphasis>2883.5</emphasis>亿元，\n  增长<b>6.5</b>%。</para></doc>"
    ).encode("gb18030")
    loaded = load_bytes(data, "r.xml")
    assert loaded.format == "xml" and loaded.encoding == "gb18030"
    assert loaded.text == "工作报告\n全年完成地区生产总值2883.5亿元，增长6.5%。"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"<!DOCTYPE html><html><body><p>\xe6\x8a\xa5\xe5\x91\x8a</p></body></html>", "html"),
        (b"\xef\xbb\xbf<html><head><title>t</title></head><body>x</body></html>", "html"),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body><p>x</p></body></html>", "html"),
        (b"<?xml version='1.0'?><article><para>x</para></article>", "xml"),
        (b"<article><para>x</para></article>", "xml"),
        ("<政府工作报告>全年增长5%。".encode(), "txt"),
        ("2019年政府工作报告\n全年增长5%。".encode(), "txt"),
        (b"%PDF-1.7\n", "pdf"),
    ],
    ids=["html5", "html-bom", "xhtml", "xml-decl", "xml-bare", "txt-angle", "txt", "pdf"],
)
def test_detect_from_content(data: bytes, fmt: str) -> None:
    from extractor.loaders.detect import detect

    assert detect(data, "whatever.bin") == fmt


def test_a_txt_page_opening_with_stray_tags_is_text() -> None:
    # A page copied to .txt may open with a site's stray tags; a bare element decides XML only where the name does
    # not say text (a declaration still does).
    from extractor.loaders.detect import detect

    page = '<kbd id="a"><form id="a"></form></kbd>\n<strong id="a"><dl id="a"></dl></strong>\n八力镇概况\n'.encode()
    assert detect(page, "bali.txt") == "txt"
    assert detect(page, "bali.xml") == "xml"
    assert detect(b"<?xml version='1.0'?><article><para>x</para></article>", "a.txt") == "xml"
    assert load_bytes(page, "bali.txt").text.endswith("八力镇概况\n")


def test_text_command_prints_exactly_the_text_spans_index(tmp_path: Path) -> None:
    need("selectolax")
    page = tmp_path / "page.htm"
    page.write_bytes(sample_html())
    r = CliRunner().invoke(app, ["text", str(page)])
    assert r.exit_code == 0
    text = r.stdout
    assert text == load(str(page)).text
    r = CliRunner().invoke(app, ["extract", str(page), "--include-text"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["source"]["text"] == text and doc["source"]["format"] == "html"
    for ind in doc["indicators"]:
        v = ind["value"] or ind["change"]["value"]
        assert text[v["span"]["start"] : v["span"]["end"]] == v["raw"]


def test_plain_text_api_unchanged(sample_text: str) -> None:
    assert key(extract(sample_text)) == key(extract_loaded(load(str(SAMPLE))))


def test_a_path_object_reads_as_its_string(tmp_path: Path) -> None:
    """extract_file and load take a pathlib.Path as well as a string (a Path once raised a TypeError)."""
    from extractor import extract_file

    assert extract_file(SAMPLE) == extract_file(str(SAMPLE))
    assert load(Path(SAMPLE)).path == str(SAMPLE)
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "missing.txt")
