"""Corrections: a reviewer's verdicts on the records of one report, kept apart from the extraction and replayed on it.

A corrections file (``schemas/corrections.schema.json``) names each record by its type and its span, never by its
position in a list, so the same file applies to a newer extraction of the same report:

* indicators, targets and loose quantities by the span of their value (an indicator with only a change by the
  change's span; a qualitative target by its own span), projects by the span of their name;
* ``reject`` removes the record, ``edit`` changes the fields named in ``set``, ``add`` creates a record on a span
  of the text (its surface is the text there), ``accept`` only says it was checked;
* ``set`` holds fields of the record's model (a nested model such as ``value`` may be given in part: it is merged
  into the record's), and the record is validated by that model afterwards.

:func:`apply` checks every item first and changes nothing when one is bad (one :class:`CorrectionsError` listing
each problem). A correction whose record no longer exists is reported in the result, and the others still apply.
Applying the same corrections twice gives the same document.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from extractor import models as M
from extractor import tables as T
from extractor.evaluate import walk_quantities
from extractor.normalize import simplified

CORRECTIONS_VERSION = "1.0"
RecordType = Literal["indicator", "target", "project", "quantity"]
Action = Literal["accept", "reject", "edit", "add"]
MODELS: dict[str, type[M.Model]] = {
    "indicator": M.Indicator,
    "target": M.Target,
    "project": M.Project,
    "quantity": M.Quantity,
}
# What a record's CSV row says about its review (the `review` column); rows never reviewed say "unreviewed".
REVIEW_STATES = {"accept": "accepted", "edit": "edited", "add": "added", "reject": "rejected"}


class Correction(M.Model):
    """One verdict on one record."""

    action: Action
    type: RecordType
    span: M.Span = Field(
        description="the record's identity: its value's span (indicator, target, quantity) or its name's (project)"
    )
    set: dict[str, Any] | None = Field(
        None, description="edit/add: fields of the record's model; a nested model (value) may be given in part"
    )
    note: str | None = Field(None, description="the reviewer's remark; not applied")


class Corrections(M.Model):
    """A reviewer's corrections to the extraction of one report (identified by the sha256 of its bytes)."""

    schema_version: str = CORRECTIONS_VERSION
    sha256: str = Field(description="source.sha256 of the report the spans index")
    reviewer: str | None = None
    items: list[Correction] = Field(default_factory=list)


