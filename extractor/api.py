"""extract(text) -> Document: normalize, find noise, segment, read quantities, build records, validate."""

from __future__ import annotations

import bisect
import gc
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from extractor import gazetteer, resolution
from extractor import models as M
from extractor import noise as noise_mod
from extractor import quantities as qmod
from extractor.loaders import Loaded, load, load_bytes
from extractor.masks import build_masks
from extractor.normalize import detect_script, escaped_breaks, simplified, views
from extractor.quantities import QMatch
from extractor.quantity_lexicon import ASIDE_KINDS
from extractor.records import QuantityModels, SpanModels, committing, indicator_ids, ranks
from extractor.records import genre as genre_mod
from extractor.records import indicators as ind
from extractor.records.meta import extract_meta, own_numeral_stem, own_numeral_villages
from extractor.records.project_names import opens_works_name
from extractor.segment import NoiseSpan, Part, Segments, Span, SpanIndex, segment

# Parts whose figures are achievements (indicators). The plan part holds goals; problems and appendices neither.
INDICATOR_PARTS = ("preamble", "review")
RECORD_TYPES = ("indicators", "goals", "projects")


def _span(s: int, e: int) -> M.Span:
    return M.span_of(s, e)


_LINE_BREAK = re.compile(r"[\r\n]")


class Analysis:
    """Everything the record builders share about one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.simplified_text, self.view = views(text)
        self.noise = noise_mod.find(self.view)
        noise_spans: list[Span] = [NoiseSpan(r.start, r.end, r.through) for r in self.noise]
        self.segments: Segments = segment(text, self.view, noise_spans)
        self.meta = extract_meta(text, self.view, self.segments)
        # The planned year tells plan from review only where it differs: a half-year report (2025年上半年) reviews
        # and plans the same year, and a mention of it is either.
        plan_year = self.meta.year_planned if self.meta.year_planned != self.meta.year_reviewed else None
        self.plan_year = plan_year
        years = {}
        if self.meta.year_reviewed:
            years[self.meta.year_reviewed] = "review"
        if plan_year:
            years[plan_year] = "plan"
        if years:
            self.segments = self.segments.with_years(self.view, years)
        title_view = self.view[self.meta.title_span[0] : self.meta.title_span[1]] if self.meta.title_span else ""
        paragraphs = committing.paragraphs(self.view, self.segments, plan_year)
        self.genre = genre_mod.classify("".join(title_view.split()), self.view, self.segments, bool(paragraphs))
        if self.genre == "plan":
            self.segments = _all_plan(self.segments)
        # Where no heading says what is planned, committing sentences and plan paragraphs are read as plan pieces.
        self.plan_pieces = committing.plan_pieces(
            self.view, self.segments, self.genre, paragraphs, plan_year, self.meta.year_reviewed
        )
        self._pieces = SpanIndex(self.plan_pieces)
        self._status_pieces: SpanIndex | None = None
        blocked = [(r.start, r.end) for r in self.noise]
        self.masks = build_masks(self.view, blocked, [(r.start, r.end) for r in self.noise if r.through])
        if self.meta.title_span:
            # A title's numbers (2019年, 第十五届) are never data.
            self.masks.block(*self.meta.title_span)
        meta = self.meta
        self.admin = resolution.for_region(meta.region_simplified, meta.admin_level, meta.admin_code, self.view)
        own = own_numeral_stem(meta.region_simplified)
        for stem in (*((own,) if own else ()), *own_numeral_villages(self.admin.code)):
            at = self.view.find(stem)
            while at >= 0:
                self.masks.block(at, at + len(stem))
                at = self.view.find(stem, at + len(stem))
        self.quantities = qmod.find(text, self.view, self.masks)
        # A figure read across a wrap (see wraps.py) joins the sentences of the lines it spans.
        line_break = _LINE_BREAK.search
        view = self.view
        self.segments.join_sentences([(q.start, q.end) for q in self.quantities if line_break(view, q.start, q.end)])
        self.quantity_model = QuantityModels(text)
        self._quantity_parts: list[str] | None = None

    def noise_at(self, pos: int) -> bool:
        return self.segments.noise_at(pos)

    def status_kind(self, pos: int) -> str:
        """The part a project's status at ``pos`` is read in (see committing.status_pieces)."""
        if self._status_pieces is None:
            m = self.meta
            self._status_pieces = SpanIndex(
                committing.status_pieces(
                    self.view, self.segments, self.genre, self.plan_pieces, self.plan_year, m.year_reviewed
                )
            )
        if self._status_pieces.spans and self._status_pieces.at(pos) is not None:
            return "plan"
        return self.part_kind(pos)

    def quantity_parts(self) -> list[str]:
        """The part each quantity is in (see part_kind), found once for the builders that each take their own."""
        if self._quantity_parts is None:
            starts = [q.start for q in self.quantities]
            if all(map(int.__le__, starts, starts[1:])):
                self._quantity_parts = self._part_kinds(starts)
            else:  # multiplicatives are sorted in; a wrapped reading may start before the one before it
                self._quantity_parts = [self.part_kind(s) for s in starts]
        return self._quantity_parts

    def _part_kinds(self, starts: list[int]) -> list[str]:
        """``part_kind`` of each sorted position, by ranges: one bisect per part and plan piece, not per figure
        (a dense text has a figure every two characters)."""
        kinds = ["preamble"] * len(starts)
        parts = self.segments.parts
        for i, p in enumerate(parts):  # part_at: the last part starting at or before the position
            lo = bisect.bisect_left(starts, p.start)
            hi = bisect.bisect_left(starts, parts[i + 1].start) if i + 1 < len(parts) else len(starts)
            kinds[lo:hi] = [p.kind] * (hi - lo)
        pieces = self.plan_pieces
        for i, piece in enumerate(pieces):  # SpanIndex.at: the last piece starting at or before it, if it holds it
            end = min(piece.end, pieces[i + 1].start) if i + 1 < len(pieces) else piece.end
            lo, hi = bisect.bisect_left(starts, piece.start), bisect.bisect_left(starts, end)
            kinds[lo:hi] = ["plan"] * max(0, hi - lo)
        return kinds

    def part_kind(self, pos: int) -> str:
        if self.plan_pieces and self._pieces.at(pos) is not None:
            return "plan"
        p = self.segments.part_at(pos)
        return p.kind if p else "preamble"


