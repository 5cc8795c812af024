"""Fixtures of the web UI tests: a store of the examples, the app in-process and over HTTP, and Chromium.

The browser is Debian's ``chromium`` driven by Playwright (no browser download). When it is missing the
set-up installs it through ``make browser`` (the one recipe for it); where it cannot, the browser tests
skip with the reason — and fail instead under ``CI=true``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, sync_playwright
from web_support import build_store, serve

from newsfuse.api.app import create_app
from newsfuse.api.config import ServerConfig

CHROMIUM = Path("/usr/bin/chromium")
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def examples_db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled examples, ingested into a temporary store."""
    return build_store(tmp_path_factory.mktemp("web") / "examples.db", [examples_dir])


@pytest.fixture(scope="session")
def client(examples_db: str) -> Iterator[TestClient]:
    """The app over the examples store, in-process."""
    with TestClient(create_app(ServerConfig(db=examples_db))) as test_client:
        yield test_client


def _chromium() -> Path:
    """Debian's chromium, installed by ``make browser`` when missing and we may; else skip (fail under CI)."""
    if not CHROMIUM.exists() and shutil.which("apt-get") and shutil.which("make") and os.geteuid() == 0:
        subprocess.run(["make", "-C", str(REPO_ROOT), "browser"], check=True)
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing and cannot be installed here (run `make browser` as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """A headless Chromium (Debian's package, no download) for the session."""
    executable = _chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def base_url(examples_db: str) -> Iterator[str]:
    """The app over the examples store, over HTTP."""
    yield from serve(examples_db)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh laptop-sized page; fails the test on any script error or dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    opened.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield opened
    context.close()
    assert not problems, problems
