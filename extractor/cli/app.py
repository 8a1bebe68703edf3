"""The typer application and the helpers every command shares (errors on stderr, output files)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, NoReturn

import typer
from typer.core import TyperCommand

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


# What an option's value is called in the help (``-o, --out PATH``), by the option's parameter name; others are
# named by their type (TEXT, N, NUMBER, PATH). Arguments are their name in capitals (FILE, GOLD) unless they say.
METAVARS = {
    "out": "PATH",
    "out_dir": "DIR",
    "fmt": "FORMAT",
    "only": "TYPES",
    "pred": "FILE",
    "text": "FILE",
    "files_from": "FILE",
    "glob": "PATTERN",
    "dictionary": "FILE",
    "max_bytes": "BYTES",
    "jobs": "N",
}
_BY_TYPE = {int: "N", float: "NUMBER", Path: "PATH"}


def _type_metavar(p: Any) -> str:
    # typer before 0.20 gives a parameter its click type; later ones a type descriptor
    desc = getattr(p, "type_descriptor", None)
    if desc is not None:
        return (
            "CHOICE" if getattr(desc, "is_choice", False) else _BY_TYPE.get(getattr(desc, "annotation", None), "TEXT")
        )
    name = getattr(getattr(p, "type", None), "name", "")
    return {"integer": "N", "float": "NUMBER", "path": "PATH", "choice": "CHOICE"}.get(name, "TEXT")


class Command(TyperCommand):
    """A command whose help reads ``Usage: govreport extract [OPTIONS] FILE`` and ``-o, --out PATH``, rather than
    typer's ``{file}`` and ``<str>``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for p in self.params:
            if p.metavar is not None or getattr(p, "is_flag", False) or getattr(p, "count", False):
                continue
            if p.param_type_name == "argument":
                p.metavar = (p.name or "").upper()
            else:
                p.metavar = METAVARS.get(p.name or "") or _type_metavar(p)

    def _arg_name(self, p: Any) -> str:
        return f"{p.metavar}..." if p.nargs != 1 and not p.metavar.endswith("...") else p.metavar

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for p in self.get_params(ctx):
            if p.param_type_name == "argument":
                pieces.append(self._arg_name(p) if p.required else f"[{self._arg_name(p)}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args, opts = [], []
        for p in self.get_params(ctx):
            rec = p.get_help_record(ctx)
            if rec is None:
                continue
            if p.param_type_name == "argument":
                args.append((self._arg_name(p), rec[1]))
            else:
                opts.append(rec)
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``app.command`` with readable help (``Command``); every command is declared with it."""
    return app.command(*args, cls=Command, **kwargs)


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
