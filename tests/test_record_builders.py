"""Records made per figure without validation (models.builder): the same records validation makes, and checked.

The record builders make quantities, spans, indicators, changes, targets, goals and projects from typed readings
with ``M.builder``. With GOVREPORT_CHECK_RECORDS set, every such dict is validated in strict mode and must already be
what validation makes of it. These tests read real texts both ways and compare, and pin the instance layout the
builder relies on.
"""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal
from pathlib import Path

import pydantic
import pytest
from conftest import DATA, SAMPLE, corpus_files
from test_adversarial import HOSTILE

from extractor import extract, extract_file
from extractor import models as M

TOWNSHIPS = sorted((DATA / "townships" / "texts").glob("*.txt"))


def _both(monkeypatch: pytest.MonkeyPatch, read: object) -> tuple[str, str]:
    monkeypatch.delenv(M.CHECK_RECORDS_ENV, raising=False)
    default = read().model_dump_json()  # type: ignore[operator]
    monkeypatch.setenv(M.CHECK_RECORDS_ENV, "1")
    checked = read().model_dump_json()  # type: ignore[operator]
    return default, checked


@pytest.mark.parametrize("path", [SAMPLE, *corpus_files(), *TOWNSHIPS[::5]], ids=lambda p: Path(p).stem)
def test_a_report_reads_the_same_checked(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default, checked = _both(monkeypatch, lambda: extract_file(str(path)))
    assert default == checked


@pytest.mark.parametrize("shape", sorted(HOSTILE.SHAPES))
def test_a_hostile_shape_reads_the_same_checked(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = HOSTILE.make(shape, 4000, SAMPLE)
    default, checked = _both(monkeypatch, lambda: extract(text))
    assert default == checked


def _quantity_fields(span: object) -> dict[str, object]:
    five = Decimal(5)
    return {
        "raw": "5%",
        "span": span,
        "number": five,
        "high": None,
        "unit": "%",
        "base_value": five,
        "base_high": None,
        "base_unit": "%",
        "approx": None,
    }


def test_the_check_refuses_what_validation_would_convert(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(M.CHECK_RECORDS_ENV, "1")
    span, quantity = M.builder(M.Span), M.builder(M.Quantity)
    assert span({"start": 1, "end": 3}) == M.Span(start=1, end=3)
    with pytest.raises(ValueError, match="not"):
        span({"end": 3, "start": 1})  # out of order
    with pytest.raises(ValueError, match="not"):
        span({"start": 1})  # a field left to its default
    with pytest.raises(pydantic.ValidationError):
        span({"start": 3, "end": 1})  # the model's own check
    with pytest.raises(ValueError, match="given a dict"):
        quantity(_quantity_fields({"start": 1, "end": 3}))  # a nested record as a dict
    fields = _quantity_fields(span({"start": 1, "end": 3}))
    fields["number"] = 5
    with pytest.raises(pydantic.ValidationError):
        quantity(fields)  # an int where the field is a Decimal


def test_a_built_record_is_the_validated_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(M.CHECK_RECORDS_ENV, raising=False)
    span, quantity = M.builder(M.Span), M.builder(M.Quantity)
    built = quantity(_quantity_fields(span({"start": 1, "end": 3})))
    validated = M.Quantity.model_validate(_quantity_fields({"start": 1, "end": 3}))
    assert built == validated
    assert built.model_dump_json() == validated.model_dump_json()
    assert built.model_fields_set == validated.model_fields_set == set(M.Quantity.model_fields)
    assert pickle.loads(pickle.dumps(built)) == built
    # The builder fills exactly the instance slots pydantic's own model_construct fills: a release that adds one
    # must be looked at before this package builds records past it.
    assert set(pydantic.BaseModel.__slots__) == {
        "__dict__",
        "__pydantic_fields_set__",
        "__pydantic_extra__",
        "__pydantic_private__",
    }


def test_built_records_share_nothing_an_assignment_or_a_copy_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(M.CHECK_RECORDS_ENV, raising=False)
    span, quantity = M.builder(M.Span), M.builder(M.Quantity)
    a = quantity(_quantity_fields(span({"start": 1, "end": 3})))
    b = quantity(_quantity_fields(span({"start": 4, "end": 6})))
    a.unit = "個"
    c = copy.copy(b)
    c.unit = "件"
    assert b.unit == "%" and a.unit == "個" and c.unit == "件"
    assert a.model_fields_set == b.model_fields_set == c.model_fields_set == set(M.Quantity.model_fields)
    d = b.model_copy(update={"raw": "6%"})
    assert d.raw == "6%" and b.raw == "5%"
    assert b.model_fields_set == set(M.Quantity.model_fields)


def test_a_model_with_state_beyond_its_fields_is_refused() -> None:
    class WithPrivate(M.Model):
        a: int
        _seen: int = pydantic.PrivateAttr(0)

    class WithHook(M.Model):
        a: int

        def model_post_init(self, context: object) -> None:
            pass

    for model in (WithPrivate, WithHook):
        with pytest.raises(TypeError, match="validate it"):
            M.builder(model)
