"""`govreport evaluate` and extractor.evaluate: agreement with the project's scorer, the context gold form, folders.

The agreement tests (those taking ``scorer``) cross-check extractor.evaluate against the reference scorer, copied
to tests/data/eval/score.py so that they run in every clone. test_the_scorer_copy_is_the_reference keeps the copy
honest: it compares it with ../shared/eval/score.py where that file exists, and is required under CI=true.
Everything else reads tests/gold/hongshan.json and needs nothing beside the clone.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import HONGSHAN_GOLD, SCORER_COPY, on_ci
from typer.testing import CliRunner

import extractor.cli.evaluate  # noqa: F401  registers the command
from extractor import extract
from extractor.cli import app
from extractor.evaluate import GoldError, micro_average, pair_folder, resolve_gold, score
from extractor.normalize import to_simplified

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hongshan_2019.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def pred(sample_text: str) -> dict:
    return json.loads(extract(sample_text).model_dump_json())


def _agree(theirs: Any, ours: Any, path: str = "") -> list[str]:
    """Every figure score.py reports, reported the same by us (we may add keys, never change one)."""
    if isinstance(theirs, dict):
        if not isinstance(ours, dict):
            return [f"{path}: {theirs!r} vs {ours!r}"]
        out = []
        for k, v in theirs.items():
            out += _agree(v, ours.get(k, "<missing>"), f"{path}.{k}")
        return out
    return [] if theirs == ours else [f"{path}: score.py {theirs!r}, evaluate {ours!r}"]


def _perturbations(pred: dict, text: str) -> dict[str, dict]:
    """Predictions that exercise every branch of the scorers: misses, wrong values, extras, goals, projects, meta."""
    out: dict[str, dict] = {}
    p = copy.deepcopy(pred)
    p["quantities"] = p["quantities"][::2]
    p["indicators"] = p["indicators"][1::3]
    out["dropped"] = p

    p = copy.deepcopy(pred)
    for q in p["quantities"][:5]:
        q["base_value"] = q["base_value"] * 10
    p["indicators"][0]["name"] = "完全不同的名字"
    p["indicators"][1]["year"] = 1999
    p["indicators"][2]["change"]["value"]["base_value"] = 99
    p["meta"]["region"] = "别处"
    p["meta"]["year_planned"] = None
    p["source"]["script"] = "simplified"
    out["wrong_values"] = p

    p = copy.deepcopy(pred)
    # spurious quantities: a year, a document number (a gold negative), a bad span
    i = text.index("2019")
    extra = {"raw": "2019", "span": {"start": i, "end": i + 4}, "base_value": 2019, "base_unit": "年"}
    j = text.index("20190704")
    neg = {"raw": "20190704", "span": {"start": j, "end": j + 8}, "base_value": 20190704, "base_unit": "元"}
    bad = {"raw": "不是这里", "span": {"start": 10, "end": 14}, "base_value": 1, "base_unit": "元"}
    p["quantities"] += [extra, neg, bad]
    out["extras"] = p

    p = copy.deepcopy(pred)

    def q_at(surface: str, start_from: int = 0, unit: str = "个", value: Any = None, high: Any = None) -> dict:
        s = text.index(surface, start_from)
        return {
            "raw": surface,
            "span": {"start": s, "end": s + len(surface)},
            "base_value": value,
            "base_high": high,
            "base_unit": unit,
        }

    g1 = text.index("引進2-3個")
    p["goals"] = [
        {
            "text": "引進2-3個",
            "span": {"start": g1, "end": g1 + 20},
            "targets": [{"value": q_at("2-3個", g1, value=2, high=3), "qualifier": "range"}],
        },
        {
            "text": "扶持培育20個家庭農場",
            "span": {"start": g1 + 21, "end": g1 + 32},
            "targets": [{"value": q_at("20個", g1, value=21), "qualifier": "about"}],
        },
        {"text": "early", "span": {"start": 300, "end": 310}, "targets": []},
    ]
    n = text.index("東方唐韻項目")
    w = text.index("水田開發項目")
    p["projects"] = [
        {"name": "東方唐韻項目", "span": {"start": n, "end": n + 6}},
        {
            "name": "水田開發項目和增減掛鉤項目",
            "span": {"start": w, "end": w + 13},
            "status": "completed",
            "quantities": [q_at("3157.96畝", w, unit="亩", value=3157.96)],
        },
        {"name": "天然氣管道鋪設", "span": {"start": 0, "end": 3}, "status": "planned"},
        {"name": "不存在的項目", "span": {"start": 2000, "end": 2005}},
        {"name": "古城西瓜園", "span": {"start": 579, "end": 584}},
    ]
    out["goals_projects"] = p

    p = copy.deepcopy(pred)
    p["quantities"] = []
    p["indicators"] = []
    p["meta"] = {}
    out["empty"] = p
    return out


def test_agrees_with_score_py_on_the_sample(
    scorer: ModuleType, hongshan_gold: dict, pred: dict, sample_text: str
) -> None:
    ref = scorer.score(hongshan_gold, pred, sample_text)
    ours = score(resolve_gold(hongshan_gold, sample_text), pred, sample_text)
    assert _agree(ref, ours) == []
    assert ours["quantities"]["tp"] == ref["quantities"]["tp"] > 0


def test_agrees_with_score_py_in_simplified_script(scorer: ModuleType, hongshan_gold: dict, sample_text: str) -> None:
    text = to_simplified(sample_text)
    g = copy.deepcopy(hongshan_gold)
    g["meta"]["script"] = "simplified"
    p = json.loads(extract(text).model_dump_json())
    ref = scorer.score(g, p, text)
    assert _agree(ref, score(resolve_gold(g, text), p, text)) == []


@pytest.mark.parametrize("case", ["dropped", "wrong_values", "extras", "goals_projects", "empty"])
def test_agrees_with_score_py_on_flawed_predictions(
    case: str, scorer: ModuleType, hongshan_gold: dict, pred: dict, sample_text: str
) -> None:
    p = _perturbations(pred, sample_text)[case]
    ref = scorer.score(hongshan_gold, copy.deepcopy(p), sample_text)
    ours = score(resolve_gold(hongshan_gold, sample_text), p, sample_text)
    assert _agree(ref, ours) == []


def test_flawed_predictions_move_the_extra_measures(hongshan_gold: dict, pred: dict, sample_text: str) -> None:
    cases = _perturbations(pred, sample_text)
    g = resolve_gold(hongshan_gold, sample_text)
    good = score(g, pred, sample_text)
    dropped = score(g, cases["dropped"], sample_text)
    assert dropped["indicators"]["recall"] < good["indicators"]["recall"]
    gp = score(g, cases["goals_projects"], sample_text)["goals"]
    assert gp["targets_found"] == 2 and gp["value_n"] == 4
    assert gp["value_hits"] == 1  # 2-3個 right, 20個 read as 21
    assert gp["qualifier_hits"] == 1
    proj = score(g, cases["goals_projects"], sample_text)["projects"]
    # 天然氣管道鋪設 is found by name (its span is elsewhere); its status and its 5.1公裏 are wrong
    assert proj["tp"] == 3 and proj["status_n"] == 2 and proj["status_acc"] == 0.5
    assert proj["quantities_n"] == 1 and proj["quantities_acc"] == 0.0
    assert proj["extra"] == ["不存在的項目"]  # the optional 古城西瓜園 is not an extra


def _context_form(gold: dict, text: str) -> dict:
    """The sample's gold rewritten as a person would: surfaces with a context only where they repeat."""

    def item(it: dict, key: str) -> dict:
        s, e = it["start"], it["end"]
        d = {k: v for k, v in it.items() if k not in ("start", "end")}
        surface = text[s:e]
        if key != "surface" and d.get(key) != surface:
            d["surface"] = surface
        if text.count(surface) > 1:
            for w in range(1, 40):
                c = text[max(0, s - w) : e + w]
                if text.count(c) == 1 and c.count(surface) == 1:
                    d["context"] = c
                    break
        return d

    out = {
        k: copy.deepcopy(v)
        for k, v in gold.items()
        if k not in ("quantities", "negatives", "projects", "optional_projects", "goals", "plan_start")
    }
    for name, key in (
        ("quantities", "surface"),
        ("negatives", "surface"),
        ("projects", "name"),
        ("optional_projects", "name"),
        ("goals", "text"),
    ):
        out[name] = [item(x, key) for x in gold.get(name, [])]
    out["plan_start"] = "2020年政府工作打算"
    return out


