"""The store contract: what every backend (SQLite, PostgreSQL) offers the rest of newsfuse.

The service layer talks only to :class:`Store`, so a stage never knows which database holds the articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from newsfuse.model import Article, ArticleAnalysis
from newsfuse.model.story import Story, StoryMerge

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


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A stored quote found by its speaker: where it is, and who said it as the analysis resolved them."""

    article_id: str
    position: int
    kind: str
    speaker: str | None
    start: int
    end: int


StorySort = Literal["newest", "largest", "contested"]
"""``contested``: most contradictions first, among stories whose comparison is cached (the rest last)."""


@dataclass(frozen=True, slots=True)
class StoryFilters:
    """Which stories a list keeps: those with an article from ``since`` to ``until`` (UTC), with an article
    by ``outlet``, or naming the global entity ``entity``; ``None`` keeps all."""

    since: datetime | None = None
    until: datetime | None = None
    outlet: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class ComparisonCounts:
    """What a story's cached comparison found, for lists that sort by it."""

    facts: int
    corroborated: int
    contradictions: int
    quotes: int


@dataclass(frozen=True, slots=True)
class CachedComparison:
    """A story's comparison (``StoryComparison.to_dict()``) as computed for the story at ``etag``."""

    story_id: str
    etag: str
    document: dict[str, Any]
    counts: ComparisonCounts


@dataclass(frozen=True, slots=True)
class ApiToken:
    """A bearer token of the API as stored: its public id and name; the secret is kept only as a hash."""

    id: str
    name: str
    created_at: datetime
    revoked_at: datetime | None = None


JobState = Literal["queued", "running", "done", "failed"]


@dataclass(frozen=True, slots=True)
class IngestJob:
    """An ingest job of the API: its state, how far each step got, and the pipeline's report when done."""

    id: str
    state: JobState
    items: int
    submitted_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    progress: dict[str, int] = field(default_factory=dict)
    report: dict[str, Any] | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class GlobalEntity:
    """An entry of the global entity table: its id, name, type, the name keys that find it, its stories."""

    id: str
    name: str
    type: str
    keys: tuple[str, ...]
    stories: dict[str, str]
    """story id → the entity's local id in that story's record."""


@dataclass(frozen=True, slots=True)
class EntityKeys:
    """How a story entity meets the global entity table: the name keys it is looked up by, best first
    (its own name, then multi-word aliases), and every key it becomes known by (one-word aliases too)."""

    find: tuple[str, ...]
    known: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One line of a story list; ``hot`` stories may still grow, closed ones left the clusterer's window."""

    id: str
    title: str | None
    size: int
    outlets: tuple[str, ...]
    first_published: datetime | None
    last_published: datetime | None
    hot: bool
    counts: ComparisonCounts | None = None
    """What its cached comparison found, when one is cached."""


@dataclass(frozen=True, slots=True)
class ClusterState:
    """The clusterer's last saved snapshot and its version (each save of stories adds one)."""

    snapshot: dict[str, Any]
    version: int


@dataclass(frozen=True, slots=True)
class StoryUpdate:
    """What one clustering step writes in one transaction, with the snapshot to resume from.

    ``stories`` are the touched records (``hot`` names those still in the window); ``merges`` remove the
    absorbed stories; ``entity_keys`` maps each story entity id to the name keys that link it to the global
    entity table. ``based_on`` is the version of the snapshot this step started from (0 for none): when
    another process saved since, the write is refused instead of losing that process's stories.
    """

    clusterer: str
    stories: list[Story]
    hot: set[str]
    merges: list[StoryMerge]
    entity_keys: dict[str, EntityKeys]
    snapshot: dict[str, Any]
    based_on: int = 0


