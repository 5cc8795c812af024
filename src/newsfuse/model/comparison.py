"""What comparing a story's coverage produces: claims, aligned facts, contradictions, quotes, timeline, brief.

Faithful by construction: no type here holds prose of its own. Every statement is a :class:`Span` of a
source article's clean text; the only strings are outlet names, entity names and fixed labels (a
contradiction's type, a cue word). All types serialise to plain JSON with ``to_dict``; the schema is
documented in ``docs/comparison-schema.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from newsfuse.model.analysis import ArticleAnalysis
from newsfuse.model.article import Article, Span

COMPARER_NAME = "compare.v3"  # v3: alignment in article context; differences only between claims on one thing


@dataclass(frozen=True, slots=True)
class StoryMember:
    """One article of a story with its analysis; ``article.near_duplicate_of`` carries its copy status."""

    article: Article
    analysis: ArticleAnalysis


class ConflictType(StrEnum):
    """The kinds of disagreement between outlets the comparer explains."""

    NAME = "name"
    NUMBER = "number"
    DATE = "date"
    PLACE = "place"
    NEGATION = "negation"
    ATTRIBUTION = "attribution"


@dataclass(frozen=True, slots=True)
class Claim:
    """A check-worthy statement: a clause or sentence of one article, with what makes it checkable.

    ``outlet`` is the publishing outlet; ``credited`` the outlet whose reporting it is (the origin of a
    copy, or the outlet a quote was first given to).
    """

    id: str
    span: Span
    outlet: str
    credited: str
    in_quote: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "span": self.span.to_dict(),
            "outlet": self.outlet,
            "credited": self.credited,
            "in_quote": self.in_quote,
        }


@dataclass(frozen=True, slots=True)
class Fact:
    """Claims from different articles that report the same thing; ``outlets`` are the independent ones."""

    id: str
    claims: tuple[Claim, ...]
    outlets: tuple[str, ...]
    score: float

    @property
    def corroborated(self) -> bool:
        return len(self.outlets) > 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "claims": [c.to_dict() for c in self.claims],
            "outlets": list(self.outlets),
            "corroborated": self.corroborated,
            "score": round(self.score, 3),
        }


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims that disagree; ``a_detail``/``b_detail`` are the differing words inside them."""

    type: ConflictType
    subtype: str | None
    a: Span
    b: Span
    a_detail: Span
    b_detail: Span
    a_outlet: str
    b_outlet: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type.value,
            "subtype": self.subtype,
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "a_detail": self.a_detail.to_dict(),
            "b_detail": self.b_detail.to_dict(),
            "a_outlet": self.a_outlet,
            "b_outlet": self.b_outlet,
        }


@dataclass(frozen=True, slots=True)
class Update:
    """A later claim that moves an earlier one on (upcoming → aired): news over time, not a conflict."""

    earlier: Span
    later: Span
    earlier_cue: Span
    later_cue: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "earlier": self.earlier.to_dict(),
            "later": self.later.to_dict(),
            "earlier_cue": self.earlier_cue.to_dict(),
            "later_cue": self.later_cue.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class QuoteOccurrence:
    """One article carrying a quotation; ``changed`` are its words that differ from the earliest version."""

    content: tuple[Span, ...]
    speaker: str | None
    outlet: str
    credited: str
    changed: tuple[Span, ...] = ()

    @property
    def is_variant(self) -> bool:
        return bool(self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "content": [c.to_dict() for c in self.content],
            "speaker": self.speaker,
            "outlet": self.outlet,
            "credited": self.credited,
            "variant": self.is_variant,
            "changed": [c.to_dict() for c in self.changed],
        }


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """One quotation and every outlet that carries it, earliest first."""

    id: str
    speaker: str | None
    occurrences: tuple[QuoteOccurrence, ...]

    @property
    def first_reported_by(self) -> str:
        return self.occurrences[0].credited

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.outlet for o in self.occurrences))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "first_reported_by": self.first_reported_by,
            "outlets": list(self.outlets),
            "occurrences": [o.to_dict() for o in self.occurrences],
        }


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """An article in publication order; ``order_basis`` says how its place was known."""

    article_id: str
    outlet: str
    published: datetime | None
    order_basis: str
    copy_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "order_basis": self.order_basis,
            "copy_of": self.copy_of,
        }


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """A date an article mentions, with its normalised value and the claim it dates."""

    value: str
    date: Span
    claim: Span

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "date": self.date.to_dict(), "claim": self.claim.to_dict()}


@dataclass(frozen=True, slots=True)
class BriefItem:
    """One line of the extractive brief: a source span, under a fixed section label, with its outlets."""

    section: str
    span: Span
    outlets: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "span": self.span.to_dict(), "outlets": list(self.outlets)}


@dataclass(frozen=True, slots=True)
class StoryComparison:
    """Everything compared about one story; the input of every renderer."""

    comparer: str
    articles: tuple[ArticleEntry, ...]
    facts: tuple[Fact, ...]
    contradictions: tuple[Contradiction, ...]
    updates: tuple[Update, ...]
    quotes: tuple[QuoteEntry, ...]
    events: tuple[DatedEvent, ...]
    brief: tuple[BriefItem, ...]

    @property
    def corroborated(self) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.corroborated)

    @property
    def single_source(self) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if not f.corroborated)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "newsfuse-comparison/1",
            "comparer": self.comparer,
            "articles": [a.to_dict() for a in self.articles],
            "facts": [f.to_dict() for f in self.facts],
            "contradictions": [c.to_dict() for c in self.contradictions],
            "updates": [u.to_dict() for u in self.updates],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "brief": [b.to_dict() for b in self.brief],
        }
