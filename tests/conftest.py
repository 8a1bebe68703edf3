from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hongshan_2019.txt"


def on_ci() -> bool:
    """Whether the tests run on CI, where a missing dependency or missing material fails instead of skipping.

    $CI unset, empty, "0" or "false" (any case) is not CI; any other value is.
    """
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false")


def shared_dir() -> Path | None:
    """The project's shared material (corpus, gold, scorer): $GOVREPORT_SHARED or ../shared beside the checkout."""
    env = os.environ.get("GOVREPORT_SHARED")
    for cand in ([Path(env)] if env else []) + [ROOT.parent / "shared"]:
        if (cand / "eval" / "score.py").exists():
            return cand
    return None


@pytest.fixture(scope="session")
def shared() -> Path:
    d = shared_dir()
    if d is None:
        if on_ci():
            pytest.fail("../shared is missing on CI")
        pytest.skip("shared material (../shared) not available")
    return d


@pytest.fixture(scope="session")
def scorer(shared: Path) -> ModuleType:
    """The project's scorer, ../shared/eval/score.py, as a module."""
    return load_scorer(shared)


@pytest.fixture(scope="session")
def hongshan_gold(shared: Path) -> Iterator[dict]:
    """The sample's gold annotation (../shared/eval/gold/hongshan.json). Shared by every test: copy before changing."""
    path = shared / "eval" / "gold" / "hongshan.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    yield gold
    assert gold == json.loads(path.read_text(encoding="utf-8")), "a test changed the shared hongshan_gold"


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


def load_scorer(shared: Path) -> ModuleType:
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "hang_guard(seconds): the hang guard's limit for this test (default 120 s), far above its run time"
    )


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
