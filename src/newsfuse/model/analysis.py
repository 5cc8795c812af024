"""What the analysis stage says about one article: sentences, entities, quotes and dates.

Every piece is a :class:`Span` into the article's clean text (copying no text), and every result carries
the analyzer's versioned name so an improved analyzer can re-run over the store. All types round-trip
through plain JSON with ``to_dict`` / ``from_dict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsfuse.model.article import Span


def _span_from(data: dict[str, Any]) -> Span:
    return Span(str(data["article_id"]), int(data["start"]), int(data["end"]), str(data.get("label", "")))


def _spans_from(items: list[dict[str, Any]] | None) -> tuple[Span, ...]:
    return tuple(_span_from(item) for item in items or [])


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation or place as the article refers to it, all its mentions gathered.

    ``id`` is local to the article ("e0", "e1", …); ``type`` is decided by a vote over the mentions,
    so one mistagged mention does not split the entity.
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            type=str(data["type"]),
            aliases=tuple(str(a) for a in data.get("aliases", [])),
            mentions=_spans_from(data.get("mentions")),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """An attribution: who (speaker) said, wrote or believes what (content), and through which cue.

    ``kind`` is "direct" (the content is a quotation, marks included), "mixed" (reported speech
    holding a quoted fragment) or "indirect". ``content`` may be several ranges: a quote split by its
    cue, or carried on into the next paragraph. ``speaker`` is the literal mention ("she", "the
    senator"); ``speaker_entity`` the article entity it resolves to. ``via_outlet`` is the outlet the
    words were first given to ("told the outlet", "in an interview with …"), when one is named.
    """

    kind: str
    content: tuple[Span, ...]
    cue: Span | None = None
    cue_lemma: str | None = None
    speaker: Span | None = None
    speaker_entity: str | None = None
    via_outlet: Span | None = None
    via_outlet_name: str | None = None

    @property
    def start(self) -> int:
        return self.content[0].start

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "content": [c.to_dict() for c in self.content],
            "cue": self.cue.to_dict() if self.cue else None,
            "cue_lemma": self.cue_lemma,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_entity": self.speaker_entity,
            "via_outlet": self.via_outlet.to_dict() if self.via_outlet else None,
            "via_outlet_name": self.via_outlet_name,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        def optional(key: str) -> Span | None:
            value = data.get(key)
            return _span_from(value) if value else None

        return cls(
            kind=str(data["kind"]),
            content=_spans_from(data.get("content")),
            cue=optional("cue"),
            cue_lemma=data.get("cue_lemma"),
            speaker=optional("speaker"),
            speaker_entity=data.get("speaker_entity"),
            via_outlet=optional("via_outlet"),
            via_outlet_name=data.get("via_outlet_name"),
        )


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A date or time expression with its value resolved against the publication date.

    ``value`` is ISO-like: "2023-12", "2024-05-17", "2015", or a range "2024-01/2024-07"; ``None`` when
    it cannot be resolved, with ``reason`` saying why (for example no publication date).
    """

    span: Span
    value: str | None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "value": self.value, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TemporalExpression:
        return cls(span=_span_from(data["span"]), value=data.get("value"), reason=data.get("reason"))


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the analysis stage found in one article, stamped with the analyzer's name."""

    article_id: str
    analyzer: str
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[TemporalExpression, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with that local id, if any."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "analyzer": self.analyzer,
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleAnalysis:
        return cls(
            article_id=str(data["article_id"]),
            analyzer=str(data["analyzer"]),
            sentences=_spans_from(data.get("sentences")),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", [])),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", [])),
            dates=tuple(TemporalExpression.from_dict(d) for d in data.get("dates", [])),
            notes=tuple(str(n) for n in data.get("notes", [])),
        )
