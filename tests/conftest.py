from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hongshan_2019.txt"


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
        if os.environ.get("CI"):
            pytest.fail("../shared is missing on CI")
        pytest.skip("shared material (../shared) not available")
    return d


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_bytes().decode("utf-8-sig")
