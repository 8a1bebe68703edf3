"""The typer application and the helpers every command shares (errors on stderr, output files)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, NoReturn

import typer

from extractor import __version__

app = typer.Typer(
    name="govreport",
    help="Turn Chinese government work reports into structured, verifiable data (indicators, goals, projects).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"govreport {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Exit codes: 0 ok; 1 input could not be read; 2 usage error; 3 batch finished with some failed files."""


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr, no traceback, and the documented exit code."""
    sys.stderr.write(f"govreport: error: {message}\n")
    sys.stderr.flush()
    raise typer.Exit(code)


def warn(message: str) -> None:
    sys.stderr.write(f"govreport: warning: {message}\n")


@contextmanager
def output(path: str | None, newline: str | None = None, bom: bool = False) -> Iterator[IO[str]]:
    """A text stream for ``-o PATH`` (or stdout), UTF-8, with an optional BOM for Excel."""
    if path in (None, "-"):
        if bom:
            sys.stdout.write("\ufeff")
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        f = open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline=newline)  # noqa: SIM115
    except OSError as e:
        fail(f"{path}: cannot write: {e.strerror}")
    with f:
        yield f
