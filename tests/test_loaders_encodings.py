"""Legacy encodings: every corpus report re-encoded to GB18030 (and the traditional Hong Kong ones to Big5) gives
the same document as its UTF-8 file, apart from the source's encoding and hash; the GBK originals of 海拉尔区 give
the same document as their UTF-8 re-encoding."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

from extractor.api import extract_loaded
from extractor.loaders import load_bytes


def _corpus(pattern: str) -> list[Path]:
    """Files of tests/data (docs/: the corpus reports, hailar/: the GBK originals of 海拉尔区)."""
    return sorted(DATA.glob(pattern))


def _dump(data: bytes, name: str) -> tuple[str, dict]:
    loaded = load_bytes(data, name)
    doc = extract_loaded(loaded).model_dump()
    doc["source"].pop("encoding")
    doc["source"].pop("sha256")
    return loaded.text, doc


def _same(a: bytes, b: bytes, enc_b: str | tuple[str, ...]) -> None:
    text_a, doc_a = _dump(a, "report.txt")
    loaded_b = load_bytes(b, "report.txt")
    assert loaded_b.encoding in ((enc_b,) if isinstance(enc_b, str) else enc_b)
    assert loaded_b.text == text_a
    _, doc_b = _dump(b, "report.txt")
    assert doc_b == doc_a


@pytest.mark.parametrize("path", _corpus("docs/*.txt"), ids=lambda p: p.name)
def test_gb18030_gives_the_same_document(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    _same(text.encode("utf-8"), text.encode("gb18030"), "gb18030")


@pytest.mark.parametrize("path", _corpus("docs/other_hongkong_*.txt"), ids=lambda p: p.name)
def test_big5_gives_the_same_document(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    # A Big5 file cannot hold the few characters outside Big5 (着, ‧, a private-use HKSCS code): a Big5 edition
    # has a substitute there, so the UTF-8 side carries the same substitute.
    big5 = text.encode("big5", errors="replace")
    assert big5.count(b"?") - text.count("?") < len(text) * 0.005
    same_text = big5.decode("big5")
    _same(same_text.encode("utf-8"), big5, "big5")


@pytest.mark.parametrize("path", _corpus("hailar/*.txt"), ids=lambda p: p.name)
def test_gbk_originals_read_like_utf8(path: Path) -> None:
    data = path.read_bytes()
    text = data.decode("gb18030")
    _same(text.encode("utf-8"), data, "gb18030")


def test_big5_hkscs_characters() -> None:
    from extractor.loaders.text import decode

    text = "香港2017年施政報告\n公共屋邨居民人數增長5%，市民沉着應對。\n" * 20
    d = decode(text.encode("big5hkscs"), "hk.txt")
    assert d.encoding == "big5hkscs" and d.text == text
