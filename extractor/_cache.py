"""Files in the user's cache folder that spare a fresh ``govreport`` process the work an earlier one did.

A shell loop that runs ``govreport extract`` once per file pays the process start each time; what the first
extraction builds (compiled patterns, OpenCC's character tables) is kept here for the next process. A file holds
one pickled object after a magic line and the SHA-256 of the pickle, checked before it is loaded; it is written
to a file of its own and renamed into place, so processes writing at once never leave a torn file. Each user of
the cache puts what its content depends on (library versions, the key of every entry) into the file's name or
into the entries themselves, so that a stale file is never read as a current one.

The folder is ``$GOVREPORT_CACHE_DIR``, else ``$XDG_CACHE_HOME/govreport``, else ``~/.cache/govreport``; never
inside the package. ``GOVREPORT_NO_CACHE=1`` turns the cache off. A missing, unreadable, damaged or read-only
cache is silently the same as none: the work is then done again, as without this module.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

_MAGIC = b"govreport-cache 1\n"


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    if os.environ.get("GOVREPORT_NO_CACHE", "").strip().lower() not in ("", "0", "false"):
        return None
    explicit = os.environ.get("GOVREPORT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG spec ignores a relative path
        return Path(xdg) / "govreport"
    home = os.path.expanduser("~")
    return None if home == "~" else Path(home) / ".cache" / "govreport"


def path(name: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{name}.pickle"


def read(name: str) -> Any:
    """The object stored as ``name``, or None when there is none that is whole and readable."""
    p = path(name)
    if p is None:
        return None
    try:
        with open(p, "rb") as f:
            if not _own(os.fstat(f.fileno())):
                return None
            data = f.read()
    except OSError:
        return None
    head = len(_MAGIC)
    digest, payload = data[head : head + 32], data[head + 32 :]
    if not data.startswith(_MAGIC) or hashlib.sha256(payload).digest() != digest:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # written by another version of a library: the caller builds it anew
        return None


def _own(st: os.stat_result) -> bool:
    """Whether a cache file is this user's alone: a pickle runs code as it loads, so a file that another user
    wrote or may write (a cache folder shared in /tmp) is never loaded."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the folder is in the user's profile
        return True
    return st.st_uid == getuid() and not st.st_mode & 0o022


def write(name: str, obj: Any) -> None:
    """Store ``obj`` as ``name``; a read-only or full disk is ignored."""
    p = path(name)
    if p is None:
        return
    try:
        payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, p)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:
        return
