"""Corpus tests for numerals and quantities (in the style of facebook/duckling's Corpus.hs).

Each file in tests/corpus is a table of cases; every row is its own test, so one failure does not hide
the others. Rows that the engine does not handle yet live in ``*_known_gaps.tsv`` and run as strict
xfails: when the engine is fixed they start to pass, and the row must move to the main file.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractor._data import parse_table
from extractor.normalize import make_view
from extractor.numerals import NumeralError, parse
from extractor.quantities import find

CORPUS = Path(__file__).parent / "corpus"
# What a known gap may fail with: a failed check. Any other exception (a malformed row, a crash) is a real failure.
KNOWN_GAP = (AssertionError, pytest.fail.Exception)


def load(name: str) -> list[dict[str, str]]:
    """Rows of a corpus file, parsed as the engine parses its data files (``_line`` is the line number).

    Only a ``*_known_gaps.tsv`` file may be missing (no gaps left); a missing main file is an error, not zero tests.
    """
    path = CORPUS / name
    if name.endswith("_known_gaps.tsv") and not path.exists():
        return []
    return parse_table(path.read_text(encoding="utf-8"))


def params(name: str, key: str, xfail: bool = False) -> list:
    marks = [pytest.mark.xfail(strict=True, raises=KNOWN_GAP, reason="known gap")] if xfail else []
    return [pytest.param(r, id=f"{name}:{r['_line']}:{r[key]}", marks=marks) for r in load(name)]


def dec(s: str) -> Decimal | None:
    return Decimal(s) if s else None


def same(expected: Decimal | None, got: Decimal | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    return Decimal(expected) == Decimal(got)


# --- numerals ---------------------------------------------------------------------------------


def check_numeral(row: dict[str, str]) -> None:
    try:
        low, high = parse(row["form"])
    except NumeralError as e:  # the engine refuses a numeral it should read: a failed check (a known gap may)
        pytest.fail(f"{row['form']}: {e}, expected {row['value']}")
    assert same(dec(row["value"]), low), f"{row['form']}: low {low}, expected {row['value']}"
    assert same(dec(row["high"]), high), f"{row['form']}: high {high}, expected {row['high'] or None}"


@pytest.mark.parametrize("row", params("numerals.tsv", "form") + params("numerals_known_gaps.tsv", "form", xfail=True))
def test_numeral(row: dict[str, str]) -> None:
    check_numeral(row)


@pytest.mark.parametrize("row", params("not_numerals.tsv", "form"))
def test_not_numeral(row: dict[str, str]) -> None:
    with pytest.raises(NumeralError):
        got = parse(row["form"])
        print(f"{row['form']!r} parsed as {got}")


# --- quantities -------------------------------------------------------------------------------


def describe(q) -> str:
    return (
        f"{q.start}-{q.end} {q.base_value}"
        + (f"..{q.base_high}" if q.base_high is not None else "")
        + f" {q.base_unit} approx={q.approx} unit={q.unit!r}"
    )


def check_quantity(row: dict[str, str]) -> None:
    text = row["text"]
    found = find(text, make_view(text))
    shown = [f"{text[q.start : q.end]!r} {describe(q)}" for q in found]
    assert len(found) == 1, f"{text!r}: expected one quantity {row['raw']!r}, found {shown}"
    q = found[0]
    assert text[q.start : q.end] == row["raw"], f"{text!r}: span {shown[0]}, expected {row['raw']!r}"
    assert same(dec(row["base_value"]), q.base_value), f"{text!r}: {shown[0]}, expected {row['base_value']}"
    assert same(dec(row["base_high"]), q.base_high), f"{text!r}: {shown[0]}, expected high {row['base_high']}"
    assert q.base_unit == row["base_unit"], f"{text!r}: {shown[0]}, expected unit {row['base_unit']}"
    assert q.approx == (row["approx"] or None), f"{text!r}: {shown[0]}, expected approx {row['approx'] or None}"


@pytest.mark.parametrize(
    "row", params("quantities.tsv", "text") + params("quantities_known_gaps.tsv", "text", xfail=True)
)
def test_quantity(row: dict[str, str]) -> None:
    check_quantity(row)


def check_negative(row: dict[str, str]) -> None:
    text = row["text"]
    found = find(text, make_view(text))
    shown = [f"{text[q.start : q.end]!r} {describe(q)}" for q in found]
    assert not found, f"{text!r}: expected nothing, found {shown}"


@pytest.mark.parametrize(
    "row", params("negatives.tsv", "text") + params("negatives_known_gaps.tsv", "text", xfail=True)
)
def test_negative(row: dict[str, str]) -> None:
    check_negative(row)
