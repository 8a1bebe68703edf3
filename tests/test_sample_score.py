"""The sample against its gold annotation (tests/gold/hongshan.json), scored with the project's own
extractor.evaluate, in traditional and in simplified script. That extractor.evaluate gives the same figures as the
project's reference scorer is cross-checked in test_evaluate.py, where that scorer is at hand."""

from __future__ import annotations

import copy
import json

import pytest

from extractor import extract
from extractor.evaluate import resolve_gold, score
from extractor.normalize import to_simplified


@pytest.fixture(scope="module", params=["traditional", "simplified"])
def report(request: pytest.FixtureRequest, hongshan_gold: dict, sample_text: str) -> dict:
    text = sample_text if request.param == "traditional" else to_simplified(sample_text)
    gold = copy.deepcopy(hongshan_gold)
    if request.param == "simplified":
        gold["meta"]["script"] = "simplified"
    pred = json.loads(extract(text).model_dump_json())
    return score(resolve_gold(gold, text), pred, text)


def test_quantities_precision_and_recall(report: dict) -> None:
    q = report["quantities"]
    assert q["precision"] >= 0.95, q["false_positives"]
    assert q["recall"] >= 0.95, q["missed"]


def test_grounding_and_negatives(report: dict) -> None:
    assert report["span_errors"] == 0
    assert report["negatives_hit"] == 0


def test_indicator_attributes(report: dict) -> None:
    ind = report["indicators"]
    assert ind["name_acc"] >= 0.85
    assert ind["year_acc"] >= 0.9
    assert ind["change_acc"] >= 0.9
    assert report["approx_acc"] == 1.0


def test_metadata_all_correct(report: dict) -> None:
    assert report["meta"] and all(report["meta"].values()), report["meta"]
