"""Reading a report from a path, bytes or stdin into decoded text."""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, field

from extractor.errors import InputError
from extractor.loaders.text import decode

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Loaded:
    text: str
    encoding: str
    format: str
    sha256: str
    path: str | None
    warnings: list[str] = field(default_factory=list)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path`` (``-`` is stdin), refusing directories and files over ``max_bytes`` before reading them."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError("<stdin>", f"input is larger than the limit of {max_bytes} bytes (--max-bytes)")
        return data
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as e:
        raise InputError(path, e.strerror or "cannot read") from None
    if os.path.isdir(path):
        raise InputError(path, "is a directory, not a file")
    if st.st_size > max_bytes:
        raise InputError(path, f"file is {st.st_size} bytes, over the limit of {max_bytes} (--max-bytes)")
    try:
        with open(path, "rb") as f:
            return f.read(max_bytes + 1)
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as e:
        raise InputError(path, e.strerror or "cannot read") from None


def load_bytes(data: bytes, name: str | None = None) -> Loaded:
    """Decode or extract ``data``: the format is detected from the content (the name's extension is a hint only).

    ``Loaded.text`` is what every span indexes: the decoded text of a .txt, the article text of an HTML page, the
    body of a DOCX, the text layer of a PDF, the text content of an XML file.
    """
    from extractor.loaders.detect import detect

    display = name or "<input>"
    if not data:
        raise InputError(display, "file is empty")
    fmt = detect(data, name)
    sha = hashlib.sha256(data).hexdigest()
    if fmt == "txt":
        d = decode(data, display)
        return Loaded(d.text, d.encoding, "txt", sha, name, d.warnings)
    if fmt == "html":
        from extractor.loaders.html import load_html as reader
    elif fmt == "xml":
        from extractor.loaders.xml import load_xml as reader
    elif fmt == "docx":
        from extractor.loaders.docx import load_docx as reader
    else:
        from extractor.loaders.pdf import load_pdf as reader
    text, encoding, warnings = reader(data, display)
    return Loaded(text, encoding, fmt, sha, name, list(warnings))


def load(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    path = os.fspath(path)  # a pathlib.Path as well as a string
    data = read_bytes(path, max_bytes)
    return load_bytes(data, "<stdin>" if path == "-" else path)
