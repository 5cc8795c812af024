"""Fixtures of the export tests: the bundled examples ingested, analysed and clustered into a store, once
on SQLite and once on PostgreSQL (a fresh schema, dropped after; skipped when no server answers)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from newsfuse.model import Article
from newsfuse.service.ingest import IngestOptions
from newsfuse.service.pipeline import PipelineOptions, ingest_and_update
from newsfuse.store import Store, open_store
from pg_support import postgres_schema_url


@pytest.fixture(scope="package", params=["sqlite", "postgres"])
def store(
    request: pytest.FixtureRequest, examples_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """A store holding the examples (12 articles, 3 stories), once per backend."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = str(tmp_path_factory.mktemp("export") / "examples.db")
        else:
            url = stack.enter_context(postgres_schema_url("nf_export"))
        store = open_store(url)
        stack.callback(store.close)
        ingest_and_update(store, [str(examples_dir)], PipelineOptions(IngestOptions(workers=1)))
        yield store


@pytest.fixture(scope="package")
def articles(store: Store) -> dict[str, Article]:
    """Every stored article by id, to check offsets against."""
    return {a.id: a for a in store.get_articles(store.article_ids())}
