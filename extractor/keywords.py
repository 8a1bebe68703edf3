"""Keyword measures: per document, the count of each dictionary word in the body text and its share per
10,000 characters of body text (noise regions excluded), matched on the simplified view."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from extractor._data import parse_table, table
from extractor.normalize import make_view

PER = 10_000


def load_dictionary(path: str | Path | None) -> list[tuple[str, str]]:
    """(word, category) pairs from the default dictionary or a file: one word per line, or word<TAB>category lines
    (category ``words`` when empty). A file that starts with the default dictionary's header row (``word``,
    ``category``) is read as a data table. A file's words are matched on the view, so they are put in its form."""
    if path is None:
        return [(r["word"], r["category"]) for r in table("keywords_default.tsv")]
    text = Path(path).read_text(encoding="utf-8-sig")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if lines and lines[0].split("\t")[0] == "word":
        rows = parse_table(text)
    else:
        rows = [dict(zip(("word", "category"), line.split("\t"), strict=False)) for line in lines]
    return [(make_view(r["word"].strip()), r.get("category", "").strip() or "words") for r in rows]


def body_view(text: str, noise: Iterable[tuple[int, int]]) -> str:
    """The simplified view with noise regions blanked out (same length, so nothing moves)."""
    view = list(make_view(text))
    for s, e in noise:
        view[s:e] = " " * (e - s)
    return "".join(view)


def measure(text: str, noise: Iterable[tuple[int, int]], words: list[tuple[str, str]]) -> dict[str, Any]:
    """Counts per word and per category, body characters (no whitespace, no noise), and shares per 10,000."""
    view = body_view(text, noise)
    body_chars = sum(1 for c in view if not c.isspace())
    row: dict[str, Any] = {"body_chars": body_chars}
    cats: dict[str, int] = {}
    for word, cat in words:
        n = view.count(word)
        row[f"n_{word}"] = n
        cats[cat] = cats.get(cat, 0) + n
    for cat, n in cats.items():
        row[f"{cat}_count"] = n
        row[f"{cat}_per_10k"] = round(n * PER / body_chars, 4) if body_chars else None
    return row
