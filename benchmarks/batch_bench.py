"""Throughput, speed-up and memory of `govreport batch` on generated copies of the corpus.

    python benchmarks/batch_bench.py [--docs 2000] [--jobs 1,2] [--format jsonl] [--input files|xlsx|csv]
                                     [--corpus DIR] [--keep]

Each document is a corpus report (``*.txt``, cycled) with one added line, so every sha256 differs and the
mix of report sizes is the corpus's own. ``--input files`` writes each to a file of its own (a folder);
``--input xlsx`` and ``--input csv`` write them as the rows of one dataset (年份, 地区, 报告全文, 字数 columns,
the way researchers' datasets come; reports longer than an Excel cell holds are left out of the cycle for both),
which `govreport batch` reads as a stream: its peak memory must not grow with the rows.

Each configuration runs `govreport batch` as a subprocess and reports wall time, documents/s, characters/s,
the speed-up over the first --jobs value, the CPU time of all processes and of the parent (the one writer),
and memory: the peak of the summed PSS of the batch's processes (proportional set size, so pages the forked
workers share with the parent count once; sampled from /proc every 0.1 s on Linux), the same peak over the
first quarter of the run only (equal = memory does not grow with the number of documents; for xlsx, which is
saved whole at the end, the first quarter of the run's time), the peak of their summed RSS (an upper bound)
and the largest single process (``getrusage(RUSAGE_CHILDREN).ru_maxrss``). Numbers are for this machine:
record them with the date, `nproc` and the load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
CMD = [sys.executable, "-c", "from extractor.cli import main; main()", "batch"]  # govreport batch


CORPUS = ROOT / "tests" / "data" / "docs"  # the corpus reports kept with the tests
SUFFIX = {"jsonl": ".jsonl", "csv": "", "sqlite": ".db", "xlsx": ".xlsx"}  # csv: a folder


def die(msg: str) -> NoReturn:
    """A missing input: one line on stderr, exit code 2."""
    print(f"batch_bench.py: error: {msg}", file=sys.stderr)
    sys.exit(2)


def generate(corpus: Path, n: int, dest: Path) -> int:
    from extractor.loaders import load_bytes

    seeds = [load_bytes(p.read_bytes(), p.name).text for p in sorted(corpus.glob("*.txt"))]
    chars = 0
    for i in range(n):
        text = f"{seeds[i % len(seeds)]}\n（副本{i}）\n"
        (dest / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


EXCEL_CELL = 32_767


def generate_dataset(corpus: Path, n: int, dest: Path, kind: str) -> int:
    """One sheet (or CSV) of ``n`` rows, written as a stream; returns the characters of its reports."""
    import csv

    from extractor.loaders import load_bytes

    seeds = [load_bytes(p.read_bytes(), p.name).text for p in sorted(corpus.glob("*.txt"))]
    seeds = [s for s in seeds if len(s) < EXCEL_CELL - 20]
    chars = 0

    def rows():  # type: ignore[no-untyped-def]
        nonlocal chars
        yield ["年份", "地区", "报告全文", "字数"]
        for i in range(n):
            text = f"{seeds[i % len(seeds)]}\n（副本{i}）\n"
            chars += len(text)
            yield [2000 + i % 25, f"地区{i}", text, len(text)]

    if kind == "csv":
        with open(dest, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows())
        return chars
    import xlsxwriter

    # Excel keeps every text cell in the workbook's table of shared strings, which a reader must hold whole:
    # written that way (not as inline strings, which constant_memory would write), the benchmark measures it.
    wb = xlsxwriter.Workbook(str(dest), {"constant_memory": False, "strings_to_numbers": False})
    ws = wb.add_worksheet("reports")
    for r, row in enumerate(rows()):
        for c, v in enumerate(row):
            ws.write(r, c, v)
    wb.close()
    return chars


def _pss(pid: int) -> int | None:
    """Proportional set size (bytes): shared pages (the forked workers share the parent's loaded data)
    counted once in total."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _tree_mem(root_pid: int) -> tuple[int, int]:
    """Summed RSS and summed PSS (bytes) of root_pid and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d))
        rss[int(d)] = pages * page
    total_rss = total_pss = 0
    stack = [root_pid]
    while stack:
        pid = stack.pop()
        total_rss += rss.get(pid, 0)
        pss = _pss(pid)
        total_pss += pss if pss is not None else rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total_rss, total_pss


def run(src: Path, out: Path, jobs: int, fmt: str, n: int) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    args = [*CMD, str(src), "--out", str(out), "--format", fmt, "-j", str(jobs), "-q"]
    proc = subprocess.Popen(args)
    peak = peak_q1 = peak_rss = 0
    parent_cpu = 0.0
    done_q1 = False
    samples: list[tuple[float, int]] = []  # (seconds since start, summed PSS)
    stop = threading.Event()
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def sample() -> None:
        nonlocal peak, peak_q1, peak_rss, done_q1, parent_cpu
        linux = os.path.isdir("/proc/self")
        while not stop.is_set():
            if linux:
                try:  # the one writer's own CPU time: it must stay small next to the workers'
                    with open(f"/proc/{proc.pid}/stat", "rb") as f:
                        fields = f.read().rsplit(b")", 1)[1].split()
                    parent_cpu = (int(fields[11]) + int(fields[12])) / tick
                except (OSError, IndexError, ValueError):
                    pass
                rss, pss = _tree_mem(proc.pid)
                peak, peak_rss = max(peak, pss), max(peak_rss, rss)
                samples.append((time.perf_counter() - t0, pss))
                if not done_q1:
                    peak_q1 = max(peak_q1, pss)
                    done_q1 = _progress(out, fmt) >= n / 4
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    rc = proc.wait()
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if rc != 0:
        sys.exit(f"batch failed with exit code {rc}")
    if fmt == "xlsx":  # nothing to count before the workbook is saved: the first quarter of the time instead
        peak_q1 = max((p for t, p in samples if t <= wall / 4), default=0)
    return {
        "wall": wall,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "parent_cpu": parent_cpu,
        "peak_sum_mb": peak / 1e6,
        "peak_rss_mb": peak_rss / 1e6,
        "peak_sum_q1_mb": peak_q1 / 1e6,
        "maxrss_mb": after.ru_maxrss / 1024,  # kilobytes on Linux: the largest single process so far
    }


def _progress(out: Path, fmt: str) -> int:
    if fmt == "xlsx":
        return 0
    try:
        if fmt == "jsonl":
            with open(out, "rb") as f:
                return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
        if fmt == "csv":
            with open(out / "documents.csv", "rb") as f:
                return max(0, f.read().count(b"\n") - 1)
        import sqlite3

        con = sqlite3.connect(f"file:{out}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except Exception:
        return 0


def count_docs(out: Path, fmt: str) -> tuple[int, int]:
    if fmt == "jsonl":
        n = chars = 0
        with open(out, encoding="utf-8") as f:
            for line in f:
                n += 1
                chars += json.loads(line)["source"]["chars"]
        return n, chars
    if fmt == "sqlite":
        import sqlite3

        con = sqlite3.connect(out)
        n, chars = con.execute("SELECT count(*), sum(chars) FROM documents").fetchone()
        con.close()
        return n, chars
    if fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(out, read_only=True)
        col = [c.value for c in next(wb["documents"].iter_rows(max_row=1))].index("chars")
        rows = list(wb["documents"].iter_rows(min_row=2, values_only=True))
        wb.close()
        return len(rows), sum(r[col] for r in rows)
    import csv

    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return len(rows), sum(int(r["chars"]) for r in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values; the first is the baseline")
    ap.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "sqlite", "xlsx"])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of .txt reports (default: tests/data/docs)")
    ap.add_argument(
        "--input", default="files", choices=["files", "xlsx", "csv"], help="a folder of files, or one dataset"
    )
    ap.add_argument("--keep", action="store_true", help="keep the generated files and outputs")
    a = ap.parse_args()
    jobs_list = [int(x) for x in a.jobs.split(",")]
    if not a.corpus.is_dir():
        die(f"no such folder: {a.corpus}")
    if not any(a.corpus.glob("*.txt")):
        die(f"no .txt reports in {a.corpus}")
    work = Path(tempfile.mkdtemp(prefix="govreport-batch-bench-"))
    try:
        if a.input == "files":
            src = work / "in"
            src.mkdir()
            chars = generate(a.corpus, a.docs, src)
        else:
            src = work / f"dataset.{a.input}"
            chars = generate_dataset(a.corpus, a.docs, src, a.input)
        print(f"# govreport batch benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
        print(
            f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"load average at start {os.getloadavg()[0]:.2f}"
        )
        print(
            f"# {a.docs} documents, {chars:,} characters ({chars / a.docs:,.0f} per document), --format {a.format}, "
            f"input: {a.input if a.input == 'files' else f'one {a.input} dataset ({src.stat().st_size / 1e6:.0f} MB)'}"
        )
        print()
        print(
            "| jobs | wall s | docs/s | chars/s | speed-up | CPU s (writer) | peak PSS all processes MB "
            "(first quarter) | peak RSS sum MB | largest process MB | load after |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        base_wall = None
        results = []
        for jobs in jobs_list:
            out = work / f"out{jobs}{SUFFIX[a.format]}"
            r = run(src, out, jobs, a.format, a.docs)
            n, c = count_docs(out, a.format)
            assert n == a.docs, (n, a.docs)
            base_wall = base_wall or r["wall"]
            r.update(jobs=jobs, docs_s=n / r["wall"], chars_s=c / r["wall"], speedup=base_wall / r["wall"])
            results.append(r)
            print(
                f"| {jobs} | {r['wall']:.1f} | {r['docs_s']:.1f} | {r['chars_s']:,.0f} | {r['speedup']:.2f}x "
                f"| {r['cpu']:.1f} ({r['parent_cpu']:.1f}) | {r['peak_sum_mb']:.0f} ({r['peak_sum_q1_mb']:.0f}) "
                f"| {r['peak_rss_mb']:.0f} "
                f"| {r['maxrss_mb']:.0f} | {os.getloadavg()[0]:.2f} |",
                flush=True,
            )
            if not a.keep:
                shutil.rmtree(out, ignore_errors=True) if out.is_dir() else out.unlink(missing_ok=True)
        print()
        best = max(results, key=lambda r: r["docs_s"])
        # memory grown after the first quarter, carried on in proportion to 10,000 documents (a bound: a
        # flat run, one whose memory does not grow with the documents, stays at its peak)
        growth = max(0.0, best["peak_sum_mb"] - best["peak_sum_q1_mb"])
        mem_10k = best["peak_sum_mb"] + growth * max(0, 10000 - a.docs) / (0.75 * a.docs)
        print(
            f"Extrapolation to 10,000 documents with --jobs {best['jobs']}: about "
            f"{10000 / best['docs_s'] / 60:.0f} min; peak memory about {mem_10k:.0f} MB "
            f"({best['peak_sum_mb']:.0f} MB for {a.docs}, plus its growth after the first quarter carried on "
            f"linearly; at most 2 x jobs documents are in flight, results are written as they arrive)."
        )
        print(f"Load average at end: {os.getloadavg()[0]:.2f}")
    finally:
        if a.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
