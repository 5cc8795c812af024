"""The system of record: articles, their analyses and the stories they form, in SQLite or PostgreSQL.

Entry point: :func:`open_store` picks the backend from a path or URL and applies pending migrations.
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.store.base import (
    HIGHLIGHT_CLOSE,
    HIGHLIGHT_OPEN,
    AddResult,
    ApiToken,
    ArticleSummary,
    CachedComparison,
    ClusterState,
    ComparisonCounts,
    EntityKeys,
    GlobalEntity,
    IngestJob,
    JobState,
    NewArticle,
    QuoteHit,
    SearchHit,
    Sketch,
    Store,
    StoredStory,
    StoryFilters,
    StorySort,
    StorySummary,
    StoryUpdate,
)
from newsfuse.store.postgres import PostgresStore
from newsfuse.store.sqlite import SqliteStore

__all__ = [
    "HIGHLIGHT_CLOSE",
    "HIGHLIGHT_OPEN",
    "AddResult",
    "ApiToken",
    "ArticleSummary",
    "CachedComparison",
    "ClusterState",
    "ComparisonCounts",
    "EntityKeys",
    "GlobalEntity",
    "IngestJob",
    "JobState",
    "NewArticle",
    "QuoteHit",
    "SearchHit",
    "Sketch",
    "Store",
    "StoredStory",
    "StoryFilters",
    "StorySort",
    "StorySummary",
    "StoryUpdate",
    "open_store",
]

_SQLITE_PREFIX = "sqlite:///"
_POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def open_store(url_or_path: str, *, create: bool = True) -> Store:
    """A path or ``sqlite:///path`` opens SQLite; ``postgresql://…`` opens PostgreSQL.

    With ``create=False`` a missing SQLite file is an error instead of a new empty store, so a typo in
    a read-only command's ``--db`` does not leave an empty database behind.
    """
    if url_or_path.startswith(_POSTGRES_PREFIXES):
        return PostgresStore(url_or_path)
    path = Path(url_or_path.removeprefix(_SQLITE_PREFIX))
    if not create and not path.exists():
        raise StoreError(f"no store at {path}: ingest articles into it first (newsfuse --db {path} ingest …)")
    return SqliteStore(path)
