"""An entity across stories: the global entity table's entry and what it said in each of its stories."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsfuse.service.quotes import QuoteResult, quote_results
from newsfuse.store import GlobalEntity, Store, StoredStory
from newsfuse.stories.names import name_key

_MAX_STORIES = 100


@dataclass(frozen=True, slots=True)
class EntityStory:
    """One story the entity is in, and the quotes its articles attribute to the entity."""

    story: StoredStory
    quotes: list[QuoteResult]

    def to_dict(self) -> dict[str, Any]:
        story = self.story.story
        return {
            "story_id": story.id,
            "title": story.title,
            "last_published": story.last_published.isoformat() if story.last_published else None,
            "quotes": [q.to_dict() for q in self.quotes],
        }


@dataclass(frozen=True, slots=True)
class EntityView:
    """An entity, with its stories newest first and its quotes in each."""

    entity: GlobalEntity
    stories: list[EntityStory]

    def to_dict(self) -> dict[str, Any]:
        e = self.entity
        return {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "keys": list(e.keys),
            "stories": [s.to_dict() for s in self.stories],
        }


def show_entity(store: Store, entity_id: str, max_stories: int = _MAX_STORIES) -> EntityView:
    """The entity with this global id and, for each of its newest stories, the quotes it is the speaker of.

    A quote counts when its speaker's name (as the analysis resolved it) has one of the names the
    entity is known by, in an article of the story that mentions the entity.
    """
    entity = store.get_entity(entity_id)
    keys = set(entity.keys) | {name_key(entity.name)}
    stories: list[EntityStory] = []
    for story_id, local_id in list(entity.stories.items())[:max_stories]:
        stored = store.get_story(story_id)
        mentioned = [
            article_id
            for e in stored.story.key_entities
            if e.entity_id == local_id
            for article_id in e.mentions
        ]
        hits = [
            h for h in store.quotes_in(mentioned) if h.speaker is not None and name_key(h.speaker) in keys
        ]
        stories.append(EntityStory(stored, quote_results(store, hits)))
    return EntityView(entity, stories)
