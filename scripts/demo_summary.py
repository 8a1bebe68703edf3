"""Print a short summary of one extraction: counts, then the first few indicators, targets and projects.

    python scripts/demo_summary.py demo/hongshan.json [--rows 5]

Reads the JSON of `govreport extract FILE` with the library's own model (extractor.models.Document), so a file
that does not fit the output contract is refused. Used by `make demo`. A missing or unreadable input is one
error line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn


def die(msg: str) -> NoReturn:
    print(f"demo_summary.py: error: {msg}", file=sys.stderr)
    sys.exit(2)


def _raw(q: object) -> str:
    return getattr(q, "raw", None) or ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("json", type=Path, help="the output of `govreport extract FILE` (one JSON document)")
    ap.add_argument("--rows", type=int, default=5, help="how many indicators, targets and projects to show")
    args = ap.parse_args(argv)
    if not args.json.is_file():
        die(f"no such file: {args.json}")

    from pydantic import ValidationError
    from rich.console import Console
    from rich.table import Table

    from extractor.models import Document

    try:
        doc = Document.model_validate_json(args.json.read_bytes())
    except OSError as e:
        die(f"{args.json}: {e.strerror}")
    except ValidationError as e:
        die(f"{args.json}: not a govreport document ({e.error_count()} problems, first: {e.errors()[0]['msg']})")
    n = args.rows
    targets = [(g, t) for g in doc.goals for t in g.targets]
    console = Console()
    m = doc.meta
    years = f"reviews {m.year_reviewed}, plans {m.year_planned}" if m.year_reviewed or m.year_planned else ""
    console.print(f"[bold]{m.title or args.json.name}[/bold]  {m.region or ''} {m.admin_level or ''}  {years}")

    counts = Table(title="What was extracted", title_justify="left")
    for col in ("characters", "quantities", "indicators", "goals", "targets", "projects", "warnings"):
        counts.add_column(col, justify="right")
    counts.add_row(
        *(
            f"{x:,}"
            for x in (
                doc.source.chars,
                len(doc.quantities),
                len(doc.indicators),
                len(doc.goals),
                len(targets),
                len(doc.projects),
                len(doc.warnings),
            )
        )
    )
    console.print(counts)

    ind = Table(title=f"First {min(n, len(doc.indicators))} of {len(doc.indicators)} indicators", title_justify="left")
    for col in ("indicator", "year", "value", "change"):
        ind.add_column(col)
    for i in doc.indicators[:n]:
        change = i.change and (_raw(i.change.value) or i.change.direction)
        ind.add_row(i.name, str(i.year or ""), _raw(i.value), change or "")
    console.print(ind)

    tgt = Table(title=f"First {min(n, len(targets))} of {len(targets)} targets", title_justify="left")
    for col in ("subject", "target", "qualifier", "year", "heading"):
        tgt.add_column(col)
    for g, t in targets[:n]:
        tgt.add_row(t.subject or "", _raw(t.value), t.qualifier or "", str(g.year or ""), g.theme or "")
    console.print(tgt)

    prj = Table(title=f"First {min(n, len(doc.projects))} of {len(doc.projects)} projects", title_justify="left")
    for col in ("project", "status", "category", "investment"):
        prj.add_column(col)
    for p in doc.projects[:n]:
        prj.add_row(p.name, p.status or "", p.category or "", _raw(p.investment))
    console.print(prj)
    return 0


if __name__ == "__main__":
    sys.exit(main())
