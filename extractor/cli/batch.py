"""`govreport batch`: many reports into JSON Lines, CSV tables or a SQLite database, in parallel."""

from __future__ import annotations

import os
import re
import sys
from enum import Enum

import typer

from extractor.cli.app import command, fail, max_bytes_option, warn

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.I)
_SCALE = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str) -> int:
    """Bytes in a size such as 2G, 1500M, 512MiB, 800mb or 1073741824 (K, M, G, T are powers of 1024)."""
    m = _SIZE.match(text)
    if not m:
        raise typer.BadParameter(f"{text!r} is not a size (examples: 2G, 1500M, 1073741824)", param_hint="--max-memory")
    n = int(float(m.group(1)) * _SCALE[m.group(2).lower()])
    if n < 64 * 1024**2:
        raise typer.BadParameter(f"{text} is too small for a worker (at least 64M)", param_hint="--max-memory")
    return n


def _parse_expect(text: str) -> dict[str, str]:
    """region=区县名称,year=年份 -> {"region": "区县名称", "year": "年份"}."""
    checked = ("region", "year")  # metacheck.CHECKED; importing it here would slow every command's start
    out: dict[str, str] = {}
    for part in text.split(","):
        key, eq, col = part.partition("=")
        key, col = key.strip(), col.strip()
        if not eq or key not in checked or not col:
            raise typer.BadParameter(
                f"{part.strip()!r}: give FIELD=COLUMN, FIELD one of {', '.join(checked)} (region=区县名称,year=年份)",
                param_hint="--expect",
            )
        out[key] = col
    return out


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    sqlite = "sqlite"
    xlsx = "xlsx"


