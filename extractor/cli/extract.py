"""`govreport extract`, `govreport text` and `govreport schema`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from extractor.cli.app import command, guarded, load_or_fail, max_bytes_option, output, write_workbook


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


RECORDS = ("indicators", "goals", "projects")


def parse_only(only: str | None) -> list[str] | None:
    if not only:
        return None
    items = [x.strip() for x in only.split(",") if x.strip()]
    bad = [x for x in items if x not in RECORDS]
    if bad:
        raise typer.BadParameter(f"unknown record type {', '.join(bad)}; choose from {', '.join(RECORDS)}")
    return items


@command()
def extract(
    file: str = typer.Argument(
        ..., help="Report file: .txt (UTF-8, GB18030, Big5, UTF-16), .html, .docx, .pdf or .xml; '-' reads stdin."
    ),
    out: str | None = typer.Option(None, "-o", "--out", help="Write here instead of stdout."),
    fmt: Format | None = typer.Option(
        None,
        "--format",
        "-f",
        help="json (one document, the default), jsonl (one line), csv (one row per record), "
        "xlsx (a workbook, one sheet per table; needs -o, and is the default for an -o ending in .xlsx).",
    ),
    only: str | None = typer.Option(
        None, "--only", help="Comma-separated record types to extract: indicators,goals,projects."
    ),
    include_text: bool = typer.Option(False, "--include-text", help="Embed the decoded text in source.text."),
    bom: bool = typer.Option(False, "--bom", help="Start CSV output with a UTF-8 BOM (for Excel)."),
    max_bytes: int = max_bytes_option(),
) -> None:
    """Extract one report into a validated JSON document (or JSONL / CSV) on stdout, or a workbook.

    Example: govreport extract samples/hongshan_2019.txt -f xlsx -o hongshan.xlsx
    """
    only_list = parse_only(only)
    if fmt is None:  # a workbook named as such gets one; every other default stays JSON, as it always was
        fmt = Format.xlsx if (out or "").lower().endswith(".xlsx") else Format.json
    if fmt is Format.xlsx and out in (None, "-"):
        raise typer.BadParameter("--format xlsx writes a workbook file; give -o FILE.xlsx", param_hint="--out")
    loaded = load_or_fail(file, max_bytes)
    from extractor.api import extract_loaded
    from extractor.writers import dump

    with guarded(loaded.path or "<stdin>", "extraction"):
        doc = extract_loaded(loaded, include_text=include_text, only=only_list)
    if fmt is Format.xlsx:
        from extractor.xlsx import write_documents

        write_workbook(out, lambda path: write_documents(path, [(doc.model_dump(mode="json"), loaded.text)]))
        return
    with output(out, newline="" if fmt is Format.csv else None, bom=bom and fmt is Format.csv) as f:
        f.write(dump(doc, fmt.value, loaded.text))


@command()
def text(
    file: str = typer.Argument(..., help="Report file; '-' reads stdin."),
    out: str | None = typer.Option(None, "-o", "--out", help="Write here instead of stdout."),
    max_bytes: int = max_bytes_option(),
) -> None:
    """Print the decoded text that every span indexes.

    Example: govreport text report.pdf -o report.txt
    """
    loaded = load_or_fail(file, max_bytes)
    with output(out, newline="") as f:
        f.write(loaded.text)


@command()
def schema(
    out_dir: Path | None = typer.Option(None, "--out-dir", help="Write every schema file into this folder instead."),
) -> None:
    """Print the JSON Schema of the output document (or write all schema files with --out-dir).

    Example: govreport schema > document.schema.json
    """
    import json

    from extractor.schema import schemas

    all_schemas = schemas()
    if out_dir is None:
        typer.echo(json.dumps(all_schemas["document"], ensure_ascii=False, indent=2))
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, sch in all_schemas.items():
        (out_dir / f"{name}.schema.json").write_text(
            json.dumps(sch, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