class CorrectionsError(ValueError):
    """Corrections that cannot be applied; ``problems`` names each bad item."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


@dataclass
class Outcome:
    index: int
    item: Correction
    status: Literal["applied", "gone", "missing"]
    message: str = ""


@dataclass
class Applied:
    """The corrected document, what happened to each correction, and the records that were rejected."""

    doc: M.Document
    outcomes: list[Outcome] = field(default_factory=list)
    rejected: list[tuple[str, M.Model]] = field(default_factory=list)
    states: dict[tuple[str, int, int], str] = field(default_factory=dict)

    @property
    def missing(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "missing"]


# ---------------------------------------------------------------------------------------------------------------
# reading


def _pydantic_problems(e: ValidationError, prefix: str = "") -> list[str]:
    out = []
    for err in e.errors()[:5]:
        where = ".".join(str(x) for x in err["loc"])
        out.append(f"{prefix}{where}: {err['msg']}" if where else f"{prefix}{err['msg']}")
    if e.error_count() > 5:
        out.append(f"and {e.error_count() - 5} more")
    return out


def parse(data: str | bytes, source: str = "corrections") -> Corrections:
    """Corrections from JSON text; CorrectionsError when it is not valid JSON or not a corrections object."""
    try:
        obj = json.loads(data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff"))
    except UnicodeDecodeError:
        raise CorrectionsError(source, ["not UTF-8 text"]) from None
    except json.JSONDecodeError as e:
        raise CorrectionsError(source, [f"not valid JSON: {e.msg} at line {e.lineno} column {e.colno}"]) from None
    if not isinstance(obj, dict):
        raise CorrectionsError(source, ["a corrections file is one JSON object"])
    try:
        return Corrections.model_validate(obj)
    except ValidationError as e:
        raise CorrectionsError(source, _pydantic_problems(e)) from None


def read(path: str | Path) -> Corrections:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise CorrectionsError(str(p), ["no such file"]) from None
    except OSError as e:
        raise CorrectionsError(str(p), [f"cannot read: {e.strerror}"]) from None
    return parse(data, str(p))


# ---------------------------------------------------------------------------------------------------------------
# record identity


def identity(type_: str, rec: Any) -> tuple[int, int]:
    """The span that names a record (see the module docstring)."""
    if type_ == "indicator":
        q = rec.value or (rec.change.value if rec.change else None)
        sp = q.span if q is not None else rec.span
    elif type_ == "target":
        sp = rec.value.span if rec.value is not None else rec.span
    else:
        sp = rec.span
    return sp.start, sp.end


def records(doc: M.Document) -> Iterator[tuple[str, tuple[int, int], Any]]:
    """Every reviewable record: (type, identity span, the record), quantities last."""
    for ind in doc.indicators:
        yield "indicator", identity("indicator", ind), ind
    for goal in doc.goals:
        for tgt in goal.targets:
            yield "target", identity("target", tgt), tgt
    for proj in doc.projects:
        yield "project", identity("project", proj), proj
    for q in doc.quantities:
        yield "quantity", identity("quantity", q), q


def record_quantity_spans(doc: M.Document) -> set[tuple[int, int]]:
    """Spans of quantities that belong to a record; the other quantities are reviewed on their own."""
    spans: set[tuple[int, int]] = set()
    for ind in doc.indicators:
        for q in (ind.value, ind.change.value if ind.change else None):
            if q is not None:
                spans.add((q.span.start, q.span.end))
    for goal in doc.goals:
        spans.update((t.value.span.start, t.value.span.end) for t in goal.targets if t.value is not None)
    for proj in doc.projects:
        for q in [*proj.quantities, *([proj.investment] if proj.investment else [])]:
            spans.add((q.span.start, q.span.end))
    return spans


# ---------------------------------------------------------------------------------------------------------------
# applying


def _merge(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in patch.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _default_quantity(surface: str, span: M.Span, given: dict[str, Any]) -> dict[str, Any]:
    """A quantity on ``span``: number and unit default to the base value and unit the reviewer gave."""
    q: dict[str, Any] = {"raw": surface, "span": span.model_dump()}
    if "base_value" in given:
        q["number"] = given["base_value"]
    if "base_unit" in given:
        q["unit"] = given["base_unit"]
    return _merge(q, given)


def _new_record(item: Correction, surface: str) -> dict[str, Any]:
    s = item.set or {}
    sp = item.span.model_dump()
    if item.type == "quantity":
        return _default_quantity(surface, item.span, s)
    if item.type == "project":
        return _merge({"name": surface, "span": sp, "sentence": sp}, s)
    value = _default_quantity(surface, item.span, s.get("value") or {})
    base = {"span": sp, "sentence": sp} if item.type == "indicator" else {"text": surface, "span": sp}
    d = _merge(base, {**s, "value": value})
    _simplify_names(item.type, d, s)
    return d


MODEL_FIELDS = {t: tuple(m.model_fields) for t, m in MODELS.items()}


def _simplify_names(type_: str, d: dict[str, Any], patch: dict[str, Any]) -> None:
    # a name typed by the reviewer keeps its simplified twin in step, unless the reviewer set that too
    for name, twin in (("name", "name_simplified"), ("subject", "subject_simplified")):
        if name in patch and twin not in patch and twin in MODEL_FIELDS[type_]:
            d[twin] = simplified(d[name]) if isinstance(d[name], str) else None


def _check_grounding(rec: M.Model, text: str | None, chars: int) -> list[str]:
    out = []
    for _, q in walk_quantities(rec.model_dump(mode="json")):
        s, e = q["span"]["start"], q["span"]["end"]
        if e > chars:
            out.append(f"span {s}-{e} of {q['raw']!r} is outside the text ({chars} characters)")
        elif text is not None and text[s:e] != q["raw"]:
            out.append(f"raw {q['raw']!r} is not the text at {s}-{e} ({text[s:e]!r})")
    return out


def _build(
    type_: str, data: dict[str, Any], where: str, problems: list[str], text: str | None, chars: int
) -> M.Model | None:
    """The record validated by its model and grounded in the text, or None with one problem added."""
    try:
        rec = MODELS[type_].model_validate(data)
    except ValidationError as e:
        problems.append(f"{where}: not a valid {type_}: " + ", ".join(_pydantic_problems(e)))
        return None
    bad = _check_grounding(rec, text, chars)
    if bad:
        problems.append(f"{where}: " + ", ".join(bad))
        return None
    return rec


def _find_all(doc: M.Document, type_: str, key: tuple[int, int]) -> list[tuple[list[Any], int]]:
    """Each record of ``type_`` named by ``key``: the list holding it and its index there. Two records can share a
    name (qualitative targets of one clause share its span); a verdict on the name holds for each of them."""
    lists = [g.targets for g in doc.goals] if type_ == "target" else [_find_list(doc, type_)]
    return [(lst, i) for lst in lists for i, r in enumerate(lst) if identity(type_, r) == key]


def _find(doc: M.Document, type_: str, key: tuple[int, int]) -> tuple[list[Any], int] | None:
    hits = _find_all(doc, type_, key)
    return hits[0] if hits else None


def _insert(lst: list[Any], type_: str, rec: M.Model) -> None:
    key = identity(type_, rec)
    at = next((i for i, r in enumerate(lst) if identity(type_, r) > key), len(lst))
    lst.insert(at, rec)


def _goal_for(doc: M.Document, rec: M.Target) -> list[M.Target]:
    """The targets of the narrowest goal around ``rec``, or of a new goal made of it."""
    s, e = identity("target", rec)
    around = [g for g in doc.goals if g.span.start <= s and e <= g.span.end]
    if around:
        return min(around, key=lambda g: g.span.end - g.span.start).targets
    goal = M.Goal(text=rec.text, span=rec.span, sentence=rec.span, kind="target")
    at = next((i for i, g in enumerate(doc.goals) if g.span.start > s), len(doc.goals))
    doc.goals.insert(at, goal)
    return goal.targets


def _sync_quantities(doc: M.Document, rec: M.Model) -> None:
    """A record's quantities are also mentions of the text: doc.quantities holds each once, as the record says."""
    for _, q in walk_quantities(rec.model_dump(mode="json")):
        qm = M.Quantity.model_validate(q)
        key = (qm.span.start, qm.span.end)
        found = _find(doc, "quantity", key)
        if found is None:
            _insert(doc.quantities, "quantity", qm)
        else:
            found[0][found[1]] = qm


