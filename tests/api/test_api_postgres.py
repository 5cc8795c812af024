"""The API on a PostgreSQL store (smoke test): reads, the ETag, a token and an ingest job."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from newsfuse.api.app import create_app
from newsfuse.api.config import ServerConfig
from newsfuse.api.tokens import create_token
from newsfuse.service.ingest import IngestOptions
from newsfuse.service.pipeline import PipelineOptions, ingest_and_update
from newsfuse.store import open_store

PG_ADMIN_URL = os.environ.get("NEWSFUSE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture
def pg_store_url(examples_dir: Path) -> Iterator[str]:
    """The examples in a fresh PostgreSQL schema (dropped after); skipped when no server answers."""
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but PostgreSQL is unreachable at {PG_ADMIN_URL}: {error}")
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN_URL}: {error}")
    schema = f"nf_api_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE SCHEMA {schema}")
    url = f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    try:
        store = open_store(url)
        ingest_and_update(store, [str(examples_dir)], PipelineOptions(IngestOptions(workers=1)))
        store.close()
        yield url
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


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
