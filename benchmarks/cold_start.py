"""Cold start of `govreport` commands, as a person or a shell loop pays it: a new process each time.

    python benchmarks/cold_start.py [--runs 7] [--tree /tmp/base] [--fresh-cache] [--no-bytecode] [--] [ARGS ...]

Without ARGS it times three commands: ``govreport --help``, ``python -c "import extractor"`` and
``govreport extract samples/hongshan_2019.txt -o /dev/null``; with ARGS, ``govreport ARGS`` alone. Each runs as a
fresh Python process ``--runs`` times; it prints the median and the range of the wall times, and the median CPU
time (user + system) of the process, which a busy machine disturbs much less than the wall time. With ``--tree
DIR`` (repeatable), it runs each checkout's code in turn (PYTHONPATH=DIR), alternating, so that a busy spell of a
shared machine hits all of them alike; without it, the code of this checkout.

The children run as an installed tool does: Python writes and reuses its bytecode (``PYTHONDONTWRITEBYTECODE`` is
dropped from their environment; ``--no-bytecode`` keeps it, and every module is then compiled from source on every
run), and the user cache of compiled data (``~/.cache/govreport``) is the one a second call finds. Each tree gets a
cache directory of its own under a temporary folder. ``--fresh-cache`` gives every run an empty one instead: the
very first call after an install or a change of the data files.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hongshan_2019.txt"
CLI = "import sys; from extractor.cli import main; sys.argv[0] = 'govreport'; main()"
# label -> (python -c code, its arguments)
SUITE: dict[str, tuple[str, list[str]]] = {
    "govreport --help": (CLI, ["--help"]),
    "import extractor": ("import extractor", []),
    "govreport extract SAMPLE -o /dev/null": (CLI, ["extract", str(SAMPLE), "-o", os.devnull]),
}


def die(msg: str) -> NoReturn:
    print(f"cold_start.py: error: {msg}", file=sys.stderr)
    sys.exit(2)


def once(tree: Path, code: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=tree, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        die(f"{tree}: {code} {' '.join(args)} failed: {r.stderr.decode(errors='replace').strip()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--tree", type=Path, action="append", help="a checkout to time (repeatable)")
    ap.add_argument("--fresh-cache", action="store_true", help="an empty cache of compiled data for every run")
    ap.add_argument("--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE as it is set")
    ap.add_argument("args", nargs="*", help="the govreport arguments (after --); default: the three commands")
    a = ap.parse_args()
    if a.runs < 1:
        die("--runs must be at least 1")
    trees = [t.resolve() for t in a.tree or [ROOT]]
    for t in trees:
        if not (t / "extractor" / "cli").is_dir():
            die(f"{t}: not a govreport checkout (no extractor/cli)")
    if not SAMPLE.is_file():
        die(f"{SAMPLE}: the sample report is missing")
    suite = {f"govreport {' '.join(a.args)}": (CLI, a.args)} if a.args else SUITE
    with tempfile.TemporaryDirectory(prefix="cold_start-") as tmp:
        base_env = dict(os.environ)
        if not a.no_bytecode:
            base_env.pop("PYTHONDONTWRITEBYTECODE", None)
        envs = {t: dict(base_env, PYTHONPATH=str(t), XDG_CACHE_HOME=f"{tmp}/{i}") for i, t in enumerate(trees)}
        times: dict[tuple[str, Path], list[tuple[float, float]]] = {(k, t): [] for k in suite for t in trees}
        for code, args in suite.values():
            for t in trees:
                once(t, code, args, envs[t])  # writes the bytecode and the cache, warms the file cache: not counted
        for n in range(a.runs):
            for label, (code, args) in suite.items():
                for t in trees:
                    env = dict(envs[t], XDG_CACHE_HOME=f"{tmp}/fresh-{n}-{len(times[label, t])}-{t.name}")
                    times[label, t].append(once(t, code, args, env if a.fresh_cache else envs[t]))
        print(
            f"# wall and CPU seconds over {a.runs} runs, {time.strftime('%Y-%m-%d %H:%M')}, "
            f"load average {os.getloadavg()[0]:.2f}, nproc {os.cpu_count()}"
            + (", a fresh cache every run" if a.fresh_cache else "")
            + (", no bytecode" if a.no_bytecode else "")
        )
        for label in suite:
            print(f"{label}:")
            for t in trees:
                ts = times[label, t]
                wall = [w for w, _ in ts]
                cpu = statistics.median(c for _, c in ts)
                print(
                    f"  {t}: wall median {statistics.median(wall):.3f} s (min {min(wall):.3f}, max {max(wall):.3f}), "
                    f"CPU {cpu:.3f} s"
                )


if __name__ == "__main__":
    main()