def apply(
    doc: M.Document,
    corrections: Corrections,
    text: str | None = None,
    *,
    force: bool = False,
    source: str = "corrections",
) -> Applied:
    """The corrected copy of ``doc``; ``doc`` itself is left as it was.

    ``text`` is the decoded report the spans index; without it, spans are checked against ``source.chars`` only
    and ``add`` cannot read its surface. Raises CorrectionsError, changing nothing, when the sha256 differs (unless
    ``force``) or any item is bad.
    """
    if not force and corrections.sha256 != doc.source.sha256:
        raise CorrectionsError(
            source,
            [
                f"sha256 {corrections.sha256[:12]}… is not the report's ({doc.source.sha256[:12]}…): these corrections "
                "were made on other bytes (--force applies them anyway)"
            ],
        )
    chars = len(text) if text is not None else doc.source.chars
    out = doc.model_copy(deep=True)
    result = Applied(doc=out)
    problems: list[str] = []
    for i, item in enumerate(corrections.items):
        where = f"items[{i}] ({item.action} {item.type} {item.span.start}-{item.span.end})"
        key = (item.span.start, item.span.end)
        if not item.span.start < item.span.end <= chars:
            problems.append(f"{where}: span is outside the text ({chars} characters) or empty")
            continue
        patch = item.set or {}
        unknown = sorted(set(patch) - set(MODEL_FIELDS[item.type]))
        if unknown:
            problems.append(
                f"{where}: set has {', '.join(map(repr, unknown))}, not a field of {item.type} "
                f"(fields: {', '.join(MODEL_FIELDS[item.type])})"
            )
            continue
        if "span" in patch:
            problems.append(f"{where}: set cannot move the span: it names the record (reject it and add another)")
            continue
        if item.action in ("accept", "reject") and patch:
            problems.append(f"{where}: {item.action} takes no set")
            continue
        found = _find_all(out, item.type, key)
        if item.action == "add" and not found:
            if text is None:
                problems.append(f"{where}: adding a record needs the report text (--text REPORT)")
                continue
            rec = _build(item.type, _new_record(item, text[key[0] : key[1]]), where, problems, text, chars)
            if rec is None:
                continue
            if item.type == "target":
                _insert(_goal_for(out, rec), "target", rec)  # type: ignore[arg-type]
            else:
                _insert(_find_list(out, item.type), item.type, rec)
            _sync_quantities(out, rec)
        elif not found:
            status: Literal["gone", "missing"] = "gone" if item.action == "reject" else "missing"
            msg = "already absent" if status == "gone" else "no such record in this extraction"
            result.outcomes.append(Outcome(i, item, status, msg))
            continue
        elif item.action == "reject":
            for lst, k in reversed(found):  # from the back: the indices before stay valid
                result.rejected.append((item.type, lst.pop(k)))
        elif item.action in ("edit", "add"):
            built = []
            for lst, k in found:
                data = _merge(lst[k].model_dump(mode="json"), patch)
                _simplify_names(item.type, data, patch)
                rec = _build(item.type, data, where, problems, text, chars)
                if rec is None:
                    break
                built.append((lst, k, rec))
            if len(built) < len(found):
                continue
            for lst, k, rec in built:
                lst[k] = rec
                _sync_quantities(out, rec)
        result.outcomes.append(Outcome(i, item, "applied"))
        result.states[(item.type, *key)] = REVIEW_STATES[item.action]
    if problems:
        raise CorrectionsError(source, problems)
    # the result must still be a valid document (a model validator may relate fields of different records)
    try:
        result.doc = M.Document.model_validate(out.model_dump(mode="json"))
    except ValidationError as e:
        raise CorrectionsError(source, _pydantic_problems(e, "the corrected document: ")) from None
    return result