def test_context_form_places_every_item_where_the_offsets_say(hongshan_gold: dict, sample_text: str) -> None:
    ctx = _context_form(hongshan_gold, sample_text)
    assert any("context" in q for q in ctx["quantities"]) and not any("start" in q for q in ctx["quantities"])
    placed = resolve_gold(ctx, sample_text)
    for name in ("quantities", "negatives", "projects", "optional_projects", "goals"):
        want = [(x["start"], x["end"]) for x in hongshan_gold[name]]
        assert [(x["start"], x["end"]) for x in placed[name]] == want, name
    assert placed["plan_start"] == sample_text.index("2020年政府工作打算")


def test_context_written_in_simplified_finds_traditional_text(sample_text: str) -> None:
    g = {"quantities": [{"surface": "7.5亿元", "context": "工农业总产值7.5亿元", "value": 7.5e8, "base_unit": "元"}]}
    placed = resolve_gold(g, sample_text)["quantities"][0]
    assert sample_text[placed["start"] : placed["end"]] == "7.5億元"


def test_occurrence_picks_one_of_repeated_surfaces() -> None:
    text = "增长5%，又增长5%。"
    g = {"quantities": [{"surface": "5%", "occurrence": 2, "value": 5, "base_unit": "%", "kind": "change"}]}
    assert resolve_gold(g, text)["quantities"][0]["start"] == text.rindex("5%")


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"surface": "5%", "value": 5, "base_unit": "%"}, "occurs 2 times"),
        ({"surface": "9%", "value": 9, "base_unit": "%"}, "not in the text"),
        ({"surface": "5%", "context": "减少5%", "value": 5, "base_unit": "%"}, "not in the text"),
        ({"surface": "5%", "context": "增长", "value": 5, "base_unit": "%"}, "does not contain"),
        ({"start": 0, "end": 2, "surface": "5%", "value": 5, "base_unit": "%"}, "reads '增长'"),
        ({"surface": "5%", "occurrence": 3, "value": 5, "base_unit": "%"}, "out of range"),
        ({"surface": "5%", "occurrence": 1, "value": "five", "base_unit": "%"}, "value must be"),
        ({"surface": "5%", "occurrence": 1, "value": 5}, "needs base_unit"),
        ({"surface": "5%", "occurrence": 1, "value": 5, "base_unit": "%", "kind": "goal"}, "kind 'goal'"),
    ],
)
def test_gold_problems_are_named(item: dict, message: str) -> None:
    with pytest.raises(GoldError) as e:
        resolve_gold({"quantities": [item]}, "增长5%，又增长5%。", "g.json")
    assert message in str(e.value) and str(e.value).startswith("g.json: quantities[0]")


