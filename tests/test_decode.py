"""Bytes to text: encodings, BOMs, line endings, and the one-line errors for what is not text."""

from __future__ import annotations

import random
import struct
import zlib

import pytest

from extractor.errors import InputError
from extractor.loaders.text import decode

TEXT = "2019年全鎮完成工農業總產值7.5億元，比2018年增長5.1%。\r\n財政總收入1830.96萬元。\n"
SIMPLIFIED = "2019年全镇完成工农业总产值7.5亿元，比2018年增长5.1%。\r\n财政总收入1830.96万元。\n"


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig", SIMPLIFIED),
        (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED),
        (TEXT.encode("big5"), "big5", TEXT),
        (b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), "utf-16-le", SIMPLIFIED),
        (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16-be", SIMPLIFIED),
        (SIMPLIFIED.encode("utf-16-le"), "utf-16-le", SIMPLIFIED),
        (SIMPLIFIED.encode("utf-16-be"), "utf-16-be", SIMPLIFIED),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "big5", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be"],
)
def test_encodings_decode_exactly(data: bytes, encoding: str, expected: str) -> None:
    d = decode(data, "x.txt")
    assert d.encoding == encoding
    assert d.text == expected  # BOM gone, CRLF kept as two characters


def test_big5_long_traditional_text_is_not_read_as_gb18030(sample_text: str) -> None:
    body = sample_text.replace("关键词2", "").encode("big5", errors="ignore")
    d = decode(body, "x.txt")
    assert d.encoding == "big5"
    assert "工農業總產值" in d.text


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "no text"),
        (_png(), "PNG"),
        (b"\x80\xfd\xfe\xff" * 200, "decode"),
        (bytes(range(256)) * 20, "NUL"),
        (random.Random(0).randbytes(4096), "binary file (contains NUL bytes), not text"),
    ],
    ids=["empty", "whitespace", "png", "invalid-bytes", "binary", "random"],
)
def test_bad_input_is_one_clear_error(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as e:
        decode(data, "bad.txt")
    msg = str(e.value)
    assert msg.startswith("bad.txt: ")
    assert "\n" not in msg
    assert reason.lower() in msg.lower()
