"""Record tests for goals, targets and projects (issue 3): text in, expected records out.

The expectations live in ``tests/records/`` and were written by hand from the text, not from the engine's output:

- ``main_targets.json``: for five corpus reports, the main-targets sentence (主要预期目标是：…) and one expected
  target per indicator (value, range, qualifier, measure, canonical id) plus the qualitative targets that must be
  kept. Each report is extracted whole; each expected target is one test.
- ``goal_project_records.json``: short snippets (a heading line, then sentences taken from the corpus reports, the
  sample or the project's reference notes, copied to ``tests/data/reference/user-needs.md``) with the goals,
  targets, projects and indicators they must yield, and negatives (``"expect": "nothing"``) that must yield no goal
  or no project.
- ``known_gaps.json``: records of both kinds that the engine does not meet yet. They run as
  ``xfail(strict=True)``: when the engine is fixed the test turns XPASS and fails, so move the record back.

How an expected target finds its actual target: ``raw`` (the value as written) is located in the text, inside
``clause`` when given, and the target whose value span overlaps it is the one checked; a qualitative target
(``"value": null``) is the value-less target whose span overlaps ``clause``. When nothing overlaps, a target whose
subject contains ``subject`` with the same base value is used. Every other key is then compared field by field.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS

from extractor import extract

RECORDS = Path(__file__).resolve().parent / "records"
# What a known gap may fail with: a failed check. A BadRecord (or any crash) is a real failure, never a known gap.
KNOWN_GAP = (AssertionError, pytest.fail.Exception)


class BadRecord(Exception):
    """A record that does not fit its text (a clause, raw value or anchor not found): fix the record."""

    def __init__(self, msg: str) -> None:
        super().__init__(f"bad record: {msg}")


# ---------------------------------------------------------------------------------------------------------------
# Loading and parametrization


def _load(name: str) -> Any:
    return json.loads((RECORDS / name).read_text(encoding="utf-8"))


def _main_params() -> list[Any]:
    """One test per check: the report's goals stay in the plan part, the main-target goals carry the planned year
    and a target each, every expected target is found, every not-target clause yields none. Known gaps run the
    same checks as strict xfails."""
    reports = _load("main_targets.json")["reports"]
    gaps = _load("known_gaps.json").get("main_targets", [])
    gapped = {(g["file"], g["check"]) for g in gaps if g["check"] in ("plan_part", "main_goals")}
    out = []
    for report in reports:
        for check in ("plan_part", "main_goals"):
            if (report["file"], check) not in gapped:
                out.append(pytest.param(report, check, None, id=_main_id(report, check, None)))
        for t in report["targets"]:
            out.append(pytest.param(report, "target", t, id=_main_id(report, "target", t)))
        for clause in report.get("not_targets", []):
            out.append(pytest.param(report, "not_target", clause, id=_main_id(report, "not_target", clause)))
    by_file = {r["file"]: r for r in reports}
    for g in gaps:
        report = by_file[g["file"]]
        out.append(
            pytest.param(
                report,
                g["check"],
                g.get("item"),
                id="gap:" + _main_id(report, g["check"], g.get("item")),
                marks=pytest.mark.xfail(strict=True, raises=KNOWN_GAP, reason=g["why"]),
            )
        )
    return out


def _main_id(report: dict[str, Any], check: str, item: Any) -> str:
    if check == "target":
        what = item.get("canonical") or item.get("subject") or item.get("clause", "")[:10]
        return f"{report['file']}:{what}:{item.get('raw', 'qualitative')}"
    if check == "not_target":
        return f"{report['file']}:not-target:{item[:12]}"
    return f"{report['file']}:{'plan-part-only' if check == 'plan_part' else 'main-goals'}"


def _record_params() -> list[Any]:
    out = [pytest.param(r, id=r["id"]) for r in _load("goal_project_records.json")["records"]]
    for r in _load("known_gaps.json").get("records", []):
        gap = pytest.mark.xfail(strict=True, raises=KNOWN_GAP, reason=r["why"])
        out.append(pytest.param(r, id="gap:" + r["id"], marks=gap))
    return out


@cache
def _extract(text: str) -> Any:
    return extract(text)


@cache
def _report_text(path: str) -> str:
    return Path(path).read_bytes().decode("utf-8-sig")


# ---------------------------------------------------------------------------------------------------------------
# Helpers


def _dec(x: Any) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def _locate(text: str, needle: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """First occurrence of needle in text[start:end] not preceded by a digit or a decimal point (so 5% is not
    found inside 3.5%)."""
    end = len(text) if end is None else end
    i = text.find(needle, start, end)
    while i != -1:
        if i == 0 or not (text[i - 1].isdigit() or text[i - 1] in ".．"):
            return i, i + len(needle)
        i = text.find(needle, i + 1, end)
    return None


def _overlaps(a: tuple[int, int], s: Any) -> bool:
    return a[0] < s.end and s.start < a[1]


def _all_targets(doc: Any) -> list[tuple[Any, Any]]:
    return [(g, t) for g in doc.goals for t in g.targets]


def _fmt_target(g: Any, t: Any) -> str:
    v = t.value
    val = (
        "None"
        if v is None
        else f"{v.raw!r} base={v.base_value}{'..' + str(v.base_high) if v.base_high is not None else ''} {v.base_unit}"
    )
    rank = f" rank={t.rank.scope}/{t.rank.position}" if t.rank else ""
    return (
        f"<target subject={t.subject_simplified!r} canonical={t.canonical!r} value={val} measure={t.measure} "
        f"qualifier={t.qualifier}{rank} text={t.text!r} | goal kind={g.kind} strength={g.strength} year={g.year}>"
    )


def _fmt_targets(doc: Any, region: tuple[int, int] | None = None) -> str:
    rows = [
        _fmt_target(g, t)
        for g, t in _all_targets(doc)
        if region is None or (_overlaps(region, t.span) or (t.value is not None and _overlaps(region, t.value.span)))
    ]
    return "\n    ".join(rows) or "(no targets)"


def _find_target(doc: Any, text: str, exp: dict[str, Any], region: tuple[int, int]) -> tuple[Any, Any] | None:
    """The actual (goal, target) an expected target refers to, or None."""
    lo, hi = region
    if "clause" in exp:
        c = _locate(text, exp["clause"], lo, hi)
        if c is None:
            raise BadRecord(f"clause {exp['clause']!r} is not in the text")
        lo, hi = c
    targets = _all_targets(doc)
    if exp.get("value", "present") is None or (exp.get("measure") == "rank" and "raw" not in exp):
        if "clause" not in exp:
            raise BadRecord("a qualitative or rank target needs a clause")
        for g, t in targets:
            if t.value is None and _overlaps((lo, hi), t.span):
                return g, t
        return None
    if "raw" in exp:
        r = _locate(text, exp["raw"], lo, hi)
        if r is None:
            raise BadRecord(f"raw {exp['raw']!r} is not in the text (clause {exp.get('clause')!r})")
        for g, t in targets:
            if t.value is not None and _overlaps(r, t.value.span):
                return g, t
    if "subject" in exp and "base_value" in exp:
        for g, t in targets:
            if (
                t.value is not None
                and exp["subject"] in (t.subject_simplified or "")
                and t.value.base_value == _dec(exp["base_value"])
            ):
                return g, t
    return None


def _target_mismatches(g: Any, t: Any, exp: dict[str, Any], text: str) -> list[str]:
    bad = []
    v = t.value

    def check(key: str, actual: Any, expected: Any) -> None:
        if actual != expected:
            bad.append(f"{key}: expected {expected!r}, got {actual!r}")

    if "subject" in exp and exp["subject"] not in (t.subject_simplified or ""):
        bad.append(f"subject: expected to contain {exp['subject']!r}, got {t.subject_simplified!r}")
    if "canonical" in exp:
        check("canonical", t.canonical, exp["canonical"])
    if exp.get("value", "present") is None:
        if v is not None:
            bad.append(f"value: expected None (qualitative), got {v.raw!r}")
    elif "raw" in exp or "base_value" in exp:
        if v is None:
            bad.append("value: expected a quantity, got None")
        else:
            if "base_value" in exp:
                check("base_value", v.base_value, _dec(exp["base_value"]))
            if "base_high" in exp:
                check("base_high", v.base_high, _dec(exp["base_high"]))
            if "base_unit" in exp:
                check("base_unit", v.base_unit, exp["base_unit"])
    for key in ("qualifier", "measure"):
        if key in exp:
            check(key, getattr(t, key), exp[key])
    if "rank_scope" in exp or "rank_position" in exp:
        if t.rank is None:
            bad.append("rank: expected a rank, got None")
        else:
            if "rank_scope" in exp:
                check("rank.scope", t.rank.scope, exp["rank_scope"])
            if "rank_position" in exp:
                check("rank.position", t.rank.position, exp["rank_position"])
    if "relation" in exp and exp["relation"] not in t.text and exp["relation"] not in g.text:
        bad.append(
            f"relation: expected {exp['relation']!r} in the target's or its goal's text, got {t.text!r} / {g.text!r}"
        )
    for key, attr in (("goal_kind", "kind"), ("strength", "strength"), ("year", "year")):
        if key in exp:
            check(f"goal.{attr}", getattr(g, attr), exp[key])
    return bad


def _check_target(doc: Any, text: str, exp: dict[str, Any], region: tuple[int, int], where: str) -> None:
    found = _find_target(doc, text, exp, region)
    if found is None:
        pytest.fail(
            f"{where}: no target for {json.dumps(exp, ensure_ascii=False)}\n"
            f"  targets overlapping the text:\n    {_fmt_targets(doc, region)}"
        )
    g, t = found
    bad = _target_mismatches(g, t, exp, text)
    assert not bad, (
        f"{where}: target for {json.dumps(exp, ensure_ascii=False)}\n  got {_fmt_target(g, t)}\n  - "
        + "\n  - ".join(bad)
    )


# ---------------------------------------------------------------------------------------------------------------
# Main-targets sentences of five corpus reports


@pytest.mark.parametrize(("report", "check", "item"), _main_params())
def test_main_targets(report: dict[str, Any], check: str, item: Any) -> None:
    path = CORPUS / report["file"]
    text = _report_text(str(path))
    doc = _extract(text)
    anchor = text.find(report["anchor"])
    if anchor == -1:
        raise BadRecord(f"anchor {report['anchor']!r} not in {report['file']}")
    line_end = text.find("\n", anchor)
    region = (anchor, len(text) if line_end == -1 else line_end)
    where = f"{report['file']} main targets"

    if check == "plan_part":
        plan_start = text.find(report["plan_heading"])
        if plan_start == -1:
            raise BadRecord(f"plan heading {report['plan_heading']!r} not in {report['file']}")
        if plan_start >= anchor:
            raise BadRecord("the main-targets sentence must follow the plan heading")
        plan_parts = [s for s in doc.sections if s.kind == "plan"]
        outside = [
            g
            for g in doc.goals
            if g.span.start < plan_start or not any(s.span.start <= g.span.start < s.span.end for s in plan_parts)
        ]
        assert not outside, f"{where}: {len(outside)} goals outside the plan part, first: " + "; ".join(
            f"{g.text[:30]!r}@{g.span.start}" for g in outside[:5]
        )
        return

    if check == "main_goals":
        main_goals = [g for g in doc.goals if region[0] <= g.span.start < region[1]]
        assert main_goals, f"{where}: no goal in the main-targets sentence"
        wrong = [
            (g.text[:24], g.year, g.kind, len(g.targets))
            for g in main_goals
            if g.year != report["year"] or not g.targets
        ]
        assert not wrong, (
            f"{where}: every goal of the main-targets sentence is for {report['year']} and holds a target; "
            f"wrong (text, year, kind, targets): {wrong}"
        )
        return

    if check == "not_target":
        c = _locate(text, item, anchor)
        if c is None:
            raise BadRecord(f"{item!r} not in the text after the main-targets sentence")
        hits = [
            (g, t) for g, t in _all_targets(doc) if _overlaps(c, t.span) or (t.value and _overlaps(c, t.value.span))
        ]
        assert not hits, f"{where}: {item!r} is not a target, got:\n    " + "\n    ".join(
            _fmt_target(g, t) for g, t in hits
        )
        return

    _check_target(doc, text, item, region, where)
    if "raw" in item:
        # One target per indicator: the value is read once, not twice.
        lo, hi = region
        if "clause" in item:
            lo, hi = _locate(text, item["clause"], lo, hi)  # type: ignore[misc]
        r = _locate(text, item["raw"], lo, hi)
        assert r is not None
        n = sum(1 for _, t in _all_targets(doc) if t.value is not None and _overlaps(r, t.value.span))
        assert n == 1, f"{where}: {item['raw']!r} yields {n} targets, want 1"


# ---------------------------------------------------------------------------------------------------------------
# Snippet records


def _check_goal(doc: Any, exp: dict[str, Any], where: str) -> None:
    cands = [g for g in doc.goals if exp["contains"] in g.text]
    if not cands:
        pytest.fail(
            f"{where}: no goal containing {exp['contains']!r}; goals:\n    "
            + "\n    ".join(f"{g.text!r} kind={g.kind} strength={g.strength}" for g in doc.goals)
        )
    problems = []
    for g in cands:
        bad = []
        for key in ("kind", "strength", "year"):
            if key in exp and getattr(g, key) != exp[key]:
                bad.append(f"{key}: expected {exp[key]!r}, got {getattr(g, key)!r}")
        if "theme_contains" in exp and exp["theme_contains"] not in (g.theme or ""):
            bad.append(f"theme: expected to contain {exp['theme_contains']!r}, got {g.theme!r}")
        if not bad:
            return
        problems.append(f"goal {g.text!r}: " + "; ".join(bad))
    pytest.fail(f"{where}: goal {json.dumps(exp, ensure_ascii=False)}\n  " + "\n  ".join(problems))


def _fmt_project(p: Any) -> str:
    inv = f"{p.investment.raw!r}={p.investment.base_value}" if p.investment else None
    qs = [f"{q.raw}={q.base_value}{q.base_unit}" for q in p.quantities]
    return (
        f"<project name={p.name!r} status={p.status} level={p.level} locations={p.locations} "
        f"quantities={qs} investment={inv} year={p.year}>"
    )


def _project_mismatches(p: Any, exp: dict[str, Any]) -> list[str]:
    bad = []
    if "name_exact" in exp and p.name != exp["name_exact"]:
        bad.append(f"name: expected exactly {exp['name_exact']!r}, got {p.name!r}")
    for key in ("status", "level", "year", "category"):
        if key in exp and getattr(p, key) != exp[key]:
            bad.append(f"{key}: expected {exp[key]!r}, got {getattr(p, key)!r}")
    if "investment" in exp:
        got = p.investment.base_value if p.investment else None
        if got != _dec(exp["investment"]):
            bad.append(f"investment: expected {exp['investment']}, got {got}")
    if "investment_in" in exp:
        got = p.investment.base_value if p.investment else None
        if got not in {_dec(x) for x in exp["investment_in"]}:
            bad.append(f"investment: expected one of {exp['investment_in']}, got {got}")
    for q in exp.get("quantities", []):
        if not any(x.base_value == _dec(q["base_value"]) and x.base_unit == q["base_unit"] for x in p.quantities):
            bad.append(f"quantities: expected {q['base_value']} {q['base_unit']} among {[x.raw for x in p.quantities]}")
    for loc in exp.get("locations", []):
        if not any(loc in x for x in p.locations):
            bad.append(f"locations: expected {loc!r} among {p.locations}")
    return bad


def _check_project(doc: Any, exp: dict[str, Any], where: str) -> None:
    cands = [p for p in doc.projects if exp["name"] in p.name]
    if not cands:
        pytest.fail(
            f"{where}: no project named like {exp['name']!r}; projects:\n    "
            + "\n    ".join(_fmt_project(p) for p in doc.projects)
            if doc.projects
            else f"{where}: no project named like {exp['name']!r}; no projects at all"
        )
    if "locations_union" in exp:
        # Several projects in one sentence (分别为A和B) may be one record or several: the places must all be there.
        places = [loc for p in cands for loc in p.locations]
        missing = [x for x in exp["locations_union"] if not any(x in y for y in places)]
        assert not missing, f"{where}: places {missing} missing from {[_fmt_project(p) for p in cands]}"
    problems = []
    for p in cands:
        bad = _project_mismatches(p, exp)
        if not bad:
            return
        problems.append(_fmt_project(p) + "\n    - " + "\n    - ".join(bad))
    pytest.fail(f"{where}: project {json.dumps(exp, ensure_ascii=False)}\n  " + "\n  ".join(problems))


def _check_indicator(doc: Any, text: str, exp: dict[str, Any], where: str) -> None:
    r = _locate(text, exp["raw"])
    if r is None:
        raise BadRecord(f"raw {exp['raw']!r} not in the text")
    cands = [
        i
        for i in doc.indicators
        if (i.value and _overlaps(r, i.value.span))
        or (i.change and i.change.value and _overlaps(r, i.change.value.span))
    ]
    rows = "\n    ".join(
        f"<indicator name={i.name_simplified!r} canonical={i.canonical} kind={i.kind} "
        f"value={i.value.raw if i.value else None} period={i.period}>"
        for i in doc.indicators
    )
    assert cands, f"{where}: no indicator for {exp['raw']!r}; indicators:\n    {rows}"
    i = cands[0]
    bad = []
    for key in ("kind", "canonical", "measure", "period", "estimated"):
        if key in exp and getattr(i, key) != exp[key]:
            bad.append(f"{key}: expected {exp[key]!r}, got {getattr(i, key)!r}")
    if "name" in exp and i.name_simplified != exp["name"]:
        bad.append(f"name: expected {exp['name']!r}, got {i.name_simplified!r}")
    if "change" in exp:
        got = i.change.value.raw if i.change and i.change.value else None
        if got != exp["change"]:
            bad.append(f"change: expected {exp['change']!r}, got {got!r}")
    if "base_value" in exp and (i.value is None or i.value.base_value != _dec(exp["base_value"])):
        bad.append(f"base_value: expected {exp['base_value']}, got {i.value.base_value if i.value else None}")
    assert not bad, f"{where}: indicator {exp['raw']!r} ({i.name_simplified!r}):\n  - " + "\n  - ".join(bad)


@pytest.mark.parametrize("record", _record_params())
def test_record(record: dict[str, Any]) -> None:
    text = record["text"]
    doc = _extract(text)
    where = f"record {record['id']} ({record['source']})"
    if record.get("expect") == "nothing":
        of = record["of"]
        if "goals" in of:
            assert not doc.goals, f"{where}: expected no goal, got " + "; ".join(
                f"{g.text!r} ({g.kind}, {len(g.targets)} targets)" for g in doc.goals
            )
        if "projects" in of:
            assert not doc.projects, f"{where}: expected no project, got " + "; ".join(
                _fmt_project(p) for p in doc.projects
            )
        return
    body = text.find("\n") + 1  # after the heading line
    for exp in record.get("goals", []):
        _check_goal(doc, exp, where)
    for exp in record.get("targets", []):
        _check_target(doc, text, exp, (body, len(text)), where)
    for exp in record.get("projects", []):
        _check_project(doc, exp, where)
    for name in record.get("no_project_named", []):
        hits = [p for p in doc.projects if p.name == name or (p.name.endswith(name) and len(p.name) <= len(name) + 2)]
        assert not hits, f"{where}: {name!r} names no project, got " + "; ".join(_fmt_project(p) for p in hits)
    for exp in record.get("indicators", []):
        _check_indicator(doc, text, exp, where)
    if "goals_only_after" in record:
        # Nothing before the plan heading is a goal.
        cut = text.find(record["goals_only_after"])
        early = [g for g in doc.goals if g.span.start < cut]
        assert not early, f"{where}: goals before the plan heading: {[g.text for g in early]}"


# ---------------------------------------------------------------------------------------------------------------
# The corpus itself


def test_record_corpus_size() -> None:
    records = _load("goal_project_records.json")["records"]
    positives = [r for r in records if r.get("expect") != "nothing"]
    negatives = [r for r in records if r.get("expect") == "nothing"]
    assert len(positives) >= 40, f"the record corpus holds {len(positives)} positive records, want at least 40"
    assert any("goals" in r["of"] for r in negatives) and any("projects" in r["of"] for r in negatives)
    ids = [r["id"] for r in records] + [r["id"] for r in _load("known_gaps.json").get("records", [])]
    assert len(ids) == len(set(ids)), "record ids must be unique"


def test_record_headings() -> None:
    """Every snippet opens with a heading line that names its part, so goals and projects land where intended."""
    for r in _load("goal_project_records.json")["records"] + _load("known_gaps.json").get("records", []):
        head, _, body = r["text"].partition("\n")
        assert head and body.strip(), f"record {r['id']}: a heading line, then the sentences"
        kinds = {s.kind for s in _extract(r["text"]).sections if s.heading == head.strip()}
        assert kinds & {"plan", "review"}, f"record {r['id']}: heading {head!r} opens no plan or review part ({kinds})"
