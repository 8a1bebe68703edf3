"""Reading the language data files in ``extractor/data``.

Every file is UTF-8, tab-separated, starts with ``#`` legend lines and then a header row.
Engine modules read their words and tables from here so that none of them hard-codes language data.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def data_text(name: str) -> str:
    return resources.files("extractor.data").joinpath(name).read_text(encoding="utf-8")


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``name`` as dicts keyed by the header; blank and ``#`` lines are skipped."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in data_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return tuple(rows)


def column(name: str, field: str, **where: str) -> tuple[str, ...]:
    """The values of ``field`` in the rows of ``name`` that match every ``where`` condition."""
    return tuple(r[field] for r in table(name) if all(r.get(k) == v for k, v in where.items()))


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal words, longest first so that the longest word wins."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)
