"""Bytes to text. The text is decoded exactly: a BOM is removed, line endings are left as they are."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from extractor.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of files that are certainly not text; named in the error so the user knows what they gave us.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX or ZIP)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (DOC or XLS)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"BM", "a bitmap image"),
)

# Control characters, private-use code points, replacement characters and BOMs inside the text.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\ue000-\uf8ff\ufffd\ufeff]")

# Text this short cannot tell one legacy encoding from another, but it is still decoded strictly.
_SNIFF = 64 * 1024


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


# Charset labels that pages and XML declarations use, as the codec that reads them: the GBK family as its
# superset GB18030, Big5 as Big5-HKSCS (which Hong Kong and Taiwan pages need).
CHARSET_LABELS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "windows-936": "gb18030",
    "chinese": "gb18030",
    "csgb2312": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "cn-big5": "big5hkscs",
    "utf8": "utf-8",
    "unicode": "utf-16",
}


def codec_for(label: str) -> str | None:
    """The Python codec for a declared charset label, or None when Python has none."""
    label = label.lower().strip()
    try:
        return codecs.lookup(CHARSET_LABELS.get(label, label)).name
    except LookupError:
        return None


def sniff_binary(data: bytes) -> str | None:
    """What a binary file is, when its first bytes say so."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if magic == b"MZ" and b"\x00" not in data[:64]:
                continue
            if magic == b"BM" and len(data) > 6 and b"\x00" not in data[:16]:
                continue
            return what
    return None


def _utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII characters (digits, newlines) leave NUL bytes on one side of each pair."""
    head = data[:_SNIFF]
    if len(head) < 4 or len(head) % 2:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    pairs = len(head) // 2
    if odd > pairs * 0.1 and even < pairs * 0.01:
        return "utf-16-le"
    if even > pairs * 0.1 and odd < pairs * 0.01:
        return "utf-16-be"
    return None


def _plausible(text: str) -> bool:
    """Decoded text that is mostly control characters or private-use code points is not text."""
    if not text:
        return False
    sample = text[:_SNIFF]
    return len(_NOT_TEXT.findall(sample)) <= len(sample) * 0.01


def _cjk_common_share(text: str) -> float:
    from extractor.normalize import common_char_share

    return common_char_share(text[:_SNIFF])


def decode(data: bytes, name: str = "<input>") -> Decoded:
    """Decode report bytes: BOM, then strict UTF-8, UTF-16 by NUL pattern, GB18030 and Big5 (or Big5-HKSCS),
    then a guess."""
    if not data:
        raise InputError(name, "file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(name, f"invalid {enc} after its byte-order mark (byte {e.start + len(bom)})") from None
            return _checked(Decoded(text, enc if enc != "utf-8" else "utf-8-sig"), name)
    what = sniff_binary(data)
    if what:
        raise InputError(name, f"binary file ({what}), not text")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_by_nuls(data)
    if utf16:
        try:
            return _checked(Decoded(data.decode(utf16), utf16), name)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:_SNIFF]:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    candidates = []
    # Big5-HKSCS (Hong Kong: 邨, 着 ...) is tried only when plain Big5 does not fit.
    for enc in ("gb18030", "big5", "big5hkscs"):
        if enc == "big5hkscs" and any(c.encoding == "big5" for c in candidates):
            continue
        try:
            candidates.append(Decoded(data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    candidates = [c for c in candidates if _plausible(c.text)]
    if len(candidates) == 2:
        # Big5 bytes are mostly valid GB18030 too; the reading made of common characters is the right one.
        candidates.sort(key=lambda c: _cjk_common_share(c.text), reverse=True)
    if candidates:
        return candidates[0]
    return _guess(data, name)


def _checked(d: Decoded, name: str) -> Decoded:
    if not d.text.strip():
        raise InputError(name, "file has no text (only whitespace)")
    if not _plausible(d.text):
        raise InputError(name, f"decoded as {d.encoding} but the result is not text (control characters)")
    return d


def _guess(data: bytes, name: str) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * _SNIFF]).best()
    if best is None:
        raise InputError(name, "cannot decode: not UTF-8, GB18030, Big5 or UTF-16, and no encoding fits")
    enc = best.encoding
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        raise InputError(name, f"cannot decode: the best guess ({enc}) does not fit the whole file") from None
    if not _plausible(text) or _cjk_common_share(text) < 0.2:
        raise InputError(name, "cannot decode: not UTF-8, GB18030, Big5 or UTF-16, and no encoding fits")
    return Decoded(text, enc, [f"encoding guessed as {enc}; check the text"])
