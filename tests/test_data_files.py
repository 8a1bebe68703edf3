"""Every language-data file says what its columns mean: a `# Fields` legend naming each column of its header."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "extractor" / "data"


@pytest.mark.parametrize("path", sorted(DATA.glob("*.tsv")), ids=lambda p: p.name)
def test_data_file_has_a_field_legend(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [x for x in lines if x.startswith("#")]
    header = next(x for x in lines if x.strip() and not x.startswith("#"))
    assert any(re.match(r"#\s*Fields", x) for x in comments), "no '# Fields' legend"
    legend = "\n".join(comments)
    missing = [col for col in header.split("\t") if not re.search(rf"^#\s+{re.escape(col)}\b", legend, re.M)]
    assert not missing, f"columns without a legend entry: {missing}"


# The files whose first column is a key: a row written twice (块钱 twice in units.tsv) is dead or, worse, disagrees.
KEYED = ["units.tsv", "region_words.tsv", "place_counts.tsv", "place_words.tsv", "numerals.tsv"]


@pytest.mark.parametrize("name", KEYED)
def test_a_keyed_data_file_lists_each_key_once(name: str) -> None:
    rows = [x for x in (DATA / name).read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    keys = [x.split("\t")[0] for x in rows[1:]]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []
