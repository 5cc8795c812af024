"""Fixtures of the export tests: the bundled examples ingested, analysed and clustered into a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.model import Article
from newsfuse.service.ingest import IngestOptions
from newsfuse.service.pipeline import PipelineOptions, ingest_and_update
from newsfuse.store import Store, open_store


@pytest.fixture(scope="package")
def store(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A SQLite store holding the examples (12 articles, 3 stories)."""
    store = open_store(str(tmp_path_factory.mktemp("export") / "examples.db"))
    ingest_and_update(store, [str(examples_dir)], PipelineOptions(IngestOptions(workers=1)))
    yield store
    store.close()


@pytest.fixture(scope="package")
def articles(store: Store) -> dict[str, Article]:
    """Every stored article by id, to check offsets against."""
    return {a.id: a for a in store.get_articles(store.article_ids())}
