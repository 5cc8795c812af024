"""Cross-document entities: one entity per person, organisation or place across a story, and a global table.

Inside a story, entities of different articles are one when they share a name or alias key, or when one is
a bare surname of the other's full name ("Kardashian" → "Kim Kardashian"); a bare surname shared by two
different full names stays apart from both. The global :class:`EntityTable` links the stories' entities
by the same keys, so one person has one id in every story.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsfuse.model.story import EntityRef, StoryEntity
from newsfuse.stories.entities import entity_keys, surname_key
from newsfuse.stories.names import name_key, type_family


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _link(refs: Sequence[EntityRef]) -> _UnionFind:
    groups = _UnionFind(len(refs))
    owner: dict[str, int] = {}
    for i, ref in enumerate(refs):
        for key in entity_keys(ref):
            if key in owner:
                groups.union(owner[key], i)
            else:
                owner[key] = i
    surnames: defaultdict[str, set[int]] = defaultdict(set)
    for i, ref in enumerate(refs):
        surname = surname_key(ref)
        if surname:
            surnames[surname].add(groups.find(i))
    for surname, roots in surnames.items():
        if len(roots) == 1 and surname in owner:  # exactly one full name carries this surname
            groups.union(next(iter(roots)), owner[surname])
    return groups


def entity_id(name: str, label: str) -> str:
    """A stable id from the canonical name and coarse type."""
    return f"{type_family(label).lower()}:{name_key(name).replace(' ', '-')}"


def story_entities(refs: Sequence[tuple[str, EntityRef]], limit: int) -> tuple[StoryEntity, ...]:
    """The story's entities across its articles, ranked by how many articles name them, then mentions."""
    groups = _link([ref for _, ref in refs])
    members: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(len(refs)):
        members[groups.find(i)].append(i)
    ranked = [(_weight(_mentions([refs[i] for i in idx])), idx) for idx in members.values()]
    if len(ranked) > limit:  # full records only for the groups that make the cut: names break ties
        floor = heapq.nlargest(limit, (weight for weight, _ in ranked))[-1]
        above = [(weight, idx) for weight, idx in ranked if weight > floor]
        tied = [idx for weight, idx in ranked if weight == floor]
        tied.sort(key=lambda idx: _name(_surfaces([refs[i] for i in idx])))
        ranked = above + [(floor, idx) for idx in tied[: limit - len(above)]]
    out = [_story_entity([refs[i] for i in idx]) for _, idx in ranked]
    out.sort(key=lambda e: (-e.weight, e.name))
    return tuple(out)


def _mentions(group: Sequence[tuple[str, EntityRef]]) -> dict[str, int]:
    """Mentions of one entity per article."""
    mentions: dict[str, int] = {}
    for article_id, ref in group:
        mentions[article_id] = mentions.get(article_id, 0) + ref.mentions
    return mentions


def _weight(mentions: dict[str, int]) -> float:
    """How many articles name the entity, plus a little for how often (the rank within the story)."""
    return len(mentions) + math.log1p(sum(mentions.values())) / 10.0


def _surfaces(group: Sequence[tuple[str, EntityRef]]) -> dict[str, int]:
    """Every name of one entity, weighted by the mentions under it (aliases count for naming, not weight)."""
    surfaces: dict[str, int] = {}
    for _, ref in group:
        surfaces[ref.name] = surfaces.get(ref.name, 0) + ref.mentions
        for alias in ref.aliases:
            surfaces.setdefault(alias, 0)
    return surfaces


def _name(surfaces: dict[str, int]) -> str:
    """The fullest, most used name."""
    return max(surfaces, key=lambda s: (len(name_key(s).split()), surfaces[s], s))


def _story_entity(group: Sequence[tuple[str, EntityRef]]) -> StoryEntity:
    surfaces = _surfaces(group)
    labels: Counter[str] = Counter()
    for _, ref in group:
        labels[ref.type] += ref.mentions
    mentions = _mentions(group)
    name = _name(surfaces)
    label = labels.most_common(1)[0][0]
    aliases = tuple(sorted(s for s in surfaces if s != name))
    return StoryEntity(entity_id(name, label), name, label, aliases, mentions, _weight(mentions))


@dataclass
class TableEntry:
    """One entity of the global table: its names and the stories it appears in."""

    entity_id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)


class EntityTable:
    """Entities across stories, linked by name and alias keys (the store keeps it; it only grows)."""

    def __init__(self) -> None:
        self.entries: dict[str, TableEntry] = {}
        self._by_key: dict[str, str] = {}

    def add_story(self, story_id: str, entities: Sequence[StoryEntity]) -> dict[str, str]:
        """Link a story's entities; returns each story entity id → its global entity id."""
        linked = {}
        for entity in entities:
            keys = {name_key(entity.name), *(name_key(a) for a in entity.aliases)} - {""}
            found = next((self._by_key[k] for k in sorted(keys) if k in self._by_key), None)
            entry = self.entries.get(found) if found else None
            if entry is None:
                entry = TableEntry(entity.entity_id, entity.name, entity.type)
                self.entries[entry.entity_id] = entry
            entry.aliases.update(entity.aliases)
            entry.aliases.add(entity.name)
            entry.stories.add(story_id)
            for key in keys:
                self._by_key.setdefault(key, entry.entity_id)
            linked[entity.entity_id] = entry.entity_id
        return linked

    def lookup(self, name: str) -> TableEntry | None:
        """The entity a name or alias refers to, if any."""
        found = self._by_key.get(name_key(name))
        return self.entries.get(found) if found else None
