"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = REPO_ROOT / "examples"


def shared_root() -> Path:
    """Where ../shared lives: $NEWSFUSE_SHARED, else beside the repository."""
    return Path(os.environ.get("NEWSFUSE_SHARED", REPO_ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared, or a skip with the reason when it is absent — never a skip under CI=true."""
    root = shared_root()
    if not root.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the shared data is missing at {root}")
        pytest.skip(f"shared data not found at {root} (set NEWSFUSE_SHARED)")
    return root


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """The two seed articles in ../shared/seeds."""
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The bundled examples/ folder."""
    return EXAMPLES_DIR
