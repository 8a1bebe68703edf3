"""`govreport panel` (targets against actuals across years) and `govreport keywords` (text measures)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from extractor.cli.app import command, fail, guarded, load_or_fail, output, warn, write_workbook


class PanelFormat(str, Enum):
    csv = "csv"
    dta = "dta"
    xlsx = "xlsx"


@command()
def panel(
    results: list[Path] = typer.Argument(
        ..., help="Output of `govreport batch` (JSONL or SQLite) or `extract` (JSON)."
    ),
    out: str | None = typer.Option(
        None, "-o", "--out", help="panel.csv, panel.dta or panel.xlsx; '-' or nothing for CSV on stdout."
    ),
    fmt: PanelFormat | None = typer.Option(
        None, "--format", "-f", help="csv, dta or xlsx (default: from --out's extension)."
    ),
    bom: bool = typer.Option(False, "--bom", help="Start the CSV with a UTF-8 BOM (for Excel)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings on stderr."),
) -> None:
    """Targets set in each year's report beside the actuals reported a year later, per region and indicator.

    When an input is a SQLite database, the panel is also written to its `panel` table.

    Example: govreport panel results.db -o panel.xlsx
    """
    # csv and sqlite3 are imported by the commands that use them, not by every start of govreport
    import csv
    import sqlite3

    from extractor import panel as P

    docs = []
    for r in results:
        if not r.exists():
            fail(f"{r}: no such file")
        try:
            docs.extend(P.read_results(r))
        except (ValueError, OSError, sqlite3.Error) as e:
            fail(f"{r}: {e}")
    rows, warnings = P.build(docs)
    if not quiet:
        for w in warnings:
            warn(w)
    ext = (out or "").lower().rsplit(".", 1)[-1]
    kind = fmt.value if fmt else (ext if ext in ("dta", "xlsx") else "csv")
    if kind == "xlsx":
        if not out or out == "-":
            fail("an .xlsx file needs --out PATH", code=2)
        from extractor.xlsx import write_rows

        write_workbook(out, lambda path: write_rows(path, "panel", P.PANEL_COLUMNS, rows))
    elif kind == "dta":
        if not out or out == "-":
            fail("a .dta file needs --out PATH", code=2)
        try:
            P.write_dta(rows, out)
        except ImportError:
            fail("writing .dta needs pandas: pip install 'govreport[stata]'")
        except (OSError, ValueError) as e:
            fail(f"{out}: cannot write: {e}")
    else:
        with output(out, newline="", bom=bom) as f:
            w = csv.DictWriter(f, fieldnames=P.PANEL_COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    for r in results:
        if P.is_sqlite(r):
            try:
                P.write_sqlite(rows, r)
            except sqlite3.Error as e:
                fail(f"{r}: cannot write the panel table: {e}")
    if not quiet:
        sys.stderr.write(f"govreport: {len(rows)} panel rows from {len(docs)} documents\n")
        head, every = P.coverage(docs, rows), P.coverage(docs, rows, key=None)
        sys.stderr.write(
            f"govreport: coverage of {head.total} region-years: {' '.join(P.HEADLINE)}: {head.line()}; "
            f"any indicator: {every.line()}\n"
        )


@command()
def keywords(
    inputs: list[Path] = typer.Argument(..., help="Batch results (JSONL/SQLite/JSON) or report files."),
    dictionary: Path | None = typer.Option(None, "--dict", help="One word per line, or word<TAB>category."),
    out: str | None = typer.Option(None, "-o", "--out", help="measures.csv; '-' or nothing for stdout."),
    bom: bool = typer.Option(False, "--bom", help="Start the CSV with a UTF-8 BOM (for Excel)."),
) -> None:
    """Per document: the count of each dictionary word in the body text, the body's characters (noise excluded)
    and the share per 10,000 characters.

    Example: govreport keywords results.jsonl --dict words.txt -o measures.csv
    """
    import csv
    import sqlite3

    from extractor import keywords as K
    from extractor import panel as P
    from extractor.errors import InputError
    from extractor.loaders import load

    if dictionary is not None and not dictionary.is_file():
        fail(f"{dictionary}: no such file (the dictionary must be a file)")
    try:
        words = K.load_dictionary(dictionary)
    except (OSError, ValueError) as e:
        fail(f"{dictionary}: cannot read the dictionary: {e}")
    rows = []
    for path in inputs:
        if not path.exists():
            fail(f"{path}: no such file")
        if P.is_results(path):
            try:
                docs = list(P.read_results(path))
            except (OSError, ValueError, sqlite3.Error) as e:
                fail(f"{path}: cannot read results: {e}")
            for doc in docs:
                src = doc.get("source") or {}
                text = src.get("text")
                if text is None and src.get("path"):
                    try:
                        text = load(src["path"]).text
                    except InputError as e:
                        warn(f"{e}; skipped")
                        continue
                if text is None:
                    warn(f"{src.get('sha256', '?')[:12]}: no text and no readable path; skipped")
                    continue
                noise = [(n["span"]["start"], n["span"]["end"]) for n in doc.get("noise") or []]
                rows.append(_keyword_row(doc, text, noise, words, K))
        else:
            from extractor.api import extract_loaded

            loaded = load_or_fail(str(path))
            with guarded(str(path), "extraction"):
                doc = extract_loaded(loaded, only=[]).model_dump(mode="json")
            noise = [(n["span"]["start"], n["span"]["end"]) for n in doc["noise"]]
            rows.append(_keyword_row(doc, loaded.text, noise, words, K))
    fields: list[str] = []
    for r in rows:
        fields += [k for k in r if k not in fields]
    with output(out, newline="", bom=bom) as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n", restval=0)
        w.writeheader()
        w.writerows(rows)


def _keyword_row(doc: dict, text: str, noise: list[tuple[int, int]], words: list[tuple[str, str]], K) -> dict:
    meta = doc.get("meta") or {}
    src = doc.get("source") or {}
    row = {
        "doc_id": src.get("sha256"),
        "path": src.get("path"),
        "region": meta.get("region"),
        "year_planned": meta.get("year_planned"),
    }
    row.update(K.measure(text, noise, words))
    return row