def _all_plan(segments: Segments) -> Segments:
    """A plan-only document (工作要点): every part but an appendix is its plan."""
    parts = [
        p if p.kind in ("plan", "appendix") else Part("plan", p.start, p.end, p.heading, p.headings)
        for p in segments.parts
    ]
    out = Segments(segments.lines, segments.sentences, segments.headings, parts, segments.inline_starts)
    out.noise = segments.noise
    return out


# The indicator kind a period names; any other figure is an actual.
_KIND_OF_PERIOD = {"cumulative": "cumulative", "average": "cumulative", "ytd": "ytd", "half": "ytd", "quarter": "ytd"}


def _record_figures(a: Analysis, in_part: Callable[[str], bool]) -> list[QMatch]:
    """The figures a record may hold, in the parts ``in_part`` accepts: never an age, a time span or a count of
    places (ASIDE_KINDS), which say whom, when or where another figure counts."""
    parts = a.quantity_parts()
    return [q for q, part in zip(a.quantities, parts, strict=True) if in_part(part) and q.kind not in ASIDE_KINDS]


def build_indicators(a: Analysis) -> list[M.Indicator]:
    text, view = a.text, a.view
    qs = _record_figures(a, INDICATOR_PARTS.__contains__)
    mentions = ind.read_mentions(text, view, a.segments, qs)
    ind.link(mentions, view, text)
    ind.distribute(mentions, view, text)
    out: list[M.Indicator] = []
    starts = [m.q.start for m in mentions]
    sentences = SpanModels()  # one Span model per sentence, shared by its indicators
    # One record per figure: each is made from its typed fields (M.builder), as is its span.
    make, make_change, make_span = M.builder(M.Indicator), M.builder(M.Change), M.builder(M.Span)
    for i, m in enumerate(mentions):
        if m.owner is not None or m.name is None or opens_works_name(view, m.q.end, m.q.unit):
            continue  # a works' size that opens its name (5兆瓦光伏发电项目) is the project's, no indicator's
        if m.change is not None and m.attached:
            continue
        value = None if m.change is not None else a.quantity_model(m.q)
        change_m = m if m.change is not None else (m.attached[0] if m.attached else None)
        change = None
        if change_m is not None and change_m.change is not None:
            c = change_m.change
            change = make_change(
                {
                    "direction": c.direction,
                    "value": a.quantity_model(change_m.q),
                    "base_year": c.base_year,
                    "base": text[c.base[0] : c.base[1]] if c.base else None,
                }
            )
        last_end = max(m.q.end, *[x.q.end for x in m.attached]) if m.attached else m.q.end
        j = bisect.bisect_left(starts, last_end, i + 1)  # the first figure after this one's words
        next_start = starts[j] if j < len(starts) else m.sentence[1]
        rank = None
        limit = min(next_start, m.sentence[1])
        r = ranks.rank_after(view, text, last_end, limit) if limit > last_end else None  # 5%6%: no words after it
        if r:
            raw, scope, pos, rs, re_ = r
            rank = M.Rank(scope=scope, position=pos, raw=raw, span=_span(rs, re_))
        name_s = simplified(m.name)
        start = min(m.q.start, m.name_start if m.name_start is not None else m.q.start)
        end = last_end
        if m.after_name and m.name_start is not None:
            end = max(end, m.name_start + len(m.name))
        kind = _KIND_OF_PERIOD.get(m.period_kind or "", "actual")
        out.append(
            make(
                {
                    "name": m.name,
                    "name_simplified": name_s,
                    "canonical": indicator_ids.canonical(name_s),
                    "kind": kind,
                    "measure": indicator_ids.measure_of(name_s, m.q.base_unit, value is not None),
                    "value": value,
                    "year": m.year or a.meta.year_reviewed,
                    "period": m.period,
                    "change": change,
                    "rank": rank,
                    "estimated": m.estimated or (change_m is not None and change_m.estimated),
                    "span": make_span({"start": start, "end": end}),
                    "sentence": sentences[m.sentence],
                }
            )
        )
    return out


