"""Response models of the API: what each endpoint returns, documented field by field in the OpenAPI spec.

Each mirrors the ``to_dict`` of a service result (its JSON twin), so the API, the CLI's ``--json`` and the
web UI's data read the same. Every span carries ``text``, the exact characters it cites.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from newsfuse.api.comparison_schema import ComparisonOut, SpanOut


class ArticleSummaryOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None = Field(description="ISO 8601, or null when unknown")
    near_duplicate_of: str | None = Field(description="the original's id when this is a near-copy")
    length: int = Field(description="characters of clean text")
    snippet: str | None = Field(default=None, description="search results: the matching passage")
    highlights: list[list[int]] | None = Field(
        default=None, description="search results: [start, end) of each matched word in the snippet"
    )


class ArticlePageOut(BaseModel):
    items: list[ArticleSummaryOut]
    total: int | None = Field(description="articles in all (lists); null for searches")
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last")


class EntityOut(BaseModel):
    id: str = Field(description="local to the article: e0, e1, …")
    name: str
    type: str
    aliases: list[str]
    mentions: list[SpanOut]


class QuoteOut(BaseModel):
    kind: str = Field(description="direct, mixed or indirect")
    content: list[SpanOut]
    cue: SpanOut | None
    cue_lemma: str | None
    speaker: SpanOut | None = Field(description="the literal mention of the speaker")
    speaker_entity: str | None = Field(description="the article entity the speaker resolves to")
    via_outlet: SpanOut | None
    via_outlet_name: str | None


class DateOut(BaseModel):
    span: SpanOut
    value: str | None = Field(description="normalised against the publication date, e.g. 2026-03-04")
    reason: str | None = Field(description="why no value, when there is none")


class AnalysisOut(BaseModel):
    article_id: str
    analyzer: str = Field(description="the analyzer's versioned name")
    sentences: list[SpanOut]
    entities: list[EntityOut]
    quotes: list[QuoteOut]
    dates: list[DateOut]
    notes: list[str]


class SourceOut(BaseModel):
    kind: str
    path: str
    offset: int | None
    item: int | None


class ParagraphOut(BaseModel):
    start: int
    end: int
    kind: str


class ArticleOut(BaseModel):
    """One article: clean text, metadata, near-duplicate links and its analysis with every span."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    authors: list[str]
    published: str | None
    published_source: str
    language: str | None
    source: SourceOut
    near_duplicate_of: str | None
    near_duplicates: list[str] = Field(description="ids of stored near-copies of this article")
    paragraphs: list[ParagraphOut]
    text: str
    analysis: AnalysisOut | None


class CopiesOut(BaseModel):
    """An article's near-duplicate family: the original it copies (if any) and its stored copies."""

    article_id: str
    near_duplicate_of: str | None
    copies: list[ArticleSummaryOut]


class CountsOut(BaseModel):
    facts: int
    corroborated: int
    contradictions: int
    quotes: int


class StorySummaryOut(BaseModel):
    id: str
    title: str | None
    size: int = Field(description="articles in the story")
    outlets: list[str]
    first_published: str | None
    last_published: str | None
    hot: bool = Field(description="still in the clusterer's window: it may grow")
    counts: CountsOut | None = Field(description="what its comparison found, once compared (cached)")


class StoryPageOut(BaseModel):
    sort: str
    items: list[StorySummaryOut]
    total: int
    next_cursor: str | None


class EntityRefOut(BaseModel):
    """A story entity with its global id (the same person across stories)."""

    entity_id: str
    global_id: str
    name: str
    type: str
    aliases: list[str]
    mentions: dict[str, int] = Field(description="article id → mentions in it")
    weight: float


class MemberOut(BaseModel):
    article_id: str
    outlet: str | None
    published: str | None
    title: str | None
    copy_of: str | None


class LabelChangeOut(BaseModel):
    title: str
    article_id: str


class MergeOut(BaseModel):
    kept: str
    absorbed: str
    article_id: str
    score: float


class StoryOut(BaseModel):
    """One story with the comparison of its coverage (schema ``newsfuse-comparison/1``)."""

    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    outlets: list[str]
    size: int
    hot: bool
    clusterer: str
    members: list[MemberOut] = Field(description="by outlet, then time")
    key_entities: list[EntityRefOut]
    label_history: list[LabelChangeOut]
    merged_from: list[str]
    merges: list[MergeOut]
    etag: str = Field(description="changes whenever the comparison could; also the ETag header")
    comparison: ComparisonOut = Field(
        description="facts, contradictions, quotes, timeline and brief: see docs/comparison-schema.md"
    )


class EntityStoryOut(BaseModel):
    story_id: str
    title: str | None
    last_published: str | None
    quotes: list[QuoteHitOut]


class QuoteHitOut(BaseModel):
    """A stored quote: where it is, who said it, and its words."""

    article_id: str
    position: int = Field(description="the quote's index in the article's analysis")
    kind: str
    speaker: str | None = Field(description="as the analysis resolved it, else the literal mention")
    content: SpanOut = Field(description="from the first to the last character of its content")
    outlet: str | None
    title: str | None
    published: str | None


class GlobalEntityOut(BaseModel):
    """An entity across stories, with what it said in each."""

    id: str
    name: str
    type: str
    keys: list[str] = Field(description="the normalised names it is found by")
    stories: list[EntityStoryOut]


class QuotePageOut(BaseModel):
    items: list[QuoteHitOut]
    next_cursor: str | None


class JobOut(BaseModel):
    """An ingest job: queued, running, done or failed, with progress and the pipeline's report."""

    id: str
    state: Literal["queued", "running", "done", "failed"]
    items: int = Field(description="article records posted")
    submitted_at: str
    started_at: str | None
    finished_at: str | None
    progress: dict[str, int] = Field(description="read, stored, analysed, clustered so far")
    report: dict[str, Any] | None = Field(description="what `newsfuse ingest --json` would print")
    error: str | None


class ServiceOut(BaseModel):
    name: str
    version: str
    backend: str
    articles: int
    stories: int
    reads_need_token: bool


EntityStoryOut.model_rebuild()