def _find_list(doc: M.Document, type_: str) -> list[Any]:
    return {"indicator": doc.indicators, "project": doc.projects, "quantity": doc.quantities}[type_]


# ---------------------------------------------------------------------------------------------------------------
# exports: the evaluate gold of a (corrected) document, and its records as CSV rows with their review state


def _gold_quantity(q: M.Quantity, kind: str, **extra: Any) -> dict[str, Any]:
    d = q.model_dump(mode="json")
    value = [d["base_value"], d["base_high"]] if d["base_high"] is not None else d["base_value"]
    item = {"surface": q.raw, "start": q.span.start, "end": q.span.end, "value": value, "base_unit": q.base_unit}
    item["kind"] = kind
    if q.approx:
        item["approx"] = q.approx
    item.update({k: v for k, v in extra.items() if v is not None})
    return item


def to_gold(doc: M.Document, report: str | None = None) -> dict[str, Any]:
    """``doc`` as a gold annotation in ``govreport evaluate``'s offsets form: scoring ``doc`` against it gives
    P = R = 1. Every quantity is one item, of the kind of the record it belongs to (a record's figure wins over the
    same span seen as a loose mention)."""
    items: dict[tuple[int, int], dict[str, Any]] = {}

    def put(q: M.Quantity | None, kind: str, **extra: Any) -> None:
        if q is not None:
            items.setdefault((q.span.start, q.span.end), _gold_quantity(q, kind, **extra))

    for ind in doc.indicators:
        ch = ind.change.value if ind.change else None
        change = ch.model_dump(mode="json")["base_value"] if ch is not None else None
        put(ind.value, "indicator", name=ind.name, year=ind.year, change=change)
        put(ch, "change")
    for goal in doc.goals:
        for t in goal.targets:
            put(t.value, "goal_qty", name=t.subject or t.text, qualifier=t.qualifier)
    for p in doc.projects:
        for q in [*p.quantities, *([p.investment] if p.investment else [])]:
            put(q, "project_qty")
    for q in doc.quantities:
        put(q, "neutral")
    meta = {k: v for k, v in doc.meta.model_dump(mode="json").items() if k in _GOLD_META and v is not None}
    meta["script"] = doc.source.script
    gold: dict[str, Any] = {"report": report or Path(doc.source.path or "").name or None, "meta": meta}
    plan = next((s.span.start for s in doc.sections if s.kind == "plan"), None)
    if plan is not None:
        gold["plan_start"] = plan
    gold["quantities"] = [items[k] for k in sorted(items)]
    gold["projects"] = [
        {"name": p.name, "start": p.span.start, "end": p.span.end}
        | ({"status": p.status} if p.status else {})
        | ({"quantities": [q.raw for q in p.quantities]} if p.quantities else {})
        for p in doc.projects
    ]
    gold["goals"] = [{"text": g.text, "start": g.span.start, "end": g.span.end} for g in doc.goals]
    return {k: v for k, v in gold.items() if v is not None}


