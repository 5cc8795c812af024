"""The system of record: articles (and later analyses and stories) in SQLite or PostgreSQL.

Entry point: :func:`open_store` picks the backend from a path or URL and applies pending migrations.
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.store.base import (
    HIGHLIGHT_CLOSE,
    HIGHLIGHT_OPEN,
    AddResult,
    ArticleSummary,
    NewArticle,
    SearchHit,
    Sketch,
    Store,
)
from newsfuse.store.postgres import PostgresStore
from newsfuse.store.sqlite import SqliteStore

__all__ = [
    "HIGHLIGHT_CLOSE",
    "HIGHLIGHT_OPEN",
    "AddResult",
    "ArticleSummary",
    "NewArticle",
    "SearchHit",
    "Sketch",
    "Store",
    "open_store",
]

_SQLITE_PREFIX = "sqlite:///"
_POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def open_store(url_or_path: str) -> Store:
    """A path or ``sqlite:///path`` opens SQLite; ``postgresql://…`` opens PostgreSQL."""
    if url_or_path.startswith(_POSTGRES_PREFIXES):
        return PostgresStore(url_or_path)
    path = url_or_path.removeprefix(_SQLITE_PREFIX)
    return SqliteStore(Path(path))