@command()
def batch(
    inputs: list[str] | None = typer.Argument(
        None, metavar="PATH", help="Files, folders (walked recursively) and glob patterns ('archive/**/*.txt', quoted)."
    ),
    files_from: str | None = typer.Option(
        None, "--files-from", help="Read more paths from FILE, one per line (or NUL-separated); '-' is stdin."
    ),
    glob: list[str] | None = typer.Option(
        None,
        "--glob",
        help="Only take files whose name matches PATTERN in walked folders (repeatable): --glob '*.txt'.",
    ),
    out: str | None = typer.Option(
        None,
        "-o",
        "--out",
        help="JSONL file ('-' is stdout, the default), CSV folder, SQLite database file or .xlsx workbook.",
    ),
    fmt: BatchFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="jsonl, csv, sqlite or xlsx. Default: from --out (.db/.sqlite -> sqlite, .xlsx -> xlsx, a folder or "
        "PATH/ -> csv), else jsonl.",
    ),
    bom: bool = typer.Option(False, "--bom", help="Start every CSV file with a UTF-8 BOM (for Excel)."),
    jobs: int | None = typer.Option(None, "-j", "--jobs", min=1, help="Worker processes (default: the cores)."),
    resume: bool = typer.Option(
        False, "--resume", help="Skip documents already complete in --out (by sha256) and add the rest."
    ),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress, per-file lines or summary on stderr."),
    max_bytes: int = max_bytes_option("Files larger than this are errors."),
    timeout: float = typer.Option(
        60.0,  # runner.DEFAULT_TIMEOUT; importing the batch package here would slow every command's start
        "--timeout",
        min=0,
        metavar="SECONDS",
        help="Time limit per file: a file still being extracted after SECONDS becomes an error record of kind "
        "'timeout', its worker is replaced and the batch goes on (0: no limit).",
    ),
    max_memory: str | None = typer.Option(
        None,
        "--max-memory",
        metavar="SIZE",
        help="Memory limit per worker process (address space, e.g. 2G or 1500M; Linux and other Unix): a file "
        "that needs more becomes an error record of kind 'memory' and its worker is replaced.",
    ),
    text_column: str | None = typer.Option(
        None,
        "--text-column",
        metavar="NAME",
        help="For a dataset (.xlsx, .csv, .tsv: one report per row): the column holding the reports. Default: the "
        "column with the longest cells (the choice is printed).",
    ),
    expect: str | None = typer.Option(
        None,
        "--expect",
        metavar="FIELD=COLUMN,...",
        help="Check what each dataset row claims against what its text says: region=COLUMN, year=COLUMN (the year "
        "the report is given in). A difference is a warning 'meta_check' and is listed in the summary. With "
        "--manifest: the manifest's columns.",
    ),
    manifest: str | None = typer.Option(
        None,
        "--manifest",
        metavar="FILE.csv",
        help="Check files the same way: a CSV with a 'path' column (relative to the manifest's folder) and "
        "'region' and 'year' columns (other names with --expect).",
    ),
    strict: bool = typer.Option(
        False, "--strict", help="A report that differs from its claim becomes an error record (kind 'mismatch')."
    ),
) -> None:
    """Extract many reports; one bad file never stops the rest.

    Exit codes: 0 all succeeded; 3 some files failed, timed out or ran out of memory (error records written,
    the rest complete);
    1 nothing could run (no input, output unwritable, every file failed); 2 usage; 130/143 interrupted by
    SIGINT/SIGTERM (the output holds whole documents: finish with --resume).

    A spreadsheet or CSV named as an input is a dataset: one report per row, its other cells carried as
    source.row; an empty text cell becomes an error record naming its row (govreport batch reports.xlsx
    --expect region=区县名称,year=年份 -o results.db checks each row's labels against its text).

    Example: govreport batch reports/ --glob '*.txt' -o results.db
    """
    from extractor.batch import BatchOptions, default_jobs, infer_format, run_batch
    from extractor.batch.discover import read_list
    from extractor.errors import EXIT_SIGINT, EXIT_SIGTERM

    if not inputs and not files_from:
        raise typer.BadParameter("give files, folders or patterns, or --files-from FILE|-", param_hint="INPUTS")
    out = out or "-"
    if fmt is None and out.lower().endswith(".csv"):
        raise typer.BadParameter(
            "--format csv writes a folder of tables (documents.csv, indicators.csv ...); give a folder",
            param_hint="--out",
        )
    fmt_value = fmt.value if fmt else infer_format(out)
    if out == "-" and fmt_value != "jsonl":
        raise typer.BadParameter(f"--format {fmt_value} writes files; give --out", param_hint="--out")
    if resume and out == "-":
        raise typer.BadParameter("--resume needs an output file to resume, not stdout", param_hint="--resume")
    if bom and fmt_value != "csv":
        raise typer.BadParameter("--bom applies to --format csv only", param_hint="--bom")
    memory_limit = None
    if max_memory is not None:
        from extractor.batch.worker import memory_limit_supported

        memory_limit = parse_size(max_memory)
        if not memory_limit_supported():
            warn("--max-memory is not enforced on this platform (no RLIMIT_AS); running without a memory limit")
            memory_limit = None
    expected = _parse_expect(expect) if expect else {}
    if strict and not (expected or manifest):
        raise typer.BadParameter("--strict needs a check: --expect or --manifest", param_hint="--strict")
    listed: list[str] = []
    if files_from:
        try:
            listed = read_list(files_from)
        except OSError as e:
            fail(f"{files_from}: cannot read the list of files: {e.strerror or e}")
    opts = BatchOptions(
        inputs=list(inputs or []),
        files_from=listed,
        globs=list(glob or []),
        out=out,
        fmt=fmt_value,
        bom=bom,
        jobs=jobs or default_jobs(),
        resume=resume,
        max_bytes=max_bytes,
        quiet=quiet,
        timeout=timeout or None,
        max_memory=memory_limit,
        text_column=text_column,
        expect=expected,
        manifest=manifest,
        strict=strict,
    )
    try:
        result = run_batch(opts)
    except KeyboardInterrupt:  # Ctrl-C while the inputs were still being listed, before any output
        fail("interrupted while finding the input files", EXIT_SIGINT)
    if result.fatal:
        fail(result.fatal, result.exit_code)
    if result.stats.files == 0:
        fail("no input files found", result.exit_code)
    sys.stdout.flush()
    if result.exit_code in (EXIT_SIGINT, EXIT_SIGTERM):
        # Outputs are closed and the workers stopped; leave at once rather than run the interpreter's exit
        # handlers, which a second signal could interrupt with a traceback.
        sys.stderr.flush()
        os._exit(result.exit_code)
    raise typer.Exit(result.exit_code)
