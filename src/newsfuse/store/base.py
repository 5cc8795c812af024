"""The store contract: what every backend (SQLite, PostgreSQL) offers the rest of newsfuse.

The service layer talks only to :class:`Store`, so a stage never knows which database holds the articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from newsfuse.model import Article

HIGHLIGHT_OPEN = "\x02"
HIGHLIGHT_CLOSE = "\x03"
"""Markers a backend puts around matched terms in search snippets; the service turns them into offsets."""

MIN_ID_PREFIX = 4


@dataclass(frozen=True, slots=True)
class Sketch:
    """What near-duplicate detection keeps for an article: its MinHash signature and LSH band keys."""

    signature: bytes
    band_keys: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article to add, with its sketch when it should be findable by later near-duplicates."""

    article: Article
    sketch: Sketch | None = None


@dataclass(frozen=True, slots=True)
class AddResult:
    """Whether one article was added, or was already stored under the same content id."""

    article_id: str
    added: bool


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of an article list: enough to show and to open the article."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: datetime | None
    near_duplicate_of: str | None
    length: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text match: the article's summary and a snippet with highlight markers."""

    summary: ArticleSummary
    snippet: str


class Store(Protocol):
    """The system of record. Writes go through :meth:`add_articles`, one transaction per call."""

    backend: str

    def add_articles(self, items: Sequence[NewArticle]) -> list[AddResult]:
        """Add a batch in one transaction; an id already stored is reported, not added again."""
        ...

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these ids are already stored."""
        ...

    def get_article(self, id_or_prefix: str) -> Article:
        """The article with this id or unique id prefix (``NotFoundError`` / ``UsageError`` if ambiguous)."""
        ...

    def list_articles(
        self, limit: int = 20, offset: int = 0, outlet: str | None = None
    ) -> list[ArticleSummary]:
        """Articles newest first (by publication date, undated last, then by arrival)."""
        ...

    def search(
        self, query: str, limit: int = 20, offset: int = 0, outlet: str | None = None
    ) -> list[SearchHit]:
        """Full-text search over title and text, best match first."""
        ...

    def count(self, outlet: str | None = None) -> int: ...

    def near_duplicates_of(self, article_id: str) -> list[str]:
        """Ids of stored near-duplicate copies whose first-seen original is ``article_id``."""
        ...

    def band_matches(self, band_keys: Sequence[int]) -> dict[str, bytes]:
        """Stored articles sharing any of these LSH band keys, with their MinHash signatures."""
        ...

    def applied_migrations(self) -> list[str]: ...

    def close(self) -> None: ...
