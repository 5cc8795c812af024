"""The comparison cache behind every story reader: exact round trip, used on the second read, warmed
in the background by the server's worker."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from fastapi.testclient import TestClient

from newsfuse.api.app import create_app
from newsfuse.api.config import ServerConfig
from newsfuse.api.jobs import QUIET_SECONDS
from newsfuse.report import render_json
from newsfuse.service.comparisons import compare_stored_story, comparison_from_dict, comparison_json
from newsfuse.store import open_store


def _forget_comparisons(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM story_comparisons")


def test_second_read_comes_from_the_cache_and_equals_the_first(db: Path) -> None:
    """A story compared once is read back from the store, identical to the fresh comparison."""
    _forget_comparisons(db)
    store = open_store(str(db))
    try:
        story_id = store.list_stories("largest", limit=1)[0].id
        fresh = compare_stored_story(store, story_id)
        again = compare_stored_story(store, story_id)
    finally:
        store.close()
    assert not fresh.cached and again.cached and again.etag == fresh.etag
    assert again.comparison.to_dict() == fresh.comparison.to_dict()
    assert comparison_from_dict(fresh.comparison.to_dict()) == again.comparison


def test_idle_worker_compares_uncompared_stories(db: Path) -> None:
    """With warm_comparisons, the server's worker fills the cache once requests pause, so story lists get
    their counts; while requests keep coming it waits."""
    _forget_comparisons(db)
    app = create_app(ServerConfig(str(db), warm_comparisons=True))
    with TestClient(app) as client:
        assert all(s["counts"] is None for s in client.get("/api/stories").json()["items"])
        app.state.jobs.start()
        busy_until = time.monotonic() + QUIET_SECONDS
        while time.monotonic() < busy_until:
            assert all(s["counts"] is None for s in client.get("/api/stories").json()["items"])
            time.sleep(0.1)
        deadline = time.monotonic() + 120
        while any(s["counts"] is None for s in client.get("/api/stories").json()["items"]):
            assert time.monotonic() < deadline, "the worker did not compare every story"
            time.sleep(QUIET_SECONDS + 0.5)
    assert app.state.jobs.warm_failures == {}


def test_comparison_json_is_what_render_json_writes(db: Path) -> None:
    """The API's comparison dict is the documented JSON report, span texts included."""
    store = open_store(str(db))
    try:
        for summary in store.list_stories(limit=10):
            compared = compare_stored_story(store, summary.id)
            assert comparison_json(compared) == json.loads(
                render_json(compared.comparison, compared.articles)
            )
    finally:
        store.close()
