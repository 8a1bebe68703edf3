"""Corrections: the contract (model and schema), applying them to a Document, the exports, and `govreport apply`."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import SAMPLE, grounded
from typer.testing import CliRunner

from extractor import corrections as C
from extractor import extract_file
from extractor import models as M
from extractor.cli import app
from extractor.evaluate import resolve_gold, score

ROOT = Path(__file__).resolve().parent.parent
DOC_SCHEMA = json.loads((ROOT / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
CORR_SCHEMA = json.loads((ROOT / "schemas" / "corrections.schema.json").read_text(encoding="utf-8"))
runner = CliRunner()
ADDED = {"start": 105, "end": 107}  # 過去一年: a duration the extractor (rightly by default) leaves alone


@pytest.fixture(scope="module")
def doc() -> M.Document:
    return extract_file(str(SAMPLE))


def _three(doc: M.Document) -> dict:
    """Reject 工農業總產值, make 龍頭企業's qualifier `about`, add 一年 as a quantity: the issue's review."""
    ind = next(i for i in doc.indicators if i.name == "工農業總產值")
    tgt = next(t for g in doc.goals for t in g.targets if t.subject == "龍頭企業")
    assert tgt.qualifier != "about"
    return {
        "schema_version": "1.0",
        "sha256": doc.source.sha256,
        "reviewer": "test",
        "items": [
            {"action": "reject", "type": "indicator", "span": ind.value.span.model_dump()},
            {"action": "edit", "type": "target", "span": tgt.value.span.model_dump(), "set": {"qualifier": "about"}},
            {"action": "add", "type": "quantity", "span": ADDED, "set": {"base_value": 1, "base_unit": "年"}},
            {"action": "accept", "type": "project", "span": doc.projects[0].span.model_dump()},
        ],
    }


def test_the_issue_example_is_a_valid_corrections_file() -> None:
    example = {
        "schema_version": "1.0",
        "sha256": "ab" * 32,
        "reviewer": "optional name",
        "items": [
            {"action": "reject", "type": "indicator", "span": {"start": 265, "end": 289}},
            {"action": "edit", "type": "target", "span": {"start": 4410, "end": 4414}, "set": {"qualifier": "about"}},
            {"action": "add", "type": "quantity", "span": {"start": 1200, "end": 1206}, "set": {"base_value": 300000}},
            {"action": "accept", "type": "project", "span": {"start": 3001, "end": 3012}},
        ],
    }
    jsonschema.validate(example, CORR_SCHEMA)
    assert C.parse(json.dumps(example)).items[1].set == {"qualifier": "about"}
    bad = copy.deepcopy(example)
    bad["items"][0]["action"] = "delete"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, CORR_SCHEMA)


def test_apply_rejects_edits_adds_and_leaves_the_input_alone(doc: M.Document, sample_text: str) -> None:
    before = doc.model_dump_json()
    res = C.apply(doc, C.parse(json.dumps(_three(doc))), sample_text)
    assert doc.model_dump_json() == before
    out = res.doc
    assert "工農業總產值" not in [i.name for i in out.indicators]
    assert len(out.indicators) == len(doc.indicators) - 1
    assert next(t for g in out.goals for t in g.targets if t.subject == "龍頭企業").qualifier == "about"
    added = [q for q in out.quantities if (q.span.start, q.span.end) == (105, 107)]
    assert [(q.raw, q.base_value, q.base_unit, q.number, q.unit) for q in added] == [("一年", 1, "年", 1, "年")]
    assert [o.status for o in res.outcomes] == ["applied"] * 4
    assert res.states[("project", doc.projects[0].span.start, doc.projects[0].span.end)] == "accepted"
    assert grounded(out, sample_text) == []
    jsonschema.validate(out.model_dump(mode="json"), DOC_SCHEMA)


def test_apply_is_idempotent_and_reports_what_is_gone(doc: M.Document, sample_text: str) -> None:
    corr = C.parse(json.dumps(_three(doc)))
    once = C.apply(doc, corr, sample_text)
    twice = C.apply(once.doc, corr, sample_text)
    assert twice.doc.model_dump_json() == once.doc.model_dump_json()
    assert [o.status for o in twice.outcomes] == ["gone", "applied", "applied", "applied"]
    assert twice.missing == []


def test_a_correction_whose_record_is_gone_is_reported_and_the_others_apply(doc: M.Document, sample_text: str) -> None:
    data = _three(doc)
    data["items"].append({"action": "edit", "type": "indicator", "span": ADDED, "set": {"year": 2018}})
    data["items"].append({"action": "accept", "type": "project", "span": ADDED})
    res = C.apply(doc, C.parse(json.dumps(data)), sample_text)
    assert [(o.index, o.status) for o in res.missing] == [(4, "missing"), (5, "missing")]
    assert "工農業總產值" not in [i.name for i in res.doc.indicators]


def test_edit_merges_a_nested_value_and_keeps_names_in_step(doc: M.Document, sample_text: str) -> None:
    ind = doc.indicators[1]
    data = {
        "sha256": doc.source.sha256,
        "items": [
            {
                "action": "edit",
                "type": "indicator",
                "span": ind.value.span.model_dump(),
                "set": {"name": "財政收入", "canonical": "x", "value": {"base_value": 123}},
            }
        ],
    }
    out = C.apply(doc, C.parse(json.dumps(data)), sample_text).doc
    got = out.indicators[1]
    assert (got.name, got.name_simplified, got.canonical) == ("財政收入", "财政收入", "x")
    assert got.value.base_value == 123 and got.value.raw == ind.value.raw and got.value.unit == ind.value.unit
    # the same mention in doc.quantities says the same
    assert next(q for q in out.quantities if q.span == ind.value.span).base_value == 123


def test_add_target_and_project_land_in_their_places(doc: M.Document, sample_text: str) -> None:
    goal = next(g for g in doc.goals if g.targets)
    at = sample_text.index("龍頭企業", goal.span.start)
    assert at + 4 <= goal.span.end
    pstart = sample_text.index("東方唐韻")
    data = {
        "sha256": doc.source.sha256,
        "items": [
            {
                "action": "add",
                "type": "target",
                "span": {"start": at, "end": at + 4},
                "set": {"subject": "龍頭企業", "value": {"base_value": 1, "base_unit": "个"}},
            },
            {"action": "add", "type": "project", "span": {"start": pstart, "end": pstart + 4}, "set": {"year": 2020}},
        ],
    }
    out = C.apply(doc, C.parse(json.dumps(data)), sample_text).doc
    new = next(t for g in out.goals for t in g.targets if t.value and t.value.span.start == at)
    assert new.subject_simplified == "龙头企业" and new.text == "龍頭企業"
    assert new in next(g for g in out.goals if g.span == goal.span).targets
    assert next(p for p in out.projects if p.span.start == pstart and p.span.end == pstart + 4).name == "東方唐韻"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["items"].append({"action": "edit", "type": "target", "span": {"start": 1, "end": 2}}), None),
        (lambda d: d.update(sha256="0" * 64), "sha256"),
        (lambda d: d["items"][1]["set"].update(colour="red"), "'colour', not a field of target"),
        (lambda d: d["items"][2].update(span={"start": 5300, "end": 9999}), "outside the text"),
        (lambda d: d["items"][1]["set"].update(qualifier="roughly"), "qualifier"),
        (lambda d: d["items"][2]["set"].pop("base_unit"), "base_unit"),
        (lambda d: d["items"][2]["set"].update(raw="一年來"), "not the text"),
        (lambda d: d["items"][1]["set"].update(span={"start": 1, "end": 3}), "cannot move the span"),
        (lambda d: d["items"][0].update(set={"year": 1}), "takes no set"),
    ],
)
def test_bad_corrections_give_one_error_and_change_nothing(
    doc: M.Document, sample_text: str, mutate, message: str | None
) -> None:
    data = _three(doc)
    mutate(data)
    if message is None:  # the control: a stale correction is not an error
        assert C.apply(doc, C.parse(json.dumps(data)), sample_text).missing
        return
    before = doc.model_dump_json()
    with pytest.raises(C.CorrectionsError) as e:
        C.apply(doc, C.parse(json.dumps(data)), sample_text, source="c.json")
    assert message in str(e.value) and str(e.value).startswith("c.json: ")
    assert len(e.value.problems) == 1
    assert doc.model_dump_json() == before


def test_force_applies_corrections_of_other_bytes(doc: M.Document, sample_text: str) -> None:
    data = _three(doc) | {"sha256": "0" * 64}
    assert (
        len(C.apply(doc, C.parse(json.dumps(data)), sample_text, force=True).doc.indicators) == len(doc.indicators) - 1
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('{"sha256": "x", "items": [', "not valid JSON"),
        ("[]", "one JSON object"),
        ('{"items": []}', "sha256: Field required"),
        ('{"sha256": "x", "items": [{"action": "reject", "type": "goal", "span": {"start": 1, "end": 2}}]}', "type"),
    ],
)
def test_malformed_corrections_are_one_error(raw: str, message: str) -> None:
    with pytest.raises(C.CorrectionsError) as e:
        C.parse(raw, "c.json")
    assert message in str(e.value)


def test_gold_of_the_corrected_document_scores_it_perfectly(doc: M.Document, sample_text: str) -> None:
    res = C.apply(doc, C.parse(json.dumps(_three(doc))), sample_text)
    gold = resolve_gold(json.loads(json.dumps(C.to_gold(res.doc))), sample_text)
    assert gold["report"] == "hongshan_2019.txt"
    s = score(gold, res.doc.model_dump(mode="json"), sample_text)
    assert (s["quantities"]["precision"], s["quantities"]["recall"]) == (1.0, 1.0)
    assert (s["indicators"]["precision"], s["indicators"]["recall"]) == (1.0, 1.0)
    assert (s["projects"]["precision"], s["projects"]["recall"], s["goals"]["recall"]) == (1.0, 1.0, 1.0)
    assert s["goals"]["qualifier_acc"] == 1.0 and all(s["meta"].values())
    raw = score(gold, doc.model_dump(mode="json"), sample_text)
    assert raw["quantities"]["missed"] == ["一年"] and raw["quantities"]["fp"] == 0
    assert raw["indicators"]["fp_predicted"] == 1  # the rejected one
    assert raw["goals"]["qualifier_acc"] < 1.0


def test_review_csv_has_extract_columns_and_a_review_column(doc: M.Document, sample_text: str) -> None:
    from extractor.writers import csv_columns

    res = C.apply(doc, C.parse(json.dumps(_three(doc))), sample_text)
    rows = list(csv.DictReader(io.StringIO(C.review_csv(res, sample_text))))
    assert list(rows[0]) == [*csv_columns(), "review"]
    by = {r["review"]: r for r in rows if r["review"] not in ("", "unreviewed")}
    assert set(by) == {"rejected", "edited", "added", "accepted"}
    assert by["rejected"]["name"] == "工農業總產值" and by["rejected"]["type"] == "indicator"
    assert by["edited"]["qualifier"] == "about" and by["edited"]["type"] == "target"
    assert (by["added"]["type"], by["added"]["value_raw"], by["added"]["value_base_unit"]) == ("quantity", "一年", "年")
    assert {r["review"] for r in rows if r["type"] == "goal"} == {""}


# ---------------------------------------------------------------------------------------------------------------
# the command


def _write(tmp_path: Path, data: dict, name: str = "c.json") -> str:
    p = tmp_path / name
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(p)


def test_cli_apply_on_a_report_and_on_a_saved_extraction(doc: M.Document, tmp_path: Path) -> None:
    corr = _write(tmp_path, _three(doc))
    r = runner.invoke(app, ["apply", corr, str(SAMPLE)])
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    out = json.loads(r.stdout)
    jsonschema.validate(out, DOC_SCHEMA)
    assert "工農業總產值" not in [i["name"] for i in out["indicators"]]
    # a saved extraction (its text found through source.path), and again on the corrected one: the same
    saved = tmp_path / "pred.json"
    saved.write_text(doc.model_dump_json(), encoding="utf-8")
    r2 = runner.invoke(app, ["apply", corr, str(saved)])
    assert r2.exit_code == 0 and json.loads(r2.stdout) == out
    again = tmp_path / "corrected.json"
    again.write_text(r.stdout, encoding="utf-8")
    r3 = runner.invoke(app, ["apply", corr, str(again), "--text", str(SAMPLE)])
    assert r3.exit_code == 0 and r3.stdout == r.stdout


def test_cli_apply_gold_and_csv_formats(doc: M.Document, tmp_path: Path) -> None:
    corr = _write(tmp_path, _three(doc))
    gold = tmp_path / "gold.json"
    r = runner.invoke(app, ["apply", corr, str(SAMPLE), "--format", "gold", "-o", str(gold)])
    assert r.exit_code == 0 and r.stdout == ""
    r = runner.invoke(app, ["evaluate", str(gold), str(SAMPLE), "--json"])
    assert r.exit_code == 0
    q = json.loads(r.stdout)["documents"][0]["scores"]["quantities"]
    assert q["missed"] == ["一年"] and q["precision"] == 1.0
    r = runner.invoke(app, ["apply", corr, str(SAMPLE), "--format", "csv"])
    assert r.exit_code == 0 and r.stdout.splitlines()[0].endswith(",review")
    r = runner.invoke(app, ["apply", corr, str(SAMPLE), "--format", "xlsx"])
    assert r.exit_code == 2  # a workbook needs -o
    book = tmp_path / "corrected.xlsx"
    r = runner.invoke(app, ["apply", corr, str(SAMPLE), "--format", "xlsx", "-o", str(book)])
    assert r.exit_code == 0 and r.stdout == ""
    from openpyxl import load_workbook

    ws = load_workbook(book, read_only=True)["indicators"]
    header, *rows = [list(row) for row in ws.iter_rows(values_only=True)]
    names = [row[header.index("name")] for row in rows]
    assert "工農業總產值" not in names and len(names) == len(doc.indicators) - 1  # the rejected one is gone


def test_cli_apply_errors_are_one_line_and_write_nothing(doc: M.Document, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{", encoding="utf-8")
    other = _write(tmp_path, _three(doc) | {"sha256": "0" * 64}, "other.json")
    data = _three(doc)
    data["items"][1]["set"]["colour"] = "red"
    unknown = _write(tmp_path, data, "unknown.json")
    for path in (str(bad_json), other, unknown, str(tmp_path / "none.json")):
        r = runner.invoke(app, ["apply", path, str(SAMPLE), "-o", str(out)])
        assert r.exit_code == 1, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and r.stderr.startswith("govreport: error: ")
        assert not out.exists() and r.stdout == ""
    r = runner.invoke(app, ["apply", other, str(SAMPLE), "--force", "-o", str(out)])
    assert r.exit_code == 0 and out.exists()


def test_cli_apply_exit_3_names_each_missing_record(doc: M.Document, tmp_path: Path) -> None:
    data = _three(doc)
    data["items"].append({"action": "accept", "type": "indicator", "span": ADDED})
    r = runner.invoke(app, ["apply", _write(tmp_path, data), str(SAMPLE)])
    assert r.exit_code == 3
    warning = "govreport: warning: items[4] (accept indicator 105-107): no such record in this extraction"
    assert r.stderr.strip() == warning
    assert json.loads(r.stdout)["source"]["sha256"] == doc.source.sha256


def test_the_readme_example_applies_to_the_sample(doc: M.Document, sample_text: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### The corrections file", 1)[1].split("```json\n", 1)[1].split("```", 1)[0]
    res = C.apply(doc, C.parse(block), sample_text)
    assert [o.status for o in res.outcomes] == ["applied"] * 4
    assert sorted(res.states.values()) == ["accepted", "added", "edited", "rejected"]


def test_cli_apply_refuses_a_text_that_is_not_the_predictions(doc: M.Document, tmp_path: Path) -> None:
    saved = tmp_path / "pred.json"
    saved.write_text(doc.model_dump_json(), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("另一份报告", encoding="utf-8")
    r = runner.invoke(app, ["apply", _write(tmp_path, _three(doc)), str(saved), "--text", str(other)])
    assert r.exit_code == 1 and "another report" in r.stderr and r.stdout == ""


def test_records_sharing_a_name_share_its_verdict(doc: M.Document, sample_text: str) -> None:
    """Qualitative targets of one clause share its span: a verdict on the span holds for each (and stays idempotent)."""
    d = doc.model_copy(deep=True)
    goal = next(g for g in d.goals if g.targets)
    twin = M.Target(text=goal.text, span=goal.span, subject="甲")
    goal.targets += [twin, twin.model_copy(update={"subject": "乙"})]
    span = goal.span.model_dump()
    edit = {
        "sha256": d.source.sha256,
        "items": [{"action": "edit", "type": "target", "span": span, "set": {"canonical": "c"}}],
    }
    out = C.apply(d, C.parse(json.dumps(edit)), sample_text).doc
    assert [t.canonical for t in out.goals[d.goals.index(goal)].targets if t.value is None] == ["c", "c"]
    reject = {"sha256": d.source.sha256, "items": [{"action": "reject", "type": "target", "span": span}]}
    once = C.apply(d, C.parse(json.dumps(reject)), sample_text)
    assert [t.subject for t in once.doc.goals[d.goals.index(goal)].targets if t.value is None] == []
    assert sorted(r.subject for _, r in once.rejected) == ["乙", "甲"]
    assert C.apply(once.doc, C.parse(json.dumps(reject)), sample_text).doc == once.doc
