"""Throughput of the whole pipeline on the corpus, CLI start-up time, and hostile-input timings.

    python benchmarks/bench.py [--corpus DIR] [--repeat N]

Prints one table. Numbers are for this machine: record them with the date and `nproc`/CPU model.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent


CORPUS = ROOT / "tests" / "data" / "docs"  # the corpus reports kept with the tests
SAMPLE = ROOT / "samples" / "hongshan_2019.txt"


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("*.txt"))


def die(msg: str) -> NoReturn:
    """A missing input: one line on stderr, exit code 2."""
    print(f"bench.py: error: {msg}", file=sys.stderr)
    sys.exit(2)


# What each row extracts; "indicators" is the core issue's pipeline, None is everything (the default).
PIPELINES: dict[str, list[str] | None] = {
    "core steps (only=[])": [],
    "+ indicators": ["indicators"],
    "+ indicators, goals": ["indicators", "goals"],
    "+ indicators, projects": ["indicators", "projects"],
    "everything (default)": None,
}


def throughput(files: list[Path], repeat: int) -> tuple[int, dict[str, list[float]]]:
    """CPU seconds of each pass over the corpus, per pipeline. Passes of the pipelines are interleaved, so a
    slow spell of a shared machine hits all of them alike."""
    from extractor.api import extract_bytes

    blobs = [(p.name, p.read_bytes()) for p in files]
    chars = sum(extract_bytes(data, name).source.chars for name, data in blobs)  # also warms the data caches
    times: dict[str, list[float]] = {k: [] for k in PIPELINES}
    for _ in range(repeat):
        for label, only in PIPELINES.items():
            c0 = time.process_time()
            for name, data in blobs:
                extract_bytes(data, name, only=only)
            times[label].append(time.process_time() - c0)
    return chars, times


def startup(n: int = 7) -> float:
    exe = Path(sys.executable).with_name("govreport")
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "extractor", "--help"]
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def hostile() -> list[tuple[str, float, str]]:
    from extractor import extract
    from extractor.errors import InputError
    from extractor.loaders import load_bytes

    mb = 1024 * 1024
    out = []
    for unit in ["1234567890", "万万万万万", "%%%%%", "一一一一一", "1-2-3-", "1,1,1,1,"]:
        text = unit * (mb // len(unit))
        t0 = time.perf_counter()
        doc = extract(text)
        out.append((f"1 MB of {unit!r}", time.perf_counter() - t0, f"{len(doc.quantities)} quantities"))
    for label, data in [
        ("empty file", b""),
        ("PNG renamed .txt", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
        ("invalid bytes", b"\x80\xfd\xfe\xff" * 1000),
    ]:
        t0 = time.perf_counter()
        try:
            load_bytes(data, "x.txt")
            res = "read"
        except InputError as e:
            res = f"error: {e.reason}"
        out.append((label, time.perf_counter() - t0, res))
    big = ROOT / "benchmarks" / ".big.txt"
    sample = SAMPLE.read_bytes()
    big.write_bytes(sample * (50 * mb // len(sample) + 1))
    try:
        from extractor.loaders import load

        t0 = time.perf_counter()
        try:
            load(str(big))
            res = "read"
        except InputError as e:
            res = f"error: {e.reason}"
        out.append(("50 MB text (default --max-bytes)", time.perf_counter() - t0, res))
    finally:
        big.unlink()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of .txt reports (default: tests/data/docs)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-hostile", action="store_true")
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    if not files:
        die(f"no .txt reports in {args.corpus}" if args.corpus.is_dir() else f"no such folder: {args.corpus}")
    if not args.no_hostile and not SAMPLE.is_file():
        die(f"no such file: {SAMPLE}")
    machine = f"{platform.machine()} {platform.processor() or ''}".strip()
    print(f"machine: {machine} cores={os.cpu_count()} python={platform.python_version()}")
    chars, times = throughput(files, args.repeat)
    print(f"corpus: {len(files)} files, {chars} characters; {args.repeat} passes each, CPU time on one core")
    print(f"load average {os.getloadavg()[0]:.2f}; best pass is the figure to quote, the median shows the noise")
    core = min(times["+ indicators"])
    for label, ts in times.items():
        best, med = min(ts), statistics.median(ts)
        print(
            f"  {label:24s} best {chars / best:9,.0f} chars/s = {chars / best * 3 / 1e6:.2f} MB/s"
            f"   median {chars / med:9,.0f} chars/s   vs + indicators {core / best:.2f}"
        )
    print(f"start-up `govreport --help` (median of 7): {startup():.3f} s")
    if not args.no_hostile:
        for label, dt, res in hostile():
            print(f"  {label:40s} {dt:7.2f} s  {res}")


if __name__ == "__main__":
    main()
