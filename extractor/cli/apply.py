"""`govreport apply`: replay a reviewer's corrections on an extraction (a new one or a saved one)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from extractor.cli.app import command, fail, guarded, load_or_fail, max_bytes_option, output, warn, write_workbook

if TYPE_CHECKING:
    from extractor import corrections as C
    from extractor.models import Document


class ApplyFormat(str, Enum):
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    gold = "gold"


@command(name="apply")
def apply_cmd(
    corrections: Path = typer.Argument(
        ..., metavar="CORRECTIONS", help="Corrections file (JSON, schemas/corrections.schema.json)."
    ),
    target: str = typer.Argument(
        ...,
        metavar="REPORT_OR_PREDICTION",
        help="The report to extract again, or a saved extraction (the JSON of `govreport extract`).",
    ),
    out: str | None = typer.Option(None, "-o", "--out", help="Write here instead of stdout."),
    fmt: ApplyFormat = typer.Option(
        ApplyFormat.json,
        "--format",
        "-f",
        help="json (the corrected document), csv (extract's columns and a review column), xlsx (the corrected "
        "document as extract's workbook; needs -o), gold (evaluate's gold).",
    ),
    force: bool = typer.Option(False, "--force", help="Apply even when the corrections' sha256 is not the report's."),
    text: str | None = typer.Option(
        None, "--text", help="The report whose text the spans index, when TARGET is a saved extraction without it."
    ),
    max_bytes: int = max_bytes_option(),
) -> None:
    """Apply corrections to a report's extraction and write the corrected document, CSV or gold.

    Exit codes: 0 every correction applied (a rejected record already gone counts as applied); 1 the corrections
    or the input cannot be used (malformed, another report's sha256 without --force, a bad item): one line on
    stderr, nothing written; 2 usage error; 3 written, but some corrections name a record this extraction does not
    have (each one on stderr).

    Example: govreport apply corrections.json samples/hongshan_2019.txt -o corrected.json
    """
    from extractor import corrections as C

    if fmt is ApplyFormat.xlsx and out in (None, "-"):
        raise typer.BadParameter("--format xlsx writes a workbook file; give -o FILE.xlsx", param_hint="--out")

    try:
        corr = C.read(corrections)
    except C.CorrectionsError as e:
        fail(str(e))
    doc, report_text = _target(target, text, max_bytes)
    try:
        applied = C.apply(doc, corr, report_text, force=force, source=str(corrections))
    except C.CorrectionsError as e:
        fail(str(e))
    if fmt is ApplyFormat.xlsx:
        from extractor.xlsx import write_documents

        assert out is not None
        write_workbook(out, lambda path: write_documents(path, [(applied.doc.model_dump(mode="json"), report_text)]))
        _report_missing(applied)
        return
    with guarded(str(corrections), "apply"):
        if fmt is ApplyFormat.csv:
            data = C.review_csv(applied, report_text)
        elif fmt is ApplyFormat.gold:
            data = _json(C.to_gold(applied.doc))
        else:
            from extractor.writers import dump_json

            data = dump_json(applied.doc) + "\n"
    with output(out, newline="" if fmt is ApplyFormat.csv else None) as f:
        f.write(data)
    _report_missing(applied)


def _report_missing(applied: C.Applied) -> None:
    """Each correction whose record this extraction lacks, on stderr; exit 3 when there is one."""
    for o in applied.missing:
        it = o.item
        warn(f"items[{o.index}] ({it.action} {it.type} {it.span.start}-{it.span.end}): {o.message}")
    if applied.missing:
        raise typer.Exit(3)


def _json(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _target(target: str, text_path: str | None, max_bytes: int) -> tuple[Document, str | None]:
    """The document to correct and the text its spans index."""
    from extractor.evaluate import read_prediction

    text = load_or_fail(text_path, max_bytes).text if text_path else None
    pred = read_prediction(Path(target)) if target != "-" else None
    if pred is None:
        loaded = load_or_fail(target, max_bytes)
        from extractor.api import extract_loaded

        with guarded(loaded.path or "<stdin>", "extraction"):
            return extract_loaded(loaded), text if text is not None else loaded.text
    from pydantic import ValidationError

    from extractor.models import Document

    try:
        doc = Document.model_validate(pred)
    except ValidationError as e:
        fail(f"{target}: not a govreport document ({e.error_count()} problems, first: {e.errors()[0]['msg']})")
    if text is None:
        text = doc.source.text
    if text is None and doc.source.path and Path(doc.source.path).is_file():
        text = load_or_fail(doc.source.path, max_bytes).text
    if text is not None and len(text) != doc.source.chars:
        fail(f"{target}: its spans index {doc.source.chars} characters, the text given has {len(text)}: another report")
    return doc, text