def build_goals(a: Analysis) -> list[M.Goal]:
    from extractor.records.goals import build_goals as goals

    qs = _record_figures(a, "plan".__eq__)
    return goals(a.text, a.view, a.segments, qs, a.meta.year_planned, a.quantity_model, a.plan_pieces)


def build_projects(a: Analysis, county: str | None = None) -> list[M.Project]:
    """The projects; with the report's ``county`` code, their places are read against its townships and villages."""
    from extractor.records.projects import build_projects as projects

    years = {"review": a.meta.year_reviewed, "preamble": a.meta.year_reviewed, "plan": a.meta.year_planned}
    places = frozenset(gazetteer.places_in(county)) if county else frozenset()
    # The noise index's own lookup (a span, or None) is asked once per candidate: no wrapper calls in between.
    noise_at = a.segments.noise_index().at
    qs = [q for q in a.quantities if q.kind not in ASIDE_KINDS]  # in any part: a project's status says which
    return projects(a.text, a.view, a.segments, qs, noise_at, years, a.quantity_model, places, a.status_kind)


def _sections(a: Analysis) -> list[M.Section]:
    out = []
    for p in a.segments.parts:
        h = p.heading
        out.append(
            M.Section(
                kind=p.kind,  # type: ignore[arg-type]
                heading=h.text if h else None,
                heading_span=_span(h.start, h.end) if h else None,
                span=_span(p.start, p.end),
                headings=[
                    M.Heading(text=x.text, span=_span(x.start, x.end), level=max(1, x.level))
                    for x in p.headings
                    if x is not h
                ],
            )
        )
    return out