@dataclass(frozen=True, slots=True)
class StoredStory:
    """A story as stored: the clusterer's record, the merges into it, and its entities' global ids."""

    story: Story
    hot: bool
    merges: list[StoryMerge]
    global_entities: dict[str, str]


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

    def get_articles(self, ids: Sequence[str]) -> list[Article]:
        """The articles with exactly these ids, in the given order; unknown ids are left out."""
        ...

    def article_ids(self, chronological: bool = False, unclustered: bool = False) -> list[str]:
        """Every article id in arrival order, or by publication (undated last) for clustering;
        ``unclustered`` keeps only articles in no story yet."""
        ...

    # ---- analysis ------------------------------------------------------------------------------

    def save_analyses(self, analyses: Sequence[ArticleAnalysis]) -> None:
        """Store (or replace) these analyses in one transaction."""
        ...

    def get_analyses(self, ids: Sequence[str]) -> dict[str, ArticleAnalysis]:
        """The stored analyses of these articles, by article id (missing ones are absent)."""
        ...

    def stale_analysis_ids(self, analyzer: str) -> list[str]:
        """Articles, in arrival order, with no stored analysis or one from another analyzer."""
        ...

    def quotes_by_speaker(self, name: str, limit: int = 50) -> list[QuoteHit]:
        """Stored quotes whose resolved speaker (or literal mention) is ``name``, case-insensitively."""
        ...

    # ---- stories -------------------------------------------------------------------------------

    def load_cluster_state(self, clusterer: str) -> ClusterState | None:
        """The snapshot the clusterer saved last, or ``None`` before the first clustering."""
        ...

    def save_stories(self, update: StoryUpdate) -> int:
        """Write touched stories, memberships, merges, entity links and the snapshot in one transaction;
        returns the snapshot's new version (``StoreError`` if it is no longer ``update.based_on``)."""
        ...

    def clear_stories(self) -> None:
        """Forget every story, membership, merge, entity link and clusterer snapshot (for a rebuild)."""
        ...

    def list_stories(
        self,
        sort: StorySort = "newest",
        limit: int = 20,
        offset: int = 0,
        filters: StoryFilters | None = None,
    ) -> list[StorySummary]:
        """Stories by latest publication, by size (then latest) or by contradictions, kept by ``filters``."""
        ...

    def count_stories(self, filters: StoryFilters | None = None) -> int: ...

    def story_of(self, article_id: str) -> str | None:
        """The id of the story holding this article, or ``None`` while it is in none."""
        ...

    def get_story(self, id_or_prefix: str) -> StoredStory:
        """The story with this id, or a unique prefix of its hex part (``NotFoundError`` otherwise)."""
        ...

    def get_entity(self, entity_id: str) -> GlobalEntity:
        """The global entity with this id (``NotFoundError`` otherwise)."""
        ...

    def quotes_in(self, article_ids: Sequence[str]) -> list[QuoteHit]:
        """Every stored quote of these articles, by article then position."""
        ...

    def find_quotes(self, speaker: str, limit: int = 50, offset: int = 0) -> list[QuoteHit]:
        """Stored quotes whose speaker's name contains ``speaker`` (case-insensitively), by article."""
        ...

    # ---- comparison cache ----------------------------------------------------------------------

    def get_comparison(self, story_id: str, etag: str) -> CachedComparison | None:
        """The cached comparison of this story at this etag, or ``None`` (never one for another etag)."""
        ...

    def save_comparison(self, cached: CachedComparison) -> None:
        """Cache a story's comparison, replacing the one before; ignored if the story is gone meanwhile."""
        ...

    def uncompared_story_ids(self, limit: int = 20) -> list[str]:
        """Stories, newest first, with no cached comparison (a change to a story drops its entry)."""
        ...

    # ---- API tokens ----------------------------------------------------------------------------

    def add_token(self, token: ApiToken, secret_hash: str) -> None: ...

    def token_by_hash(self, secret_hash: str) -> ApiToken | None:
        """The token whose secret hashes to this, revoked or not; ``None`` if there is none."""
        ...

    def list_tokens(self) -> list[ApiToken]: ...

    def revoke_token(self, token_id: str) -> ApiToken:
        """Mark a token revoked from now on (``NotFoundError`` if there is none with this id)."""
        ...

    # ---- ingest jobs ---------------------------------------------------------------------------

    def add_job(self, job: IngestJob, payload: str) -> None:
        """Queue a job with its input (JSON Lines), kept until the job ends."""
        ...

    def get_job(self, job_id: str) -> IngestJob:
        """The job with this id (``NotFoundError`` otherwise)."""
        ...

    def claim_job(self) -> tuple[IngestJob, str] | None:
        """Mark the oldest queued job running and return it with its input; ``None`` when none is queued
        (or another process claimed it first)."""
        ...

    def update_job_progress(self, job_id: str, progress: dict[str, int]) -> None: ...

    def finish_job(self, job_id: str, report: dict[str, Any] | None, error: str | None) -> None:
        """Record a job's end (``done`` with its report, or ``failed`` with why) and drop its input."""
        ...

    def applied_migrations(self) -> list[str]: ...

    def close(self) -> None: ...
