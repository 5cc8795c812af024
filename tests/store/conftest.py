"""Store fixtures: every store test runs on SQLite and on PostgreSQL (a fresh schema, dropped after)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsfuse.model import (
    Article,
    DateSource,
    ParagraphKind,
    RawDocument,
    SourceKind,
    SourceRef,
    build_article,
)
from newsfuse.store import Store, open_store
from pg_support import postgres_schema_url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A store URL on its own fresh PostgreSQL schema; skipped when no server answers (never under CI)."""
    with postgres_schema_url("nf_test") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty store, once per backend."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, empty store, once per backend."""
    opened = open_store(store_url)
    yield opened
    opened.close()


ArticleFactory = Callable[..., Article]


@pytest.fixture
def make_article() -> ArticleFactory:
    """Builds a fictional article by hand; keyword arguments override its metadata."""

    def factory(title: str, *paragraphs: str, **metadata: object) -> Article:
        raw = RawDocument(
            SourceRef(SourceKind.JSONL, "feeds/elmbrook.jsonl", item=3),
            text="unused",
            outlet="Elmbrook Herald",
            published=datetime(2026, 3, 4, 9, 30, tzinfo=UTC),
            published_source=DateSource.METADATA,
        )
        parts = [(title, ParagraphKind.TITLE)] + [(p, ParagraphKind.BODY) for p in paragraphs]
        return build_article(raw, parts, title=title, **metadata)

    return factory
