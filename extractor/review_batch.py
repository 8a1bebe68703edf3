"""Review pages for a batch: one page per document of a JSON Lines file, and an index.html listing them.

Each page needs the text its spans index: the document's ``source.text`` (``batch``/``extract --include-text``), else
the report at ``source.path`` (as given, or beside the JSONL file) when its bytes still have the document's sha256.
A document without its text is listed in the index with the reason, and the others are written.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor import models as M

INDEX_CSS = """
body { font: 14px/1.5 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 18px; color: #1d1d1f; }
table { border-collapse: collapse; } th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
th { background: #f0f0ee; } td.num { text-align: right; font-variant-numeric: tabular-nums; } .err { color: #8a1c1c; }
"""
# Review progress lives in each page's localStorage (same file:// origin): the index reads the counts from there.
INDEX_JS = """
(function () { "use strict";
  document.querySelectorAll("td[data-sha]").forEach(function (td) {
    var s = null; try { s = JSON.parse(localStorage.getItem("govreport-review:" + td.getAttribute("data-sha"))); }
    catch (e) { s = null; }
    td.textContent = s && s.items ? String(Object.keys(s.items).length) : "0"; });
})();
"""


@dataclass
class Entry:
    """One line of the JSONL: the page written for it, or why there is none."""

    line: int
    doc: M.Document | None
    page: str | None = None
    error: str | None = None


def _counts(doc: M.Document) -> dict[str, int]:
    return {
        "indicators": len(doc.indicators),
        "targets": sum(len(g.targets) for g in doc.goals),
        "projects": len(doc.projects),
        "quantities": len(doc.quantities),
    }


def _text_of(doc: M.Document, base: Path, max_bytes: int) -> str:
    """The text the document's spans index; ValueError saying why it cannot be had."""
    if doc.source.text is not None:
        return doc.source.text
    from extractor.errors import InputError
    from extractor.loaders import load

    if not doc.source.path:
        raise ValueError("no source.text and no source.path: extract with --include-text")
    for cand in (Path(doc.source.path), base / doc.source.path, base / Path(doc.source.path).name):
        if cand.is_file():
            try:
                loaded = load(str(cand), max_bytes)
            except InputError as e:
                raise ValueError(str(e)) from None
            if loaded.sha256 != doc.source.sha256:
                raise ValueError(f"{cand} has changed since it was extracted (sha256 differs)")
            return loaded.text
    raise ValueError(f"report {doc.source.path} not found and no source.text (extract with --include-text)")


def _page_name(doc: M.Document, taken: set[str]) -> str:
    stem = Path(doc.source.path or "").stem or doc.source.sha256[:12]
    stem = re.sub(r"[^\w.-]+", "_", stem).strip("._") or doc.source.sha256[:12]
    name = f"{stem}.html"
    if name.lower() in taken or name.lower() == "index.html":
        name = f"{stem}-{doc.source.sha256[:8]}.html"
    taken.add(name.lower())
    return name


def _documents(path: Path) -> Iterator[tuple[int, M.Document | None, str | None]]:
    from pydantic import ValidationError

    with path.open(encoding="utf-8-sig") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield n, M.Document.model_validate_json(line), None
            except ValidationError as e:
                yield n, None, f"not a govreport document ({e.error_count()} problems, first: {e.errors()[0]['msg']})"


def write_pages(jsonl: str | Path, out_dir: str | Path, max_bytes: int = 50 * 1024 * 1024) -> list[Entry]:
    """Write one review page per document of ``jsonl`` into ``out_dir``, then ``index.html``; the entries."""
    from extractor.review import render

    jsonl, out = Path(jsonl), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    entries: list[Entry] = []
    taken: set[str] = set()
    for n, doc, err in _documents(jsonl):
        entry = Entry(n, doc, error=err)
        entries.append(entry)
        if doc is None:
            continue
        try:
            text = _text_of(doc, jsonl.parent, max_bytes)
        except ValueError as e:
            entry.error = str(e)
            continue
        entry.page = _page_name(doc, taken)
        tmp = out / f".{entry.page}.part"
        tmp.write_text(render(doc, text), encoding="utf-8")
        tmp.replace(out / entry.page)  # a page is whole or absent
    (out / "index.html").write_text(index_html(entries, jsonl.name), encoding="utf-8")
    return entries


def index_html(entries: list[Entry], title: str) -> str:
    def e(s: object) -> str:
        return html.escape("" if s is None else str(s), quote=True)

    rows = []
    for en in entries:
        d = en.doc
        name = d.source.path if d is not None and d.source.path else f"line {en.line}"
        tds = [f'<td><a href="{e(en.page)}">{e(name)}</a></td>' if en.page else f"<td>{e(name)}</td>"]
        if d is None:
            tds += ["<td></td>"] * 7
        else:
            tds += [f"<td>{e(d.meta.region)}</td>", f"<td>{e(d.meta.year_reviewed)}</td>"]
            tds += [f'<td class="num">{v}</td>' for v in _counts(d).values()]
            tds.append(f'<td class="num" data-sha="{e(d.source.sha256)}"></td>' if en.page else "<td></td>")
        tds.append(f'<td class="err">{e(en.error)}</td>' if en.error else "<td></td>")
        rows.append(f"<tr>{''.join(tds)}</tr>")
    head = ["document", "region", "year", "indicators", "targets", "projects", "quantities", "corrections", "note"]
    digest = base64.b64encode(hashlib.sha256(INDEX_JS.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; base-uri 'none'"
    pages = sum(1 for en in entries if en.page)
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{e(csp)}">\n'
        f"<title>{e(title)} — govreport review</title>\n<style>{INDEX_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{e(title)}: {pages} review pages</h1>\n"
        f"<table><thead><tr>{''.join(f'<th>{h}</th>' for h in head)}</tr></thead>\n"
        f"<tbody>{''.join(rows)}</tbody></table>\n<script>{INDEX_JS}</script>\n</body>\n</html>\n"
    )
