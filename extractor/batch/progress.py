"""Progress and the final summary, on stderr: a rich bar on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import IO, Any


@dataclass
class Stats:
    files: int = 0  # entries found: files, plus paths that could not be files (missing, loops ...)
    succeeded: int = 0  # documents extracted and written in this run
    failed: int = 0  # error records (not duplicates)
    timed_out: int = 0  # of the failed: past --timeout
    out_of_memory: int = 0  # of the failed: past --max-memory
    duplicates: int = 0
    skipped: int = 0  # --resume: already complete in the output
    not_done: int = 0  # left when the run was interrupted
    chars: int = 0
    bytes_read: int = 0
    rows: int = 0  # of the files: rows of datasets (spreadsheets, CSV)
    mismatches: list[str] = field(default_factory=list)  # the metadata check's differences, each naming its row
    unchecked: int = 0  # claims the metadata check found no evidence for in the text
    unlisted: int = 0  # files not in the --manifest: not checked
    same_text: int = 0  # dataset rows holding the very text of an earlier row
    # Records found, per kind (tables.record_counts adds every kind it counts); the summary shows these.
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("quantities", "indicators", "goals", "targets", "projects"), 0)
    )
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None
    interrupted: str | None = None  # the name of the signal that stopped the run early ("SIGINT", "SIGTERM")

    @property
    def handled(self) -> int:
        return self.succeeded + self.failed + self.duplicates + self.skipped

    @property
    def elapsed(self) -> float:
        return (self.ended or time.monotonic()) - self.started

    def rate(self) -> float:
        e = self.elapsed
        return self.succeeded / e if e > 0 else 0.0


def _fmt_time(s: float) -> str:
    s = int(s)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Reporter:
    """Silent (--quiet): only per-file lines when they have nowhere else to go."""

    def __init__(self, stream: IO[str] | None = None, file_lines: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.file_lines = file_lines

    def start(self, stats: Stats, jobs: int, out: str) -> None:
        pass

    def update(self, stats: Stats) -> None:
        pass

    def file_line(self, text: str) -> None:
        if self.file_lines:
            self.stream.write(f"govreport: {text}\n")
            self.stream.flush()

    def finish(self, stats: Stats) -> None:
        pass


class PlainReporter(Reporter):
    """A line at the start, one every ``interval`` seconds, and the summary table at the end."""

    def __init__(self, stream: IO[str] | None = None, interval: float = 5.0) -> None:
        super().__init__(stream, file_lines=True)
        self.interval = interval
        self._next = 0.0

    def start(self, stats: Stats, jobs: int, out: str) -> None:
        self.stream.write(f"govreport: batch: {stats.files} files, {jobs} worker processes, writing to {out}\n")
        self.stream.flush()
        self._next = time.monotonic() + self.interval

    def update(self, stats: Stats) -> None:
        now = time.monotonic()
        if now < self._next:
            return
        self._next = now + self.interval
        self.stream.write(f"govreport: batch: {_line(stats)}\n")
        self.stream.flush()

    def finish(self, stats: Stats) -> None:
        print_summary(stats, self.stream)


def _line(stats: Stats) -> str:
    done = stats.handled
    rate = stats.rate()
    left = stats.files - done
    eta = f", ETA {_fmt_time(left / rate)}" if rate > 0 and left > 0 else ""
    return (
        f"{done}/{stats.files} files: {stats.succeeded} ok, {stats.failed} failed, {stats.duplicates} duplicates, "
        f"{stats.skipped} already done; {rate:.1f} documents/s{eta}"
    )


class RichReporter(Reporter):
    def __init__(self, stream: IO[str] | None = None) -> None:
        super().__init__(stream, file_lines=True)
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(file=self.stream, stderr=self.stream is sys.stderr)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} files/s"),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self.task: Any = None

    def start(self, stats: Stats, jobs: int, out: str) -> None:
        self.progress.start()
        self.task = self.progress.add_task(
            f"batch ({jobs} jobs)", total=stats.files, rate="0.0", status="", completed=0
        )
        self._t0 = time.monotonic()

    def update(self, stats: Stats) -> None:
        el = max(time.monotonic() - self._t0, 1e-9)
        status = f"{stats.succeeded} ok {stats.failed} failed {stats.duplicates} dup"
        if stats.skipped:
            status += f" {stats.skipped} done before"
        self.progress.update(self.task, completed=stats.handled, rate=f"{stats.handled / el:.1f}", status=status)

    def file_line(self, text: str) -> None:
        self.console.print(f"govreport: {text}", markup=False, highlight=False, soft_wrap=True)

    def finish(self, stats: Stats) -> None:
        self.update(stats)
        self.progress.stop()
        print_summary(stats, self.stream, console=self.console)


def print_summary(stats: Stats, stream: IO[str], console: Any = None) -> None:
    from rich.console import Console
    from rich.table import Table

    if console is None:
        console = Console(file=stream, highlight=False, width=max(60, min(100, _width(stream))))
    t = Table(title="govreport batch", show_header=False, title_justify="left")
    t.add_column("", style="bold")
    t.add_column("", justify="right")
    e = stats.elapsed
    rows: list[tuple[str, Any]] = [
        ("files", stats.files),
        ("succeeded", stats.succeeded),
        ("failed", stats.failed),
    ]
    if stats.rows:
        rows.insert(1, ("  of which dataset rows", stats.rows))
    if stats.timed_out:
        rows.append(("  of which timed out (--timeout)", stats.timed_out))
    if stats.out_of_memory:
        rows.append(("  of which out of memory (--max-memory)", stats.out_of_memory))
    rows.append(("duplicates", stats.duplicates))
    if stats.skipped:
        rows.append(("already in output (--resume)", stats.skipped))
    if stats.not_done:
        rows.append(("not processed (interrupted)", stats.not_done))
    rows += [
        ("indicators", stats.counts["indicators"]),
        ("goals", stats.counts["goals"]),
        ("targets", stats.counts["targets"]),
        ("projects", stats.counts["projects"]),
        ("characters", stats.chars),
        ("elapsed", f"{e:.1f} s"),
        ("documents/s", f"{stats.succeeded / e:.1f}" if e > 0 else "-"),
    ]
    for k, v in rows:
        t.add_row(k, str(v))
    if stats.interrupted:
        t.caption = f"interrupted by {stats.interrupted}; run again with --resume to finish"
    console.print(t)
    _print_checks(stats, console)


MAX_LISTED = 50  # mismatches listed by the summary; the rest are in the output (warnings meta_check)


def _print_checks(stats: Stats, console: Any) -> None:
    lines = []
    if stats.mismatches:
        lines.append(
            f"metadata check: {len(stats.mismatches)} document(s) differ from what their row or manifest says:"
        )
        lines += [f"  {m}" for m in stats.mismatches[:MAX_LISTED]]
        if len(stats.mismatches) > MAX_LISTED:
            lines.append(f"  ... and {len(stats.mismatches) - MAX_LISTED} more (warnings with code meta_check)")
    if stats.unchecked:
        lines.append(
            f"metadata check: {stats.unchecked} claim(s) not checked: the text gives no evidence "
            "(warnings meta_check_no_evidence, meta_check_claim)"
        )
    if stats.same_text:
        lines.append(f"{stats.same_text} dataset row(s) hold the same text as an earlier row (warnings same_text)")
    if stats.unlisted:
        lines.append(f"metadata check: {stats.unlisted} file(s) not in the manifest, not checked")
    for line in lines:
        console.print(line, markup=False, highlight=False, soft_wrap=True)


def _width(stream: IO[str]) -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns if getattr(stream, "isatty", lambda: False)() else 80


def make_reporter(quiet: bool, to_stdout: bool, stream: IO[str] | None = None) -> Reporter:
    stream = stream or sys.stderr
    if quiet:
        return Reporter(stream, file_lines=to_stdout)
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        return RichReporter(stream)
    return PlainReporter(stream)
