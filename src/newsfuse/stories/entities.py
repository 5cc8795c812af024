"""Grouping entity mentions into entities: within one article, and across the articles of a story.

Within an article, a short name ("Kerry") joins the full name it stands for ("John Kerry"). Across
articles, two entities are one when a name or alias of one matches a name or alias of the other by key,
with compatible types; the merged entity keeps every alias and mention. The type of a group is decided
over all its mentions, because the small spaCy model flips types for the same name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsfuse.model.story import EntityRef
from newsfuse.stories.names import is_short_form, name_key, type_family


@dataclass
class _Group:
    surfaces: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)

    def add(self, surface: str, label: str, count: int = 1) -> None:
        self.surfaces[surface] += count
        self.labels[label] += count

    def absorb(self, other: _Group) -> None:
        self.surfaces.update(other.surfaces)
        self.labels.update(other.labels)

    def to_ref(self) -> EntityRef:
        name = max(self.surfaces, key=lambda s: (len(name_key(s).split()), self.surfaces[s], s))
        aliases = tuple(sorted({s for s in self.surfaces if s != name}))
        return EntityRef(name, self.labels.most_common(1)[0][0], aliases, sum(self.surfaces.values()))


def entities_from_mentions(mentions: Sequence[tuple[str, str]]) -> tuple[EntityRef, ...]:
    """One article's entities from its raw NER mentions ``(text, label)``, most mentioned first."""
    groups: dict[str, _Group] = {}
    for surface, label in mentions:
        key = name_key(surface)
        if key:
            groups.setdefault(key, _Group()).add(surface.strip(), label)
    _fold_short_forms(groups)
    refs = [group.to_ref() for group in groups.values()]
    return tuple(sorted(refs, key=lambda ref: (-ref.mentions, ref.name)))


def _fold_short_forms(groups: dict[str, _Group]) -> None:
    """Fold "Kerry" into "John Kerry" when exactly one longer name of a compatible type ends with it."""
    for key in sorted(groups, key=lambda k: len(k.split())):
        family = type_family(groups[key].labels.most_common(1)[0][0])
        fulls = [
            other
            for other in groups
            if is_short_form(key, other) and _compatible(family, groups[other].labels.most_common(1)[0][0])
        ]
        if len(fulls) == 1:
            groups[fulls[0]].absorb(groups.pop(key))


def _compatible(family: str, label: str) -> bool:
    other = type_family(label)
    return family == other or "OTHER" in (family, other) or {family, other} == {"PERSON", "ORG"}


def entity_keys(entity: EntityRef) -> tuple[str, ...]:
    """The keys an entity is known by: its name and aliases (a person's bare surname is a weaker key,
    see :func:`surname_key`), sorted."""
    return _name_keys(entity.name, entity.aliases)


@lru_cache(maxsize=1 << 16)
def _name_keys(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """Cached on the strings, not the ``EntityRef``: the same entities recur in every story record, and a
    key of strings hashes in C and is left out of the garbage collector's walks (an ``EntityRef`` key
    costs a Python-level hash per look-up and kept every cached entity alive for the collector to walk)."""
    keys = {name_key(name), *(name_key(alias) for alias in aliases)}
    keys.discard("")
    return tuple(sorted(keys))


def surname_key(entity: EntityRef) -> str | None:
    """A person's last name, by which a later article may refer to them alone ("Kardashian")."""
    return _surname(entity.name, entity.type)


@lru_cache(maxsize=1 << 16)
def _surname(name: str, label: str) -> str | None:
    if type_family(label) != "PERSON":
        return None
    words = name_key(name).split()
    return words[-1] if len(words) > 1 else None
