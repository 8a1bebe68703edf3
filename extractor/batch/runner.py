"""The batch loop: read and hash files in the parent, extract in worker processes, write in the parent.

The parent reads each file (refusing folders and files over --max-bytes before reading), hashes it, drops
duplicates and, with --resume, documents already in the output, and hands the bytes to a worker. At most
``2 * jobs`` files are in flight, so memory stays bounded whatever the number of files; each result is
written as soon as it arrives and then forgotten. Each file has --timeout seconds in its worker (and, with
--max-memory, a capped address space); past either it becomes an error record of kind ``timeout`` or
``memory`` and its worker is replaced (``extractor.batch.pool``).

SIGINT / SIGTERM: the first one stops taking files, cancels queued ones, lets the running ones finish and
be written, closes the output and returns 130 / 143; a second one kills the workers at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from extractor.batch.dataset import (
    DatasetError,
    DatasetUsageError,
    Event,
    RowItem,
    SheetEnd,
    SheetSkipped,
    SheetStart,
    read_dataset,
    read_manifest,
)
from extractor.batch.discover import Entry, discover
from extractor.batch.output import Output, OutputError, open_output
from extractor.batch.pool import Pool, PoolError
from extractor.batch.progress import Reporter, Stats, make_reporter
from extractor.batch.records import BatchError, Done, Failed
from extractor.batch.worker import Job, RowText
from extractor.errors import EXIT_INPUT, EXIT_OK, EXIT_PARTIAL, EXIT_SIGINT, EXIT_SIGTERM, InputError
from extractor.loaders import DEFAULT_MAX_BYTES, read_bytes

DEFAULT_TIMEOUT = 60.0


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class BatchOptions:
    inputs: list[str] = field(default_factory=list)
    files_from: list[str] = field(default_factory=list)  # paths already read from --files-from
    globs: list[str] = field(default_factory=list)
    out: str = "-"
    fmt: str = "jsonl"
    bom: bool = False
    jobs: int = field(default_factory=default_jobs)
    resume: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    quiet: bool = False
    timeout: float | None = DEFAULT_TIMEOUT  # seconds per file; None or 0: no limit
    max_memory: int | None = None  # bytes of address space per worker (RLIMIT_AS); None: no limit
    text_column: str | None = None  # a dataset's column of reports; None: the one with the longest cells
    expect: dict[str, str] = field(default_factory=dict)  # checked field (region, year) -> its column (--expect)
    manifest: str | None = None  # a CSV of path, region, year: what each file claims to be (--manifest)
    strict: bool = False  # a claim the text contradicts is an error record, not only a warning


@dataclass
class BatchResult:
    stats: Stats
    exit_code: int
    fatal: str | None = None  # the one-line reason when the run could not go on


class _Stop:
    def __init__(self) -> None:
        self.signum: int | None = None
        self.hard = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.signum is None:
            self.signum = signum
        else:
            self.hard = True


class Runner:
    def __init__(self, opts: BatchOptions, output: Output, reporter: Reporter) -> None:
        self.opts = opts
        self.out = output
        self.rep = reporter
        self.stats = Stats()
        self.stop = _Stop()
        self.jobs = max(1, opts.jobs)
        self.max_inflight = max(2, 2 * self.jobs)
        self.byte_budget = max(opts.max_bytes, 64 * 1024 * 1024)
        self.inflight: dict[int, tuple[str, str, int]] = {}  # read and not yet written: key -> (path, sha, size)
        self.pending: deque[tuple[int, Job]] = deque()  # read, waiting for an idle worker
        self.inflight_bytes = 0
        self._next_key = 0
        self.seen: dict[str, str] = {}  # sha256 -> the first path with it in this run
        self.done_before: set[str] = output.done_ids() if opts.resume else set()
        self.pool: Pool | None = None
        self.fatal: str | None = None
        self.claims: dict[str, dict[str, str]] = {}  # a file's real path -> what the manifest claims of it
        self._estimate = 0  # rows the current sheet says it has, already counted in stats.files
        self._sheet_rows = 0
        self._next_entry = 0  # the index of the first entry not yet begun
        self.texts: dict[bytes, str] = {}  # sha256 of a row's text -> the first row holding it

    # -- one entry -------------------------------------------------------------------------------------
    def _record_error(self, err: BatchError) -> None:
        if err.kind == "duplicate":
            self.stats.duplicates += 1
            self.rep.file_line(f"duplicate: {err.path}: same content as {err.duplicate_of}")
        else:
            self.stats.failed += 1
            if err.kind == "timeout":
                self.stats.timed_out += 1
            elif err.kind == "memory":
                self.stats.out_of_memory += 1
            elif err.kind == "mismatch":
                self.stats.mismatches.append(f"{err.path}: {err.reason}")
            self.rep.file_line(f"error: {err.path}: {err.reason}")
        self.out.error(err)

    def _items(self, entries: Iterable[Entry]) -> Iterator[Entry | Event]:
        """The entries, with each dataset's rows in place of the dataset, read as they are needed."""
        for i, entry in enumerate(entries):
            self._next_entry = i + 1
            if not entry.dataset or entry.problem:
                yield entry
                continue
            try:
                opened = False
                for ev in read_dataset(
                    entry.path,
                    text_column=self.opts.text_column,
                    need=self.opts.expect.values(),
                    max_chars=self.opts.max_bytes,
                ):
                    if isinstance(ev, SheetStart) and not opened:
                        opened = True
                        self.stats.files -= 1  # its rows are counted instead
                    yield ev
            except DatasetError as e:
                if opened:
                    self.stats.files += 1  # the error record stands for the rest of the file
                yield Entry(entry.path, str(e), "DatasetError")
            except OSError as e:
                yield Entry(entry.path, f"cannot read: {e.strerror or e}", type(e).__name__)

    def _event(self, ev: Event) -> None:
        """Say which column a sheet's reports are taken from, and keep the count of rows to do."""
        where = f"{ev.dataset}: sheet {ev.sheet!r}" if ev.sheet is not None else ev.dataset
        if isinstance(ev, SheetStart):
            how = " (the longest cells; --text-column NAME picks another)" if ev.by_length else ""
            self.rep.file_line(f"{where}: the reports are in column {ev.text_column!r}{how}")
            self._estimate = ev.estimate or 0
            self._sheet_rows = 0
            self.stats.files += self._estimate
        elif isinstance(ev, SheetEnd):
            self.stats.files -= max(0, self._estimate - ev.rows)
            self._estimate = 0
        elif isinstance(ev, SheetSkipped):
            self.rep.file_line(f"{where}: skipped: {ev.reason}")

    def _take_row(self, item: RowItem) -> None:
        self.stats.rows += 1
        self._sheet_rows += 1
        if self._sheet_rows > self._estimate:
            self.stats.files += 1
        if item.problem or item.text is None:
            self._record_error(BatchError(path=item.locator, reason=item.problem or "no text", exception="InputError"))
            return
        # Sent as UTF-8 bytes, never as the str: pickling a str caches its UTF-8 form inside it, and a workbook's
        # texts live on in its table of shared strings, so each row sent would leave a copy behind.
        data = item.text.encode("utf-8")
        sha = item.row_id(data)
        text_sha = hashlib.sha256(data).digest()
        same_as = self.texts.setdefault(text_sha, item.locator)
        if same_as != item.locator:
            self.stats.same_text += 1
        if self._seen(item.locator, sha):
            return
        claims = {k: item.fields.get(col, "") for k, col in self.opts.expect.items()} if self.opts.expect else None
        same = same_as if same_as != item.locator else None
        row = RowText(item.dataset, item.fmt, item.encoding, item.row_model(), same)
        out = self.out
        job = Job(item.locator, data, sha, out.wants_tables, out.wants_doc_json, row, claims, self.opts.strict)
        self._queue(job, item.locator, sha, len(data))

    def _seen(self, path: str, sha: str) -> bool:
        """Whether ``sha`` needs no work: a duplicate in this run (recorded) or done before (--resume)."""
        first = self.seen.get(sha)
        if first is not None:
            self._record_error(
                BatchError(
                    path=path,
                    sha256=sha,
                    kind="duplicate",
                    reason=f"same content (sha256) as {first}, which is processed instead",
                    duplicate_of=first,
                )
            )
            return True
        self.seen[sha] = path
        if sha in self.done_before:
            self.stats.skipped += 1
            return True
        return False

    def _queue(self, job: Job, path: str, sha: str, size: int) -> None:
        key = self._next_key
        self._next_key += 1
        self.pending.append((key, job))
        self.inflight[key] = (path, sha, size)
        self.inflight_bytes += size

    def _take(self, item: Entry | Event) -> None:
        if isinstance(item, RowItem):
            self._take_row(item)
            return
        if not isinstance(item, Entry):
            self._event(item)
            return
        entry = item
        if entry.problem:
            self._record_error(BatchError(path=entry.path, reason=entry.problem, exception=entry.exception))
            return
        try:
            data = read_bytes(entry.path, self.opts.max_bytes)
        except InputError as e:
            self._record_error(BatchError(path=entry.path, reason=e.reason, exception="InputError"))
            return
        self.stats.bytes_read += len(data)
        sha = hashlib.sha256(data).hexdigest()
        if self._seen(entry.path, sha):
            return
        claims = self.claims.get(os.path.realpath(entry.path)) if self.opts.manifest else None
        if self.opts.manifest and claims is None:
            self.stats.unlisted += 1
        job = Job(entry.path, data, sha, self.out.wants_tables, self.out.wants_doc_json, None, claims, self.opts.strict)
        self._queue(job, entry.path, sha, len(data))

    def _dispatch(self) -> None:
        assert self.pool is not None
        while self.pending and self.pool.idle:
            key, job = self.pending[0]
            if not self.pool.submit(key, job):
                break
            self.pending.popleft()

    def _drop_pending(self) -> None:
        """Files read but never handed to a worker: left for a resumed run."""
        while self.pending:
            key, _ = self.pending.popleft()
            _, _, size = self.inflight.pop(key)
            self.inflight_bytes -= size
            self.stats.not_done += 1

    def _finish(self, key: int, res: Done | Failed) -> None:
        """Write one result."""
        _path, _sha, size = self.inflight.pop(key)
        self.inflight_bytes -= size
        if isinstance(res, Failed):
            self._record_error(res.error)
            return
        try:
            self.out.write(res)
        except BaseException:
            self.stats.not_done += 1  # extracted but not written: a resumed run does it again
            raise
        self.stats.succeeded += 1
        self.stats.chars += res.chars
        self.stats.mismatches += [f"{res.path}: {m}" for m in res.mismatches]
        self.stats.unchecked += len(res.unchecked)
        for k, v in res.counts.items():
            self.stats.counts[k] = self.stats.counts.get(k, 0) + v

    # -- the loop --------------------------------------------------------------------------------------
    def run(self, entries: list[Entry]) -> None:
        self.stats.files = len(entries)
        it = self._items(entries)
        exhausted = False
        try:
            if self.opts.manifest:
                self.claims = read_manifest(
                    self.opts.manifest, self.opts.expect or {"region": "region", "year": "year"}
                )
            if any(not e.problem for e in entries):
                # Start the workers now, before a progress thread exists.
                self.pool = Pool(self.jobs, timeout=self.opts.timeout, max_memory=self.opts.max_memory)
            self.rep.start(self.stats, self.jobs, self.out.describe())
            while True:
                if self.stop.signum is None and not exhausted:
                    while len(self.inflight) < self.max_inflight and (
                        not self.inflight or self.inflight_bytes < self.byte_budget
                    ):
                        entry = next(it, None)
                        if entry is None:
                            exhausted = True
                            break
                        self._take(entry)
                        if self.pool is not None:
                            self._dispatch()
                        if self.stop.signum is not None:
                            break
                        if not self.inflight:
                            self.rep.update(self.stats)
                if self.stop.signum is not None:
                    self._drop_pending()
                    if self.stop.hard:
                        # Killed workers finish nothing, and their pipe may hold half a result: what was in
                        # flight is left undone (a resumed run does it) instead of being waited for.
                        if self.pool is not None:
                            self.pool.kill()
                        break
                if not self.inflight:
                    if exhausted or self.stop.signum is not None:
                        break
                    continue
                assert self.pool is not None
                self._dispatch()
                for key, res in self.pool.collect(0.2):
                    self._finish(key, res)
                self._dispatch()
                self.rep.update(self.stats)
        except (OutputError, OSError) as e:
            self.fatal = str(e) if isinstance(e, OutputError) else f"cannot write output: {e}"
            if isinstance(e, BrokenPipeError):
                self.fatal = "the output was closed (broken pipe)"
            if self.pool is not None:
                self.pool.kill()
        except (PoolError, DatasetUsageError) as e:
            self.fatal = str(e)
            if self.pool is not None:
                self.pool.kill()
        finally:
            if self.stop.signum is not None or self.fatal:
                # A dataset's rows left are not read to be counted (a large sheet would delay the stop): its
                # current sheet's count is the sheet's own.
                it.close()
                left = len(entries) - self._next_entry + max(0, self._estimate - self._sheet_rows)
                self.stats.not_done += left + len(self.inflight)
            self._shutdown_pool()

    def _shutdown_pool(self) -> None:
        if self.pool is not None:
            with contextlib.suppress(Exception):
                self.pool.close()
            self.pool = None


