"""Scoring an extraction against a gold annotation.

Two gold forms are read, and may be mixed item by item:

* the offsets form of the project's gold files (``shared/eval/gold/*.json``): every item carries ``start`` and
  ``end`` character offsets into the decoded report text;
* the context form, for people annotating by hand: an item names its text (``surface`` for quantities and
  negatives, ``name`` for projects, ``text`` for goals) and, when that text occurs more than once, a ``context``
  string around it (or a 1-based ``occurrence``). :func:`resolve_gold` turns it into the offsets form.

:func:`score` then computes the same figures as the project's scorer (``shared/eval/score.py``: quantity
precision/recall/F1, negatives hit, span errors, indicator name/year/change accuracy, projects, goals, approximation
words, metadata) and adds a few of its own (indicator precision/recall, rank accuracy, target value accuracy,
project status accuracy), with the raw counts that :func:`micro_average` adds up over a folder of documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, get_args

from extractor.models import Qualifier
from extractor.normalize import make_view

QUANTITY_KINDS = ("indicator", "change", "project_qty", "goal_qty", "neutral")
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)

# Unit spellings that mean the same base unit (besides traditional/simplified script).
UNIT_ALIASES = {
    "名": "人",
    "位": "人",
    "畝": "亩",
    "公裏": "公里",
    "km": "公里",
    "千米": "公里",
    "戶": "户",
    "個": "个",
    "棟": "栋",
    "幢": "栋",
    "g": "克",
    "％": "%",
    "percent": "%",
}


class GoldError(ValueError):
    """A gold annotation that cannot be read or placed in its text. ``problems`` lists every item at fault."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{source}: {problems[0]}{more}" if problems else source)


# ---------------------------------------------------------------------------------------------------------------
# small helpers


@cache
def _opencc_t2s():
    try:
        import opencc

        return opencc.OpenCC("t2s").convert
    except Exception:  # names are then compared as written
        return lambda s: s


def t2s(s: str | None) -> str:
    return _opencc_t2s()(s or "")


def norm_unit(u: str | None) -> str:
    u = t2s((u or "").strip())
    return UNIT_ALIASES.get(u, u)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def same_number(x: Any, y: Any) -> bool:
    """Equal within a relative 1e-6; a missing number equals nothing (not even another missing one)."""
    try:
        fx, fy = float(x), float(y)
    except (TypeError, ValueError):
        return False
    return abs(fx - fy) <= 1e-6 * max(1.0, abs(fx), abs(fy))


def span_of(d: dict) -> tuple[int, int]:
    s = d.get("span")
    if not isinstance(s, dict):
        return (-1, -1)
    return (s.get("start", -1), s.get("end", -1))


def names_agree(gold: str | None, pred: str | None) -> bool:
    """Same name up to script: one contains the other, or they share half their distinct characters."""
    g, p = t2s(gold), t2s(pred)
    if not g or not p:
        return False
    if g in p or p in g:
        return True
    return len(set(g) & set(p)) / len(set(g) | set(p)) >= 0.5


def ratio(hits: int, n: int) -> float | None:
    return round(hits / n, 4) if n else None


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def walk_quantities(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], dict]]:
    """Every quantity object (a dict with a span and a base_value) anywhere in a prediction, with its key path."""
    if isinstance(node, dict):
        if "base_value" in node and isinstance(node.get("span"), dict):
            yield path, node
        for k, v in node.items():
            yield from walk_quantities(v, (*path, k))
    elif isinstance(node, list):
        for v in node:
            yield from walk_quantities(v, path)


def value_matches(q: dict, gold_value: Any, gold_unit: str | None) -> bool:
    """A predicted quantity has the gold value: same base unit, same base value (and base_high for a range)."""
    if norm_unit(q.get("base_unit")) != norm_unit(gold_unit):
        return False
    if isinstance(gold_value, list):
        return same_number(q.get("base_value"), gold_value[0]) and same_number(q.get("base_high"), gold_value[1])
    return same_number(q.get("base_value"), gold_value)


# ---------------------------------------------------------------------------------------------------------------
# reading and placing gold annotations


