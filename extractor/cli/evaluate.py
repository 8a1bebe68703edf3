"""`govreport evaluate`: score an extraction (or extract a report and score it) against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from extractor.cli.app import command, fail, max_bytes_option, warn


def _f(x: Any) -> str:
    return "—" if x is None else f"{x:.3f}"


def _acc(label: str, x: Any) -> str:
    return f"{label} {_f(x)}"


def _prf(m: dict[str, Any]) -> list[str]:
    return [_f(m["precision"]), _f(m["recall"]), _f(m["f1"])]


def _meta_counts(meta: dict[str, Any]) -> tuple[int, int, float | None]:
    """(fields right, fields checked, accuracy) of one document's metadata or of a micro average."""
    if "checked" in meta:  # a micro average
        return meta["correct"], meta["checked"], meta["acc"]
    ok = sum(bool(v) for v in meta.values())
    return ok, len(meta), ok / len(meta) if meta else None


def _metric_rows(s: dict[str, Any]) -> list[list[str]]:
    """Rows of the one-document (or micro-average) table: metric, P, R, F1, counts, attribute accuracies."""
    q, ind, g, p = s["quantities"], s["indicators"], s["goals"], s["projects"]
    meta = s["meta"]
    ok, checked, meta_acc = _meta_counts(meta)
    meta_counts = f"{ok}/{checked} fields right"
    meta_detail = "" if "checked" in meta else " ".join(f"{k} {'✓' if v else '✗'}" for k, v in meta.items())
    return [
        [
            "quantities",
            *_prf(q),
            f"tp {q['tp']} · fp {q['fp']} · fn {q['fn']}",
            f"approx {_f(s['approx_acc'])} · negatives hit {s['negatives_hit']} · span errors {s['span_errors']}",
        ],
        [
            "indicators",
            *_prf(ind),
            f"found {ind['found_as_indicator']}/{ind['gold']}"
            + (f" · predicted {ind['predicted']}" if "predicted" in ind else ""),
            " · ".join(_acc(k, ind[f"{k}_acc"]) for k in ("name", "year", "change", "rank")),
        ],
        [
            "goals",
            "—",
            _f(g["recall"]),
            "—",
            f"found {g['found']}/{g['gold']} · predicted {g['predicted']} · before plan {g['outside_plan']}",
            "",
        ],
        [
            "targets",
            "—",
            _f(g["targets_recall"]),
            "—",
            f"found {g['targets_found']}/{g['targets_gold']}",
            f"{_acc('value', g['value_acc'])} · {_acc('qualifier', g['qualifier_acc'])}",
        ],
        [
            "projects",
            *_prf(p),
            f"tp {p['tp']} · fp {p['fp']} · fn {p['fn']}",
            f"{_acc('status', p['status_acc'])} · {_acc('quantities', p['quantities_acc'])}",
        ],
        ["metadata", "—", _f(meta_acc), "—", meta_counts, meta_detail],
    ]


DOC_COLUMNS = [
    "document", "qty\nP", "qty\nR", "qty\nF1", "ind\nP", "ind\nR", "ind\nname", "ind\nyear", "ind\nchange",
    "goals\nR", "tgt\nR", "tgt\nvalue", "tgt\nqual", "proj\nP", "proj\nR", "meta\nok", "span\nerr",
]  # fmt: skip


def _doc_row(name: str, s: dict[str, Any]) -> list[str]:
    q, ind, g, p, meta = s["quantities"], s["indicators"], s["goals"], s["projects"], s["meta"]
    ok, checked, _ = _meta_counts(meta)
    meta_s = f"{ok}/{checked}"
    return [
        name,
        *_prf(q),
        _f(ind["precision"]),
        _f(ind["recall"]),
        *(_f(ind[f"{k}_acc"]) for k in ("name", "year", "change")),
        _f(g["recall"]),
        _f(g["targets_recall"]),
        _f(g["value_acc"]),
        _f(g["qualifier_acc"]),
        _f(p["precision"]),
        _f(p["recall"]),
        meta_s,
        str(s["span_errors"]),
    ]


