"""One story while it is hot: its centroid vectors, members, entities and label, and how to snapshot it."""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np

from newsfuse.model.story import EntityRef, LabelChange, StoryMember
from newsfuse.stories.features import ArticleFeatures, Meaning, to_day
from newsfuse.stories.vectors import Vector, add_into, dot, norm, prune


@dataclass
class Centroid:
    """The sum of the members' unit vectors, pruned to its heaviest terms, with its length kept current."""

    vector: Vector = field(default_factory=dict)
    length: float = 0.0
    count: int = 0

    def add(self, vector: Vector, keep: int) -> None:
        """Add one member's unit (or empty) vector."""
        self._grow(vector, 1.0 if vector else 0.0, keep, 1)

    def absorb(self, other: Centroid, keep: int) -> None:
        self._grow(other.vector, other.length * other.length, keep, other.count)

    def _grow(self, vector: Vector, squared_length: float, keep: int, count: int) -> None:
        self.count += count
        squared = self.length * self.length + 2.0 * dot(vector, self.vector) + squared_length
        add_into(self.vector, vector)
        if len(self.vector) > 2 * keep:
            self.vector = prune(self.vector, keep)
            self.length = norm(self.vector)
        else:  # |c + v|² = |c|² + 2 c·v + |v|², without a pass over the whole centroid
            self.length = math.sqrt(max(squared, 0.0))

    def remove(self, vector: Vector) -> None:
        """Take one member's vector out again (a member that moved to another story). The member's vector
        is the one kept for it (its heaviest terms), so its lightest terms stay behind as a faint blur;
        what falls to zero is dropped."""
        self.count -= 1
        for term, value in vector.items():
            left = self.vector.get(term, 0.0) - value
            if left > 1e-9:
                self.vector[term] = left
            else:
                self.vector.pop(term, None)
        self.length = norm(self.vector)

    def cosine_instead(self, vector: Vector, member: Vector) -> float:
        """Cosine of ``vector`` to the centroid with a member's vector taken out (|c - m|² = |c|² - 2 c·m
        + |m|²); with the member's own vector, how well it fits its story apart from itself."""
        if self.count <= 1:
            return 0.0
        shared, own = dot(member, self.vector), dot(member, member)
        rest = math.sqrt(max(self.length * self.length - 2.0 * shared + own, 0.0))
        toward = shared - own if vector is member else dot(vector, self.vector) - dot(vector, member)
        return toward / rest if rest > 1e-9 else 0.0

    def cosine(self, vector: Vector, linkage: float = 0.0) -> float:
        """Cosine to the centroid (``linkage`` 0) or mean cosine to the members (``linkage`` 1), or between:
        the centroid of a broad story is long-winded and matches too much, the mean penalises breadth."""
        if not self.length:
            return 0.0
        if not linkage:  # the default: the centroid's own length (no powers to take)
            return dot(vector, self.vector) / self.length
        spread: float = self.length ** (1.0 - linkage) * float(self.count) ** linkage
        return dot(vector, self.vector) / spread

    def to_dict(self) -> dict[str, Any]:
        return {"vector": self.vector, "length": self.length, "count": self.count}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Centroid:
        return cls(dict(data["vector"]), float(data["length"]), int(data["count"]))

    def cosine_centroid(self, other: Centroid) -> float:
        if not self.length or not other.length:
            return 0.0
        return dot(other.vector, self.vector) / (self.length * other.length)


@dataclass
class MeaningCentroid:
    """The sum of the members' unit lead embeddings (dense, a few hundred floats per story)."""

    total: Meaning | None = None

    def add(self, vector: Meaning | None) -> None:
        if vector is not None:
            self.total = vector.copy() if self.total is None else self.total + vector

    def absorb(self, other: MeaningCentroid) -> None:
        self.add(other.total)

    def cosine(self, vector: Meaning | None) -> float | None:
        """Cosine to the centroid, or ``None`` when either side has no embedding."""
        if vector is None or self.total is None:
            return None
        length = float(np.linalg.norm(self.total))
        return float(np.dot(self.total, vector)) / length if length else 0.0

    def cosine_centroid(self, other: MeaningCentroid) -> float | None:
        if other.total is None:
            return None
        length = float(np.linalg.norm(other.total))
        return self.cosine(other.total / length) if length else 0.0

    def to_json(self) -> str | None:
        return None if self.total is None else base64.b64encode(self.total.astype("<f4").tobytes()).decode()

    @classmethod
    def from_json(cls, data: str | None) -> MeaningCentroid:
        if data is None:
            return cls()
        return cls(np.frombuffer(base64.b64decode(data), dtype="<f4").astype(np.float32))


