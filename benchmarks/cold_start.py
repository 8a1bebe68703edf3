"""Cold start of one `govreport` command, as a person or a shell loop pays it: a new process each time.

    python benchmarks/cold_start.py [--runs 7] [--tree /work/wt-base] [--] [ARGS ...]

Runs `govreport ARGS` (default: `extract samples/hongshan_2019.txt -o /dev/null`) as a fresh Python process
``--runs`` times and prints the median and the range of the wall times, and the median CPU time (user +
system) of the process, which a busy machine disturbs much less than the wall time. With ``--tree DIR`` (repeatable), it
runs each checkout's code in turn (PYTHONPATH=DIR), alternating, so that a busy spell of a shared machine hits
all of them alike; without it, the code of this checkout.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ["extract", str(ROOT / "samples" / "hongshan_2019.txt"), "-o", os.devnull]
CODE = "import sys; from extractor.cli import main; sys.argv[0] = 'govreport'; main()"


def die(msg: str) -> NoReturn:
    print(f"cold_start.py: error: {msg}", file=sys.stderr)
    sys.exit(2)


def once(tree: Path, args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", CODE, *args], env=env, cwd=tree, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        die(f"{tree}: govreport {' '.join(args)} failed: {r.stderr.decode(errors='replace').strip()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--tree", type=Path, action="append", help="a checkout to time (repeatable)")
    ap.add_argument("args", nargs="*", help="the govreport arguments (after --)")
    a = ap.parse_args()
    trees = [t.resolve() for t in a.tree or [ROOT]]
    for t in trees:
        if not (t / "extractor" / "cli").is_dir():
            die(f"{t}: not a govreport checkout (no extractor/cli)")
    args = a.args or DEFAULT
    times: dict[Path, list[tuple[float, float]]] = {t: [] for t in trees}
    for t in trees:
        once(t, args)  # warm the file cache and the .pyc files, not counted
    for _ in range(a.runs):
        for t in trees:
            times[t].append(once(t, args))
    print(
        f"# govreport {' '.join(args)}: wall seconds over {a.runs} runs, {time.strftime('%Y-%m-%d %H:%M')}, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    for t, ts in times.items():
        wall = [w for w, _ in ts]
        cpu = statistics.median(c for _, c in ts)
        print(
            f"{t}: wall median {statistics.median(wall):.3f} s (min {min(wall):.3f}, max {max(wall):.3f}), "
            f"CPU {cpu:.3f} s"
        )


if __name__ == "__main__":
    main()
