"""The API on a PostgreSQL store (smoke test): reads, the ETag, a token and an ingest job."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsfuse.api.app import create_app
from newsfuse.api.config import ServerConfig
from newsfuse.api.tokens import create_token
from newsfuse.service.ingest import IngestOptions
from newsfuse.service.pipeline import PipelineOptions, ingest_and_update
from newsfuse.store import open_store
from pg_support import postgres_schema_url


@pytest.fixture
def pg_store_url(examples_dir: Path) -> Iterator[str]:
    """The examples in a fresh PostgreSQL schema (dropped after); skipped when no server answers."""
    with postgres_schema_url("nf_api") as url:
        store = open_store(url)
        ingest_and_update(store, [str(examples_dir)], PipelineOptions(IngestOptions(workers=1)))
        store.close()
        yield url


def test_api_serves_a_postgres_store(pg_store_url: str) -> None:
    """Lists, search, a story with its ETag and 304, and a posted article all work on PostgreSQL."""
    store = open_store(pg_store_url)
    secret = create_token(store, "pg").secret
    store.close()
    with TestClient(create_app(ServerConfig(pg_store_url))) as client:
        assert client.get("/api").json()["backend"] == "postgres"
        assert client.get("/api/articles").json()["total"] == 12
        assert client.get("/api/articles/search", params={"q": "warehouse fire"}).json()["items"]
        story_id = client.get("/api/stories", params={"sort": "largest"}).json()["items"][0]["id"]
        story = client.get(f"/api/stories/{story_id}")
        assert story.json()["comparison"]["facts"]
        assert (
            client.get(
                f"/api/stories/{story_id}", headers={"If-None-Match": story.headers["etag"]}
            ).status_code
            == 304
        )
        contested = client.get("/api/stories", params={"sort": "contested"}).json()["items"][0]
        assert contested["counts"] is not None
        posted = client.post(
            "/api/ingest/articles",
            json={
                "title": "Pier reopens",
                "text": "The Kestrel Bay pier reopened on Friday, the harbour board said.",
                "outlet": "Tidewire",
            },
            headers={"Authorization": f"Bearer {secret}"},
        )
        assert posted.status_code == 202
        deadline = time.monotonic() + 120
        while (job := client.get(posted.headers["location"]).json())["state"] not in {"done", "failed"}:
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert job["state"] == "done" and job["report"]["stored"] == 1
        assert client.get("/api/articles").json()["total"] == 13
