"""Reading stories back: a list (newest or largest first) and one story, as typed results with JSON twins."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from newsfuse.model.story import StoryEntity, StoryMember
from newsfuse.store import Store, StoredStory, StoryFilters, StorySort, StorySummary
from newsfuse.store.rows import sort_key


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class StoryPage:
    """One page of stories and how many there are in all."""

    items: list[StorySummary]
    total: int
    sort: StorySort
    filters: StoryFilters | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sort": self.sort,
            "total": self.total,
            "items": [
                {
                    "id": s.id,
                    "title": s.title,
                    "size": s.size,
                    "outlets": list(s.outlets),
                    "first_published": _iso(s.first_published),
                    "last_published": _iso(s.last_published),
                    "hot": s.hot,
                    "counts": summary_counts(s),
                }
                for s in self.items
            ],
        }


@dataclass(frozen=True, slots=True)
class StoryView:
    """One story: members grouped by outlet then time (copies marked), key entities with their global
    ids, how its label changed and which stories were merged into it."""

    stored: StoredStory
    members: list[StoryMember]

    @property
    def key_entities(self) -> tuple[StoryEntity, ...]:
        return self.stored.story.key_entities

    def global_id(self, entity: StoryEntity) -> str:
        return self.stored.global_entities.get(entity.entity_id, entity.entity_id)

    def to_dict(self) -> dict[str, Any]:
        data = self.stored.story.to_dict()
        data["members"] = [m.to_dict() for m in self.members]
        for entity in data["key_entities"]:
            entity["global_id"] = self.stored.global_entities.get(entity["entity_id"], entity["entity_id"])
        data["size"] = len(self.members)
        data["hot"] = self.stored.hot
        data["merges"] = [m.to_dict() for m in self.stored.merges]
        return data


def summary_counts(summary: StorySummary) -> dict[str, int] | None:
    """What the story's cached comparison found (facts, corroborated, contradictions, quotes), if cached."""
    return asdict(summary.counts) if summary.counts is not None else None


def list_stories(
    store: Store,
    sort: StorySort = "newest",
    limit: int = 20,
    offset: int = 0,
    filters: StoryFilters | None = None,
) -> StoryPage:
    """Stories by latest publication (``newest``), by number of articles (``largest``) or by
    contradictions found (``contested``: stories with a cached comparison first), kept by ``filters``."""
    return StoryPage(
        store.list_stories(sort, limit, offset, filters), store.count_stories(filters), sort, filters
    )


def show_story(store: Store, id_or_prefix: str) -> StoryView:
    """The story with this id (or a unique prefix of its hex part)."""
    stored = store.get_story(id_or_prefix)
    members = sorted(
        stored.story.members,
        key=lambda m: (
            m.outlet is None,
            m.outlet or "",
            m.published is None,
            sort_key(m.published) or "",
            m.article_id,
        ),
    )
    return StoryView(stored, members)