def near_in_time(day: float | None, other: float | None, within: float) -> bool:
    """Whether two days are at most ``within`` apart; an undated side counts as near (nothing says
    they are apart)."""
    return day is None or other is None or abs(day - other) <= within


@dataclass(frozen=True, slots=True)
class OutletSeen:
    """When an outlet last published in a story (``None`` while undated), and whether any of its
    members there is undated."""

    latest: float | None
    undated: bool

    def merged(self, other: OutletSeen | None) -> OutletSeen:
        if other is None:
            return self
        days = [day for day in (self.latest, other.latest) if day is not None]
        return OutletSeen(max(days) if days else None, self.undated or other.undated)


@dataclass
class StoryState:
    """A hot story. ``day`` fields are days since the epoch (``None`` while every member is undated)."""

    id: str
    text: Centroid = field(default_factory=Centroid)
    title: Centroid = field(default_factory=Centroid)
    entities: Centroid = field(default_factory=Centroid)
    meaning: MeaningCentroid = field(default_factory=MeaningCentroid)
    members: list[StoryMember] = field(default_factory=list)
    member_refs: dict[str, tuple[EntityRef, ...]] = field(default_factory=dict)
    first_day: float | None = None
    last_day: float | None = None
    label: str | None = None
    label_score: float = -1.0
    label_history: list[LabelChange] = field(default_factory=list)
    merged_from: list[str] = field(default_factory=list)
    index_keys: set[str] = field(default_factory=set)
    member_features: dict[str, ArticleFeatures] = field(default_factory=dict)
    outlet_days: dict[str, OutletSeen] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.outlet_days:  # restored from a snapshot, which keeps only the members
            for member in self.members:
                self._see_outlet(member)

    def add(
        self,
        member: StoryMember,
        features: ArticleFeatures,
        refs: tuple[EntityRef, ...],
        keep: int,
        member_terms: int,
    ) -> None:
        """Add an original article: its vectors move the centroids, its title may become the label. Its
        own vectors are kept too (the text's ``member_terms`` heaviest terms), so it can be compared alone
        and moved out again."""
        self.member_features[member.article_id] = ArticleFeatures(  # vectors are never changed in place
            features.article_id,
            prune(features.text, member_terms),
            features.title,
            features.entities,
            features.day,
            features.meaning,
        )
        self.members.append(member)
        self._see_outlet(member)
        self.member_refs[member.article_id] = refs
        self.text.add(features.text, keep)
        self.title.add(features.title, keep)
        self.entities.add(features.entities, keep)
        self.meaning.add(features.meaning)
        self._see_day(features.day)
        if member.title:
            score = self.title.cosine(features.title)
            if self.label is None or score > self.label_score + 0.05:
                self.label, self.label_score = member.title, score
                self.label_history.append(LabelChange(member.title, member.article_id))

    def add_copy(self, member: StoryMember, day: float | None) -> None:
        """A near-duplicate copy is a member but says nothing new: the centroids stay as they are."""
        self.members.append(member)
        self._see_outlet(member)
        self._see_day(day)

    def absorb(self, other: StoryState, keep: int) -> None:
        """Take over every member, entity and vector of ``other`` (a merge)."""
        self.members.extend(other.members)
        self.member_features.update(other.member_features)
        for outlet, seen in other.outlet_days.items():
            self.outlet_days[outlet] = seen.merged(self.outlet_days.get(outlet))
        self.member_refs.update(other.member_refs)
        self.text.absorb(other.text, keep)
        self.title.absorb(other.title, keep)
        self.entities.absorb(other.entities, keep)
        self.meaning.absorb(other.meaning)
        self._see_day(other.first_day)
        self._see_day(other.last_day)
        self.merged_from.extend([other.id, *other.merged_from])

    def detach(
        self, article_id: str
    ) -> tuple[StoryMember, ArticleFeatures, tuple[EntityRef, ...], list[StoryMember]]:
        """Take an original member, and its copies, out of the story (they move to another): its vectors
        leave the centroids, its entities the records; the label, days and outlets are worked out again."""
        member = next(m for m in self.members if m.article_id == article_id)
        copies = [m for m in self.members if m.copy_of == article_id]
        features = self.member_features.pop(article_id)
        self.members = [m for m in self.members if m is not member and m.copy_of != article_id]
        refs = self.member_refs.pop(article_id, ())
        self.text.remove(features.text)
        self.title.remove(features.title)
        self.entities.remove(features.entities)
        self.first_day = self.last_day = None
        self.outlet_days = {}
        for rest in self.members:
            self._see_day(to_day(rest.published))
            self._see_outlet(rest)
        if self.label is not None and self.label == member.title:
            heir = next((m for m in self.members if m.title), None)
            self.label, self.label_score = (heir.title, -1.0) if heir else (None, -1.0)
            if heir and heir.title:
                self.label_history.append(LabelChange(heir.title, heir.article_id))
        return member, features, refs, copies

    def entity_refs(self) -> list[tuple[str, EntityRef]]:
        """Every member's entities as (article id, entity), members in the order they joined. Kept per
        member as the article's own tuple: a pair per entity would be five more objects per hot article
        for the garbage collector to walk."""
        return [(article_id, ref) for article_id, refs in self.member_refs.items() for ref in refs]

    def has_outlet_near(self, outlet: str | None, day: float | None, within: float) -> bool:
        """Whether ``outlet``'s latest member was published within ``within`` days of ``day`` (an
        undated member, or an undated ``day``, counts as near: nothing says they are apart). Articles
        come in publication order, so the latest is the nearest; one check, however big the story."""
        seen = self.outlet_days.get(outlet) if outlet else None
        return seen is not None and (seen.undated or near_in_time(seen.latest, day, within))

    def _see_outlet(self, member: StoryMember) -> None:
        if member.outlet:
            day = to_day(member.published)
            seen = OutletSeen(day, day is None)
            self.outlet_days[member.outlet] = seen.merged(self.outlet_days.get(member.outlet))

    def due(self, longest_open: float) -> float | None:
        """The day from which the window counts before the story closes: its last article, or
        ``longest_open`` days after its first, whichever is earlier, so no story stays hot for ever."""
        if self.first_day is None or self.last_day is None:
            return None
        return min(self.last_day, self.first_day + longest_open)

    def _see_day(self, day: float | None) -> None:
        if day is None:
            return
        self.first_day = day if self.first_day is None else min(self.first_day, day)
        self.last_day = day if self.last_day is None else max(self.last_day, day)

    def published_range(self) -> tuple[datetime | None, datetime | None]:
        timed = sorted((to_day(m.published) or 0.0, i) for i, m in enumerate(self.members) if m.published)
        if not timed:
            return None, None
        # compared as days since the epoch: naive and aware times may mix
        return self.members[timed[0][1]].published, self.members[timed[-1][1]].published

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text.to_dict(),
            "title": self.title.to_dict(),
            "entities": self.entities.to_dict(),
            "meaning": self.meaning.to_json(),
            "members": [m.to_dict() for m in self.members],
            "entity_refs": [[article_id, ref.to_dict()] for article_id, ref in self.entity_refs()],
            "first_day": self.first_day,
            "last_day": self.last_day,
            "label": self.label,
            "label_score": self.label_score,
            "label_history": [c.to_dict() for c in self.label_history],
            "merged_from": self.merged_from,
            "index_keys": sorted(self.index_keys),
            "member_features": {
                article_id: {
                    "text": f.text,
                    "title": f.title,
                    "entities": f.entities,
                    "day": f.day,
                    "meaning": MeaningCentroid(f.meaning).to_json(),
                }
                for article_id, f in self.member_features.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryState:
        return cls(
            id=data["id"],
            text=Centroid.from_dict(data["text"]),
            title=Centroid.from_dict(data["title"]),
            entities=Centroid.from_dict(data["entities"]),
            meaning=MeaningCentroid.from_json(data.get("meaning")),
            members=[StoryMember.from_dict(m) for m in data["members"]],
            member_refs=_by_member(data["entity_refs"]),
            first_day=data["first_day"],
            last_day=data["last_day"],
            label=data["label"],
            label_score=data["label_score"],
            label_history=[LabelChange(c["title"], c["article_id"]) for c in data["label_history"]],
            merged_from=list(data["merged_from"]),
            index_keys=set(data["index_keys"]),
            member_features={
                article_id: ArticleFeatures(
                    article_id,
                    f["text"],
                    f["title"],
                    f["entities"],
                    f["day"],
                    MeaningCentroid.from_json(f["meaning"]).total,
                )
                for article_id, f in data.get("member_features", {}).items()  # none in older snapshots
            },
        )


def _by_member(pairs: list[list[Any]]) -> dict[str, tuple[EntityRef, ...]]:
    """A snapshot's (article id, entity) pairs back into each member's tuple."""
    grouped: dict[str, list[EntityRef]] = {}
    for article_id, ref in pairs:
        grouped.setdefault(article_id, []).append(EntityRef.from_dict(ref))
    return {article_id: tuple(refs) for article_id, refs in grouped.items()}
