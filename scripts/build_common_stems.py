"""Rebuild extractor/data/common_stems.tsv: townships' names without their suffix that are words of government prose.

    python scripts/build_common_stems.py

A text may name its township by the stem alone (周营 for 周营镇), and gazetteer.township_by_stem reads the township
from such mentions. A stem that is a word (建设 of 建设镇, 河流 of 河流镇, 资源 of 资源镇) proves nothing: this list
holds them, so that they are never counted bare. A stem is listed when the development corpus (tests/data/docs: 34
government work reports, none a township's) writes it in two reports or more, or when a hundred townships and
villages of China or more bear it (和平, 胜利, 红旗: names taken from words). Built from the shipped gazetteer.zip,
so it needs nothing outside the repository; tests/test_gazetteer.py fails while it is stale.
"""

from __future__ import annotations

import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from extractor import gazetteer  # noqa: E402
from extractor.normalize import views  # noqa: E402

DATA = ROOT / "extractor" / "data"
CORPUS = ROOT / "tests" / "data" / "docs"
# A stem of this many characters is looked for (a township's name without its suffix: 周营, 霍龙门, 什刹海镇's 什刹海).
_STEM_CHARS = (2, 4)
# In how many of the corpus's reports a stem must stand to be a word, and how many places must bear it.
MIN_REPORTS = 2
MIN_PLACES = 100
# The endings of a village's name (杨名村, 前门社区): what is left is its stem.
_VILLAGE_ENDS = ("社区", "村")


def _stem_places(archive: zipfile.ZipFile) -> tuple[set[str], Counter[str]]:
    """The stems of every township, and how many townships and villages bear each stem."""
    stems: set[str] = set()
    places: Counter[str] = Counter()
    for member in archive.namelist():
        if not member.startswith("villages/"):
            continue
        for line in archive.read(member).decode("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) != 3:
                continue
            _, name, villages = parts
            stem = gazetteer.stem(name)
            places[stem] += 1
            if stem != name and _STEM_CHARS[0] <= len(stem) <= _STEM_CHARS[1]:
                stems.add(stem)
            for v in villages.split():
                places[next((v[: -len(e)] for e in _VILLAGE_ENDS if v.endswith(e)), v)] += 1
    return stems, places


def _reports_writing(stems: set[str]) -> Counter[str]:
    """In how many of the corpus's reports each stem stands (their simplified view)."""
    out: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.txt")):
        view = views(path.read_text(encoding="utf-8"))[1]
        grams = {view[i : i + k] for k in range(_STEM_CHARS[0], _STEM_CHARS[1] + 1) for i in range(len(view) - k + 1)}
        out.update(stems & grams)
    return out


def table(archive: zipfile.ZipFile) -> str:
    stems, places = _stem_places(archive)
    reports = _reports_writing(stems)
    rows = sorted(s for s in stems if reports[s] >= MIN_REPORTS or places[s] >= MIN_PLACES)
    legend = [
        "# Townships' names without their suffix that are words of government prose (建设, 河流, 资源) or names taken",
        "# from words (和平, 胜利, 红旗): a text that writes one names no township by it (gazetteer.township_by_stem).",
        f"# Listed when {MIN_REPORTS} or more of the development corpus's reports (tests/data/docs) write it, or when",
        f"# {MIN_PLACES} or more of China's townships and villages bear it. Built from gazetteer.zip and the corpus by",
        "# python scripts/build_common_stems.py; tests/test_gazetteer.py fails while it is stale.",
        "# Fields (tab-separated):",
        "#   stem   the name without its suffix, simplified script",
        "stem",
    ]
    return "\n".join(legend + rows) + "\n"


def main() -> int:
    with zipfile.ZipFile(DATA / "gazetteer.zip") as z:
        text = table(z)
    (DATA / "common_stems.tsv").write_text(text, encoding="utf-8")
    print(f"common_stems.tsv {text.count(chr(10)) - 8} stems", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
