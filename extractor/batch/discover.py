"""Finding the files of a batch: paths, folders (walked recursively), glob patterns and file lists.

Nothing here reads a file's content. Problems (a missing path, a symbolic-link loop, a folder that cannot be
listed, a directory listed as a file) become entries with a ``problem`` so they are reported, never fatal.
"""

from __future__ import annotations

import errno
import fnmatch
import glob as globmod
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractor.batch.dataset import dataset_format


@dataclass(frozen=True)
class Entry:
    path: str
    problem: str | None = None
    exception: str | None = None
    dataset: bool = False  # a spreadsheet or CSV named as an input: one report per row (batch.dataset)


def _is_pattern(s: str) -> bool:
    return globmod.has_magic(s)


def _stat_problem(e: OSError) -> tuple[str, str]:
    if e.errno == errno.ELOOP:
        return "symbolic link loop", "OSError"
    if isinstance(e, FileNotFoundError):
        return "no such file (or a broken symbolic link)", "FileNotFoundError"
    if isinstance(e, PermissionError):
        return "permission denied", "PermissionError"
    return e.strerror or "cannot read", type(e).__name__


def _matches(rel: str, name: str, globs: list[str]) -> bool:
    if not globs:
        return True
    rel = rel.replace(os.sep, "/")
    for g in globs:
        if "/" in g:
            if fnmatch.fnmatch(rel, g) or (g.startswith("**/") and fnmatch.fnmatch(rel, g[3:])):
                return True
        elif fnmatch.fnmatch(name, g):
            return True
    return False


class Discovery:
    """Collects entries in order, each regular file once (by its real path)."""

    def __init__(self, globs: Iterable[str] = ()) -> None:
        self.globs = list(globs)
        self.entries: list[Entry] = []
        self._files: set[str] = set()
        self._dirs: set[tuple[int, int]] = set()

    def _file(self, path: str, dataset: bool = False) -> None:
        key = os.path.realpath(path)
        if key in self._files:
            return
        self._files.add(key)
        self.entries.append(Entry(path, dataset=dataset))

    def _problem(self, path: str, reason: str, exc: str) -> None:
        self.entries.append(Entry(path, reason, exc))

    def add(self, path: str, *, listed: bool = False) -> None:
        """One path given by the user. ``listed``: it came from --files-from, so it must be a file."""
        if path == "-":
            self._problem(path, "'-' is not a file here; use --files-from - to read a list of paths", "InputError")
            return
        try:
            st = os.stat(path)
        except OSError as e:
            if not listed and _is_pattern(path) and not os.path.lexists(path):
                self.add_pattern(path)
                return
            self._problem(path, *_stat_problem(e))
            return
        if stat.S_ISDIR(st.st_mode):
            if listed:
                self._problem(path, "is a directory, not a file", "IsADirectoryError")
            else:
                self.walk(path)
        elif stat.S_ISREG(st.st_mode):
            # Named, a spreadsheet or CSV is a dataset of reports; found in a folder it stays a file, as before.
            self._file(path, dataset=dataset_format(path) is not None)
        else:
            self._problem(path, "not a regular file (a device, pipe or socket)", "InputError")

    def add_pattern(self, pattern: str) -> None:
        """A glob pattern, expanded as a shell would (``**`` crosses folders); folders it matches are walked."""
        matches = sorted(globmod.glob(pattern, recursive=True))
        if not matches:
            self._problem(pattern, "no file matches this pattern", "InputError")
            return
        for m in matches:
            self.add(m)

    def walk(self, root: str) -> None:
        """Every regular file under ``root``, in name order, following symbolic links but never in a loop.
        Hidden files and folders (names starting with a dot) are left out."""
        try:
            st = os.stat(root)
        except OSError as e:
            self._problem(root, *_stat_problem(e))
            return
        top = (st.st_dev, st.st_ino)
        if top in self._dirs:
            return
        self._dirs.add(top)
        stack: list[tuple[Iterator[os.DirEntry[str]], frozenset[tuple[int, int]]]] = []
        it = self._list(root)
        if it is None:
            return
        stack.append((it, frozenset([top])))
        while stack:
            it, ancestors = stack[-1]
            entry = next(it, None)
            if entry is None:
                stack.pop()
                continue
            if entry.name.startswith("."):
                continue
            path = entry.path
            try:
                est = os.stat(path)
            except OSError as e:
                if _matches(os.path.relpath(path, root), entry.name, self.globs):
                    self._problem(path, *_stat_problem(e))
                continue
            if stat.S_ISDIR(est.st_mode):
                key = (est.st_dev, est.st_ino)
                if key in ancestors:
                    self._problem(path, "symbolic link loop (leads back to a folder that contains it)", "OSError")
                    continue
                if key in self._dirs:
                    continue  # reached by another route (a second link to it): its files are taken once
                self._dirs.add(key)
                sub = self._list(path)
                if sub is not None:
                    stack.append((sub, ancestors | {key}))
                continue
            if not _matches(os.path.relpath(path, root), entry.name, self.globs):
                continue
            if stat.S_ISREG(est.st_mode):
                self._file(path)
            else:
                self._problem(path, "not a regular file (a device, pipe or socket)", "InputError")

    def _list(self, folder: str) -> Iterator[os.DirEntry[str]] | None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            reason, exc = _stat_problem(e)
            self._problem(folder, f"cannot list folder: {reason}", exc)
            return None
        return iter(entries)


def read_list(source: str) -> list[str]:
    """Paths from a --files-from file or ``-`` (stdin): one per line, or NUL-separated (find -print0)."""
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(source, "rb") as f:
            data = f.read()
    text = data.decode("utf-8", errors="surrogateescape")
    if text.startswith("\ufeff"):
        text = text[1:]
    parts = text.split("\0") if "\0" in text else text.splitlines()
    return [p for p in (x.rstrip("\r") for x in parts) if p.strip()]


def discover(inputs: Iterable[str], files_from: Iterable[str] = (), globs: Iterable[str] = ()) -> list[Entry]:
    """All entries of a batch, in the order given: positional inputs first, then listed paths."""
    d = Discovery(globs)
    for p in inputs:
        d.add(p)
    for p in files_from:
        d.add(p, listed=True)
    return d.entries
