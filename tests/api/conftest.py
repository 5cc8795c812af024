"""API fixtures: the bundled examples ingested once through the service layer, served by the real app."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsfuse.api.app import create_app
from newsfuse.api.config import ServerConfig
from newsfuse.api.tokens import create_token
from newsfuse.service.comparisons import compare_stored_story
from newsfuse.service.ingest import IngestOptions
from newsfuse.service.pipeline import PipelineOptions, ingest_and_update
from newsfuse.store import open_store


@pytest.fixture(scope="session")
def examples_db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store of the examples, analysed and clustered, every story compared (and so cached)."""
    path = tmp_path_factory.mktemp("api") / "examples.db"
    store = open_store(str(path))
    try:
        ingest_and_update(store, [str(examples_dir)], PipelineOptions(IngestOptions(workers=1)))
        for summary in store.list_stories(limit=100):
            compare_stored_story(store, summary.id)
    finally:
        store.close()
    return path


@pytest.fixture
def db(examples_db: Path, tmp_path: Path) -> Path:
    """A private copy of the examples store, so a test may write to it."""
    copy = tmp_path / "store.db"
    shutil.copy(examples_db, copy)
    return copy


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    """A client of the app over a copy of the examples store, reads open."""
    with TestClient(create_app(ServerConfig(str(db)))) as test_client:
        yield test_client


@pytest.fixture
def token(db: Path) -> str:
    """The secret of a live token in the test store."""
    store = open_store(str(db))
    try:
        return create_token(store, "tests").secret
    finally:
        store.close()
