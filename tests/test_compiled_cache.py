"""The cache of compiled patterns (extractor._compiled): a later process loads what an earlier one compiled, the
output does not change, and a damaged, read-only or switched-off cache is the same as none."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

# Compiles two patterns through the cache and says which came from the file: a pattern the cache serves is never
# handed to regex.compile, which is made to count its calls.
PROBE = """
import sys, regex
from extractor import _compiled
calls = []
real = regex.compile
_compiled.regex.compile = lambda p, f=0: calls.append(p) or real(p, f)
a = _compiled.compile("(?:城市|城镇)建设", 0)
b = _compiled.compile("^第[一二三]", regex.MULTILINE)
assert a.search("推进城镇建设").group() == "城镇建设" and b.search("x\\n第二") is not None
print(len(calls))
"""


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("GOVREPORT_")}
    full.update(env, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True, timeout=120)


def _compiles(env: dict[str, str]) -> int:
    r = _run(PROBE, env)
    assert r.returncode == 0, r.stderr
    return int(r.stdout)


def test_a_second_process_loads_the_patterns_the_first_compiled(tmp_path: Path) -> None:
    env = {"GOVREPORT_CACHE_DIR": str(tmp_path)}
    assert _compiles(env) == 2
    [f] = tmp_path.glob("patterns-*.pickle")
    assert _compiles(env) == 0
    assert _compiles({"GOVREPORT_CACHE_DIR": str(tmp_path / "other")}) == 2
    assert f.exists()


def test_the_cache_folder_follows_xdg_and_never_the_package(tmp_path: Path) -> None:
    assert _compiles({"XDG_CACHE_HOME": str(tmp_path)}) == 2
    assert list((tmp_path / "govreport").glob("patterns-*.pickle"))
    assert not list((ROOT / "extractor").rglob("patterns-*.pickle"))


def test_switched_off_it_writes_nothing(tmp_path: Path) -> None:
    env = {"GOVREPORT_CACHE_DIR": str(tmp_path), "GOVREPORT_NO_CACHE": "1"}
    assert _compiles(env) == 2
    assert _compiles(env) == 2
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "empty"])
def test_a_damaged_file_is_compiled_anew_and_replaced(tmp_path: Path, damage: str) -> None:
    env = {"GOVREPORT_CACHE_DIR": str(tmp_path)}
    _compiles(env)
    [f] = tmp_path.glob("patterns-*.pickle")
    data = f.read_bytes()
    f.write_bytes(
        {
            "truncated": data[: len(data) // 2],
            "flipped": data[:-5] + bytes([data[-5] ^ 1]) + data[-4:],
            "garbage": b"\x80\x04not a pickle",
            "empty": b"",
        }[damage]
    )
    assert _compiles(env) == 2
    assert _compiles(env) == 0


def test_an_unwritable_folder_is_silently_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    env = {"GOVREPORT_CACHE_DIR": str(blocker / "govreport")}
    r = _run(PROBE, env)
    assert r.returncode == 0, r.stderr
    assert r.stderr == "" and r.stdout.strip() == "2"
    assert _compiles(env) == 2


def test_the_extraction_is_the_same_from_a_warm_cache(tmp_path: Path) -> None:
    code = f"from extractor import extract_file; print(extract_file({str(SAMPLE)!r}).model_dump_json())"
    env = {"GOVREPORT_CACHE_DIR": str(tmp_path)}
    without = _run(code, {"GOVREPORT_NO_CACHE": "1"})
    cold = _run(code, env)
    warm = _run(code, env)
    assert without.returncode == cold.returncode == warm.returncode == 0, without.stderr + cold.stderr + warm.stderr
    assert list(tmp_path.glob("patterns-*.pickle"))
    assert without.stdout == cold.stdout == warm.stdout
    assert '"indicators"' in warm.stdout


S2T = """
import opencc
from extractor import normalize
conv = opencc.OpenCC("s2t")
live = frozenset(c for c in map(chr, range(0x4E00, 0xA000)) if conv.convert(c) != c)
print(len(live), normalize._s2t_changing() == live, normalize.detect_script("發展經濟，推进城镇建设"))
"""


def test_the_s2t_characters_from_the_cache_are_opencc_s(tmp_path: Path) -> None:
    env = {"GOVREPORT_CACHE_DIR": str(tmp_path)}
    first = _run(S2T, env)
    assert first.returncode == 0, first.stderr
    [f] = tmp_path.glob("s2t-chars-*.pickle")
    second = _run(S2T, env)
    assert second.returncode == 0, second.stderr
    n, same, script = second.stdout.split()
    assert int(n) > 2000 and same == "True" and script == "mixed"
    assert first.stdout == second.stdout
    f.write_bytes(f.read_bytes()[:-1])  # damaged: computed again, the same
    assert _run(S2T, env).stdout == second.stdout


RE_CASES = [
    (r"(?P<year>(?:19|20)[0-9]{2})年(?P<month>[0-9]{1,2})月", 0),
    (r"^第[一二三四五六七八九十]+[章节条]", re.MULTILINE),
    (r"(?<![0-9])GDP|gdp增长", re.IGNORECASE),
    (r"[，,；;：:]", 0),
    ("|".join(re.escape(w) for w in ["城市", "城镇", "城乡一体化", "(试点)"]), 0),
    (r"(a)(b)?(?:c)\2", 0),
]
RE_TEXT = "2019年12月完成城镇建设(试点)，GDP增长5%；\n第三章 gdp增长 abcb ac"


@pytest.mark.parametrize(("pattern", "flags"), RE_CASES)
def test_an_re_pattern_from_the_cache_is_re_s_own(pattern: str, flags: int) -> None:
    from extractor import _compiled

    mine, theirs = _compiled.compile_re(pattern, flags), re.compile(pattern, flags)
    assert isinstance(mine, re.Pattern)
    assert (mine.pattern, mine.flags, mine.groups, mine.groupindex) == (
        theirs.pattern,
        theirs.flags,
        theirs.groups,
        theirs.groupindex,
    )
    assert [m.span() for m in mine.finditer(RE_TEXT)] == [m.span() for m in theirs.finditer(RE_TEXT)]
    assert [m.groups() for m in mine.finditer(RE_TEXT)] == [m.groups() for m in theirs.finditer(RE_TEXT)]


PROBE_RE = """
import re
from extractor import _compiled
calls = []
real = _compiled._re_parts
_compiled._re_parts = lambda p, f: calls.append(p) or real(p, f)
a = _compiled.compile_re(r"(?P<y>20[0-9]{2})年", 0)
b = _compiled.compile_re(r"^第[一二三]", re.MULTILINE)
assert a.search("在2025年底前").group("y") == "2025" and b.search("x\\n第二") is not None
print(len(calls))
"""


def test_a_second_process_loads_the_re_code_the_first_compiled(tmp_path: Path) -> None:
    env = {"GOVREPORT_CACHE_DIR": str(tmp_path)}
    counts = []
    for _ in range(2):
        r = _run(PROBE_RE, env)
        assert r.returncode == 0, r.stderr
        counts.append(int(r.stdout))
    assert counts == [2, 0]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_a_file_others_may_write_is_not_loaded(tmp_path: Path) -> None:
    env = {"GOVREPORT_CACHE_DIR": str(tmp_path)}
    assert _compiles(env) == 2
    [f] = tmp_path.glob("patterns-*.pickle")
    f.chmod(0o666)
    assert _compiles(env) == 2  # not loaded; compiled and written anew, as the user's own file
    assert f.stat().st_mode & 0o777 == 0o600
    assert _compiles(env) == 0