_GOLD_META = ("region", "admin_level", "year_reviewed", "year_planned")


def record_quantities(doc: M.Document, type_: str, rec: Any) -> list[M.Quantity]:
    """The mentions of ``doc.quantities`` that are part of ``rec``: loose ones once ``rec`` is rejected."""
    if type_ == "quantity":
        return []
    spans = {(q["span"]["start"], q["span"]["end"]) for _, q in walk_quantities(rec.model_dump(mode="json"))}
    return [q for q in doc.quantities if (q.span.start, q.span.end) in spans]


def quantity_row(doc: M.Document, q: M.Quantity) -> dict[str, Any]:
    """A loose quantity's row, in the extract CSV's value_ columns (the columns a record's own figure fills)."""
    d = q.model_dump(mode="json")
    row = {"doc_id": doc.source.sha256, "path": doc.source.path, "region": doc.meta.region, "type": "quantity"}
    cols, _ = T.flatten(M.Quantity, ("value",), skip=("span",))  # the columns a record's own figure fills
    row.update({c.name: d[c.path[-1]] for c in cols})
    return row | {"span_start": q.span.start, "span_end": q.span.end}


def review_rows(
    doc: M.Document,
    text: str | None = None,
    states: dict[tuple[str, int, int], str] | None = None,
    rejected: list[tuple[str, M.Model]] | None = None,
) -> Iterator[tuple[tuple[str, int, int] | None, dict[str, Any]]]:
    """The rows of ``govreport extract --format csv`` for ``doc``, then one row per loose quantity (type
    ``quantity``) and per rejected record, each with its key (type, identity span; None for the document and a
    goal) and a ``review`` column: accepted, edited, added, rejected or unreviewed (empty for the document and the
    goals, which are not reviewed)."""
    from extractor.writers import rows

    states = states or {}
    keys: list[tuple[str, int, int] | None] = [None]  # the document's own row
    keys.extend(("indicator", *identity("indicator", i)) for i in doc.indicators)
    for goal in doc.goals:
        keys.append(None)
        keys.extend(("target", *identity("target", t)) for t in goal.targets)
    keys.extend(("project", *identity("project", p)) for p in doc.projects)
    written = list(rows(doc, text))
    assert len(written) == len(keys), "writers.rows changed its order of records"
    for key, row in zip(keys, written, strict=True):
        yield key, {**row, "review": "" if key is None else states.get(key, "unreviewed")}
    used = record_quantity_spans(doc)
    for q in doc.quantities:
        key = ("quantity", q.span.start, q.span.end)
        if (q.span.start, q.span.end) not in used:
            yield key, {**quantity_row(doc, q), "review": states.get(key, "unreviewed")}
    for type_, rec in rejected or []:
        key = (type_, *identity(type_, rec))
        if type_ == "quantity":
            row = quantity_row(doc, rec)  # type: ignore[arg-type]
        else:
            one = _only(doc, type_, rec)
            row = next(r for r in rows(one, text) if r["type"] == type_)
        yield key, {**row, "review": "rejected"}


def _only(doc: M.Document, type_: str, rec: Any) -> M.Document:
    """``doc`` holding just ``rec``: the writer's row of a record that is no longer in the document."""
    empty: dict[str, Any] = {"indicators": [], "goals": [], "projects": []}
    if type_ == "indicator":
        return doc.model_copy(update={**empty, "indicators": [rec]})
    if type_ == "project":
        return doc.model_copy(update={**empty, "projects": [rec]})
    goal = M.Goal(text=rec.text, span=rec.span, sentence=rec.span, kind="target", targets=[rec])
    return doc.model_copy(update={**empty, "goals": [goal]})


def review_csv(applied: Applied, text: str | None = None) -> str:
    """The corrected records as CSV: the extract CSV's columns and ``review``."""
    import csv
    import io

    from extractor.writers import csv_columns

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=[*csv_columns(), "review"], extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for _, row in review_rows(applied.doc, text, applied.states, applied.rejected):
        w.writerow(row)
    return buf.getvalue()
