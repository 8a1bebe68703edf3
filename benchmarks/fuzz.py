"""The long fuzz run outside CI: mutated HTML, DOCX, PDF and encoded-text files through ``extract_bytes``, and
mutated corpus slices through ``extract``. tests/test_fuzz.py runs the same mutations with a small fixed budget.

    python benchmarks/fuzz.py [--n 100000] [--formats html,docx,pdf,text,slices] [--jobs 2] [--seed 0]
                              [--corpus tests/data/docs] [--out fuzz-report.json]

Every input must give a Document or an ``InputError`` whose message is one line starting with the file's
name; a corpus slice must give a Document whose spans quote the text and which validates against
schemas/document.schema.json. Anything else is a failure, grouped by its signature (exception type and the
line that raised it), with the first inputs that showed it written to --out so they can be replayed:
``python benchmarks/fuzz.py --replay fuzz-report.json``. Inputs are numbered; input i of a format is built
from ``random.Random(f"{seed}:{format}:{i}")``, so a run is reproducible and can be split or resumed.

An input that takes longer than --slow seconds is stopped (SIGALRM) and counted as slow, not as a failure:
slowness is the hostile-shape benchmark's business, and a stopped input would stall the run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fixtures import fuzzing as F  # noqa: E402

FORMATS = (*F.FORMATS, "slices")
CHUNK = 500  # inputs per task


class Slow(BaseException):
    """Raised by the time limit: a BaseException, so that no `except Exception` of the code under test (or of
    check()) takes a stopped input for a failure."""


def _alarm(*_: object) -> None:
    raise Slow


# ---------------------------------------------------------------------------------------------------- inputs


def _slice_sources(corpus: str | None) -> list[str]:
    from extractor.loaders import load_bytes

    texts = [(ROOT / "samples" / "hongshan_2019.txt").read_bytes().decode("utf-8-sig")]
    if corpus and Path(corpus).is_dir():
        for p in sorted(Path(corpus).iterdir()):
            if p.is_file():
                texts.append(load_bytes(p.read_bytes(), p.name).text)
    return texts


def build(fmt: str, seed: int, i: int, sources: list[str]) -> tuple[str, Any, list[Any]]:
    """(name, input, recipe) of input ``i``: bytes for a loader format, str for a slice."""
    rng = random.Random(f"{seed}:{fmt}:{i}")
    if fmt == "slices":
        k = rng.randrange(len(sources))
        start, length = rng.randrange(len(sources[k])), rng.choice((50, 200, 500, 1000, 2000))
        base = F.slice_of(sources[k], start, length)
        ops = F.random_text_ops(rng, len(base))
        return f"slice{k}", F.mutate_text(base, ops), ["slice", k, start, length, ops]
    name, data = rng.choice(F.seeds()[fmt])
    if fmt == "docx" and rng.random() < 0.3:
        member = rng.randrange(len(F.docx_members(data)))
        ops = F.random_byte_ops(rng, 4096)
        return name, F.mutate_docx_member(data, member, ops), ["member", name, member, ops]
    ops = F.random_byte_ops(rng, len(data))
    return name, F.mutate_bytes(data, ops), ["bytes", name, ops]


def _signature(e: BaseException) -> str:
    tb = traceback.extract_tb(e.__traceback__)
    ours = [f for f in tb if "/extractor/" in f.filename] or tb
    last = tb[-1] if tb else None
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    raised = f" (raised in {Path(last.filename).name}:{last.lineno})" if last and last is not ours[-1] else ""
    return f"{type(e).__module__}.{type(e).__qualname__} at {where}{raised}"


def check(fmt: str, name: str, value: Any, validator: Any) -> str | None:
    """None when the input behaved; else a failure signature."""
    from extractor.api import extract, extract_bytes
    from extractor.errors import InputError

    if fmt == "slices":
        try:
            doc = extract(value)
        except Exception as e:
            return _signature(e)
        bad = F.grounding_errors(doc, value)
        if bad:
            return "ungrounded: " + bad[0].split(" ", 1)[0]
        errors = list(validator.iter_errors(doc.model_dump(mode="json")))
        if errors:
            return f"schema: {errors[0].message[:80]}"
        return None
    try:
        extract_bytes(value, name)
    except InputError as e:
        msg = str(e)
        if not msg.startswith(f"{name}: ") or "\n" in msg or not e.reason.strip():
            return f"InputError message: {msg[:60]!r}"
        return None
    except Exception as e:
        return _signature(e)
    return None


def run_chunk(fmt: str, seed: int, start: int, count: int, corpus: str | None, slow: float) -> dict[str, Any]:
    import jsonschema

    sources = _slice_sources(corpus) if fmt == "slices" else []
    schema = json.loads((ROOT / "schemas" / "document.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    signal.signal(signal.SIGALRM, _alarm)
    counts: Counter[str] = Counter()
    failures: dict[str, list[Any]] = {}
    slow_inputs: list[int] = []
    t0 = time.perf_counter()
    for i in range(start, start + count):
        name, value, recipe = build(fmt, seed, i, sources)
        signal.setitimer(signal.ITIMER_REAL, slow)
        try:
            sig = check(fmt, name, value, validator)
        except Slow:
            slow_inputs.append(i)
            counts["slow"] += 1
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        counts["inputs"] += 1
        if sig is None:
            counts["ok"] += 1
        else:
            counts["failed"] += 1
            entry = failures.setdefault(sig, [0, []])
            entry[0] += 1
            if len(entry[1]) < 3:
                entry[1].append({"i": i, "recipe": repr(recipe)[:2000]})
    return {
        "format": fmt,
        "counts": dict(counts),
        "failures": failures,
        "slow": slow_inputs,
        "seconds": time.perf_counter() - t0,
    }


# ---------------------------------------------------------------------------------------------------- driver


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="inputs per format")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--start", type=int, default=0, help="first input number (to split or resume a run)")
    ap.add_argument("--corpus", default=str(ROOT / "tests" / "data" / "docs"))
    ap.add_argument("--slow", type=float, default=20.0, help="seconds after which an input is stopped")
    ap.add_argument("--out", default="fuzz-report.json")
    ap.add_argument("--replay", help="a report written by --out: run its failing inputs again, with tracebacks")
    a = ap.parse_args()
    if a.replay:
        replay(a.replay, a.corpus)
        return
    formats = [f.strip() for f in a.formats.split(",") if f.strip()]
    for f in formats:
        if f not in FORMATS:
            sys.exit(f"unknown format {f}; choose from {', '.join(FORMATS)}")
    totals: dict[str, Counter[str]] = {f: Counter() for f in formats}
    fails: dict[str, dict[str, list[Any]]] = {f: {} for f in formats}
    slow: dict[str, list[int]] = {f: [] for f in formats}
    crashed: list[str] = []
    seconds: Counter[str] = Counter()
    t0 = time.time()
    tasks = [(f, s, min(CHUNK, a.start + a.n - s)) for f in formats for s in range(a.start, a.start + a.n, CHUNK)]
    print(f"# fuzz: {len(formats)} formats x {a.n} inputs, {len(tasks)} tasks, {a.jobs} processes", flush=True)
    done = 0
    with ProcessPoolExecutor(max_workers=a.jobs) as pool:
        futs = {pool.submit(run_chunk, f, a.seed, s, c, a.corpus, a.slow): (f, s, c) for f, s, c in tasks}
        for fut in as_completed(futs):
            f, s, c = futs[fut]
            try:
                r = fut.result()
            except BrokenProcessPool:
                crashed.append(f"{f} {s}..{s + c - 1}: a worker process died")
                continue
            except Exception as e:
                crashed.append(f"{f} {s}..{s + c - 1}: {type(e).__name__}: {e}")
                continue
            totals[f].update(r["counts"])
            seconds[f] += r["seconds"]
            slow[f] += r["slow"]
            for sig, (n, examples) in r["failures"].items():
                entry = fails[f].setdefault(sig, [0, []])
                entry[0] += n
                entry[1] = (entry[1] + examples)[:3]
            done += 1
            if done % 20 == 0 or done == len(tasks):
                summary = ", ".join(
                    f"{k} {v['inputs']}/{v['failed']}f/{v['slow']}s" for k, v in totals.items() if v["inputs"]
                )
                print(f"{time.time() - t0:7.0f}s {done}/{len(tasks)} tasks: {summary}", flush=True)
    report = {
        "seed": a.seed,
        "start": a.start,
        "n": a.n,
        "elapsed_s": round(time.time() - t0),
        "formats": {
            f: {
                "inputs": totals[f]["inputs"],
                "ok": totals[f]["ok"],
                "failed": totals[f]["failed"],
                "slow": totals[f]["slow"],
                "cpu_s": round(seconds[f]),
                "failures": fails[f],
                "slow_inputs": slow[f][:50],
            }
            for f in formats
        },
        "crashed_tasks": crashed,
    }
    Path(a.out).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\n| format | inputs | Document or InputError | failures | stopped as slow (> {a.slow:g} s) | CPU s |")
    print("|---|---|---|---|---|---|")
    for f in formats:
        t = totals[f]
        print(f"| {f} | {t['inputs']:,} | {t['ok']:,} | {t['failed']:,} | {t['slow']:,} | {seconds[f]:,.0f} |")
    for f in formats:
        for sig, (n, _) in sorted(fails[f].items(), key=lambda kv: -kv[1][0]):
            print(f"  {f}: {n} x {sig}")
    for c in crashed:
        print(f"  crashed: {c}")
    print(f"report: {a.out}")


def replay(path: str, corpus: str | None) -> None:
    """Run the recorded failing inputs again and print their tracebacks."""
    from extractor.api import extract, extract_bytes

    report = json.loads(Path(path).read_text("utf-8"))
    sources = _slice_sources(corpus)
    for fmt, info in report["formats"].items():
        for sig, (_, examples) in info["failures"].items():
            for ex in examples[:1]:
                name, value, _ = build(fmt, report["seed"], ex["i"], sources)
                print(f"== {fmt} input {ex['i']}: {sig}")
                try:
                    doc = extract(value) if fmt == "slices" else extract_bytes(value, name)
                    if fmt == "slices":
                        print("\n".join(F.grounding_errors(doc, value)[:5]))
                except Exception:
                    traceback.print_exc()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
