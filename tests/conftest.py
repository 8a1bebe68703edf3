from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hongshan_2019.txt"
# Public reports copied into the repository (tests/data/README.md): the tests need nothing beside the checkout.
DATA = ROOT / "tests" / "data"
CORPUS = DATA / "docs"
HAILAR = DATA / "hailar"
HONGSHAN_GOLD = ROOT / "tests" / "gold" / "hongshan.json"
# The reference scorer, copied from the project's shared material so that its cross-checks run in every clone
# (test_evaluate.py keeps the copy honest).
SCORER_COPY = DATA / "eval" / "score.py"

# The cache of compiled patterns (extractor._compiled) of this session and of the commands it runs is a folder of
# its own, removed at exit (after the cache is written: atexit runs the handlers registered last first), so the
# tests neither read nor leave anything in the user's ~/.cache.
if "GOVREPORT_CACHE_DIR" not in os.environ:
    os.environ["GOVREPORT_CACHE_DIR"] = tempfile.mkdtemp(prefix="govreport-test-cache-")
    atexit.register(shutil.rmtree, os.environ["GOVREPORT_CACHE_DIR"], ignore_errors=True)


def on_ci() -> bool:
    """Whether the tests run on CI, where a missing dependency or missing material fails instead of skipping.

    $CI unset, empty, "0" or "false" (any case) is not CI; any other value is.
    """
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false")


def corpus_files(pattern: str = "*.txt") -> list[Path]:
    """The corpus reports in tests/data/docs matching ``pattern``, sorted by name."""
    return sorted(CORPUS.glob(pattern))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "hang_guard(seconds): the hang guard's limit for this test (default 120 s), far above its run time"
    )


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """The project's reference scorer (tests/data/eval/score.py, a copy of the shared eval/score.py) as a module:
    only for the cross-checks, the tests themselves score with extractor.evaluate."""
    return load_scorer(SCORER_COPY)


@pytest.fixture(scope="session")
def hongshan_gold() -> Iterator[dict]:
    """The sample's gold annotation (tests/gold/hongshan.json). Shared by every test: copy before changing."""
    gold = json.loads(HONGSHAN_GOLD.read_text(encoding="utf-8"))
    yield gold
    assert gold == json.loads(HONGSHAN_GOLD.read_text(encoding="utf-8")), "a test changed the shared hongshan_gold"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_bytes().decode("utf-8-sig")


def grounded(node: object, text: str) -> list[str]:
    """Every object with a span and a raw (or text) field quotes the text exactly; the offenders, or []."""
    if hasattr(node, "model_dump"):
        node = node.model_dump()  # type: ignore[union-attr]
    bad: list[str] = []
    if isinstance(node, dict):
        span = node.get("span")
        if isinstance(span, dict):
            s, e = span["start"], span["end"]
            quoted = node.get("raw", node.get("text"))
            if not (0 <= s <= e <= len(text)) or (quoted is not None and text[s:e] != quoted):
                bad.append(f"{quoted!r} at {s}:{e}")
        for v in node.values():
            bad += grounded(v, text)
    elif isinstance(node, list):
        for v in node:
            bad += grounded(v, text)
    return bad


def load_scorer(path: Path) -> ModuleType:
    """A scorer file (``score.py``) as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def hang_guard(request: pytest.FixtureRequest) -> Iterator[None]:
    """Turn a hang (catastrophic backtracking, a decompression bomb) into a failure; not a timing assertion.

    A test whose input is only moderately large marks a lower limit (``@pytest.mark.hang_guard(30)``), still far
    above its run time, so that a quadratic step fails it instead of slowing it down.
    """
    import signal

    def boom(*_: object) -> None:
        raise TimeoutError("did not finish: catastrophic backtracking or an unbounded input?")

    marker = request.node.get_closest_marker("hang_guard")
    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(int(marker.args[0]) if marker else 120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)
