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
