"""The typer application and the helpers every command shares (errors on stderr, output files)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any, NoReturn

import typer

from extractor import __version__
from extractor.loaders import DEFAULT_MAX_BYTES, Loaded, load

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


def debug() -> bool:
    """GOVREPORT_DEBUG=1 lets an unexpected error show its traceback."""
    return bool(os.environ.get("GOVREPORT_DEBUG"))


@contextmanager
def guarded(name: str, what: str) -> Iterator[None]:
    """A bug must not cost the user a traceback: one line naming the file instead (exit 1)."""
    try:
        yield
    except typer.Exit:
        raise
    except Exception as e:
        if debug():
            raise
        fail(f"{name}: {what} failed ({_exc_name(e)}: {_one_line(e)})")


def max_bytes_option(help: str = "Refuse inputs larger than this many bytes.") -> Any:
    return typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help=help)


def load_or_fail(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    from extractor.errors import InputError

    try:
        return load(path, max_bytes)
    except InputError as e:
        fail(str(e))  # already "FILE: reason"
    except Exception as e:  # a loader bug must still name the file, once, in one line
        if debug():
            raise
        fail(f"{'<stdin>' if path == '-' else path}: cannot read ({_exc_name(e)}: {_one_line(e)})")


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split())[:300]


def _exc_name(e: BaseException) -> str:
    """zlib.error rather than a bare 'error'; builtins stay bare (ValueError)."""
    t = type(e)
    return t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def write_workbook(path: str, write: Callable[[str], list[str]]) -> None:
    """Write an .xlsx file with ``write(path)`` (which returns its warnings), printing them; one error line if
    the file cannot be written."""
    try:
        warnings = write(path)
    except OSError as e:
        fail(f"{path}: cannot write: {e.strerror or e}")
    except Exception as e:  # xlsxwriter wraps a failed save in its own exception types
        if debug():
            raise
        fail(f"{path}: cannot write the workbook ({_exc_name(e)}: {_one_line(e)})")
    for w in warnings:
        warn(w)


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
