"""Errors a user can act on, and the exit codes the CLI documents."""

from __future__ import annotations

EXIT_OK = 0
EXIT_INPUT = 1  # the input could not be read: missing, empty, binary, undecodable, too large
EXIT_USAGE = 2  # bad options or arguments
EXIT_PARTIAL = 3  # batch: some files failed, the rest were written
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


class InputError(Exception):
    """A file that cannot be turned into text. ``str()`` is the one line the CLI prints."""

    def __init__(self, name: str, reason: str) -> None:
        # A reason quoting a library's message (lxml's end with a newline) must not break the one line.
        reason = " ".join(reason.split()) if "\n" in reason or "\r" in reason else reason
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
