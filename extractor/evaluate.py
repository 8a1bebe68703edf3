"""Scoring an extraction against a gold annotation: the files and folders (the library under `govreport evaluate`).

The work is done beside it: ``extractor.gold`` reads a gold file and places its items in the report's text
(offsets or context form), ``extractor.scoring`` scores one document and adds scores up over many; this module
reads a prediction or extracts a report, pairs gold files with their inputs, and keeps the names callers import
from ``extractor.evaluate``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.gold import QUALIFIERS, QUANTITY_KINDS, GoldError, gold_report_path, read_gold, resolve_gold
from extractor.scoring import (
    UNIT_ALIASES,
    micro_average,
    names_agree,
    norm_unit,
    overlaps,
    prf,
    ratio,
    same_number,
    score,
    span_of,
    t2s,
    value_matches,
    walk_quantities,
)

__all__ = [
    "QUALIFIERS",
    "QUANTITY_KINDS",
    "UNIT_ALIASES",
    "GoldError",
    "Result",
    "evaluate_one",
    "gold_report_path",
    "match_target",
    "micro_average",
    "names_agree",
    "norm_unit",
    "overlaps",
    "pair_folder",
    "prf",
    "ratio",
    "read_gold",
    "read_prediction",
    "resolve_gold",
    "same_number",
    "score",
    "span_of",
    "t2s",
    "value_matches",
    "walk_quantities",
]


@dataclass
class Result:
    """One document's score, or the reason it has none."""

    name: str
    gold_path: str
    target_path: str | None
    scores: dict[str, Any] | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"document": self.name, "gold": self.gold_path, "input": self.target_path}
        if self.error:
            d["error"] = self.error
        else:
            d["scores"] = self.scores
        return d


def read_prediction(path: Path) -> dict | None:
    """The prediction in ``path`` when it is a JSON object with a document's keys; None when it is a report."""
    try:
        with path.open("rb") as f:
            head = f.read(1 << 26)
    except OSError:
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"{"):
        return None
    try:
        data = json.loads(head.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if isinstance(data, dict) and any(k in data for k in ("quantities", "indicators", "schema_version")):
        return data
    return None


def evaluate_one(
    gold_path: str | Path,
    target: str | Path,
    *,
    text_path: str | Path | None = None,
    max_bytes: int = 50 * 1024 * 1024,
) -> Result:
    """Score ``target`` (a prediction JSON or a report to extract) against the gold in ``gold_path``.

    The text the offsets index is, in order: ``text_path``; the report itself; the prediction's ``source.text``;
    the report the gold names in ``report``; the prediction's ``source.path``.
    Raises GoldError and InputError for what cannot be read.
    """
    from extractor.errors import InputError
    from extractor.loaders import load

    gold_path, target = Path(gold_path), Path(target)
    raw_gold = read_gold(gold_path)
    pred = read_prediction(target)
    text: str | None = None
    if text_path is not None:
        text = load(str(text_path), max_bytes).text
    if pred is None:
        loaded = load(str(target), max_bytes)
        from extractor.api import extract_loaded

        pred = json.loads(extract_loaded(loaded).model_dump_json())
        if text is None:
            text = loaded.text
    if text is None and isinstance((pred.get("source") or {}).get("text"), str):
        text = pred["source"]["text"]
    for cand in (gold_report_path(raw_gold, gold_path), (pred.get("source") or {}).get("path")):
        if text is None and cand and Path(cand).is_file():
            text = load(str(cand), max_bytes).text
    if text is None:
        raise InputError(
            str(target),
            "the prediction has no text to check spans against: pass --text REPORT, extract with --include-text, "
            "or name the report in the gold's 'report' field",
        )
    gold = resolve_gold(raw_gold, text, str(gold_path))
    return Result(
        name=gold_path.stem, gold_path=str(gold_path), target_path=str(target), scores=score(gold, pred, text)
    )


def pair_folder(gold_dir: Path, target_dir: Path) -> list[tuple[Path, Path | None, str]]:
    """Each gold file (``*.json``) with its report or prediction in ``target_dir`` (or None and the reason).

    The match is, in order: the file named by the gold's ``report`` field, a file with the gold's stem
    (``x.json`` ↔ ``x.txt``, a prediction ``x.json`` preferred over a report), or the only file not already
    matched whose name starts with the stem and ``_``, ``-`` or ``.`` (``hongshan.json`` ↔ ``hongshan_2019.txt``).
    """
    golds = sorted(p for p in gold_dir.glob("*.json") if p.is_file())
    exact = {g: _exact_target(g, target_dir) for g in golds}
    claimed = {t.resolve() for t in exact.values() if t is not None}
    out: list[tuple[Path, Path | None, str]] = []
    for g in golds:
        t = exact[g]
        out.append((g, t, "") if t is not None else (g, *_prefix_target(g, target_dir, claimed)))
    return out


def match_target(gold_path: Path, target_dir: Path) -> tuple[Path | None, str]:
    """The report or prediction in ``target_dir`` for ``gold_path``, or None and why."""
    t = _exact_target(gold_path, target_dir)
    return (t, "") if t is not None else _prefix_target(gold_path, target_dir, set())


def _candidates(gold_path: Path, target_dir: Path) -> list[Path]:
    return sorted(p for p in target_dir.iterdir() if p.is_file() and p.resolve() != gold_path.resolve())


def _exact_target(gold_path: Path, target_dir: Path) -> Path | None:
    try:
        rep = json.loads(gold_path.read_text(encoding="utf-8-sig")).get("report")
    except (OSError, ValueError, AttributeError):
        rep = None
    if isinstance(rep, str) and rep:
        named = target_dir / Path(rep).name
        if named.is_file():
            return named
    same = [p for p in _candidates(gold_path, target_dir) if p.stem == gold_path.stem]
    if same:
        return next((p for p in same if p.suffix == ".json"), same[0])
    return None


def _prefix_target(gold_path: Path, target_dir: Path, claimed: set[Path]) -> tuple[Path | None, str]:
    stem = gold_path.stem
    pre = [
        p
        for p in _candidates(gold_path, target_dir)
        if p.name.startswith(stem)
        and len(p.name) > len(stem)
        and p.name[len(stem)] in "_-."
        and p.resolve() not in claimed
    ]
    if len(pre) == 1:
        return pre[0], ""
    if pre:
        names = ", ".join(p.name for p in pre[:5])
        return None, f"{len(pre)} files in {target_dir} could be the report for {gold_path.name} ({names}); " + (
            "name it in the gold's 'report' field"
        )
    return None, f"no report or prediction for {gold_path.name} in {target_dir}"
