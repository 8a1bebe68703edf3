"""`govreport review`: one self-contained HTML page to check an extraction against its text."""

from __future__ import annotations

import typer

from extractor.cli.app import command, fail, guarded, load_or_fail, max_bytes_option, output, warn


@command()
def review(
    file: str = typer.Argument(
        ..., help="Report file: .txt (UTF-8, GB18030, Big5, UTF-16), .html, .docx, .pdf or .xml; '-' reads stdin."
    ),
    out: str | None = typer.Option(None, "-o", "--out", help="Write the HTML page here instead of stdout."),
    pred: str | None = typer.Option(
        None, "--pred", help="Show this extraction (the JSON of `govreport extract FILE`) instead of extracting again."
    ),
    title: str | None = typer.Option(None, "--title", help="Page title (default: the report's title)."),
    max_bytes: int = max_bytes_option(),
) -> None:
    """Write an HTML review page: the report text with every extracted span highlighted, and tables of records.

    Example: govreport review samples/hongshan_2019.txt -o review.html
    """
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