def read_gold(path: str | Path) -> dict:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GoldError(str(p), ["no such file"]) from None
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(str(p), [f"cannot read: {e}"]) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise GoldError(str(p), [f"not valid JSON: {e.msg} at line {e.lineno} column {e.colno}"]) from None
    if not isinstance(data, dict):
        raise GoldError(str(p), ["a gold file is one JSON object"])
    return data


def gold_report_path(gold: dict, gold_path: str | Path | None) -> Path | None:
    """The report a gold file names in its ``report`` field, relative to the gold file."""
    rep = gold.get("report")
    if not isinstance(rep, str) or not rep:
        return None
    p = Path(rep)
    if not p.is_absolute() and gold_path is not None:
        p = Path(gold_path).parent / p
    return p


def _find_all(haystack: str, needle: str) -> list[int]:
    out, i = [], haystack.find(needle)
    while i >= 0 and needle:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


class _Locator:
    """Finds annotated strings in the text: as written, else on the same-length normalized view (script, width)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._view: str | None = None

    @property
    def view(self) -> str:
        if self._view is None:
            self._view = make_view(self.text)
        return self._view

    def find_all(self, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
        hi = len(self.text) if hi is None else hi
        hits = [lo + i for i in _find_all(self.text[lo:hi], needle)]
        if hits:
            return hits
        return [lo + i for i in _find_all(self.view[lo:hi], make_view(needle))]

    def same(self, start: int, end: int, surface: str) -> bool:
        return self.text[start:end] == surface or self.view[start:end] == make_view(surface)

    def place(self, surface: str, context: str | None, occurrence: int | None) -> tuple[int, int] | str:
        """(start, end) of ``surface``, or a message saying why it cannot be placed."""
        if not surface:
            return "empty surface"
        if context:
            if surface not in context and make_view(surface) not in make_view(context):
                return f"context {context!r} does not contain {surface!r}"
            ctx_hits = self.find_all(context)
            if not ctx_hits:
                return f"context {context!r} is not in the text"
            base = self._pick(ctx_hits, occurrence, f"context {context!r}")
            if isinstance(base, str):
                return base
            inner = self.find_all(surface, base, base + len(context))
            if len(inner) != 1:
                return f"{surface!r} occurs {len(inner)} times in its context {context!r}; shorten the context"
            return inner[0], inner[0] + len(surface)
        hits = self.find_all(surface)
        if not hits:
            return f"{surface!r} is not in the text"
        start = self._pick(hits, occurrence, repr(surface))
        if isinstance(start, str):
            return start
        return start, start + len(surface)

    @staticmethod
    def _pick(hits: list[int], occurrence: int | None, what: str) -> int | str:
        if occurrence is not None:
            if not isinstance(occurrence, int) or not 1 <= occurrence <= len(hits):
                return f"{what} occurs {len(hits)} times; occurrence {occurrence!r} is out of range"
            return hits[occurrence - 1]
        if len(hits) > 1:
            return f"{what} occurs {len(hits)} times in the text; add a context string or an occurrence number"
        return hits[0]


def resolve_gold(gold: dict, text: str, source: str = "gold") -> dict:
    """The gold in offsets form: every item placed (context form) or checked (offsets form) against ``text``.

    Raises GoldError listing every item that cannot be placed or whose offsets do not quote its surface.
    """
    loc = _Locator(text)
    problems: list[str] = []
    out: dict[str, Any] = {
        k: v for k, v in gold.items() if k not in ("quantities", "negatives", "projects", "optional_projects", "goals")
    }

    def place(section: str, i: int, item: Any, key: str) -> dict | None:
        where = f"{section}[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: expected an object")
            return None
        item = dict(item)
        # what the annotated span reads: its surface, else its name (projects) or text (goals)
        surface = item.get("surface", item.get(key))
        if "start" in item and "end" in item:
            s, e = item["start"], item["end"]
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text)):
                problems.append(f"{where}: offsets {s!r}-{e!r} are outside the text ({len(text)} characters)")
                return None
            # a project's name may be normalized; only a surface is checked for it
            checked = item.get("surface") if section.endswith("projects") else surface
            if isinstance(checked, str) and not loc.same(s, e, checked):
                problems.append(f"{where}: the text at {s}-{e} reads {text[s:e]!r}, not {surface!r}")
                return None
            return item
        if not isinstance(surface, str):
            problems.append(f"{where}: needs start/end offsets or a {key!r} string")
            return None
        got = loc.place(surface, item.get("context"), item.get("occurrence"))
        if isinstance(got, str):
            problems.append(f"{where}: {got}")
            return None
        item["start"], item["end"] = got
        if key == "surface":
            item["surface"] = surface
        return item

    def section(name: str, key: str) -> list[dict]:
        items = gold.get(name, [])
        if not isinstance(items, list):
            problems.append(f"{name}: expected a list")
            return []
        return [x for i, it in enumerate(items) if (x := place(name, i, it, key)) is not None]

    out["quantities"] = section("quantities", "surface")
    for i, q in enumerate(out["quantities"]):
        q.setdefault("kind", "neutral")
        if "base_unit" not in q and "unit" in q:
            q["base_unit"] = q["unit"]
        if q["kind"] not in QUANTITY_KINDS:
            problems.append(f"quantities[{i}]: kind {q['kind']!r} is not one of {', '.join(QUANTITY_KINDS)}")
        v = q.get("value")
        if not (isinstance(v, int | float) or (isinstance(v, list) and len(v) == 2)):
            problems.append(f"quantities[{i}] {q.get('surface')!r}: value must be a number or [low, high]")
        if "base_unit" not in q:
            problems.append(f"quantities[{i}] {q.get('surface')!r}: needs base_unit")
        if "qualifier" in q and q["qualifier"] not in QUALIFIERS:
            problems.append(f"quantities[{i}]: qualifier {q['qualifier']!r} is not one of {', '.join(QUALIFIERS)}")
    out["negatives"] = section("negatives", "surface")
    out["projects"] = section("projects", "name")
    out["optional_projects"] = section("optional_projects", "name")
    out["goals"] = section("goals", "text")

    ps = gold.get("plan_start")
    if isinstance(ps, str):
        hits = loc.find_all(ps)
        if len(hits) != 1:
            problems.append(f"plan_start: {ps!r} occurs {len(hits)} times in the text; it must occur once")
        else:
            out["plan_start"] = hits[0]
    windows = []
    for i, w in enumerate(gold.get("windows", []) or []):
        if isinstance(w, list) and len(w) == 2 and all(isinstance(x, int) for x in w):
            windows.append(w)
        elif isinstance(w, list) and len(w) == 2 and all(isinstance(x, str) for x in w):
            a = loc.find_all(w[0])
            b = [x for x in loc.find_all(w[1]) if a and x >= a[0]]
            if len(a) != 1 or not b:
                problems.append(f"windows[{i}]: {w[0]!r} must occur once and {w[1]!r} after it")
            else:
                windows.append([a[0], b[0] + len(w[1])])
        else:
            problems.append(f"windows[{i}]: expected [start, end] offsets or [from_text, to_text] strings")
    if "windows" in gold:
        out["windows"] = windows
    if problems:
        raise GoldError(source, problems)
    return out


# ---------------------------------------------------------------------------------------------------------------
# scoring one document


def score(gold: dict, pred: dict, text: str) -> dict[str, Any]:
    """Score a prediction (the JSON of a Document, or anything with the same keys) against offsets-form gold.

    The keys and figures of ``shared/eval/score.py`` are all here with the same meaning; the extra keys hold raw
    counts (for micro-averaging) and the measures that scorer does not have.
    """
    windows = [tuple(w) for w in gold.get("windows", [])] or [(0, len(text))]

    def inside(sp: tuple[int, int]) -> bool:
        return any(overlaps(sp, w) for w in windows)

    gq = gold.get("quantities", [])
    pq = list(walk_quantities(pred))
    report: dict[str, Any] = {}

    # grounding: each span must quote its own raw text
    report["span_errors"] = sum(
        1
        for _, q in pq
        if not (0 <= span_of(q)[0] < span_of(q)[1] <= len(text))
        or (q.get("raw") is not None and text[span_of(q)[0] : span_of(q)[1]] != q["raw"])
    )

    # quantities: found when a predicted quantity overlaps the gold span with the same value and unit; a
    # prediction overlapping any gold item (optional or not, found or not) is never a false positive.
    tp = fn = 0
    touched: set[int] = set()
    missed = []
    for g in gq:
        gs = (g["start"], g["end"])
        near = [i for i, (_, q) in enumerate(pq) if overlaps(span_of(q), gs)]
        touched.update(near)
        found = any(value_matches(pq[i][1], g["value"], g["base_unit"]) for i in near)
        if g.get("optional"):
            continue
        if found:
            tp += 1
        else:
            fn += 1
            missed.append(g.get("surface", text[gs[0] : gs[1]]))
    fps = [
        q.get("raw") or text[span_of(q)[0] : span_of(q)[1]]
        for i, (_, q) in enumerate(pq)
        if i not in touched and inside(span_of(q))
    ]
    report["quantities"] = {**prf(tp, len(fps), fn), "missed": missed, "false_positives": fps[:40]}
    negatives = [(n["start"], n["end"]) for n in gold.get("negatives", [])]
    report["negatives_hit"] = sum(1 for _, q in pq if any(overlaps(span_of(q), n) for n in negatives))

    report["indicators"] = _score_indicators(gq, pred.get("indicators") or [], inside)
    report["projects"] = _score_projects(gold, pred.get("projects") or [], inside)
    report["goals"] = _score_goals(gold, pred.get("goals") or [], pq)

    # approximation words kept on the quantities that carry one
    an = ahits = 0
    for g in gq:
        if "approx" not in g or g.get("optional"):
            continue
        an += 1
        gs = (g["start"], g["end"])
        ahits += any(overlaps(span_of(q), gs) and q.get("approx") == g["approx"] for _, q in pq)
    report["approx_acc"] = ratio(ahits, an)
    report["approx"] = {"n": an, "hits": ahits}

    meta = pred.get("meta") or {}
    checks = {}
    for k, v in (gold.get("meta") or {}).items():
        if k == "script":
            checks[k] = (pred.get("source") or {}).get("script") == v
        elif k == "region":
            checks[k] = t2s(str(meta.get(k))) == t2s(str(v))
        else:
            checks[k] = meta.get(k) == v
    report["meta"] = checks
    return report


def _score_indicators(gq: list[dict], inds: list[dict], inside) -> dict[str, Any]:
    gold_inds = [g for g in gq if g["kind"] == "indicator" and not g.get("optional") and "name" in g]
    found = name_hits = year_n = year_hits = ch_n = ch_hits = rank_n = rank_hits = 0
    for g in gold_inds:
        gs = (g["start"], g["end"])
        d = next((d for d in inds if isinstance(d.get("value"), dict) and overlaps(span_of(d["value"]), gs)), None)
        if d is None:
            continue
        found += 1
        name_hits += names_agree(g["name"], d.get("name"))
        if "year" in g:
            year_n += 1
            year_hits += d.get("year") == g["year"]
        if "change" in g:
            ch_n += 1
            ch = d.get("change") or {}
            chv = (ch.get("value") if isinstance(ch.get("value"), dict) else ch) or {}
            ch_hits += same_number(chv.get("base_value", chv.get("number")), g["change"])
        if "rank" in g:
            rank_n += 1
            rank_hits += ((d.get("rank") or {}).get("position")) == g["rank"]
    # precision: a predicted indicator is right when the number it stands on (its value, else its change) is a
    # gold indicator or change figure; wrong when it is another kind of gold figure or none at all.
    right = {(g["start"], g["end"]) for g in gq if g["kind"] in ("indicator", "change") and not g.get("optional")}
    optional = {(g["start"], g["end"]) for g in gq if g.get("optional")}
    others = {(g["start"], g["end"]) for g in gq} - right - optional
    tp_pred = fp_pred = 0
    for d in inds:
        anchor = d.get("value") if isinstance(d.get("value"), dict) else (d.get("change") or {}).get("value")
        if not isinstance(anchor, dict):
            continue
        sp = span_of(anchor)
        if any(overlaps(sp, r) for r in right):
            tp_pred += 1
        elif any(overlaps(sp, o) for o in optional) and not any(overlaps(sp, o) for o in others):
            continue
        elif inside(sp):
            fp_pred += 1
    p = tp_pred / (tp_pred + fp_pred) if tp_pred + fp_pred else 0.0
    r = found / len(gold_inds) if gold_inds else 0.0
    return {
        "found_as_indicator": found,
        "name_acc": round(name_hits / found, 4) if found else 0.0,
        "year_acc": ratio(year_hits, year_n),
        "change_acc": ratio(ch_hits, ch_n),
        "rank_acc": ratio(rank_hits, rank_n),
        "gold": len(gold_inds),
        "predicted": len(inds),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "tp_predicted": tp_pred,
        "fp_predicted": fp_pred,
        "name_hits": name_hits,
        "year_n": year_n,
        "year_hits": year_hits,
        "change_n": ch_n,
        "change_hits": ch_hits,
        "rank_n": rank_n,
        "rank_hits": rank_hits,
    }


def _score_projects(gold: dict, projs: list[dict], inside) -> dict[str, Any]:
    golds = gold.get("projects", [])
    optional = [(o["start"], o["end"]) for o in gold.get("optional_projects", [])]
    found, used = 0, set()
    status_n = status_hits = qn = qhits = 0
    for g in golds:
        gs = (g["start"], g["end"])
        match = None
        for i, p in enumerate(projs):
            if overlaps(span_of(p), gs) or (
                names_agree(g["name"], p.get("name")) and t2s(g["name"]) in t2s(p.get("name", ""))
            ):
                match = i
                break
        if match is None:
            continue
        found += 1
        used.add(match)
        p = projs[match]
        if "status" in g:
            status_n += 1
            status_hits += p.get("status") == g["status"]
        raws = {t2s(q.get("raw")) for _, q in walk_quantities(p)}
        for s in g.get("quantities", []):
            qn += 1
            qhits += t2s(s) in raws
    extra = [
        p.get("name")
        for i, p in enumerate(projs)
        if i not in used
        and inside(span_of(p))
        and not any(overlaps(span_of(p), o) for o in optional)
        and not any(overlaps(span_of(p), (g["start"], g["end"])) for g in golds)
    ]
    out: dict[str, Any] = prf(found, len(extra), len(golds) - found)
    if not golds and not extra:
        out.update(precision=None, recall=None, f1=None)
    out["extra"] = extra[:20]
    out.update(
        gold=len(golds),
        predicted=len(projs),
        status_n=status_n,
        status_hits=status_hits,
        status_acc=ratio(status_hits, status_n),
        quantities_n=qn,
        quantities_hits=qhits,
        quantities_acc=ratio(qhits, qn),
    )
    return out


def _score_goals(gold: dict, goals: list[dict], pq: list[tuple[tuple[str, ...], dict]]) -> dict[str, Any]:
    golds = gold.get("goals", [])
    found = sum(1 for g in golds if any(overlaps(span_of(p), (g["start"], g["end"])) for p in goals))
    plan_start = gold.get("plan_start", 0)
    gq = [g for g in gold.get("quantities", []) if g["kind"] == "goal_qty"]
    goal_q = [q for path, q in pq if path and path[0] == "goals"]
    targets_found = sum(1 for g in gq if any(overlaps(span_of(q), (g["start"], g["end"])) for q in goal_q))
    targets = [t for p in goals for t in (p.get("targets") or []) if isinstance(t.get("value"), dict)]
    qn = qhits = vn = vhits = 0
    for g in gq:
        gs = (g["start"], g["end"])
        t = next((t for t in targets if overlaps(span_of(t["value"]), gs)), None)
        if not g.get("optional"):
            vn += 1
            vhits += t is not None and value_matches(t["value"], g["value"], g["base_unit"])
        if "qualifier" in g:
            qn += 1
            qhits += t is not None and t.get("qualifier") == g["qualifier"]
    return {
        "recall": ratio(found, len(golds)),
        "found": found,
        "gold": len(golds),
        "predicted": len(goals),
        "outside_plan": sum(1 for p in goals if span_of(p)[1] <= plan_start),
        "targets_found": targets_found,
        "targets_gold": len(gq),
        "targets_recall": ratio(targets_found, len(gq)),
        "qualifier_acc": ratio(qhits, qn),
        "qualifier_n": qn,
        "qualifier_hits": qhits,
        "value_acc": ratio(vhits, vn),
        "value_n": vn,
        "value_hits": vhits,
    }


# ---------------------------------------------------------------------------------------------------------------
# several documents


def micro_average(reports: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Counts added over documents, ratios computed once from the sums (a document with more items weighs more)."""
    reps = list(reports)

    def total(*path: str) -> int:
        s = 0
        for r in reps:
            node: Any = r
            for p in path:
                node = node.get(p) if isinstance(node, dict) else None
            s += node or 0
        return s

    q = prf(total("quantities", "tp"), total("quantities", "fp"), total("quantities", "fn"))
    ind_found, ind_gold = total("indicators", "found_as_indicator"), total("indicators", "gold")
    tp_p, fp_p = total("indicators", "tp_predicted"), total("indicators", "fp_predicted")
    ip = tp_p / (tp_p + fp_p) if tp_p + fp_p else 0.0
    ir = ind_found / ind_gold if ind_gold else 0.0
    pr = prf(total("projects", "tp"), total("projects", "fp"), total("projects", "fn"))
    if not total("projects", "gold") and not total("projects", "fp"):
        pr.update(precision=None, recall=None, f1=None)
    meta_n = sum(len(r.get("meta") or {}) for r in reps)
    meta_ok = sum(sum(bool(v) for v in (r.get("meta") or {}).values()) for r in reps)
    gfound, ggold = total("goals", "found"), total("goals", "gold")
    tfound, tgold = total("goals", "targets_found"), total("goals", "targets_gold")
    return {
        "documents": len(reps),
        "span_errors": total("span_errors"),
        "negatives_hit": total("negatives_hit"),
        "quantities": q,
        "indicators": {
            "found_as_indicator": ind_found,
            "gold": ind_gold,
            "precision": round(ip, 4),
            "recall": round(ir, 4),
            "f1": round(2 * ip * ir / (ip + ir), 4) if ip + ir else 0.0,
            "name_acc": ratio(total("indicators", "name_hits"), ind_found),
            "year_acc": ratio(total("indicators", "year_hits"), total("indicators", "year_n")),
            "change_acc": ratio(total("indicators", "change_hits"), total("indicators", "change_n")),
            "rank_acc": ratio(total("indicators", "rank_hits"), total("indicators", "rank_n")),
        },
        "projects": {
            **pr,
            "status_acc": ratio(total("projects", "status_hits"), total("projects", "status_n")),
            "quantities_acc": ratio(total("projects", "quantities_hits"), total("projects", "quantities_n")),
        },
        "goals": {
            "recall": ratio(gfound, ggold),
            "found": gfound,
            "gold": ggold,
            "predicted": total("goals", "predicted"),
            "outside_plan": total("goals", "outside_plan"),
            "targets_found": tfound,
            "targets_gold": tgold,
            "targets_recall": ratio(tfound, tgold),
            "qualifier_acc": ratio(total("goals", "qualifier_hits"), total("goals", "qualifier_n")),
            "value_acc": ratio(total("goals", "value_hits"), total("goals", "value_n")),
        },
        "approx_acc": ratio(total("approx", "hits"), total("approx", "n")),
        "meta": {"correct": meta_ok, "checked": meta_n, "acc": ratio(meta_ok, meta_n)},
    }


