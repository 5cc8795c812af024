"""The comparison in a story response, typed for the OpenAPI spec (schema ``newsfuse-comparison/1``).

Mirrors ``docs/comparison-schema.md``: every statement is a span with the exact text it cites; the only
other strings are outlet and entity names, fixed labels and normalised date values.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class SpanOut(BaseModel):
    """Characters ``[start, end)`` of one article's clean text, with the text they cite."""

    article_id: str
    start: int
    end: int
    label: str = ""
    text: str | None = Field(default=None, description="article.text[start:end]")


class ArticleEntryOut(BaseModel):
    article_id: str
    outlet: str
    published: str | None
    order_basis: str = Field(description="published, update cue or input order")
    copy_of: str | None


class ClaimOut(BaseModel):
    id: str
    span: SpanOut
    outlet: str = Field(description="the publisher")
    credited: str = Field(description="whose reporting it is (a copy's origin, a quote's first outlet)")
    in_quote: bool


class FactOut(BaseModel):
    id: str
    claims: list[ClaimOut]
    outlets: list[str] = Field(description="the independent outlets reporting it")
    corroborated: bool = Field(description="more than one independent outlet")
    score: float


class ContradictionOut(BaseModel):
    type: str = Field(description="name, number, date, place, negation or attribution")
    subtype: str | None = Field(description="for numbers: age, count or money")
    a: SpanOut = Field(description="the earlier article's side")
    b: SpanOut
    a_detail: SpanOut = Field(description="the differing words in a")
    b_detail: SpanOut
    a_outlet: str
    b_outlet: str


class UpdateOut(BaseModel):
    earlier: SpanOut
    later: SpanOut
    earlier_cue: SpanOut
    later_cue: SpanOut


class OccurrenceOut(BaseModel):
    content: list[SpanOut]
    speaker: str | None
    outlet: str
    credited: str
    variant: bool = Field(description="its words differ from the earliest version")
    changed: list[SpanOut]


class QuoteEntryOut(BaseModel):
    id: str
    speaker: str | None
    first_reported_by: str
    outlets: list[str]
    occurrences: list[OccurrenceOut]


class EventOut(BaseModel):
    value: str = Field(description="normalised, e.g. 2026-03-10")
    date: SpanOut
    claim: SpanOut


class BriefItemOut(BaseModel):
    section: str = Field(description="corroborated, single-source, contradicted or quoted")
    span: SpanOut
    outlets: list[str]


class ArticleMetaOut(BaseModel):
    id: str
    outlet: str | None
    title: str | None
    url: str | None
    source: str


class ComparisonOut(BaseModel):
    """What several outlets corroborate, what one alone says, where they contradict, who said what."""

    schema_: str = Field(alias="schema", description="newsfuse-comparison/1")
    comparer: str = Field(description="the comparer's versioned name")
    articles: list[ArticleEntryOut] = Field(description="in publication order")
    facts: list[FactOut] = Field(description="aligned statements, most independent outlets first")
    contradictions: list[ContradictionOut]
    updates: list[UpdateOut] = Field(description="later news moving on from earlier news")
    quotes: list[QuoteEntryOut]
    events: list[EventOut] = Field(description="dates the articles mention, in order")
    brief: list[BriefItemOut] = Field(description="the extractive brief, in reading order")
    article_meta: list[ArticleMetaOut]