def test_micro_average_adds_counts(hongshan_gold: dict, pred: dict, sample_text: str) -> None:
    g = resolve_gold(hongshan_gold, sample_text)
    a = score(g, pred, sample_text)
    b = score(g, _perturbations(pred, sample_text)["dropped"], sample_text)
    m = micro_average([a, b])
    assert m["documents"] == 2
    for k in ("tp", "fp", "fn"):
        assert m["quantities"][k] == a["quantities"][k] + b["quantities"][k]
    assert (
        m["indicators"]["found_as_indicator"]
        == a["indicators"]["found_as_indicator"] + b["indicators"]["found_as_indicator"]
    )
    assert m["meta"]["checked"] == len(a["meta"]) + len(b["meta"])
    assert m["projects"]["fn"] == a["projects"]["fn"] + b["projects"]["fn"]


# --- the command -------------------------------------------------------------------------------------------------


def test_cli_scores_a_report_like_the_library(hongshan_gold: dict, pred: dict, sample_text: str) -> None:
    gpath = HONGSHAN_GOLD
    r = runner.invoke(app, ["evaluate", str(gpath), str(SAMPLE)])
    assert r.exit_code == 0, r.stderr
    for word in ("quantities", "indicators", "goals", "targets", "projects", "metadata", "1.000"):
        assert word in r.stdout
    r = runner.invoke(app, ["evaluate", str(gpath), str(SAMPLE), "--json"])
    assert r.exit_code == 0
    out = json.loads(r.stdout)
    ref = score(resolve_gold(hongshan_gold, sample_text), pred, sample_text)
    assert json.loads(json.dumps(ref)) == out["documents"][0]["scores"]
    assert out["micro_average"]["quantities"]["tp"] == ref["quantities"]["tp"] > 0


def test_cli_scores_a_report_like_score_py(scorer: ModuleType, hongshan_gold: dict, sample_text: str) -> None:
    r = runner.invoke(app, ["evaluate", str(HONGSHAN_GOLD), str(SAMPLE), "--json"])
    assert r.exit_code == 0, r.stderr
    ours = json.loads(r.stdout)["documents"][0]["scores"]
    pred = json.loads(extract(sample_text).model_dump_json())
    assert _agree(scorer.score(hongshan_gold, pred, sample_text), ours) == []


