"""`govreport review`: one self-contained HTML page to check an extraction against its text."""

from __future__ import annotations

from pathlib import Path

import typer

from extractor.cli.app import command, fail, guarded, load_or_fail, max_bytes_option, output, warn


@command()
def review(
    file: str = typer.Argument(
        ...,
        help="Report file: .txt (UTF-8, GB18030, Big5, UTF-16), .html, .docx, .pdf or .xml; '-' reads stdin. "
        "Or a .jsonl of documents (govreport batch): one page each.",
    ),
    out: str | None = typer.Option(
        None, "-o", "--out", help="Write the HTML page here instead of stdout (for a .jsonl: the folder of pages)."
    ),
    pred: str | None = typer.Option(
        None, "--pred", help="Show this extraction (the JSON of `govreport extract FILE`) instead of extracting again."
    ),
    title: str | None = typer.Option(None, "--title", help="Page title (default: the report's title)."),
    max_bytes: int = max_bytes_option(),
) -> None:
    """Write an HTML review page: the report text with every extracted span highlighted, and tables of records,
    where each record can be accepted, rejected or edited and missed ones added (exported as corrections, CSV or
    gold).

    Given a JSON Lines file of documents (`govreport batch --out results.jsonl`), writes one page per document and
    an index.html into the folder --out. Exit codes: 0 done; 1 nothing could be written; 2 usage error; 3 some
    documents got no page (their text was not found; each named on stderr and in the index).

    Example: govreport review samples/hongshan_2019.txt -o review.html
    """
    if file.lower().endswith((".jsonl", ".ndjson")):
        _batch(file, out, max_bytes)
        return
    loaded = load_or_fail(file, max_bytes)
    from extractor.review import render

    name = loaded.path or "<stdin>"
    with guarded(name, "review"):
        if pred is not None:
            from pydantic import ValidationError

            from extractor.models import Document

            try:
                with open(pred, encoding="utf-8-sig") as f:
                    doc = Document.model_validate_json(f.read())
            except OSError as e:
                fail(f"{pred}: cannot read: {e.strerror}")
            except ValidationError as e:
                fail(f"{pred}: not a govreport document ({e.error_count()} problems, first: {e.errors()[0]['msg']})")
            if doc.source.sha256 != loaded.sha256:
                warn(f"{pred} was extracted from other bytes than {name} (sha256 differs); spans may not fit")
        else:
            from extractor.api import extract_loaded

            doc = extract_loaded(loaded)
        page = render(doc, loaded.text, title=title)
    with output(out) as f:
        f.write(page)


def _batch(jsonl: str, out: str | None, max_bytes: int) -> None:
    from extractor.review_batch import write_pages

    if not out or out == "-":
        raise typer.BadParameter("a JSON Lines file gives one page per document: name a folder with --out")
    if not Path(jsonl).is_file():
        fail(f"{jsonl}: no such file")
    try:
        entries = write_pages(jsonl, out, max_bytes)
    except OSError as e:
        fail(f"{e.filename or out}: cannot write: {e.strerror}")
    except UnicodeDecodeError:
        fail(f"{jsonl}: not UTF-8 JSON Lines")
    for en in entries:
        if en.error:
            warn(f"{jsonl}:{en.line}: {en.error}")
    if not any(en.page for en in entries):
        fail(f"{jsonl}: no review page written")
    if any(en.error for en in entries):
        raise typer.Exit(3)
