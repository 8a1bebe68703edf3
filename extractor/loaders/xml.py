"""XML (DocBook and the like): the text content, one line per text-bearing element.

Parsing goes through defusedxml: a document that declares entities (an entity bomb, an external entity) is
refused, and no DTD or external resource is ever fetched.

An element whose own text is not blank (``<para>``, ``<title>``) is one line: its whole text, inline children
(``<emphasis>``) joined without separators, whitespace collapsed as in HTML. Elements holding only other elements
(``<section>``, ``<orderedlist>``) are walked into.
"""

from __future__ import annotations

import re

from extractor.errors import InputError
from extractor.loaders._ws import collapse
from extractor.loaders.text import codec_for, decode

_DECL_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?)\sencoding\s*=\s*["'][^"']*["']""")
_BYTES_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})["']""")


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    m = _BYTES_ENCODING.match(data.lstrip(b"\xef\xbb\xbf"))
    if m and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = codec_for(m.group(1).decode("ascii"))
        if enc is not None:
            try:
                body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
                return body.decode(enc), enc, []
            except UnicodeDecodeError:
                pass
    d = decode(data, name)
    return d.text, d.encoding, list(d.warnings)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def xml_text(root) -> str:
    lines: list[str] = []
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        own = (el.text or "").strip() or any((c.tail or "").strip() for c in el)
        if own:
            line = collapse("".join(el.itertext())).strip()
            if line:
                lines.append(line)
            continue
        stack.extend(reversed(list(el)))
    return "\n".join(lines)


def load_xml(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) of an XML document."""
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import ParseError, fromstring
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(name, "reading XML needs the defusedxml package (pip install defusedxml)") from None

    markup, encoding, warnings = _decode(data, name)
    # The text is decoded already: the declaration's encoding must not be applied a second time.
    markup = _DECL_ENCODING.sub(r"\1", markup, count=1)
    try:
        root = fromstring(markup, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise InputError(
            name,
            f"XML refused: it declares entities or external references ({type(e).__name__}); entity bombs "
            "and external entities are never expanded",
        ) from None
    except ParseError as e:
        raise InputError(name, f"XML is not well-formed ({e})") from None
    try:
        text = xml_text(root)
    except RecursionError:
        raise InputError(name, "XML is nested too deeply to read") from None
    if not text.strip():
        raise InputError(name, "XML has no text content")
    return text, encoding, warnings