def _print(results: list, micro: dict[str, Any] | None, folder: bool) -> None:
    import shutil
    import sys

    from rich import box
    from rich.console import Console
    from rich.table import Table

    width = shutil.get_terminal_size((160, 24)).columns if sys.stdout.isatty() else 160
    con = Console(width=max(width, 100), highlight=False, soft_wrap=False)
    ok = [r for r in results if r.scores is not None]
    if folder:
        t = Table(title="Per document", box=box.SIMPLE_HEAVY, title_justify="left")
        for i, col in enumerate(DOC_COLUMNS):
            t.add_column(col, no_wrap=True, justify="left" if i == 0 else "right")
        for r in results:
            t.add_row(*(_doc_row(r.name, r.scores) if r.scores is not None else [r.name]))
        if micro is not None:
            t.add_section()
            t.add_row(*_doc_row(f"micro average ({len(ok)})", micro), style="bold")
        con.print(t)
    shown = micro if folder else (ok[0].scores if ok else None)
    if shown is None:
        return
    title = "Micro average over the documents" if folder else f"{ok[0].name}: {ok[0].target_path}"
    t = Table(title=title, box=box.SIMPLE_HEAVY, title_justify="left")
    for col, just in (
        ("metric", "left"),
        ("P", "right"),
        ("R", "right"),
        ("F1", "right"),
        ("counts", "left"),
        ("attributes", "left"),
    ):
        t.add_column(col, justify=just)  # type: ignore[arg-type]
    for row in _metric_rows(shown):
        t.add_row(*row)
    con.print(t)
    for r in results:
        if r.error:
            con.print(f"not scored: {r.name}: {r.error}", markup=False)
    if not folder:
        q = shown["quantities"]
        if q["missed"]:
            con.print(f"missed quantities: {', '.join(q['missed'])}", markup=False)
        if q["false_positives"]:
            con.print(f"false positive quantities: {', '.join(q['false_positives'])}", markup=False)
        if shown["projects"].get("extra"):
            con.print(f"extra projects: {', '.join(map(str, shown['projects']['extra']))}", markup=False)


@command()
def evaluate(
    gold: Path = typer.Argument(..., help="Gold annotation (.json, offsets or context form), or a folder of them."),
    target: Path = typer.Argument(
        ..., help="A prediction (the JSON of `govreport extract`) or a report to extract; or a folder of them."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON instead of tables."),
    text: Path | None = typer.Option(
        None, "--text", help="The report whose text the spans index, when TARGET is a prediction without it."
    ),
    max_bytes: int = max_bytes_option("Refuse reports larger than this many bytes."),
) -> None:
    """Score extraction against gold annotations: P/R/F1 and attribute accuracy, per document and micro-averaged.

    GOLD and TARGET are files, or folders: each gold file is paired with the report or prediction of the same name
    (or the one its 'report' field names, or the only one whose name starts with the gold's name).

    Example: govreport evaluate tests/gold/hongshan.json samples/hongshan_2019.txt
    """
    from extractor.errors import InputError
    from extractor.evaluate import GoldError, Result, evaluate_one, match_target, micro_average, pair_folder

    if not gold.exists():
        fail(f"{gold}: no such file")
    if not target.exists():
        fail(f"{target}: no such file")
    folder = gold.is_dir()
    if folder and not target.is_dir():
        raise typer.BadParameter("when GOLD is a folder, TARGET must be a folder of reports or predictions")
    if folder:
        pairs = pair_folder(gold, target)
        if not pairs:
            fail(f"{gold}: no gold files (*.json) in this folder")
    elif target.is_dir():
        pairs = [(gold, *match_target(gold, target))]
    else:
        pairs = [(gold, target, "")]

    results: list[Result] = []
    for g, t, why in pairs:
        if t is None:
            results.append(Result(g.stem, str(g), None, error=why))
            continue
        try:
            results.append(evaluate_one(g, t, text_path=text, max_bytes=max_bytes))
        except (GoldError, InputError) as e:
            results.append(Result(g.stem, str(g), str(t), error=str(e)))
        except Exception as e:  # an extraction bug must not stop the other documents
            results.append(Result(g.stem, str(g), str(t), error=f"failed ({type(e).__name__}: {e})"))
    scored = [r for r in results if r.scores is not None]
    if not scored:
        if len(results) == 1:
            fail(results[0].error or "not scored")
        for r in results:
            warn(f"{r.name}: {r.error}")
        fail("no document could be scored")
    if as_json:  # the tables list them; JSON readers get them on stderr too
        for r in results:
            if r.error:
                warn(f"{r.name}: {r.error}")
    micro = micro_average(r.scores for r in scored)
    if as_json:
        doc = {"documents": [r.as_json() for r in results], "micro_average": micro}
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=1))
        return
    _print(results, micro if folder or len(results) > 1 else None, folder or len(results) > 1)
