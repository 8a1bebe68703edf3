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

ROOT = Path(__file__).resolve().parent.parent


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("*.txt"))


def throughput(files: list[Path], repeat: int) -> tuple[float, int, float, float]:
    from extractor.api import extract_bytes

    blobs = [(p.name, p.read_bytes()) for p in files]
    chars = 0
    extract_bytes(blobs[0][1], blobs[0][0])  # warm the data caches once, as a batch worker would
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for name, data in blobs:
            doc = extract_bytes(data, name)
            chars += doc.source.chars
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    # CPU time as well: on a shared machine the wall clock also counts waiting for a core.
    return chars / dt, chars // repeat, dt / repeat, chars / cpu


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
    sample = (ROOT / "samples" / "hongshan_2019.txt").read_bytes()
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
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "docs")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-hostile", action="store_true")
    args = ap.parse_args()
    machine = f"{platform.machine()} {platform.processor() or ''}".strip()
    print(f"machine: {machine} cores={os.cpu_count()} python={platform.python_version()}")
    files = corpus_files(args.corpus)
    cps, chars, per_pass, cpu_cps = throughput(files, args.repeat)
    print(f"corpus: {len(files)} files, {chars} characters, {per_pass:.2f} s per pass")
    print(f"throughput (whole pipeline, one core): {cps:,.0f} chars/s = {cps * 3 / 1e6:.2f} MB/s of UTF-8 report text")
    load = os.getloadavg()[0]
    print(f"  per CPU second: {cpu_cps:,.0f} chars/s = {cpu_cps * 3 / 1e6:.2f} MB/s (load average {load:.2f})")
    print(f"start-up `govreport --help` (median of 7): {startup():.3f} s")
    if not args.no_hostile:
        for label, dt, res in hostile():
            print(f"  {label:40s} {dt:7.2f} s  {res}")


if __name__ == "__main__":
    main()
