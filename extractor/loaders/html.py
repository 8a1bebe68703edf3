"""HTML pages saved from government sites: charset, the article body, and its text as a reader sees it.

- The charset is the one the page declares (``<meta charset>`` or ``http-equiv``) when the bytes decode strictly
  with it (GB2312 and GBK labels read as GB18030, Big5 as Big5-HKSCS); otherwise the text decoder's detection.
- The body is the smallest element that still holds nearly all of the page's prose (Chinese characters outside
  links), found by descending from ``<body>``; navigation, breadcrumbs, footers and link lists around it are left
  out, and link-dense blocks inside it are skipped. The page's heading before the body is kept as the first line.
- Inline elements are joined without inserting anything (``完成地区生产总值<font>2883.5</font>亿元`` stays
  ``2883.5亿元``); block elements and ``<br>`` end lines; whitespace collapses as a browser renders it, and a line
  break between two Chinese characters disappears (CSS Text segment-break rule).

Measured against trafilatura on realistic pages: see ``notes/loaders.md``.
"""

from __future__ import annotations

import re

from extractor.errors import InputError
from extractor.loaders._ws import collapse
from extractor.loaders.text import codec_for, decode

# Elements whose content is never page text.
_DROP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed", "head", "title"}
    | {"select", "option", "button", "input", "textarea", "canvas", "audio", "video", "map", "area", "meta", "link"}
)
# Page furniture that HTML5 sites mark up as such.
_FURNITURE = frozenset({"nav", "header", "footer", "aside"})
_BLOCK = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr", "caption"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "blockquote", "pre", "figure", "figcaption"}
    | {"hr", "address", "center", "form", "fieldset", "legend", "details", "summary", "body", "html"}
    | _FURNITURE
)
_CELL = frozenset(("td", "th"))
_HEADING = frozenset(("h1", "h2", "h3"))
_TITLE_ATTR = re.compile(r"title|biaoti|\bbt\b|headline", re.IGNORECASE)

# How much of its parent's prose a child must hold for the body search to descend into it.
_DESCEND = 0.8
# A block whose text is mostly link text is a menu or a list of other articles.
_LINK_DENSE = 0.5

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)

