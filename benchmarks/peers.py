"""govreport's quantity extraction against other Chinese number parsers, on the sample and its gold annotation.

    pip install -e '.[bench]'          # jionlp, cn2an, chinese2digits (opencc comes with govreport)
    python benchmarks/peers.py [--gold GOLD.json] [--text REPORT.txt] [--min-seconds 1.0]

Peers (each used through its public API, offline):
  jionlp          jio.ner.extract_money(text, with_parsing=True): money mentions with offsets and a value in 元
                  (jionlp has no general number or percent extractor);
  cn2an           cn2an.transform(text, "cn2an"): the text with Chinese numerals turned into digits; its mentions
                  are the numbers in the output (with a following %), mapped back to the input by a character diff;
  chinese2digits  takeNumberFromString(text): the text with numbers normalized (replacedText), read like cn2an's.

Gold: every non-optional quantity of the gold file (money = base unit 元, percent = % or 个百分点, other = the
rest), on the traditional text and on its simplified copy (OpenCC t2s; the offsets stay valid).
A gold mention is found when a mention of the tool overlaps it with the same value (a percent may also be given
as a fraction: 5.1% = 0.051; a range matches its low or high end). R span counts overlaps whatever the value.
P: mentions that find a gold mention, over all mentions except those on optional gold items.
Speed: characters per second of the call alone (imports and the first call, which loads dictionaries, are timed
apart as "load s"), repeated for at least --min-seconds. Numbers are for the machine printed above the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import importlib.metadata
import json
import os
import platform
import re
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Mention = tuple[int, int, float]  # start, end, value as the tool gives it
# a number in a tool's output; a minus right after a digit or % is a range dash (2-3个), not a sign
NUM = re.compile(r"(?:(?<![\d%])-)?\d+(?:\.\d+)?%?")


GOLD = ROOT / "tests" / "gold" / "hongshan.json"  # the sample's gold annotation, kept with the tests


def die(msg: str) -> NoReturn:
    """A missing or unreadable input: one line on stderr, exit code 2."""
    print(f"peers.py: error: {msg}", file=sys.stderr)
    sys.exit(2)


# --- the tools ---------------------------------------------------------------------------------------------------


def govreport_tool(records: bool) -> tuple[Callable[[], None], Callable[[str], list[Mention]]]:
    def load() -> None:
        from extractor import extract

        extract("2019年全镇完成工农业总产值7.5亿元，比2018年增长5.1%。")

    def run(text: str) -> list[Mention]:
        from extractor import extract

        doc = extract(text, only=None if records else [])
        return [(q.span.start, q.span.end, float(q.base_value)) for q in doc.quantities]

    return load, run


def jionlp_tool() -> tuple[Callable[[], None], Callable[[str], list[Mention]]]:
    def load() -> None:
        import jionlp

        jionlp.ner.extract_money("投资7.5亿元", with_parsing=True)

    def run(text: str) -> list[Mention]:
        import jionlp

        out = []
        for m in jionlp.ner.extract_money(text, with_parsing=True):
            num = (m.get("detail") or {}).get("num")
            if isinstance(num, list):
                num = num[0]
            try:
                value = float(num)
            except (TypeError, ValueError):
                value = float("nan")
            out.append((m["offset"][0], m["offset"][1], value))
        return out

    return load, run


def _cn2an_transform(text: str) -> str:
    import cn2an

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns on every 亿/万 it leaves alone
        return cn2an.transform(text, "cn2an")


def _back_map(src: str, out: str) -> list[tuple[int, int]]:
    """For each character of ``out``, the range of ``src`` it came from (a character diff)."""
    back: list[tuple[int, int]] = [(0, 0)] * len(out)
    sm = difflib.SequenceMatcher(None, src, out, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        for j in range(j1, j2):
            back[j] = (i1 + (j - j1), i1 + (j - j1) + 1) if op == "equal" else (i1, max(i2, i1 + 1))
    return back


def _transformed_mentions(text: str, out: str) -> list[Mention]:
    """The numbers of a transformed text, placed on the input through a character diff."""
    back = _back_map(text, out)
    res = []
    for m in NUM.finditer(out):
        s = back[m.start()][0]
        e = back[m.end() - 1][1]
        res.append((s, e, float(m.group().rstrip("%"))))
    return res


def cn2an_tool() -> tuple[Callable[[], None], Callable[[str], list[Mention]], Callable[[str], str]]:
    def load() -> None:
        _cn2an_transform("增长百分之五")

    return load, _transformed_mentions, _cn2an_transform


def _c2d_transform(text: str) -> str:
    import chinese2digits

    return chinese2digits.takeNumberFromString(text)["replacedText"]


def chinese2digits_tool() -> tuple[Callable[[], None], Callable[[str], list[Mention]], Callable[[str], str]]:
    def load() -> None:
        _c2d_transform("增长百分之五")

    return load, _transformed_mentions, _c2d_transform


# --- scoring -----------------------------------------------------------------------------------------------------


def category(base_unit: str) -> str:
    if base_unit == "元":
        return "money"
    if base_unit in ("%", "个百分点"):
        return "percent"
    return "other"


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))


def value_ok(v: float, g: dict) -> bool:
    gv = g["value"] if isinstance(g["value"], list) else [g["value"]]
    pct = category(g["base_unit"]) == "percent"
    return any(_close(v, float(x)) or (pct and _close(v * 100, float(x))) for x in gv)


def score(mentions: list[Mention], gold: list[dict]) -> dict:
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]

    def over(m: Mention, g: dict) -> bool:
        return m[0] < g["end"] and g["start"] < m[1]

    found = {c: 0 for c in ("money", "percent", "other")}
    total = {c: 0 for c in ("money", "percent", "other")}
    span_found = 0
    for g in required:
        c = category(g["base_unit"])
        total[c] += 1
        near = [m for m in mentions if over(m, g)]
        span_found += bool(near)
        found[c] += any(value_ok(m[2], g) for m in near)
    right = counted = 0
    for m in mentions:
        if any(over(m, g) and value_ok(m[2], g) for g in required):
            right += 1
            counted += 1
        elif any(over(m, g) for g in optional):
            continue
        else:
            counted += 1
    r = sum(found.values()) / len(required) if required else 0.0
    p = right / counted if counted else 0.0
    return {
        "reported": len(mentions),
        **{f"r_{c}": (found[c] / total[c] if total[c] else None) for c in found},
        "recall": r,
        "precision": p,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "r_span": span_found / len(required) if required else 0.0,
        "gold": total,
    }


def throughput(fn: Callable[[], object], chars: int, min_seconds: float) -> float:
    n, t0 = 0, time.perf_counter()
    while True:
        fn()
        n += 1
        dt_ = time.perf_counter() - t0
        if n >= 3 and dt_ >= min_seconds:
            return chars * n / dt_


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold annotation (default: tests/gold/hongshan.json)")
    ap.add_argument("--text", type=Path, default=ROOT / "samples" / "hongshan_2019.txt")
    ap.add_argument("--min-seconds", type=float, default=1.0, help="time each tool for at least this long")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON instead of a Markdown table")
    args = ap.parse_args(argv)

    for path in (args.gold, args.text):
        if not path.is_file():
            die(f"no such file: {path}")
    try:
        gold = json.loads(args.gold.read_text(encoding="utf-8"))["quantities"]
    except (ValueError, KeyError, TypeError) as e:
        die(f"{args.gold}: not a gold annotation with quantities ({e.__class__.__name__}: {e})")
    try:
        trad = args.text.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        die(f"{args.text}: not UTF-8 text")
    import opencc

    simp = opencc.OpenCC("t2s").convert(trad)
    if len(simp) != len(trad):  # keep the gold offsets valid
        from extractor.normalize import to_simplified

        simp = to_simplified(trad)

    tools: list[tuple[str, str, Callable[[], None], Callable[[str], list[Mention]], Callable[[str], object]]] = []
    for name, records in (("govreport", False), ("govreport (+indicators)", True)):
        load, run = govreport_tool(records)
        tools.append((name, "govreport", load, run, run))
    load, run = jionlp_tool()
    tools.append(("jionlp extract_money", "jionlp", load, run, run))
    for name, dist, make in (
        ("cn2an transform", "cn2an", cn2an_tool),
        ("chinese2digits", "chinese2digits", chinese2digits_tool),
    ):
        load, mentions, transform = make()
        tools.append((name, dist, load, lambda t, m=mentions, f=transform: m(t, f(t)), transform))

    rows = []
    for name, dist, load, run, timed in tools:
        if dist != "govreport" and _version(dist) == "not installed":
            rows.append({"tool": name, "error": f"{dist} is not installed (pip install -e '.[bench]')"})
            continue
        t0 = time.perf_counter()
        with open(os.devnull, "w") as devnull:  # jionlp prints a banner on import
            saved, sys.stdout = sys.stdout, devnull
            try:
                load()
            finally:
                sys.stdout = saved
        load_s = time.perf_counter() - t0
        for script, text in (("traditional", trad), ("simplified", simp)):
            s = score(run(text), gold)
            cps = throughput(lambda text=text, timed=timed: timed(text), len(text), args.min_seconds)
            rows.append({"tool": name, "script": script, **s, "chars_per_s": cps, "load_s": load_s})

    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    g = next(r["gold"] for r in rows if "gold" in r)
    versions = ", ".join(f"{d} {_version(d)}" for d in ("govreport", "jionlp", "cn2an", "chinese2digits", "opencc"))
    print(
        f"{dt.date.today().isoformat()} · {platform.machine()} {_cpu()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · {versions}"
    )
    print(
        f"gold: {args.gold.name} on {args.text.name} ({len(trad)} characters): {g['money']} money, "
        f"{g['percent']} percent, {g['other']} other quantities (optional items not counted)\n"
    )

    def f(x: float | None) -> str:
        return "—" if x is None else f"{x:.2f}"

    head = ["tool", "script", "mentions", "R money", "R percent", "R other", "R", "P", "F1", "R span", "chars/s",
            "load s"]  # fmt: skip
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" if i < 2 else "---:" for i in range(len(head))) + "|")
    for r in rows:
        if "error" in r:
            print(f"| {r['tool']} | {r['error']} |" + " |" * (len(head) - 2))
            continue
        cells = [r["tool"], r["script"], str(r["reported"]), f(r["r_money"]), f(r["r_percent"]), f(r["r_other"]),
                 f(r["recall"]), f(r["precision"]), f(r["f1"]), f(r["r_span"]), f"{r['chars_per_s']:,.0f}",
                 f"{r['load_s']:.2f}"]  # fmt: skip
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
