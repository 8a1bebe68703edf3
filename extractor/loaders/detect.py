"""What a file is, from its content (magic numbers, archive directory, markup), with the extension only as a hint.

``detect`` returns one of ``txt``, ``html``, ``xml``, ``docx``, ``pdf``; every other kind of file raises an
``InputError`` that names it and, where there is one, the conversion to run.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from extractor.errors import InputError

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEAD = 4096
_HTML_START = re.compile(r"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)", re.S | re.I)
_HTML_TAGS = re.compile(r"<(?:html|head|body|div|p|table|meta|title|br|span|font)[\s>/]", re.I)
# An XML declaration or a DOCTYPE (with or without an internal subset) is decisive; a bare root element too.
_XML_START = re.compile(r"^(?:<\?xml[\s?]|<!DOCTYPE\s|(?:<!--.*?-->\s*)*<[A-Za-z_][\w.:-]*[\s>/])", re.S)
_CONVERT = "libreoffice --headless --convert-to docx FILE"


def _head_text(data: bytes) -> str:
    head = data[:_HEAD]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    if len(head) >= 4 and head[1:2] == b"\x00" and head[0:1] != b"\x00":
        return head.decode("utf-16-le", errors="ignore")
    if len(head) >= 4 and head[0:1] == b"\x00" and head[1:2] != b"\x00":
        return head.decode("utf-16-be", errors="ignore")
    return head.decode("latin-1").lstrip("\ufeff").replace("ï»¿", "", 1)


# What zipfile raises on a damaged archive: a bad directory or CRC (BadZipFile), a deflate stream that does not
# inflate (zlib.error), a compression method or zip version it does not know (NotImplementedError), an encryption
# flag (RuntimeError: password required), a header field past the end (EOFError, ValueError, OSError).
ZIP_DAMAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    OSError,
    ValueError,
    EOFError,
    KeyError,
)


def zip_problem(e: BaseException) -> str:
    """A zip error in words a user can act on (no bare 'Error -3 while decompressing data')."""
    if isinstance(e, zlib.error):
        return f"compressed data is corrupt: {e}"
    if isinstance(e, NotImplementedError):
        if "version" in str(e):
            return f"unknown {e} (a damaged header?)"
        return "unknown compression method (a damaged header?)"
    if isinstance(e, RuntimeError) and "encrypted" in str(e):
        return "a member is marked as encrypted"
    return str(e) or type(e).__name__


def _zip_kind(data: bytes, name: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist()[:20000])
    except ZIP_DAMAGE as e:
        if name.lower().endswith((".docx", ".docm")):
            problem = zip_problem(e)
            raise InputError(name, f"DOCX is damaged or truncated (not a complete zip archive: {problem})") from None
        raise InputError(name, "damaged or truncated zip archive, not a report") from None
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        raise InputError(name, "a spreadsheet (XLSX) is not a report; save the report text as DOCX, PDF or TXT")
    if any(n.startswith("ppt/") for n in names):
        raise InputError(name, "a presentation (PPTX) is not supported; export it as PDF")
    if "mimetype" in names or "content.xml" in names:
        raise InputError(name, f"an OpenDocument file (ODT) is not supported; convert it: {_CONVERT}")
    raise InputError(name, "a ZIP archive, not a report; unpack it and give the report file")


def _ole2_kind(data: bytes, name: str) -> str:
    if "WordDocument".encode("utf-16-le") in data:
        raise InputError(name, f"an old Word document (.doc, Word 97-2003) cannot be read; convert it: {_CONVERT}")
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        raise InputError(name, "an old Excel workbook (.xls) is not a report")
    if "PowerPoint".encode("utf-16-le") in data:
        raise InputError(name, "an old PowerPoint file (.ppt) is not supported; export it as PDF")
    raise InputError(name, f"an old Office/WPS document (OLE2) cannot be read; convert it: {_CONVERT}")


def detect(data: bytes, name: str | None = None) -> str:
    """The format of ``data``: txt, html, xml, docx or pdf (other kinds raise ``InputError``)."""
    display = name or "<input>"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data, display)
    if data.startswith(_OLE2):
        return _ole2_kind(data, display)
    if data.startswith(b"{\\rtf"):
        raise InputError(display, f"an RTF document cannot be read; convert it: {_CONVERT}")
    head = _head_text(data).lstrip()
    ext = (name or "").lower().rsplit(".", 1)[-1] if name and "." in name else ""
    if head.startswith("<"):
        if _HTML_START.match(head):
            return "html"
        if _XML_START.match(head):
            lower = head.lower()
            if "<html" in lower or "xhtml" in lower:
                return "html"
            # A declaration or a DOCTYPE decides; a bare element does not where the name says text: a page copied
            # to .txt may open with the site's stray tags (<kbd id="afajh">) before the report.
            if ext != "txt" or head.startswith(("<?xml", "<!DOCTYPE")):
                return "xml"
        if len(_HTML_TAGS.findall(head)) >= 3:
            return "html"
    if ext in ("html", "htm", "shtml", "xhtml") and len(_HTML_TAGS.findall(head)) >= 2:
        return "html"
    return "txt"
