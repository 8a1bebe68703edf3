"""PDF: the text layer, read with PDFium (pypdfium2), with lines rejoined into paragraphs.

A PDF stores visual lines: a paragraph wraps wherever the line is full, in the middle of a sentence and sometimes
of a number. Lines are rejoined when a line is (nearly) as wide as the page's full lines and does not end a
sentence; a line break between two wide (Chinese) characters or digits disappears, one between two Latin words
becomes a space. A page number alone on the first or last line of a page is left out, so a sentence running onto
the next page stays whole.

A PDF without a text layer (scanned pages), or whose fonts have no Unicode map (the text comes out as control
characters or ``(cid:NNN)``), cannot be read without OCR: that is a clear ``InputError``.
"""

from __future__ import annotations

import re

from extractor.errors import InputError
from extractor.layout import line_ends, page_number
from extractor.loaders._ws import WIDE, WIDE_RANGES

# A line at least this share of the page's full-line width is a wrapped line, not a paragraph's last line.
_FULL = 0.85
# Share of unreadable characters (and of private-use ones) above which the text layer is garbage.
_GARBAGE = 0.01
_GARBAGE_PUA = 0.10
# Fewer visible characters per page than this, on average: no text layer (a scan, perhaps with a stamped line).
_MIN_CHARS_PER_PAGE = 40

# A line ending a sentence is a paragraph's last line; a page number is left out (both shared with the .txt route).
_SENTENCE_END = tuple(line_ends())
_PAGE_NUMBER = page_number()
# Control characters, replacement characters and (cid:NNN) never occur in a readable text layer; glyph codes
# without a Unicode map come out as them. Private-use characters do (symbol-font bullets), but not in bulk.
_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]|\(cid:\d+\)")
_PUA = re.compile(r"[\ue000-\uf8ff]")
_JOIN_TIGHT = re.compile(f"[{WIDE_RANGES}0-9.%]")

OCR_HINT = "it needs OCR first (for example: ocrmypdf --language chi_sim FILE.pdf OUT.pdf)"


def _width(line: str) -> float:
    return sum(1.0 if WIDE.match(ch) else 0.5 for ch in line.rstrip())


def _join(a: str, b: str) -> str:
    a = a.rstrip()
    b = b.lstrip()
    if not a or not b:
        return a + b
    if _JOIN_TIGHT.match(a[-1]) or _JOIN_TIGHT.match(b[0]):
        return a + b
    if a[-1] == "-" and b[0].isalpha():  # a hyphenated Latin word
        return a[:-1] + b
    return f"{a} {b}"


def reflow(pages: list[str]) -> str:
    """Rejoin visual lines into paragraphs across pages (see the module docstring)."""
    all_lines: list[tuple[str, bool]] = []  # (line, wrapped: joins the next one)
    for page in pages:
        lines = page.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if lines and _PAGE_NUMBER.match(lines[-1]):
            lines.pop()
        if lines and _PAGE_NUMBER.match(lines[0]):
            lines.pop(0)
        widths = sorted(_width(x) for x in lines if x.strip())
        full = widths[int(len(widths) * 0.9)] if len(widths) >= 3 else (widths[-1] if widths else 0.0)
        for line in lines:
            s = line.rstrip()
            wrapped = bool(s.strip()) and full > 0 and _width(s) >= _FULL * full and not s.endswith(_SENTENCE_END)
            all_lines.append((s.strip(), wrapped))
    out: list[str] = []
    cur = ""
    joining = False
    for line, wrapped in all_lines:
        if joining and line:
            cur = _join(cur, line)
        else:
            if cur:
                out.append(cur)
            cur = line
        joining = wrapped
    if cur:
        out.append(cur)
    return "\n".join(x for x in out if x.strip())


def _check_readable(text: str, pages: int, name: str) -> None:
    visible = re.sub(r"\s+", "", text)
    bad = len(_BAD.findall(text))
    if len(visible) < _MIN_CHARS_PER_PAGE * max(1, pages):
        raise InputError(
            name, f"PDF has no text layer ({len(visible)} characters on {pages} pages; scanned pages?): {OCR_HINT}"
        )
    if visible and (bad > _GARBAGE * len(visible) or len(_PUA.findall(text)) > _GARBAGE_PUA * len(visible)):
        raise InputError(name, f"PDF text layer is unreadable (fonts without a Unicode map, cid codes): {OCR_HINT}")


def load_pdf(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) of a PDF's text layer."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(name, "reading PDF needs the pypdfium2 package (pip install pypdfium2)") from None
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg:
            raise InputError(name, "PDF is encrypted (password-protected); decrypt it first") from None
        raise InputError(name, f"PDF is damaged or truncated ({e})") from None
    pages: list[str] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                tp = page.get_textpage()
                try:
                    pages.append(tp.get_text_bounded())
                finally:
                    tp.close()
            finally:
                page.close()
    except pdfium.PdfiumError as e:
        raise InputError(name, f"PDF is damaged ({e})") from None
    finally:
        doc.close()
    if not pages:
        raise InputError(name, "PDF has no pages")
    raw = "\n".join(pages)
    _check_readable(raw, len(pages), name)
    text = reflow(pages)
    warnings = []
    bad = len(_BAD.findall(text))
    if bad:
        warnings.append(f"PDF text layer has {bad} unreadable characters; check the text")
    return text, "pdf-text-layer", warnings
