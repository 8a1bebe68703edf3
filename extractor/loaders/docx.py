"""Word .docx: the body's paragraphs and table cells in reading order (python-docx opens the package).

A DOCX is a zip archive, so its directory is checked before anything is decompressed: too many members, a total
uncompressed size or a compression ratio beyond what real documents have (a zip bomb), or an XML part that
declares a DTD or entities (an entity bomb or an external entity; OOXML never needs one) are refused.

- A paragraph is one line: its runs, hyperlinks, tracked insertions and fields joined as written (``w:tab`` is a
  tab, ``w:br``/``w:cr`` a line break); deleted text, field codes, text boxes and drawings are left out.
- A table row is one line, its cells separated by a tab; paragraphs inside a cell are joined by a space.
- Headers, footers, footnotes and comments are page furniture and are not read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

from extractor.errors import InputError
from extractor.loaders.detect import ZIP_DAMAGE, zip_problem

MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 256 * 1024 * 1024
# Real DOCX parts compress at most ~50:1 (repetitive XML); zip bombs at 1000:1 and more.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # small parts may compress better than that without harm
_DTD_SCAN = 64 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = frozenset(
    _W + x
    for x in (
        "del",
        "delText",
        "instrText",
        "txbxContent",
        "pPr",
        "rPr",
        "sectPr",
        "drawing",
        "pict",
        "object",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
    )
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}


def check_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """Open the archive and refuse zip bombs and DTD-bearing XML parts before decompressing anything large."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except ZIP_DAMAGE as e:
        problem = zip_problem(e)
        raise InputError(name, f"DOCX is damaged or truncated (not a complete zip archive: {problem})") from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(name, f"DOCX refused: {len(infos)} archive members, over the limit of {MAX_MEMBERS}")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise InputError(
            name, f"DOCX refused: it would expand to {total} bytes, over the limit of {MAX_UNCOMPRESSED} (zip bomb?)"
        )
    for i in infos:
        if i.file_size > _RATIO_FLOOR and i.file_size > MAX_RATIO * max(1, i.compress_size):
            raise InputError(
                name,
                f"DOCX refused: member {i.filename} expands {i.file_size // max(1, i.compress_size)}:1, "
                f"over the limit of {MAX_RATIO}:1 (zip bomb?)",
            )
    for i in infos:
        if i.filename.endswith((".xml", ".rels")):
            try:
                with zf.open(i) as f:
                    head = f.read(_DTD_SCAN)
            except ZIP_DAMAGE as e:
                raise InputError(
                    name, f"DOCX is damaged or truncated (member {i.filename}: {zip_problem(e)})"
                ) from None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise InputError(
                    name,
                    f"DOCX refused: part {i.filename} declares a DTD or entities (entity bomb or external entity?)",
                )
    return zf


# Inline elements that stand for a character (a soft hyphen for none).
_INLINE = {
    _W + "tab": "\t",
    _W + "ptab": "\t",
    _W + "br": "\n",
    _W + "cr": "\n",
    _W + "noBreakHyphen": "-",
    _W + "softHyphen": "",
}


def _walk(container, visit: Callable[[Any], bool]) -> None:
    """Depth first over ``container``'s descendants in reading order, leaving out _SKIP (deleted text, field
    codes, ...). ``visit`` returns True when it has taken an element; otherwise the walk goes into it. An explicit
    stack: nesting in a hostile document is not bounded by Python's recursion limit."""
    stack = [iter(container)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
        elif isinstance(el.tag, str) and el.tag not in _SKIP and not visit(el):
            stack.append(iter(el))


def _para_text(p) -> str:
    out: list[str] = []

    def visit(el) -> bool:
        if el.tag == _W + "t":
            out.append(el.text or "")
        elif el.tag in _INLINE:
            out.append(_INLINE[el.tag])
        else:
            return False  # runs, hyperlinks, fields ... hold text
        return True

    _walk(p, visit)
    return "".join(out)


def _blocks(container, lines: list[str]) -> None:
    """Lines of a body, a table cell or a content control, in reading order."""

    def visit(el) -> bool:
        if el.tag == _W + "p":
            lines.append(_para_text(el))
        elif el.tag == _W + "tbl":
            for tr in el.iterchildren(_W + "tr"):
                cells = []
                for tc in tr.iterchildren(_W + "tc"):
                    inner: list[str] = []
                    _blocks(tc, inner)
                    cells.append(" ".join(x.strip() for x in inner if x.strip()))
                lines.append("\t".join(cells).rstrip("\t"))
        else:
            return False  # w:sdt, w:sdtContent, w:customXml, w:smartTag, w:ins ... hold blocks
        return True

    _walk(container, visit)


def load_docx(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) of a .docx body."""
    zf = check_zip(data, name)
    zf.close()
    try:
        import docx
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(name, "reading DOCX needs the python-docx package (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as e:
        if "content type is" in str(e):  # python-docx: not a Word document (an .xlsx, a macro-enabled .docm)
            kind = str(e).rsplit("content type is", 1)[1].strip(" '")
            raise InputError(name, f"not a Word document (its main part is {kind})") from None
        raise InputError(name, f"DOCX is damaged or truncated ({zip_problem(e)})") from None
    except KeyError as e:
        raise InputError(name, f"DOCX is damaged or truncated (a part is missing: {e})") from None
    except ZIP_DAMAGE as e:  # python-docx reads every part: damage the directory check could not see
        raise InputError(name, f"DOCX is damaged or truncated ({zip_problem(e)})") from None
    except Exception as e:  # lxml syntax errors and the like: a broken part
        if type(e).__name__ == "XMLSyntaxError":
            raise InputError(name, f"DOCX is damaged (a part is not well-formed XML: {e})") from None
        raise InputError(name, f"DOCX is damaged ({type(e).__name__}: {e})") from None
    body = getattr(document.element, "body", None)
    if body is None:  # the main part's root is not a w:document (a damaged or foreign part)
        raise InputError(name, "DOCX is damaged: its main part has no document body")
    lines: list[str] = []
    _blocks(body, lines)
    text = "\n".join(x.rstrip() for x in "\n".join(lines).split("\n"))
    text = "\n".join(x for x in text.split("\n") if x.strip())
    if not text.strip():
        raise InputError(name, "DOCX has no text in its body")
    return text, "utf-8", []
