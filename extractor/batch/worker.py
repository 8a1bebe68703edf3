"""The work one worker process does for one file: decode, extract, serialize. Nothing here writes output.

A worker is a process of its own (``extractor.batch.pool``): it reads jobs from its pipe one at a time and sends
each result back. The parent times every job and replaces a worker that runs past ``--timeout``; with
``--max-memory`` the worker's address space is capped (RLIMIT_AS), so a file that needs more raises
``MemoryError`` here and becomes an error record of kind ``memory``.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from dataclasses import dataclass
from typing import Any

from extractor.batch.records import BatchError, Done, Failed

_max_memory: int | None = None  # the limit this worker runs under, for the error record's reason


@dataclass
class Job:
    path: str  # a file's path, or a dataset row's locator (data.xlsx#Sheet1:12): the name in error records
    data: bytes
    sha256: str
    tables: bool = False  # also build CSV/SQLite rows (in the worker, so the one writer stays light)
    doc_json: bool = False  # SQLite keeps sections, noise and warnings as JSON in the documents row
    row: RowText | None = None  # a dataset row: ``data`` is its text in UTF-8
    claims: dict[str, str] | None = None  # what the row or the manifest says the report is (--expect, --manifest)
    strict: bool = False  # a claim the text contradicts makes an error record, not a warning (--strict)


@dataclass
class RowText:
    """Where a dataset row's report (the job's ``data``, already text) came from."""

    source_path: str
    fmt: str
    encoding: str
    row: dict[str, Any]  # models.Row: sheet, number, fields
    same_as: str | None = None  # an earlier row holding the very same text (a report pasted under two labels)


def mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB"


def memory_limit_supported() -> bool:
    """Whether this platform can cap a worker's address space (RLIMIT_AS)."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    return hasattr(resource, "RLIMIT_AS")


def set_memory_limit(limit: int) -> None:
    """Cap this process's address space at ``limit`` bytes (never above the hard limit already in force)."""
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def init_worker(parent_pid: int | None = None, max_memory: int | None = None) -> None:
    """Ctrl-C goes to the whole process group; only the parent decides what it means. A worker whose parent
    died (kill -9) exits instead of waiting forever on its pipe. ``max_memory`` caps the address space."""
    global _max_memory
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker inherits the parent's stop handler
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    if max_memory:
        set_memory_limit(max_memory)
        _max_memory = max_memory


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            os._exit(1)


def _warm() -> None:
    """Load the language data now (a spawned worker has none yet; a forked one shares the parent's), so the
    first file's time limit is not spent on it."""
    from extractor.api import extract

    extract("2019年工作总结\n一、2019年工作回顾\n地区生产总值增长5%。\n")


EXIT_MEMORY = 86  # a worker that ran out of memory outside a job's own guards exits with this status
_HEADROOM = 16 * 1024 * 1024  # what a worker needs beyond its size at rest to read even a small job


