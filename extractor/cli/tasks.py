"""`govreport tasks`: the plan part of reports as a task ledger (任务台账) workbook or CSV."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from extractor.cli.app import command, guarded, load_or_fail, max_bytes_option, output, write_workbook


class LedgerFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"


@command()
def tasks(
    files: list[str] = typer.Argument(..., metavar="FILE", help="Report files (any format extract reads)."),
    out: str | None = typer.Option(
        None, "-o", "--out", help="tasks.xlsx, or tasks.csv; CSV goes to stdout without it."
    ),
    fmt: LedgerFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="xlsx or csv (default: csv on stdout without --out, else xlsx unless --out ends in .csv).",
    ),
    bom: bool = typer.Option(False, "--bom", help="Start CSV output with a UTF-8 BOM (for Excel)."),
    max_bytes: int = max_bytes_option(),
) -> None:
    """A task ledger of each report's plan part: one row per goal, numbered by heading and item, with its
    targets, hard or soft wording, and empty 进度 / 完成情况 / 备注 columns to fill in. A workbook has one
    print-ready sheet per report.

    Example: govreport tasks samples/hongshan_2019.txt -o tasks.xlsx
    """
    from extractor import ledger
    from extractor.api import extract_loaded

    to_csv = out in (None, "-") or (out or "").lower().endswith(".csv")
    kind = fmt or (LedgerFormat.csv if to_csv else LedgerFormat.xlsx)
    if kind is LedgerFormat.xlsx and out in (None, "-"):
        raise typer.BadParameter("an .xlsx ledger is a file; give -o tasks.xlsx (or --format csv)", param_hint="--out")
    docs = []
    for f in files:
        loaded = load_or_fail(f, max_bytes)
        with guarded(loaded.path or "<stdin>", "extraction"):
            doc = extract_loaded(loaded, only=["goals"])
        docs.append((doc.model_dump(mode="json"), Path(f).stem if f != "-" else "stdin"))
    if kind is LedgerFormat.xlsx:
        write_workbook(out or "", lambda path: ledger.write_xlsx(path, docs))
        return
    with output(out, newline="", bom=bom) as stream:
        ledger.write_csv(docs, stream)