_PARA = "\x00P"  # marker: paragraph boundary (block element)
_LINE = "\x00L"  # marker: <br>
_CELLSEP = "\x00T"  # marker: between table cells of one row


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes, as a Python codec name (GBK labels as GB18030)."""
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    return codec_for(m.group(1).decode("ascii"))


def decode_html(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """The page's text: its declared charset when the bytes fit it strictly, else the text decoder's reading."""
    warnings: list[str] = []
    declared = declared_charset(data)
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared), declared, warnings
        except UnicodeDecodeError as e:
            warnings.append(f"page declares charset {declared} but byte {e.start} does not fit it; encoding detected")
    d = decode(data, name)
    return d.text, d.encoding, warnings + d.warnings


def html_to_text(markup: str, name: str = "<input>") -> str:
    """The article text of an HTML page (see the module docstring)."""
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(name, "reading HTML needs the selectolax package (pip install selectolax)") from None

    tree = LexborHTMLParser(markup)
    root = tree.body or tree.root
    if root is None:
        raise InputError(name, "HTML page has no body")
    mass, links = _measure(root)
    body = _find_body(root, mass)
    text = _render(body, mass, links)
    title = _title(tree, root, body) if body.mem_id != root.mem_id else None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}" if text else title
    if not text.strip():
        raise InputError(name, "HTML page has no text")
    return text


def _children(node):
    c = node.child
    while c is not None:
        yield c
        c = c.next


def _measure(root) -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
    """Per element: Chinese characters outside links (``mass``), and (link chars, all chars) for link density."""
    mass: dict[int, int] = {}
    links: dict[int, tuple[int, int]] = {}
    # Iterative post-order: (node, in_link, visited)
    stack = [(root, False, False)]
    while stack:
        node, in_link, visited = stack.pop()
        tag = node.tag
        if tag == "-text":
            continue
        mid = node.mem_id
        if not visited:
            if tag in _DROP or tag == "-comment":
                mass[mid] = 0
                links[mid] = (0, 0)
                continue
            stack.append((node, in_link, True))
            inner_link = in_link or tag == "a"
            for c in _children(node):
                if c.tag != "-text":
                    stack.append((c, inner_link, False))
            continue
        m = 0
        lk = al = 0
        for c in _children(node):
            if c.tag == "-text":
                t = c.text_content or ""
                n = len(_CJK.findall(t))
                chars = len(t.strip())
                al += chars
                if in_link or tag == "a":
                    lk += chars
                else:
                    m += n
            else:
                cid = c.mem_id
                m += mass.get(cid, 0)
                clk, cal = links.get(cid, (0, 0))
                lk += clk
                al += cal
        mass[mid] = m
        links[mid] = (lk, al)
    return mass, links


def _find_body(root, mass: dict[int, int]):
    cur = root
    while True:
        total = mass.get(cur.mem_id, 0)
        if total == 0:
            return cur
        best = None
        best_mass = -1
        for c in _children(cur):
            if c.tag in ("-text", "-comment"):
                continue
            cm = mass.get(c.mem_id, 0)
            if cm > best_mass:
                best, best_mass = c, cm
        if best is None or best_mass < _DESCEND * total:
            return cur
        cur = best


def _link_dense(node, links: dict[int, tuple[int, int]]) -> bool:
    lk, al = links.get(node.mem_id, (0, 0))
    return al > 0 and lk / al > _LINK_DENSE


def _render(body, mass: dict[int, int], links: dict[int, tuple[int, int]]) -> str:
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(body, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag  # type: ignore[attr-defined]
        if leaving:
            if tag in _BLOCK:
                out.append(_PARA)
            continue
        if tag == "-text":
            # NUL and SOH are this renderer's markers; a page's own ones are not text anyway.
            out.append((node.text_content or "").replace("\x00", "").replace("\x01", ""))  # type: ignore[attr-defined]
            continue
        if tag == "-comment" or tag in _DROP:
            continue
        if node is not body and (tag in _FURNITURE or (tag in _BLOCK and _link_dense(node, links))):
            out.append(_PARA)
            continue
        if tag == "br":
            out.append(_LINE)
            continue
        if tag in _BLOCK:
            out.append(_PARA)
        elif tag in _CELL:
            out.append(_CELLSEP)
        stack.append((node, True))
        kids = list(_children(node))  # type: ignore[arg-type]
        for c in reversed(kids):
            stack.append((c, False))
    return _assemble("".join(out))


_MARKERS = re.compile("(\x00[PLT])")


def _assemble(raw: str) -> str:
    lines: list[str] = []
    cur: list[str] = []

    def flush_line() -> None:
        line = collapse("".join(cur)).strip()
        cur.clear()
        lines.append(re.sub(" ?\x01 ?", "\t", line).strip("\t\x01 "))

    for part in _MARKERS.split(raw):
        if part in (_PARA, _LINE):
            flush_line()
        elif part == _CELLSEP:
            if "".join(cur).strip():
                cur.append("\x01")
        elif part:
            cur.append(part)
    flush_line()
    # Blocks and <br> end lines; empty lines from nested blocks go, paragraphs stay one line each.
    return "\n".join(line for line in lines if line)


def _title(tree, root, body) -> str | None:
    """The page's own heading before the body (h1-h3 or an element whose class or id says title)."""
    body_id = body.mem_id
    found = None
    for node in root.traverse():
        if node.mem_id == body_id:
            break
        tag = node.tag
        if tag in _HEADING or (
            tag not in ("-text", "-comment", "html", "body")
            and _TITLE_ATTR.search(" ".join(str(v) for k, v in (node.attributes or {}).items() if k in ("class", "id")))
        ):
            t = collapse(node.text(deep=True) or "").strip()
            if 4 <= len(t) <= 200 and len(_CJK.findall(t)) >= 2:
                found = t
    if found:
        return found
    head_title = tree.css_first("title")
    if head_title is not None:
        t = collapse(head_title.text() or "").strip()
        t = re.split(r"\s*[_|｜]\s*|\s+[-—–]\s+", t)[0].strip()
        if len(_CJK.findall(t)) >= 2:
            return t
    return None


def load_html(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) of an HTML page."""
    markup, encoding, warnings = decode_html(data, name)
    return html_to_text(markup, name), encoding, warnings
