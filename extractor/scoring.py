"""Scoring an extraction against a gold annotation in offsets form (``extractor.gold``).

:func:`score` computes the same figures as the project's scorer (``shared/eval/score.py``: quantity
precision/recall/F1, negatives hit, span errors, indicator name/year/change accuracy, projects, goals, approximation
words, metadata) and adds a few of its own (indicator precision/recall, rank accuracy, target value accuracy,
project status accuracy), with the raw counts that :func:`micro_average` adds up over a folder of documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

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