def _address_space() -> int | None:
    """This process's address space in bytes (Linux), the quantity RLIMIT_AS caps; None where unknown."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def worker_main(conn: Any, parent_pid: int | None, max_memory: int | None, check_fit: bool = True) -> None:
    """A worker process: say it is ready, then run the jobs the parent sends until it sends None or goes away.
    With ``check_fit`` a worker that cannot work under ``max_memory`` even at rest says so instead."""
    try:
        init_worker(parent_pid, max_memory)
        _warm()
        size = _address_space()
        if check_fit and max_memory and size is not None and size + _HEADROOM > max_memory:
            raise MemoryError
    except MemoryError:
        size = _address_space()
        at_rest = f" (it takes {mib(size)} at rest)" if size else ""
        conn.send(("unfit", f"--max-memory {mib(max_memory)} is too small for a worker{at_rest}"))
        return
    except Exception as e:  # pragma: no cover - a broken installation
        conn.send(("unfit", f"a worker could not start ({type(e).__name__}: {e})"))
        return
    try:
        conn.send(("ready", os.getpid()))
        while True:
            try:
                job = conn.recv()
            except (EOFError, OSError):
                return
            if job is None:
                return
            res = run_job(job)
            try:
                conn.send(("result", res))
            except (OSError, ValueError):
                return
    except MemoryError:  # reading a job, building table rows, pickling the result: the parent records it
        os._exit(EXIT_MEMORY)


def _row_warnings(text: str) -> list[str]:
    from extractor.batch.dataset import EXCEL_CELL_LIMIT

    if len(text) == EXCEL_CELL_LIMIT:
        return [
            f"the text fills a whole spreadsheet cell ({EXCEL_CELL_LIMIT:,} characters, Excel's limit): the "
            "report may have been cut when the sheet was made"
        ]
    return []


def _reason(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    msg = msg[:300]
    return f"extraction failed ({type(e).__name__}: {msg})" if msg else f"extraction failed ({type(e).__name__})"


def _memory_error(job: Job) -> BatchError:
    limit = f" of {mib(_max_memory)} (--max-memory)" if _max_memory else ""
    return BatchError(
        path=job.path,
        sha256=job.sha256,
        kind="memory",
        reason=f"extraction ran out of memory: over the worker's limit{limit}",
        exception="MemoryError",
    )


def run_job(job: Job) -> Done | Failed:
    from extractor.api import extract_loaded
    from extractor.errors import InputError
    from extractor.loaders import Loaded, load_bytes

    try:
        if job.row is not None:
            r = job.row
            text = job.data.decode("utf-8")
            loaded = Loaded(text, r.encoding, r.fmt, job.sha256, r.source_path, _row_warnings(text))
        else:
            loaded = load_bytes(job.data, job.path)
    except InputError as e:
        return Failed(BatchError(path=job.path, sha256=job.sha256, reason=e.reason, exception="InputError"))
    except MemoryError:
        return Failed(_memory_error(job))
    except Exception as e:
        return Failed(BatchError(path=job.path, sha256=job.sha256, reason=_reason(e), exception=type(e).__name__))
    mismatches: list[str] = []
    unchecked: list[str] = []
    try:
        doc = extract_loaded(loaded)
        if job.row is not None:
            from extractor.models import Row

            doc.source.row = Row.model_validate(job.row.row)
            if job.row.same_as:
                from extractor.models import Warning

                doc.warnings.append(
                    Warning(code="same_text", message=f"the same text as {job.row.same_as}: one report under two rows")
                )
        if job.claims is not None:
            from extractor.metacheck import check

            found = check(doc.meta, job.claims)
            doc.warnings.extend(found.warnings)
            mismatches = [w.message for w in found.mismatches]
            unchecked = [w.message for w in found.unchecked]
            if mismatches and job.strict:
                return Failed(
                    BatchError(
                        path=job.path,
                        sha256=job.sha256,
                        kind="mismatch",
                        reason="metadata check (--strict): " + "; ".join(mismatches),
                        exception="MetaCheck",
                    )
                )
        d = doc.model_dump(mode="json")
        line = json.dumps(d, ensure_ascii=False, separators=(",", ":"))
        if "\n" in line:  # json.dumps escapes newlines in strings; a raw one would break the JSONL contract
            raise ValueError("serialized document contains a newline")
    except MemoryError:
        return Failed(_memory_error(job))
    except Exception as e:
        if os.environ.get("GOVREPORT_DEBUG"):
            import traceback

            traceback.print_exc()
        return Failed(BatchError(path=job.path, sha256=job.sha256, reason=_reason(e), exception=type(e).__name__))
    from extractor.tables import document_row, record_counts, record_rows

    done = Done(
        job.path, job.sha256, line, doc.source.chars, record_counts(d), mismatches=mismatches, unchecked=unchecked
    )
    if job.tables:
        done.doc_row = document_row(d, with_json=job.doc_json)
        done.rows = record_rows(d, loaded.text)
    return done