def _exit_code(stats: Stats, stop: _Stop, fatal: str | None) -> int:
    if fatal:
        return EXIT_INPUT
    if stop.signum is not None:
        return EXIT_SIGTERM if stop.signum == signal.SIGTERM else EXIT_SIGINT
    if stats.files == 0:
        return EXIT_INPUT
    if stats.failed:
        return EXIT_PARTIAL if stats.succeeded + stats.skipped else EXIT_INPUT
    return EXIT_OK


def _preload() -> None:
    """Load the language data once in the parent, so forked workers start warm (and share the pages)."""
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=False) != "fork":
        return
    from extractor.api import extract

    extract("2019年工作总结\n一、2019年工作回顾\n地区生产总值增长5%。\n")


def _close(output: Output, runner: Runner | None) -> None:
    try:
        output.close()
    except (OSError, ValueError, OutputError) as e:
        if runner is not None and runner.fatal is None:
            runner.fatal = f"cannot close output: {e}"


def run_batch(
    opts: BatchOptions, *, entries: Iterable[Entry] | None = None, reporter: Reporter | None = None
) -> BatchResult:
    """Run a whole batch. Never raises for a file's problem; returns the statistics and the exit code."""
    entry_list = list(entries) if entries is not None else discover(opts.inputs, opts.files_from, opts.globs)
    if reporter is None:
        reporter = make_reporter(opts.quiet, to_stdout=opts.fmt == "jsonl" and opts.out == "-")
    stop_handlers: dict[int, object] = {}
    runner: Runner | None = None
    try:
        output = open_output(opts.fmt, opts.out, resume=opts.resume, bom=opts.bom)
    except OutputError as e:
        return BatchResult(Stats(files=len(entry_list)), EXIT_INPUT, str(e))
    try:
        runner = Runner(opts, output, reporter)
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                stop_handlers[sig] = signal.signal(sig, runner.stop)
        if entry_list and any(not e.problem for e in entry_list):
            _preload()
        runner.run(entry_list)
        _close(output, runner)
        stats = runner.stats
        stats.ended = stats.started + stats.elapsed
        if runner.stop.signum is not None:
            stats.interrupted = signal.Signals(runner.stop.signum).name
        with contextlib.suppress(Exception):
            reporter.finish(stats)
    except BaseException:
        _close(output, runner)
        raise
    finally:
        # Restored only after the summary: a Ctrl-C while it is written must not cut it off with a traceback.
        for sig, h in stop_handlers.items():
            signal.signal(sig, h)  # type: ignore[arg-type]
    return BatchResult(stats, _exit_code(stats, runner.stop, runner.fatal), runner.fatal)