# ---------------------------------------------------------------------------------------------------------------
# inputs: a prediction or a report, pairs of files in folders


@dataclass
class Result:
    """One document's score, or the reason it has none."""

    name: str
    gold_path: str
    target_path: str | None
    scores: dict[str, Any] | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"document": self.name, "gold": self.gold_path, "input": self.target_path}
        if self.error:
            d["error"] = self.error
        else:
            d["scores"] = self.scores
        return d


def read_prediction(path: Path) -> dict | None:
    """The prediction in ``path`` when it is a JSON object with a document's keys; None when it is a report."""
    try:
        with path.open("rb") as f:
            head = f.read(1 << 26)
    except OSError:
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"{"):
        return None
    try:
        data = json.loads(head.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if isinstance(data, dict) and any(k in data for k in ("quantities", "indicators", "schema_version")):
        return data
    return None


def evaluate_one(
    gold_path: str | Path,
    target: str | Path,
    *,
    text_path: str | Path | None = None,
    max_bytes: int = 50 * 1024 * 1024,
) -> Result:
    """Score ``target`` (a prediction JSON or a report to extract) against the gold in ``gold_path``.

    The text the offsets index is, in order: ``text_path``; the report itself; the prediction's ``source.text``;
    the report the gold names in ``report``; the prediction's ``source.path``.
    Raises GoldError and InputError for what cannot be read.
    """
    from extractor.errors import InputError
    from extractor.loaders import load

    gold_path, target = Path(gold_path), Path(target)
    raw_gold = read_gold(gold_path)
    pred = read_prediction(target)
    text: str | None = None
    if text_path is not None:
        text = load(str(text_path), max_bytes).text
    if pred is None:
        loaded = load(str(target), max_bytes)
        from extractor.api import extract_loaded

        pred = json.loads(extract_loaded(loaded).model_dump_json())
        if text is None:
            text = loaded.text
    if text is None and isinstance((pred.get("source") or {}).get("text"), str):
        text = pred["source"]["text"]
    for cand in (gold_report_path(raw_gold, gold_path), (pred.get("source") or {}).get("path")):
        if text is None and cand and Path(cand).is_file():
            text = load(str(cand), max_bytes).text
    if text is None:
        raise InputError(
            str(target),
            "the prediction has no text to check spans against: pass --text REPORT, extract with --include-text, "
            "or name the report in the gold's 'report' field",
        )
    gold = resolve_gold(raw_gold, text, str(gold_path))
    return Result(
        name=gold_path.stem, gold_path=str(gold_path), target_path=str(target), scores=score(gold, pred, text)
    )


def pair_folder(gold_dir: Path, target_dir: Path) -> list[tuple[Path, Path | None, str]]:
    """Each gold file (``*.json``) with its report or prediction in ``target_dir`` (or None and the reason).

    The match is, in order: the file named by the gold's ``report`` field, a file with the gold's stem
    (``x.json`` ↔ ``x.txt``, a prediction ``x.json`` preferred over a report), or the only file not already
    matched whose name starts with the stem and ``_``, ``-`` or ``.`` (``hongshan.json`` ↔ ``hongshan_2019.txt``).
    """
    golds = sorted(p for p in gold_dir.glob("*.json") if p.is_file())
    exact = {g: _exact_target(g, target_dir) for g in golds}
    claimed = {t.resolve() for t in exact.values() if t is not None}
    out: list[tuple[Path, Path | None, str]] = []
    for g in golds:
        t = exact[g]
        out.append((g, t, "") if t is not None else (g, *_prefix_target(g, target_dir, claimed)))
    return out


def match_target(gold_path: Path, target_dir: Path) -> tuple[Path | None, str]:
    """The report or prediction in ``target_dir`` for ``gold_path``, or None and why."""
    t = _exact_target(gold_path, target_dir)
    return (t, "") if t is not None else _prefix_target(gold_path, target_dir, set())


def _candidates(gold_path: Path, target_dir: Path) -> list[Path]:
    return sorted(p for p in target_dir.iterdir() if p.is_file() and p.resolve() != gold_path.resolve())


def _exact_target(gold_path: Path, target_dir: Path) -> Path | None:
    try:
        rep = json.loads(gold_path.read_text(encoding="utf-8-sig")).get("report")
    except (OSError, ValueError, AttributeError):
        rep = None
    if isinstance(rep, str) and rep:
        named = target_dir / Path(rep).name
        if named.is_file():
            return named
    same = [p for p in _candidates(gold_path, target_dir) if p.stem == gold_path.stem]
    if same:
        return next((p for p in same if p.suffix == ".json"), same[0])
    return None


def _prefix_target(gold_path: Path, target_dir: Path, claimed: set[Path]) -> tuple[Path | None, str]:
    stem = gold_path.stem
    pre = [
        p
        for p in _candidates(gold_path, target_dir)
        if p.name.startswith(stem)
        and len(p.name) > len(stem)
        and p.name[len(stem)] in "_-."
        and p.resolve() not in claimed
    ]
    if len(pre) == 1:
        return pre[0], ""
    if pre:
        names = ", ".join(p.name for p in pre[:5])
        return None, f"{len(pre)} files in {target_dir} could be the report for {gold_path.name} ({names}); " + (
            "name it in the gold's 'report' field"
        )
    return None, f"no report or prediction for {gold_path.name} in {target_dir}"