def _warnings(a: Analysis, extra: Iterable[str]) -> list[M.Warning]:
    out = [M.Warning(code="input", message=w) for w in extra]
    escaped = escaped_breaks(a.text)
    if escaped:
        out.append(
            M.Warning(
                code="escaped_breaks",
                message=f"the text is one line holding {escaped} escaped line breaks (\\n, \\r\\n), read as line "
                "breaks; spans index the text as given",
            )
        )
    for r in a.noise:
        if r.kind == "placeholder":
            out.append(
                M.Warning(
                    code="placeholder",
                    message=f"template placeholder {a.text[r.start : r.end]!r} is not data",
                    span=_span(r.start, r.end),
                )
            )
    others: dict[str, int] = {}
    for r in a.noise:
        if r.kind != "placeholder":
            others[r.kind] = others.get(r.kind, 0) + 1
    if others:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(others.items()))
        out.append(M.Warning(code="noise", message=f"web or template noise found and ignored ({kinds}); see `noise`"))
    if not any(p.kind in ("review", "plan") for p in a.segments.parts) and a.plan_pieces:
        out.append(
            M.Warning(
                code="no_sections",
                message="no review or plan heading found; committing sentences are read as goals, the other figures "
                "as achievements",
            )
        )
    elif not any(p.kind in ("review", "plan") for p in a.segments.parts):
        out.append(
            M.Warning(
                code="no_sections", message="no review or plan heading found; every figure is read as an achievement"
            )
        )
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector is paused while one text is read, and runs again afterwards.

    A text's records are many small objects that all live until the Document is returned. The collector,
    started every few hundred new objects, walked them again and again: a third of the time on a text dense with
    figures, and a tenth on a report. Nothing here relies on it: objects are freed by reference counting, and
    the few cycles left (a level and the changes attached to it) are collected once it runs again. If it was
    off already, it stays off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@_collector_paused()
def extract(
    text: str,
    *,
    path: str | None = None,
    encoding: str = "utf-8",
    fmt: str = "txt",
    sha256: str | None = None,
    include_text: bool = False,
    only: Iterable[str] | None = None,
    warnings: Iterable[str] = (),
) -> M.Document:
    """Extract every record from a report's decoded text. Spans index ``text`` as given."""
    only_set = set(only) if only is not None else set(RECORD_TYPES)
    a = Analysis(text)
    meta = a.meta
    admin = a.admin
    doc = M.Document(
        source=M.Source(
            path=path,
            sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
            encoding=encoding,
            format=fmt,
            script=detect_script(text, a.simplified_text),
            chars=len(text),
            text=text if include_text else None,
        ),
        meta=M.Meta(
            title=meta.title,
            genre=a.genre,  # type: ignore[arg-type]
            region=meta.region,
            region_simplified=meta.region_simplified,
            admin_level=meta.admin_level,  # type: ignore[arg-type]
            admin_code=admin.code,
            admin_path=list(admin.path),
            admin_candidates=list(admin.candidates),
            year_reviewed=meta.year_reviewed,
            year_planned=meta.year_planned,
        ),
        sections=_sections(a),
        quantities=a.quantity_model.every(a.quantities),
        indicators=build_indicators(a) if "indicators" in only_set else [],
        goals=build_goals(a) if "goals" in only_set else [],
        projects=build_projects(a, admin.code[:6] if admin.code and len(admin.code) >= 6 else None)
        if "projects" in only_set
        else [],
        noise=[M.Noise(kind=r.kind, span=_span(r.start, r.end), text=text[r.start : r.end]) for r in a.noise],  # type: ignore[arg-type]
        warnings=_warnings(a, warnings),
    )
    return doc


def extract_loaded(loaded: Loaded, *, include_text: bool = False, only: Iterable[str] | None = None) -> M.Document:
    return extract(
        loaded.text,
        path=loaded.path,
        encoding=loaded.encoding,
        fmt=loaded.format,
        sha256=loaded.sha256,
        include_text=include_text,
        only=only,
        warnings=loaded.warnings,
    )


def extract_file(
    path: str | os.PathLike[str], *, include_text: bool = False, only: Iterable[str] | None = None
) -> M.Document:
    """Read, decode and extract one report file (a path, or ``-`` for stdin). Raises InputError for unreadable
    input."""
    return extract_loaded(load(path), include_text=include_text, only=only)


def extract_bytes(data: bytes, name: str | None = None, **kw: object) -> M.Document:
    return extract_loaded(load_bytes(data, name), **kw)  # type: ignore[arg-type]
