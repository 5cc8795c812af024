"""Fixtures of the export tests: the bundled examples ingested, analysed and clustered into a store, once
on SQLite and once on PostgreSQL (a fresh schema, dropped after; skipped when no server answers)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import psycopg
import pytest

from newsfuse.model import Article
from newsfuse.service.ingest import IngestOptions
from newsfuse.service.pipeline import PipelineOptions, ingest_and_update
from newsfuse.store import Store, open_store

PG_ADMIN_URL = os.environ.get("NEWSFUSE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@contextmanager
def _pg_schema_url() -> Iterator[str]:
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but PostgreSQL is unreachable at {PG_ADMIN_URL}: {error}")
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN_URL}: {error}")
    schema = f"nf_export_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


@pytest.fixture(scope="package", params=["sqlite", "postgres"])
def store(
    request: pytest.FixtureRequest, examples_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """A store holding the examples (12 articles, 3 stories), once per backend."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = str(tmp_path_factory.mktemp("export") / "examples.db")
        else:
            url = stack.enter_context(_pg_schema_url())
        store = open_store(url)
        stack.callback(store.close)
        ingest_and_update(store, [str(examples_dir)], PipelineOptions(IngestOptions(workers=1)))
        yield store


@pytest.fixture(scope="package")
def articles(store: Store) -> dict[str, Article]:
    """Every stored article by id, to check offsets against."""
    return {a.id: a for a in store.get_articles(store.article_ids())}
