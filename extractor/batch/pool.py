"""The worker processes of a batch: one file at a time each, under a time limit, replaced when they fail.

Each worker is a process with a pipe of its own, so the parent always knows which file a worker holds and
since when. That is what a time limit per file needs (a ``ProcessPoolExecutor`` can neither tell when a queued
task started nor stop one without breaking the whole pool):

- a job whose result has not come back ``timeout`` seconds after it was handed over becomes an error record
  of kind ``timeout``; its worker is killed and a fresh one takes its place;
- a job that raised ``MemoryError`` under ``--max-memory`` (RLIMIT_AS, set in the worker) comes back as an
  error record of kind ``memory``; that worker is replaced too, since its heap may be left fragmented;
- a worker that dies (a crash, the kernel's out-of-memory killer) costs only the file it was working on.

The clock starts when the job is sent to an idle worker, which has already loaded the language data.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_ready
from typing import Any

from extractor.batch.records import BatchError, Failed
from extractor.batch.worker import EXIT_MEMORY, Job, mib, worker_main

START_TIMEOUT = 120.0  # seconds a new worker may take to load the language data and say it is ready


class PoolError(Exception):
    """The workers cannot run at all (a memory limit below what a worker needs at rest, a failed start)."""


@dataclass
class _Task:
    key: Any
    job: Job
    started: float


class _Worker:
    def __init__(self, ctx: Any, parent_pid: int, max_memory: int | None, check_fit: bool = True) -> None:
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(
            target=worker_main,
            args=(child_end, parent_pid, max_memory, check_fit),
            name="govreport-batch-worker",
            daemon=True,
        )
        self.proc.start()
        child_end.close()  # the worker's end lives in the worker only, so its death is an EOF here
        self.conn = parent_end
        self.ready = False
        self.task: _Task | None = None
        self.born = time.monotonic()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.proc.kill()

    def reap(self) -> None:
        self.kill()
        with contextlib.suppress(Exception):
            self.proc.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        with contextlib.suppress(ValueError):
            name = signal.Signals(-exitcode).name
            hint = "; perhaps the system ran out of memory" if name == "SIGKILL" else ""
            return f"killed by {name}{hint}"
    if exitcode is None:
        return "exit status unknown"
    return f"exit status {exitcode}"


class Pool:
    """``jobs`` worker processes. ``submit`` hands a job to an idle worker; ``collect`` returns what finished,
    timed out or died, each as ``(key, Done | Failed)``, and replaces the workers that must go."""

    def __init__(self, jobs: int, timeout: float | None = None, max_memory: int | None = None) -> None:
        self.ctx = multiprocessing.get_context()
        self.parent_pid = os.getpid()
        self.timeout = timeout if timeout and timeout > 0 else None
        self.max_memory = max_memory
        self.workers: list[_Worker] = []
        self.replaced = 0  # workers replaced (timed out, out of memory, died)
        self._start_deaths = 0
        try:
            for _ in range(max(1, jobs)):
                self.workers.append(_Worker(self.ctx, self.parent_pid, max_memory))
            self._wait_ready()
        except BaseException:
            self.kill()
            raise

    # -- state -----------------------------------------------------------------------------------------
    @property
    def busy(self) -> int:
        return sum(1 for w in self.workers if w.task is not None)

    @property
    def idle(self) -> int:
        return sum(1 for w in self.workers if w.ready and w.task is None)

    def pids(self) -> list[int]:
        return [w.proc.pid for w in self.workers if w.proc.pid is not None]

    # -- work ------------------------------------------------------------------------------------------
    def submit(self, key: Any, job: Job) -> bool:
        """Hand ``job`` to an idle worker; False when none is free (the caller keeps the job)."""
        for w in self.workers:
            if not w.ready or w.task is not None:
                continue
            try:
                w.conn.send(job)
            except (OSError, ValueError):  # it died while idle: the job never ran, so it stays the caller's
                self._replace(w)
                continue
            w.task = _Task(key, job, time.monotonic())
            return True
        return False

    def collect(self, wait_s: float) -> list[tuple[Any, Any]]:
        """Wait up to ``wait_s`` seconds (less when a time limit falls due) for results; then enforce the limits."""
        now = time.monotonic()
        if self.timeout is not None:
            for w in self.workers:
                if w.task is not None:
                    wait_s = min(wait_s, max(0.0, w.task.started + self.timeout - now))
        out: list[tuple[Any, Any]] = []
        objs: list[Any] = [w.conn for w in self.workers] + [w.proc.sentinel for w in self.workers]
        ready = set(wait_ready(objs, timeout=wait_s))
        for w in list(self.workers):
            if w.conn in ready or (w.proc.sentinel in ready and _has_data(w.conn)):
                self._receive(w, out)
            elif w.proc.sentinel in ready:
                self._died(w, out)
        if self.timeout is not None:
            now = time.monotonic()
            for w in list(self.workers):
                if w.task is not None and now - w.task.started >= self.timeout:
                    out.append((w.task.key, Failed(self._timeout_error(w.task))))
                    w.task = None
                    self._replace(w)
        for w in self.workers:
            if not w.ready and time.monotonic() - w.born > START_TIMEOUT:
                raise PoolError(f"a worker process did not start within {START_TIMEOUT:.0f} s")
        return out

    def _receive(self, w: _Worker, out: list[tuple[Any, Any]]) -> None:
        try:
            msg = w.conn.recv()
        except (EOFError, OSError):
            self._died(w, out)
            return
        what = msg[0]
        if what == "ready":
            w.ready = True
        elif what == "unfit":
            raise PoolError(msg[1])
        elif what == "result" and w.task is not None:
            res = msg[1]
            out.append((w.task.key, res))
            w.task = None
            if isinstance(res, Failed) and res.error.kind == "memory":
                self._replace(w)

    def _died(self, w: _Worker, out: list[tuple[Any, Any]]) -> None:
        with contextlib.suppress(Exception):
            w.proc.join(5)
        how = _death(w.proc.exitcode)
        if not w.ready:
            self._start_deaths += 1
            self._replace(w)
            if self._start_deaths > 3 * len(self.workers) + 3:
                raise PoolError(f"worker processes keep dying as they start ({how})")
            return
        if w.task is not None:
            out.append((w.task.key, Failed(self._death_error(w.task, w.proc.exitcode, how))))
            w.task = None
        self._replace(w)

    def _death_error(self, task: _Task, exitcode: int | None, how: str) -> BatchError:
        job = task.job
        if exitcode == EXIT_MEMORY:
            reason = "extraction ran out of memory: over the worker's limit"
            if self.max_memory:
                reason += f" of {mib(self.max_memory)} (--max-memory)"
            return BatchError(path=job.path, sha256=job.sha256, kind="memory", reason=reason, exception="MemoryError")
        if self.max_memory and exitcode is not None and exitcode < 0 and exitcode != -getattr(signal, "SIGKILL", 9):
            # Native code (a Rust or C extension) aborts or crashes when an allocation fails under RLIMIT_AS.
            return BatchError(
                path=job.path,
                sha256=job.sha256,
                kind="memory",
                reason=f"the worker process died while extracting this file ({how}), most likely on reaching the "
                f"--max-memory limit of {mib(self.max_memory)}",
                exception="WorkerDied",
            )
        return BatchError(
            path=job.path,
            sha256=job.sha256,
            reason=f"the worker process died while extracting this file ({how})",
            exception="WorkerDied",
        )

    def _timeout_error(self, task: _Task) -> BatchError:
        return BatchError(
            path=task.job.path,
            sha256=task.job.sha256,
            kind="timeout",
            reason=f"extraction took longer than the time limit of {self.timeout:g} s (--timeout); its worker was "
            "stopped and replaced",
            exception="TimeoutError",
        )

    def _replace(self, w: _Worker) -> None:
        w.reap()
        i = self.workers.index(w)
        self.replaced += 1
        # A replacement is forked from a parent that may hold large files in flight: it is not judged by its size
        # at rest (that check is for the limit itself, made when the pool starts), only by what it then reads.
        self.workers[i] = _Worker(self.ctx, self.parent_pid, self.max_memory, check_fit=False)

    def _wait_ready(self) -> None:
        end = time.monotonic() + START_TIMEOUT
        while not all(w.ready for w in self.workers):
            if time.monotonic() > end:
                raise PoolError(f"the worker processes did not start within {START_TIMEOUT:.0f} s")
            for w in list(self.workers):
                if w.ready:
                    continue
                if w.conn.poll(0.05):
                    self._receive(w, [])
                elif not w.proc.is_alive():
                    raise PoolError(f"a worker process could not start ({_death(w.proc.exitcode)})")

    # -- the end ---------------------------------------------------------------------------------------
    def kill(self) -> None:
        """Kill every worker at once (a second Ctrl-C, a fatal output error); what they held is left undone."""
        for w in self.workers:
            w.kill()
        for w in self.workers:
            w.reap()
        self.workers = []

    def close(self) -> None:
        """Let idle workers exit; kill any still busy (the caller has given up on their results)."""
        for w in self.workers:
            if w.task is None:
                with contextlib.suppress(Exception):
                    w.conn.send(None)
        end = time.monotonic() + 5
        for w in self.workers:
            if w.task is None:
                with contextlib.suppress(Exception):
                    w.proc.join(max(0.0, end - time.monotonic()))
        self.kill()


def _has_data(conn: Any) -> bool:
    try:
        return bool(conn.poll(0))
    except (OSError, EOFError, ValueError):
        return False
