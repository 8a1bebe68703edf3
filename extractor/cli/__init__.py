"""The `govreport` command. Commands parse options, call the library and write output; nothing more.

Each command lives in its own module and imports the library inside the command, so `govreport --help`
starts without loading OpenCC, pydantic or the language data.
"""

from __future__ import annotations

import contextlib
import sys

# Registering a command is importing its module; each module defines its commands on `app`.
from extractor.cli import apply, batch, evaluate, extract, panel, review, tasks  # noqa: F401
from extractor.cli.app import app, debug


def _utf8_streams() -> None:
    # A Chinese Windows console is GBK: without this, printing a rare character crashes the run.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="strict" if stream is sys.stdout else "replace")


def main() -> None:
    _utf8_streams()
    try:
        app()
    except Exception as e:  # the last guard: whatever a command did not catch is one line, not a traceback
        if debug():
            raise
        sys.stderr.write(f"govreport: error: {type(e).__name__}: {e}\n")
        sys.exit(1)


__all__ = ["app", "main"]
