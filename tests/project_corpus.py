"""Scoring of the project record corpus (``tests/records/projects_*.json``) against whole corpus reports.

Each record is one sentence of a corpus report (``source`` and ``start`` give where), with the projects a reader
lists in it (names, status, investment, places; ``doubtful`` ones count neither way) and phrases that are not
projects. The report is extracted whole, so part detection is the real one; a predicted project inside an
annotated sentence is right when its span overlaps a gold name.

    python tests/project_corpus.py dev [-v]     # figures and, with -v, every miss and extra
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from conftest import CORPUS, DATA

from extractor.evaluate import overlaps as _overlaps

HERE = Path(__file__).resolve().parent
RECORDS = HERE / "records"


def report_path(name: str) -> Path | None:
    """A bare name is a corpus report; a name with a folder (``hailar/hailar_2015.txt``) is under tests/data."""
    path = (DATA if "/" in name else CORPUS) / name
    return path if path.is_file() else None


def load(split: str) -> list[dict[str, Any]]:
    return json.loads((RECORDS / f"projects_{split}.json").read_text(encoding="utf-8"))["records"]


@cache
def _extracted(path: str) -> Any:
    from extractor import extract_file

    return extract_file(path)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    status_n: int = 0
    status_hits: int = 0
    invest_n: int = 0
    invest_hits: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_status: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def status_acc(self) -> float:
        return self.status_hits / self.status_n if self.status_n else 1.0

    def line(self) -> str:
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} (tp {self.tp} fp {self.fp} fn {self.fn}); "
            f"status {self.status_acc:.3f} ({self.status_hits}/{self.status_n}); "
            f"investment {self.invest_hits}/{self.invest_n}"
        )


def _same_money(q: Any, gold: str | float) -> bool:
    """Gold investment is the amount as written (``4300万元``) or a number of 元."""
    if isinstance(gold, str):
        return bool(q.raw.endswith(gold.lstrip("约近")))
    return q.base_value is not None and abs(float(q.base_value) - gold) < 0.5


def score(records: list[dict[str, Any]], extract: Callable[[str], Any] | None = None) -> Score:
    out = Score()
    for r in records:
        path = report_path(r["source"])
        if path is None:
            raise FileNotFoundError(r["source"])
        doc = (extract or _extracted)(str(path))
        s0 = r["start"]
        window = (s0, s0 + len(r["text"]))
        preds = [p for p in doc.projects if _overlaps((p.span.start, p.span.end), window)]
        used: set[int] = set()
        golds = []
        for g in r["projects"]:
            i = r["text"].find(g["name"])
            golds.append((g, (s0 + i, s0 + i + len(g["name"]))))
        for g, gs in golds:
            # One prediction answers one gold name: a list read as one name does not find each of its items.
            hit = next(
                (k for k, p in enumerate(preds) if k not in used and _overlaps((p.span.start, p.span.end), gs)), None
            )
            if g.get("doubtful"):
                if hit is not None:
                    used.add(hit)
                continue
            if hit is None:
                out.fn += 1
                out.misses.append(f"{r['id']}: {g['name']}")
                continue
            out.tp += 1
            used.add(hit)
            p = preds[hit]
            if g.get("status"):
                out.status_n += 1
                if p.status == g["status"]:
                    out.status_hits += 1
                else:
                    out.wrong_status.append(f"{r['id']}: {g['name']} want {g['status']} got {p.status} ({p.name})")
            if g.get("investment"):
                out.invest_n += 1
                out.invest_hits += p.investment is not None and _same_money(p.investment, g["investment"])
        for k, p in enumerate(preds):
            if k not in used and not any(_overlaps((p.span.start, p.span.end), gs) for _, gs in golds):
                out.fp += 1
                out.extras.append(f"{r['id']}: {p.name} [{getattr(p, 'evidence', '')}]")
    return out


if __name__ == "__main__":
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    s = score(load(split))
    print(split, s.line())
    if "-v" in sys.argv:
        for title, items in (("missed", s.misses), ("extra", s.extras), ("status", s.wrong_status)):
            print(f"--- {title} ({len(items)})")
            print("\n".join(items))
