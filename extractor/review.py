"""A self-contained HTML page to review one extraction: the report text with every record highlighted.

``render(doc, text)`` returns one HTML document with inline CSS and a little inline JavaScript, no network
access of any kind (a Content-Security-Policy forbids it and allows only the page's own script, by hash):

* the report text, every span highlighted with one colour per record type (indicator value, change, target,
  project, other quantity, noise; indicator phrases, goals and headings underlined), and a legend with counts whose
  boxes switch a type's colour off and on;
* hovering a highlight shows its records (innermost first) in a panel; clicking pins it;
* side tables of indicators, goals with their targets, projects, other quantities, sections, noise and warnings;
  clicking a row scrolls the text to its span and flashes it;
* the document metadata at the top;
* a Review panel where each indicator, target, project and loose quantity is accepted, rejected or edited, and a
  missed record is added by selecting its text; verdicts autosave in localStorage (keyed by the sha256) and export
  as corrections (``extractor.corrections``), CSV and gold. Its script is ``review_assets.REVIEW_JS``, its data
  ``review_data.review_data``.

Every piece of report text is HTML-escaped, and record details travel as JSON in a data block and are written
into the page with ``textContent``, so a report containing ``<script>`` shows it as text. Overlapping spans are
nested where they nest and split where they cross, so the markup is always well formed.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, get_args

from extractor import __version__
from extractor import models as M
from extractor.review_assets import CSS, JS, REVIEW_CSS, REVIEW_HTML, REVIEW_JS
from extractor.review_data import review_data

# Record types: key, label in the legend, CSS colour. Order is the legend's order.
TYPES = [
    ("ind", "indicator value", "#bcd7ff"),
    ("chg", "change", "#bdeec6"),
    ("tgt", "target", "#ffd39a"),
    ("prj", "project", "#e3c8ff"),
    ("qty", "other quantity", "#fff1a8"),
    ("noise", "noise", "#dedede"),
]
# Nesting order when two marks cover the same text: smaller rank is outside.
_RANK = {"goal": 0, "iphr": 1, "prj": 2, "head": 3, "noise": 4, "ind": 5, "chg": 6, "tgt": 7, "qty": 8}

# The approximation words of the output contract, as the page writes them (at_most -> at most).
APPROX_WORDS = {a: a.replace("_", " ") for a in get_args(M.Approx)}
DIRECTIONS = {"up": "▲ up", "down": "▼ down", "flat": "= flat"}


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    records: list[str] = field(default_factory=list)
    n: int = 0

    @property
    def rank(self) -> int:
        return _RANK.get(self.kind, 9)


# ---------------------------------------------------------------------------------------------------------------
# formatting values


def fmt_number(d: Decimal | int | float | None) -> str:
    if d is None:
        return ""
    d = Decimal(str(d)) if not isinstance(d, Decimal) else d
    if d == d.to_integral_value():
        return f"{int(d):,}"
    s = format(d.normalize(), "f")
    whole, _, frac = s.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-') or 0):,}.{frac}"


def fmt_quantity(q: M.Quantity | None) -> str:
    """``7.5億元 → 750,000,000 元``, with the range and the approximation word."""
    if q is None:
        return ""
    value = fmt_number(q.base_value)
    if q.base_high is not None:
        value += f" – {fmt_number(q.base_high)}"
    s = f"{q.raw} → {value} {q.base_unit}"
    if q.approx:
        s += f" ({APPROX_WORDS.get(q.approx, q.approx)})"
    return s


def _quantity_rows(q: M.Quantity, label: str = "value") -> list[list[str]]:
    rows = [[label, fmt_quantity(q)]]
    if q.approx:
        rows.append(["approx", APPROX_WORDS.get(q.approx, q.approx)])
    if q.base_high is not None:
        rows.append(["range", f"{fmt_number(q.base_value)} – {fmt_number(q.base_high)} {q.base_unit}"])
    return rows


def fmt_change(c: M.Change | None) -> str:
    if c is None:
        return ""
    parts = [DIRECTIONS.get(c.direction, c.direction)]
    if c.value is not None:
        v = fmt_number(c.value.base_value)
        if c.value.base_high is not None:
            v += f" – {fmt_number(c.value.base_high)}"
        parts.append(f"{v} {c.value.base_unit}")
    if c.base_year:
        parts.append(f"vs {c.base_year}")
    elif c.base and len(c.base) > 1:
        parts.append(f"({c.base})")
    return " ".join(parts)


def _span_label(s: M.Span) -> str:
    return f"{s.start}–{s.end}"


# ---------------------------------------------------------------------------------------------------------------
# records and marks


class _Builder:
    def __init__(self, doc: M.Document, text: str) -> None:
        self.doc = doc
        self.text = text
        self.marks: dict[tuple[int, int, str], Mark] = {}
        self.records: dict[str, dict[str, Any]] = {}
        self.counts: dict[str, int] = defaultdict(int)

    def mark(self, span: M.Span | None, kind: str, rec: str) -> str | None:
        """Register a highlight; returns the id of the element a table row scrolls to."""
        if span is None or not (0 <= span.start < span.end <= len(self.text)):
            return None
        key = (span.start, span.end, kind)
        m = self.marks.get(key)
        if m is None:
            m = self.marks[key] = Mark(span.start, span.end, kind, n=len(self.marks))
        if rec not in m.records:
            m.records.append(rec)
        return f"m{m.n}"

    def record(self, rid: str, type_: str, title: str, rows: list[list[str]]) -> None:
        self.records[rid] = {"type": type_, "title": title, "rows": [[k, v] for k, v in rows if v not in (None, "")]}

    def build(self) -> None:
        doc = self.doc
        used: set[tuple[int, int]] = set()
        for i, ind in enumerate(doc.indicators):
            rid = f"I{i}"
            rows = [["name", ind.name]]
            if ind.name_simplified != ind.name:
                rows.append(["simplified", ind.name_simplified])
            rows.append(["canonical", ind.canonical or ""])
            if ind.value is not None:
                rows += _quantity_rows(ind.value)
            rows += [
                ["year", str(ind.year or "")],
                ["period", ind.period or ""],
                ["kind / measure", f"{ind.kind} / {ind.measure}"],
                [
                    "change",
                    fmt_change(ind.change) + (f" ({ind.change.value.raw})" if ind.change and ind.change.value else ""),
                ],
                ["rank", ind.rank.raw if ind.rank else ""],
                ["span", _span_label(ind.span)],
            ]
            self.record(rid, "indicator", ind.name, rows)
            self.mark(ind.span, "iphr", rid)
            if ind.value is not None:
                self.mark(ind.value.span, "ind", rid)
                used.add((ind.value.span.start, ind.value.span.end))
                self.counts["ind"] += 1
            if ind.change is not None and ind.change.value is not None:
                self.mark(ind.change.value.span, "chg", rid)
                used.add((ind.change.value.span.start, ind.change.value.span.end))
                self.counts["chg"] += 1
        for g, goal in enumerate(doc.goals):
            gid = f"G{g}"
            rows = [
                ["text", goal.text],
                ["year", str(goal.year or "")],
                ["theme", goal.theme or ""],
                ["kind", goal.kind],
                ["strength", goal.strength or ""],
                ["span", _span_label(goal.span)],
            ]
            for t, tgt in enumerate(goal.targets):
                rows.append([f"target {t + 1}", self._target_line(tgt)])
            self.record(gid, "goal", goal.text, rows)
            self.mark(goal.span, "goal", gid)
            self.counts["goal"] += 1
            for t, tgt in enumerate(goal.targets):
                tid = f"T{g}.{t}"
                trows = [["subject", tgt.subject or ""], ["canonical", tgt.canonical or ""]]
                if tgt.value is not None:
                    trows += _quantity_rows(tgt.value)
                trows += [
                    ["qualifier", (tgt.qualifier or "") + (f" ({tgt.qualifier_raw})" if tgt.qualifier_raw else "")],
                    ["measure", tgt.measure],
                    ["text", tgt.text],
                    ["goal", goal.text],
                ]
                self.record(tid, "target", tgt.subject or tgt.text, trows)
                if tgt.value is not None:
                    self.mark(tgt.value.span, "tgt", tid)
                    used.add((tgt.value.span.start, tgt.value.span.end))
                    self.counts["tgt"] += 1
        for p, proj in enumerate(doc.projects):
            pid = f"P{p}"
            rows = [
                ["name", proj.name],
                ["status", proj.status or ""],
                ["category", proj.category or ""],
                ["level", proj.level or ""],
                ["year", str(proj.year or "")],
                ["locations", "、".join(proj.locations)],
                ["investment", fmt_quantity(proj.investment)],
                ["quantities", "; ".join(fmt_quantity(q) for q in proj.quantities)],
                ["span", _span_label(proj.span)],
            ]
            self.record(pid, "project", proj.name, rows)
            self.mark(proj.span, "prj", pid)
            self.counts["prj"] += 1
            for q in [*proj.quantities, *([proj.investment] if proj.investment else [])]:
                self.mark(q.span, "prj", pid)
                used.add((q.span.start, q.span.end))
        for k, q in enumerate(doc.quantities):
            if (q.span.start, q.span.end) in used:
                continue
            qid = f"Q{k}"
            self.record(qid, "quantity", q.raw, [*_quantity_rows(q), ["span", _span_label(q.span)]])
            self.mark(q.span, "qty", qid)
            self.counts["qty"] += 1
        for k, nz in enumerate(doc.noise):
            nid = f"N{k}"
            self.record(nid, "noise", nz.kind, [["kind", nz.kind], ["text", nz.text], ["span", _span_label(nz.span)]])
            self.mark(nz.span, "noise", nid)
            self.counts["noise"] += 1
        for s, sec in enumerate(doc.sections):
            heads = ([M.Heading(text=sec.heading, span=sec.heading_span, level=1)] if sec.heading_span else []) + list(
                sec.headings
            )
            for h, head in enumerate(heads):
                hid = f"H{s}.{h}"
                self.record(hid, "heading", head.text, [["part", sec.kind], ["level", str(head.level)]])
                self.mark(head.span, "head", hid)

    @staticmethod
    def _target_line(t: M.Target) -> str:
        parts = [t.subject or ""]
        if t.value is not None:
            parts.append(fmt_quantity(t.value))
        if t.qualifier:
            parts.append(f"[{t.qualifier}]")
        return " ".join(p for p in parts if p) or t.text

    def first_id(self, span: M.Span | None, kind: str) -> str | None:
        if span is None:
            return None
        m = self.marks.get((span.start, span.end, kind))
        return f"m{m.n}" if m else None


# ---------------------------------------------------------------------------------------------------------------
# the text with nested highlights


def _open_tag(m: Mark, first: bool) -> str:
    ident = f' id="m{m.n}"' if first else ""
    recs = html.escape(" ".join(m.records))
    return f'<span class="hl t-{m.kind}"{ident} data-m="{m.n}" data-span="{m.start}-{m.end}" data-r="{recs}">'


def nest(text: str, marks: list[Mark]) -> str:
    """The escaped text with every mark as a span: nested where marks nest, split where they cross.

    The first piece of mark ``n`` has ``id="m<n>"``; every piece carries ``data-m="<n>"`` and the whole mark's
    ``data-span="<start>-<end>"`` (character offsets into the text).
    """
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starts: dict[int, list[Mark]] = defaultdict(list)
    points = {0, len(text)}
    for m in marks:
        starts[m.start].append(m)
        points.update((m.start, m.end))
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    pos = 0
    for p in sorted(points):
        if p > pos:
            # a CR written as is would be folded into the LF after it by the HTML parser, shifting every offset
            out.append(html.escape(text[pos:p], quote=False).replace("\r", "&#13;"))
            pos = p
        reopen: list[Mark] = []
        while any(m.end == p for m in stack):
            m = stack.pop()
            out.append("</span>")
            if m.end != p:
                reopen.append(m)
        opening = reopen[::-1] + starts.get(p, [])
        opening.sort(key=lambda m: (-m.end, m.rank))
        for m in opening:
            out.append(_open_tag(m, m.n not in opened))
            opened.add(m.n)
            stack.append(m)
    out.extend("</span>" for _ in stack)
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------------
# the page


def _e(s: object) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _json_block(data: object) -> str:
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Nothing in a data block may close it or start a comment: escape the three characters that could.
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _row(go: str | None, cells: list[str], cls: str = "", nums: tuple[int, ...] = ()) -> str:
    attrs = f' data-go="{_e(go)}" tabindex="0"' if go else ""
    if cls:
        attrs += f' class="{cls}"'
    tds = "".join(f'<td class="num">{_e(c)}</td>' if i in nums else f"<td>{_e(c)}</td>" for i, c in enumerate(cells))
    return f"<tr{attrs}>{tds}</tr>"


def _table(section_id: str, title: str, head: list[str], rows: list[str], empty: str) -> str:
    count = sum(1 for r in rows if 'class="sub"' not in r)
    h = f'<section id="{section_id}"><h2>{_e(title)} ({count})</h2>'
    if not rows:
        return h + f'<p class="none">{_e(empty)}</p></section>'
    ths = "".join(f"<th>{_e(x)}</th>" for x in head)
    return h + f"<table><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"


def _side(b: _Builder) -> str:
    doc = b.doc
    parts = []
    rows = []
    for i, ind in enumerate(doc.indicators):
        go = b.first_id(ind.value.span if ind.value else None, "ind")
        go = go or b.first_id(ind.change.value.span if ind.change and ind.change.value else None, "chg")
        go = go or b.first_id(ind.span, "iphr")
        value = f"{fmt_number(ind.value.base_value)} {ind.value.base_unit}" if ind.value else ""
        if ind.value and ind.value.approx:
            value += f" ({APPROX_WORDS.get(ind.value.approx, ind.value.approx)})"
        rank = ind.rank.raw if ind.rank else ""
        rows.append(
            _row(go, [str(i + 1), ind.name, value, fmt_change(ind.change), str(ind.year or ""), rank], nums=(2,))
        )
    parts.append(
        _table("tab-indicators", "Indicators", ["#", "name", "value", "change", "year", "rank"], rows, "No indicators.")
    )
    rows = []
    for g, goal in enumerate(doc.goals):
        label = " / ".join(x for x in (goal.kind, goal.strength) if x)
        rows.append(_row(b.first_id(goal.span, "goal"), [f"G{g + 1}", goal.text, str(goal.year or ""), label]))
        for t, tgt in enumerate(goal.targets):
            go = b.first_id(tgt.value.span if tgt.value else None, "tgt") or b.first_id(goal.span, "goal")
            value = f"{fmt_number(tgt.value.base_value)}" if tgt.value else ""
            if tgt.value and tgt.value.base_high is not None:
                value += f" – {fmt_number(tgt.value.base_high)}"
            if tgt.value:
                value += f" {tgt.value.base_unit}"
            qual = (tgt.qualifier or "") + (f" ({tgt.qualifier_raw})" if tgt.qualifier_raw else "")
            rows.append(_row(go, [f"T{t + 1}", tgt.subject or tgt.text, value, qual], cls="sub"))
    parts.append(
        _table(
            "tab-goals",
            "Goals and targets",
            ["#", "goal / target", "year / value", "kind / qualifier"],
            rows,
            "No goals extracted.",
        )
    )
    rows = []
    for p, proj in enumerate(doc.projects):
        inv = f"{fmt_number(proj.investment.base_value)} {proj.investment.base_unit}" if proj.investment else ""
        sizes = "; ".join(q.raw for q in proj.quantities)
        rows.append(
            _row(
                b.first_id(proj.span, "prj"),
                [str(p + 1), proj.name, proj.status or "", proj.category or "", inv, sizes],
            )
        )
    parts.append(
        _table(
            "tab-projects",
            "Projects",
            ["#", "name", "status", "category", "investment", "quantities"],
            rows,
            "No projects extracted.",
        )
    )
    rows = []
    for k, q in enumerate(doc.quantities):
        go = b.first_id(q.span, "qty")
        if go is None:
            continue
        rng = f" – {fmt_number(q.base_high)}" if q.base_high is not None else ""
        rows.append(_row(go, [q.raw, f"{fmt_number(q.base_value)}{rng} {q.base_unit}", q.approx or "", str(k)]))
    parts.append(
        _table(
            "tab-quantities",
            "Other quantities (in no record)",
            ["raw", "value", "approx", "#"],
            rows,
            "Every quantity belongs to a record.",
        )
    )
    rows = []
    for sec in doc.sections:
        go = b.first_id(sec.heading_span, "head")
        rows.append(_row(go, [sec.kind, sec.heading or "", _span_label(sec.span), str(len(sec.headings))]))
    parts.append(_table("tab-sections", "Sections", ["part", "heading", "span", "sub-headings"], rows, "No sections."))
    rows = []
    for nz in doc.noise:
        excerpt = nz.text if len(nz.text) <= 60 else nz.text[:60] + "…"
        rows.append(_row(b.first_id(nz.span, "noise"), [nz.kind, excerpt, _span_label(nz.span)]))
    parts.append(_table("tab-noise", "Noise regions", ["kind", "text", "span"], rows, "No noise found."))
    rows = []
    for w in doc.warnings:
        go = None
        if w.span is not None:
            go = b.first_id(w.span, "noise") or b.first_id(w.span, "qty")
        rows.append(_row(go, [w.code, w.message, _span_label(w.span) if w.span else ""]))
    parts.append(_table("tab-warnings", "Warnings", ["code", "message", "span"], rows, "No warnings."))
    return "".join(parts)


def _header(doc: M.Document, b: _Builder, title: str) -> str:
    m, s = doc.meta, doc.source
    region = m.region or ""
    if m.region_simplified and m.region_simplified != m.region:
        region += f" ({m.region_simplified})"
    fields = [
        ("region", region),
        ("level", m.admin_level),
        ("code", m.admin_code),
        ("year reviewed", m.year_reviewed),
        ("year planned", m.year_planned),
        ("source", s.path),
        ("encoding", s.encoding),
        ("script", s.script),
        ("characters", f"{s.chars:,}"),
        ("sha256", s.sha256[:12] + "…"),
        ("schema", doc.schema_version),
    ]
    meta = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in fields if v not in (None, ""))
    counts = dict(b.counts)
    legend = []
    for key, label, _ in TYPES:
        legend.append(
            f'<label><input type="checkbox" value="{key}" checked> <span class="sw t-{key}">{counts.get(key, 0)}</span>'
            f"{_e(label)}</label>"
        )
    legend.append(
        f'<label><input type="checkbox" value="goal" checked> <span class="sw t-goal">{counts.get("goal", 0)}</span>'
        "goal (dashed)</label>"
    )
    legend.append('<span><span class="sw t-iphr">&nbsp;</span>indicator phrase (dotted)</span>')
    return (
        f'<header><h1>{_e(title)}</h1><dl class="meta">{meta}</dl>'
        f'<div class="legend" id="legend">{"".join(legend)}</div></header>'
    )


def render(doc: M.Document, text: str | None = None, *, title: str | None = None) -> str:
    """The review page of ``doc``; ``text`` is the decoded report text its spans index (default: source.text)."""
    if text is None:
        text = doc.source.text
    if text is None:
        raise ValueError("render() needs the report text: pass text= or extract with include_text=True")
    b = _Builder(doc, text)
    b.build()
    body = nest(text, sorted(b.marks.values(), key=lambda m: (m.start, -m.end, m.rank)))
    page_title = title or doc.meta.title or doc.source.path or "govreport review"
    script = JS + REVIEW_JS
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:; base-uri 'none'"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="govreport {_e(__version__)}">\n'
        f"<title>{_e(page_title)} — govreport review</title>\n<style>{CSS}{REVIEW_CSS}</style>\n</head>\n<body>\n"
        f"{_header(doc, b, page_title)}\n<main>\n"
        f'<div id="text-pane"><pre id="text">{body}</pre></div>\n'
        f'<div id="side">{REVIEW_HTML}{_side(b)}</div>\n</main>\n'
        '<div id="inspector" role="status" aria-live="polite"></div>\n'
        f'<script type="application/json" id="records">{_json_block(b.records)}</script>\n'
        f'<script type="application/json" id="review-data">{_json_block(review_data(doc, text, b))}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )
