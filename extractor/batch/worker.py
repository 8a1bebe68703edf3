"""The work one worker process does for one file: decode, extract, serialize. Nothing here writes output."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from dataclasses import dataclass

from extractor.batch.records import BatchError, Done, Failed


@dataclass
class Job:
    path: str
    data: bytes
    sha256: str
    tables: bool = False  # also build CSV/SQLite rows (in the worker, so the one writer stays light)
    doc_json: bool = False  # SQLite keeps sections, noise and warnings as JSON in the documents row


def init_worker(parent_pid: int | None = None) -> None:
    """Ctrl-C goes to the whole process group; only the parent decides what it means. A worker whose parent
    died (kill -9) exits instead of waiting forever on its task queue."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker inherits the parent's stop handler
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            os._exit(1)


def ping() -> int:
    return os.getpid()


def _reason(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    msg = msg[:300]
    return f"extraction failed ({type(e).__name__}: {msg})" if msg else f"extraction failed ({type(e).__name__})"


def run_job(job: Job) -> Done | Failed:
    from extractor.api import extract_loaded
    from extractor.errors import InputError
    from extractor.loaders import load_bytes

    try:
        loaded = load_bytes(job.data, job.path)
    except InputError as e:
        return Failed(BatchError(path=job.path, sha256=job.sha256, reason=e.reason, exception="InputError"))
    except Exception as e:
        return Failed(BatchError(path=job.path, sha256=job.sha256, reason=_reason(e), exception=type(e).__name__))
    try:
        doc = extract_loaded(loaded)
        d = doc.model_dump(mode="json")
        line = json.dumps(d, ensure_ascii=False, separators=(",", ":"))
        if "\n" in line:  # json.dumps escapes newlines in strings; a raw one would break the JSONL contract
            raise ValueError("serialized document contains a newline")
    except Exception as e:
        if os.environ.get("GOVREPORT_DEBUG"):
            import traceback

            traceback.print_exc()
        return Failed(BatchError(path=job.path, sha256=job.sha256, reason=_reason(e), exception=type(e).__name__))
    from extractor.batch.tables import document_row, record_counts, record_rows

    done = Done(job.path, job.sha256, line, doc.source.chars, record_counts(d))
    if job.tables:
        done.doc_row = document_row(d, with_json=job.doc_json)
        done.rows = record_rows(d, loaded.text)
    return done
