"""Story types: what clustering reads (a candidate article) and what it produces (stories, entities, merges).

The clusterer reads :class:`StoryCandidate`, not :class:`~newsfuse.model.article.Article`, so that it does
not depend on how analysis represents entities: the service layer builds a candidate from an article and
its analysis. Everything here is plain data that round-trips through ``to_dict``/``from_dict``, so the
clusterer's state can be saved in the store and restored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


def _time_to_json(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _time_from_json(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None


@dataclass(frozen=True, slots=True)
class EntityRef:
    """One entity of one article after in-article coreference: its best name, type and other names.

    ``mentions`` counts how often the article refers to it (a proxy for how central it is).
    """

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": self.mentions,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityRef:
        return cls(data["name"], data["type"], tuple(data.get("aliases", ())), int(data.get("mentions", 1)))


@dataclass(frozen=True, slots=True)
class StoryCandidate:
    """What the clusterer needs to know about one article."""

    article_id: str
    published: datetime | None
    outlet: str | None
    title: str | None
    text: str
    entities: tuple[EntityRef, ...] = ()
    near_duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "published": _time_to_json(self.published),
            "outlet": self.outlet,
            "title": self.title,
            "text": self.text,
            "entities": [entity.to_dict() for entity in self.entities],
            "near_duplicate_of": self.near_duplicate_of,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryCandidate:
        return cls(
            article_id=data["article_id"],
            published=_time_from_json(data.get("published")),
            outlet=data.get("outlet"),
            title=data.get("title"),
            text=data["text"],
            entities=tuple(EntityRef.from_dict(e) for e in data.get("entities", ())),
            near_duplicate_of=data.get("near_duplicate_of"),
        )


@dataclass(frozen=True, slots=True)
class StoryMember:
    """An article of a story; ``copy_of`` names the original when the article is a near-duplicate copy."""

    article_id: str
    outlet: str | None
    published: datetime | None
    title: str | None
    copy_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "published": _time_to_json(self.published),
            "title": self.title,
            "copy_of": self.copy_of,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryMember:
        return cls(
            data["article_id"],
            data.get("outlet"),
            _time_from_json(data.get("published")),
            data.get("title"),
            data.get("copy_of"),
        )


@dataclass(frozen=True, slots=True)
class StoryEntity:
    """A cross-document entity: the same person, organisation or place across a story's articles.

    ``entity_id`` is the global entity table's id, so the same entity links stories together.
    ``mentions`` maps article id to how often that article refers to it.
    """

    entity_id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: dict[str, int]
    weight: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": dict(self.mentions),
            "weight": self.weight,
        }


@dataclass(frozen=True, slots=True)
class LabelChange:
    """The story's representative title changed to ``title`` (a member's title) after ``article_id``."""

    title: str
    article_id: str

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "article_id": self.article_id}


@dataclass(frozen=True, slots=True)
class StoryMerge:
    """Two stories turned out to be one: ``absorbed`` was merged into ``kept`` when ``article_id`` came."""

    kept: str
    absorbed: str
    article_id: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "kept": self.kept,
            "absorbed": self.absorbed,
            "article_id": self.article_id,
            "score": self.score,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryMerge:
        return cls(data["kept"], data["absorbed"], data["article_id"], float(data["score"]))


@dataclass(frozen=True, slots=True)
class StoryMove:
    """An article left ``source`` for ``target`` when ``article_id`` came and matched it better than the
    rest of its story did (``score``): an early, weak join undone."""

    moved: str
    source: str
    target: str
    article_id: str
    score: float


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one added article went: its story, how sure we were, and whether it started or merged stories."""

    article_id: str
    story_id: str
    score: float
    new_story: bool
    copy_of: str | None = None
    merges: tuple[StoryMerge, ...] = ()
    moves: tuple[StoryMove, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """A story record, as the clusterer reports it (``clusterer`` names the implementation and version)."""

    id: str
    title: str | None
    first_published: datetime | None
    last_published: datetime | None
    outlets: tuple[str, ...]
    members: tuple[StoryMember, ...]
    key_entities: tuple[StoryEntity, ...]
    label_history: tuple[LabelChange, ...]
    merged_from: tuple[str, ...] = ()
    clusterer: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.members)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "first_published": _time_to_json(self.first_published),
            "last_published": _time_to_json(self.last_published),
            "outlets": list(self.outlets),
            "members": [m.to_dict() for m in self.members],
            "key_entities": [e.to_dict() for e in self.key_entities],
            "label_history": [c.to_dict() for c in self.label_history],
            "merged_from": list(self.merged_from),
            "clusterer": self.clusterer,
        }