def test_cli_scores_a_prediction_file(tmp_path: Path) -> None:
    gpath = str(HONGSHAN_GOLD)
    pred_path = tmp_path / "pred.json"
    pred_path.write_text(runner.invoke(app, ["extract", str(SAMPLE)]).stdout, encoding="utf-8")
    # the prediction's source.path names the report, so the text is found without --text
    r = runner.invoke(app, ["evaluate", gpath, str(pred_path), "--json"])
    assert r.exit_code == 0, r.stderr
    tp = json.loads(r.stdout)["documents"][0]["scores"]["quantities"]["tp"]
    # a prediction without any way to its text: the user is told to pass --text
    doc = json.loads(pred_path.read_text(encoding="utf-8"))
    doc["source"]["path"] = None
    pred_path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = runner.invoke(app, ["evaluate", gpath, str(pred_path)])
    assert r.exit_code == 1 and "--text" in r.stderr and "Traceback" not in r.stderr
    r = runner.invoke(app, ["evaluate", gpath, str(pred_path), "--text", str(SAMPLE), "--json"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["documents"][0]["scores"]["quantities"]["tp"] == tp


def test_cli_folder_gives_rows_and_micro_average(tmp_path: Path, hongshan_gold: dict, sample_text: str) -> None:
    gdir, rdir = tmp_path / "gold", tmp_path / "reports"
    gdir.mkdir()
    rdir.mkdir()
    (gdir / "hongshan.json").write_text(json.dumps(hongshan_gold, ensure_ascii=False), encoding="utf-8")
    (rdir / "hongshan_2019.txt").write_bytes(SAMPLE.read_bytes())
    simp = to_simplified(sample_text)
    (rdir / "hongshan_simplified.txt").write_text(simp, encoding="utf-8", newline="")
    ctx = _context_form(hongshan_gold, sample_text)
    ctx["meta"]["script"] = "simplified"
    ctx["report"] = "hongshan_simplified.txt"
    (gdir / "simplified.json").write_text(json.dumps(ctx, ensure_ascii=False), encoding="utf-8")
    (gdir / "orphan.json").write_text(json.dumps({"quantities": []}), encoding="utf-8")
    pairs = {g.name: (t.name if t else None) for g, t, _ in pair_folder(gdir, rdir)}
    assert pairs == {
        "hongshan.json": "hongshan_2019.txt",
        "simplified.json": "hongshan_simplified.txt",
        "orphan.json": None,
    }

    r = runner.invoke(app, ["evaluate", str(gdir), str(rdir)])
    assert r.exit_code == 0, r.stderr
    assert "hongshan" in r.stdout and "simplified" in r.stdout and "micro average (2)" in r.stdout
    assert "not scored: orphan" in r.stdout
    r = runner.invoke(app, ["evaluate", str(gdir), str(rdir), "--json"])
    out = json.loads(r.stdout)
    docs = {d["document"]: d for d in out["documents"]}
    assert "error" in docs["orphan"]
    tps = [docs[n]["scores"]["quantities"]["tp"] for n in ("hongshan", "simplified")]
    assert out["micro_average"]["quantities"]["tp"] == sum(tps) and out["micro_average"]["documents"] == 2


def test_cli_input_errors(tmp_path: Path) -> None:
    gpath = str(HONGSHAN_GOLD)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = runner.invoke(app, ["evaluate", str(bad), str(SAMPLE)])
    assert r.exit_code == 1 and "not valid JSON" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = runner.invoke(app, ["evaluate", gpath, str(tmp_path / "missing.txt")])
    assert r.exit_code == 1 and "no such file" in r.stderr
    other = tmp_path / "other.txt"
    other.write_text("2019年全镇完成工农业总产值7.5亿元。", encoding="utf-8")
    r = runner.invoke(app, ["evaluate", gpath, str(other)])
    assert r.exit_code == 1 and "outside the text" in r.stderr
    r = runner.invoke(app, ["evaluate", str(tmp_path), str(SAMPLE)])
    assert r.exit_code == 2
    assert runner.invoke(app, ["evaluate", "--help"]).exit_code == 0


def _shared_scorer() -> Path | None:
    """The project's shared reference scorer: $GOVREPORT_SHARED/eval/score.py, or ../shared/eval/score.py beside the
    checkout. The one test below reads it; every other test reads tests/data and tests/gold."""
    env = os.environ.get("GOVREPORT_SHARED")
    for folder in ([Path(env)] if env else []) + [ROOT.parent / "shared"]:
        if (folder / "eval" / "score.py").exists():
            return folder / "eval" / "score.py"
    return None


@pytest.mark.skipif(
    _shared_scorer() is None and not on_ci(),
    reason="../shared is not beside this clone: the cross-checks use the copy tests/data/eval/score.py "
    "(under CI=true this check runs, and fails without it)",
)
def test_the_scorer_copy_is_the_reference() -> None:
    """The cross-checks run against tests/data/eval/score.py: it must be the shared reference scorer, byte for byte,
    or they would check agreement with a scorer nobody else uses."""
    reference = _shared_scorer()
    assert reference is not None, "../shared (with eval/score.py) is missing on CI: this check is required there"
    assert SCORER_COPY.read_bytes() == reference.read_bytes(), (
        "tests/data/eval/score.py differs from ../shared/eval/score.py: copy it again (and its line in SHA256SUMS)"
    )
