"""The sample against its gold annotation, with the project's scorer, in traditional and in simplified script."""

from __future__ import annotations

import copy
import json
from types import ModuleType

import pytest

from extractor import extract
from extractor.normalize import to_simplified


@pytest.fixture(scope="module", params=["traditional", "simplified"])
def report(request: pytest.FixtureRequest, scorer: ModuleType, hongshan_gold: dict, sample_text: str) -> dict:
    text = sample_text if request.param == "traditional" else to_simplified(sample_text)
    gold = copy.deepcopy(hongshan_gold)
    if request.param == "simplified":
        gold["meta"]["script"] = "simplified"
    pred = json.loads(extract(text).model_dump_json())
    return scorer.score(gold, pred, text)


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
