"""Hostile and broken files: zip bombs, entity bombs, truncated DOCX, PDFs without text, old Office files.
Each gives one clear line (an InputError, exit code 1 in the CLI), in bounded time and memory.

Memory is checked with tracemalloc (Python allocations, which is where a decompressed bomb would live); time is
never asserted, an alarm only turns a hang into a failure."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from loader_helpers import FIXTURES, need, sample_docx
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import InputError
from extractor.loaders import load, load_bytes

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def _guard(hang_guard: None) -> None:
    """Every test here runs under the hang guard (see conftest)."""


def _refused(data: bytes, name: str, *words: str, peak_mb: int = 64) -> str:
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as e:
            load_bytes(data, name)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    msg = str(e.value)
    assert msg.startswith(f"{name}: ") and "\n" not in msg
    for w in words:
        assert w.lower() in msg.lower(), msg
    assert peak < peak_mb * MB, f"peak {peak / MB:.0f} MB"
    return msg


def _docx_with(extra: dict[str, bytes], *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A real DOCX with extra members (written in 1 MB chunks, never held whole)."""
    base = zipfile.ZipFile(io.BytesIO(sample_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as out:
        for info in base.infolist():
            out.writestr(info.filename, base.read(info.filename))
        for name, data in extra.items():
            out.writestr(name, data)
    return buf.getvalue()


def _zero_bomb(total: int) -> bytes:
    """A DOCX whose document part inflates to ``total`` bytes of zeros (about 1000:1)."""
    base = zipfile.ZipFile(io.BytesIO(sample_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, base.read(info.filename))
        chunk = bytes(MB)
        with out.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(total // MB):
                f.write(chunk)
    return buf.getvalue()


def test_zip_bomb_by_ratio() -> None:
    need("docx")
    data = _zero_bomb(128 * MB)
    assert len(data) < MB
    _refused(data, "bomb.docx", "zip bomb", "expands")


def test_zip_bomb_by_total_size(monkeypatch: pytest.MonkeyPatch) -> None:
    need("docx")
    from extractor.loaders import docx as docx_loader

    monkeypatch.setattr(docx_loader, "MAX_UNCOMPRESSED", 2 * MB)
    data = _docx_with({"word/media/image1.png": bytes(range(256)) * (12 * 1024)})  # 3 MB, compresses poorly
    _refused(data, "big.docx", "zip bomb", "expand")


def test_zip_bomb_by_member_count() -> None:
    need("docx")
    data = _docx_with({f"customXml/item{i}.bin": b"" for i in range(10_050)}, compress=zipfile.ZIP_STORED)
    _refused(data, "many.docx", "members")


def test_docx_entity_bomb_is_refused() -> None:
    need("docx")
    base = zipfile.ZipFile(io.BytesIO(sample_docx()))
    xml = base.read("word/document.xml")
    laughs = (
        b'<!DOCTYPE w:document [<!ENTITY a "haha">'
        + b"".join(
            b'<!ENTITY %s "%s">' % (b"a" + str(i + 1).encode(), (b"&a" + (str(i).encode() if i else b"") + b";") * 10)
            for i in range(9)
        )
        + b"]>"
    )
    xml = xml.replace(b"?>", b"?>" + laughs, 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            out.writestr(info.filename, xml if info.filename == "word/document.xml" else base.read(info.filename))
    data = buf.getvalue()
    _refused(data, "laughs.docx", "entities")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_docx(keep: float) -> None:
    need("docx")
    data = sample_docx()
    _refused(data[: int(len(data) * keep)], "cut.docx", "damaged or truncated")


def test_docx_without_document_part() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/styles.xml", "<styles/>")
    _refused(buf.getvalue(), "empty.docx", "docx")


def test_xml_entity_bomb() -> None:
    need("defusedxml")
    ents = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    data = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{ents}]><r><p>&l9;</p></r>'.encode()
    _refused(data, "laughs.xml", "entities")


def test_xml_external_entity_is_never_read(tmp_path: Path) -> None:
    need("defusedxml")
    secret = tmp_path / "secret.txt"
    secret.write_text("全年收入99999万元", encoding="utf-8")
    data = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r><p>&x;</p></r>'.encode()
    msg = _refused(data, "xxe.xml", "entities")
    assert "99999" not in msg


def test_xml_not_well_formed() -> None:
    need("defusedxml")
    _refused(b"<?xml version='1.0'?><report><para>unclosed</report>", "bad.xml", "not well-formed")


def _blank_pdf(pages: int = 2) -> bytes:
    pdfium = need("pypdfium2")
    doc = pdfium.PdfDocument.new()
    for _ in range(pages):
        doc.new_page(595, 842)
    buf = io.BytesIO()
    doc.save(buf)
    doc.close()
    return buf.getvalue()


def test_pdf_without_text_layer_needs_ocr() -> None:
    _refused(_blank_pdf(), "scan.pdf", "no text layer", "OCR")


def test_pdf_without_unicode_map_needs_ocr() -> None:
    need("pypdfium2")
    data = (FIXTURES / "hongshan_2019.pdf").read_bytes()
    assert data.count(b"/ToUnicode") >= 1
    garbled = data.replace(b"/ToUnicode", b"/ToUnicodX")  # same length: offsets stay valid
    _refused(garbled, "garbled.pdf", "unreadable", "OCR")


def test_truncated_pdf() -> None:
    need("pypdfium2")
    data = (FIXTURES / "hongshan_2019.pdf").read_bytes()
    msg = _refused(data[:2000], "cut.pdf", "pdf")
    assert "damaged" in msg or "no text" in msg


def test_old_word_doc_names_the_conversion() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(1024)
    _refused(ole, "report.doc", ".doc", "libreoffice --headless --convert-to docx")


@pytest.mark.parametrize(
    ("members", "words"),
    [
        ({"xl/workbook.xml": "<w/>"}, ("XLSX",)),
        ({"mimetype": "application/vnd.oasis.opendocument.text"}, ("ODT",)),
        ({"a.txt": "x"}, ("ZIP",)),
    ],
    ids=["xlsx", "odt", "zip"],
)
def test_other_archives_are_named(members: dict[str, str], words: tuple[str, ...]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in members.items():
            z.writestr(k, v)
    _refused(buf.getvalue(), "thing.bin", *words)


def test_rtf_names_the_conversion() -> None:
    _refused(b"{\\rtf1\\ansi ...}", "report.doc", "RTF", "libreoffice")


def test_html_deeply_nested_and_without_text() -> None:
    need("selectolax")
    deep = b"<html><body>" + b"<div>" * 20000 + "全年增长5%。".encode() + b"</div>" * 20000 + b"</body></html>"
    loaded = load_bytes(deep, "deep.html")
    assert "全年增长5%。" in loaded.text
    _refused(b"<html><body><script>var a = 1;</script></body></html>", "empty.html", "no text")


def test_html_declared_charset_that_does_not_fit_falls_back() -> None:
    need("selectolax")
    page = '<html><head><meta charset="utf-8"></head><body><p>全年完成地区生产总值2883.5亿元。</p></body></html>'
    loaded = load_bytes(page.encode("gb18030"), "p.html")
    assert loaded.encoding == "gb18030"
    assert "2883.5亿元" in loaded.text
    assert any("declares charset utf-8" in w for w in loaded.warnings)


def test_cli_one_line_error_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_blank_pdf(1))
    r = CliRunner().invoke(app, ["extract", str(path)])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and "OCR" in r.stderr


def test_oversized_input_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.docx"
    with open(path, "wb") as f:
        f.truncate(3 * MB)  # sparse: refused by its size, never read
    with pytest.raises(InputError, match="over the limit"):
        load(str(path), max_bytes=MB)
