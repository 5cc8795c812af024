"""Stories in the store: records, memberships with copy flags, merges, global entities and the snapshot."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from newsfuse.errors import NotFoundError, StoreError, UsageError
from newsfuse.model.story import LabelChange, Story, StoryEntity, StoryMember, StoryMerge
from newsfuse.store.base import (
    ClusterState,
    ComparisonCounts,
    EntityKeys,
    GlobalEntity,
    StoredStory,
    StoryFilters,
    StorySort,
    StorySummary,
    StoryUpdate,
)
from newsfuse.store.rows import id_prefix_key, sort_key
from newsfuse.store.tables import SqlTables, Tx, from_json, to_json

STORY_PREFIX = "story-"
_STORY_COLUMNS = "id, clusterer, title, size, outlets, first_published, last_published, hot, document"
_UPSERT_STORY = (
    f"INSERT INTO stories ({_STORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET clusterer = excluded.clusterer, title = excluded.title, "
    "size = excluded.size, outlets = excluded.outlets, "
    "first_published = excluded.first_published, last_published = excluded.last_published, "
    "hot = excluded.hot, document = excluded.document"
)
_UPSERT_MEMBER = (
    "INSERT INTO story_members (article_id, story_id, copy_of) VALUES (?, ?, ?) "
    "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, copy_of = excluded.copy_of"
)
_UPSERT_MERGE = (
    "INSERT INTO story_merges (absorbed, kept, article_id, score) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (absorbed) DO UPDATE SET kept = excluded.kept, article_id = excluded.article_id, "
    "score = excluded.score"
)
_NEXT_STATE = (
    "UPDATE cluster_state SET snapshot = ?, version = version + 1 WHERE clusterer = ? AND version = ?"
)
_FIRST_STATE = (
    "INSERT INTO cluster_state (clusterer, snapshot, version) VALUES (?, ?, 1) "
    "ON CONFLICT (clusterer) DO NOTHING"
)
_ORDER: dict[str, str] = {
    "newest": "s.last_published DESC NULLS LAST, s.id",
    "largest": "s.size DESC, s.last_published DESC NULLS LAST, s.id",
    # compared stories by contradictions then facts (then id, as their index reads them), the rest newest
    "contested": "c.contradictions DESC NULLS LAST, c.facts DESC, "
    "CASE WHEN c.story_id IS NULL THEN NULL ELSE s.id END, s.last_published DESC NULLS LAST, s.id",
}
_COMPARED = "c.contradictions DESC, c.facts DESC, c.story_id"
_SUMMARY_COLUMNS = (
    "s.id, s.title, s.size, s.outlets, s.first_published, s.last_published, s.hot, "
    "c.facts, c.corroborated, c.contradictions, c.quotes"
)
_SUMMARY = f"SELECT {_SUMMARY_COLUMNS} FROM stories s LEFT JOIN story_comparisons c ON c.story_id = s.id"
_COMPARED_SUMMARY = f"SELECT {_SUMMARY_COLUMNS} FROM story_comparisons c JOIN stories s ON s.id = c.story_id"
_CLEARED = (
    "story_entities",
    "entity_keys",
    "entities",
    "story_merges",
    "story_members",
    "stories",
    "cluster_state",
)


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _utc(key: str | None) -> datetime | None:
    """A stored UTC sort key back as an aware datetime."""
    return datetime.fromisoformat(key).replace(tzinfo=UTC) if key else None


def story_from_dict(data: dict[str, Any]) -> Story:
    """Rebuild the :class:`Story` whose ``to_dict`` was stored."""
    return Story(
        id=data["id"],
        title=data.get("title"),
        first_published=_time(data.get("first_published")),
        last_published=_time(data.get("last_published")),
        outlets=tuple(data.get("outlets", ())),
        members=tuple(StoryMember.from_dict(m) for m in data.get("members", ())),
        key_entities=tuple(
            StoryEntity(
                e["entity_id"],
                e["name"],
                e["type"],
                tuple(e["aliases"]),
                dict(e["mentions"]),
                float(e["weight"]),
            )
            for e in data.get("key_entities", ())
        ),
        label_history=tuple(LabelChange(c["title"], c["article_id"]) for c in data.get("label_history", ())),
        merged_from=tuple(data.get("merged_from", ())),
        clusterer=data.get("clusterer", ""),
    )


def _where(filters: StoryFilters | None) -> tuple[str, list[Any]]:
    """The WHERE clause (or nothing) and its parameters that keep the stories ``filters`` asks for.

    Outlet and entity are EXISTS probes, so a list walks its sort index and stops at a page."""
    if filters is None:
        return "", []
    clauses: list[str] = []
    params: list[Any] = []
    if filters.since is not None:
        clauses.append("s.last_published >= ?")
        params.append(sort_key(filters.since))
    if filters.until is not None:
        clauses.append("s.first_published <= ?")
        params.append(sort_key(filters.until))
    if filters.outlet is not None:
        clauses.append("EXISTS (SELECT 1 FROM story_outlets o WHERE o.outlet = ? AND o.story_id = s.id)")
        params.append(filters.outlet)
    if filters.entity is not None:
        clauses.append("EXISTS (SELECT 1 FROM story_entities e WHERE e.story_id = s.id AND e.entity_id = ?)")
        params.append(filters.entity)
    return ("WHERE " + " AND ".join(clauses), params) if clauses else ("", [])


def _summary(row: dict[str, Any]) -> StorySummary:
    counts = None
    if row["facts"] is not None:
        counts = ComparisonCounts(row["facts"], row["corroborated"], row["contradictions"], row["quotes"])
    return StorySummary(
        row["id"],
        row["title"],
        row["size"],
        tuple(from_json(row["outlets"])),
        _utc(row["first_published"]),
        _utc(row["last_published"]),
        bool(row["hot"]),
        counts,
    )


def _story_row(story: Story, hot: bool) -> tuple[Any, ...]:
    return (
        story.id,
        story.clusterer,
        story.title,
        story.size,
        to_json(list(story.outlets)),
        sort_key(story.first_published),
        sort_key(story.last_published),
        int(hot),
        to_json(story.to_dict()),
    )


def _advance_state(tx: Tx, update: StoryUpdate) -> None:
    """Save the snapshot as the next version, first thing in the transaction, or refuse the whole write.

    The conditional UPDATE (or the INSERT of version 1) is atomic on both backends, so of two processes
    that started from the same snapshot only the first one's stories are written.
    """
    snapshot = json.dumps(update.snapshot)
    if update.based_on:
        changed = tx.run(_NEXT_STATE, (snapshot, update.clusterer, update.based_on))
    else:
        changed = tx.run(_FIRST_STATE, (update.clusterer, snapshot))
    if changed != 1:
        raise StoreError(
            "another process changed the stories while this one was clustering; nothing of this batch was "
            "written: run `newsfuse cluster` to place the remaining articles"
        )


def _story_key(id_or_prefix: str) -> str:
    """The hex part of a story id or prefix to look up, or the error a user should see for it."""
    try:
        return id_prefix_key(id_or_prefix.strip().lower().removeprefix(STORY_PREFIX))
    except NotFoundError:
        raise NotFoundError(f"no story with id {id_or_prefix!r} (ids are story- and hexadecimal)") from None
    except UsageError:
        raise UsageError(f"story id prefix {id_or_prefix!r} is too short: give more of it") from None


def _link_entity(tx: Tx, story_id: str, entity: StoryEntity, keys: EntityKeys) -> None:
    """Link a story entity to the global entity its first findable key names, or enter it as a new one."""
    found = None
    for key in keys.find:
        rows = tx.rows("SELECT entity_id FROM entity_keys WHERE name_key = ?", (key,))
        if rows:
            found = rows[0]["entity_id"]
            break
    if found is None:
        found = entity.entity_id
        tx.run(
            "INSERT INTO entities (id, name, type) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
            (found, entity.name, entity.type),
        )
    tx.run_many(
        "INSERT INTO entity_keys (name_key, entity_id) VALUES (?, ?) ON CONFLICT (name_key) DO NOTHING",
        [(key, found) for key in keys.known],
    )
    tx.run(
        "INSERT INTO story_entities (story_id, entity_id, local_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        (story_id, found, entity.entity_id),
    )


class StoryTables(SqlTables):
    """The story half of the store contract, on any SQL backend."""

    def load_cluster_state(self, clusterer: str) -> ClusterState | None:
        rows = self._read("SELECT snapshot, version FROM cluster_state WHERE clusterer = ?", (clusterer,))
        return ClusterState(json.loads(rows[0]["snapshot"]), int(rows[0]["version"])) if rows else None

    def save_stories(self, update: StoryUpdate) -> int:
        with self._transaction() as tx:
            _advance_state(tx, update)
            for merge in update.merges:
                tx.run("DELETE FROM stories WHERE id = ?", (merge.absorbed,))
                tx.run(_UPSERT_MERGE, (merge.absorbed, merge.kept, merge.article_id, merge.score))
            for story in update.stories:
                tx.run(_UPSERT_STORY, _story_row(story, story.id in update.hot))
                tx.run("DELETE FROM story_comparisons WHERE story_id = ?", (story.id,))
                tx.run("DELETE FROM story_outlets WHERE story_id = ?", (story.id,))
                tx.run_many(
                    "INSERT INTO story_outlets (outlet, story_id) VALUES (?, ?)",
                    [(outlet, story.id) for outlet in dict.fromkeys(story.outlets)],
                )
                tx.run_many(_UPSERT_MEMBER, [(m.article_id, story.id, m.copy_of) for m in story.members])
                tx.run("DELETE FROM story_entities WHERE story_id = ?", (story.id,))
                for entity in story.key_entities:
                    _link_entity(
                        tx, story.id, entity, update.entity_keys.get(entity.entity_id, EntityKeys((), ()))
                    )
        return update.based_on + 1

    def clear_stories(self) -> None:
        with self._transaction() as tx:
            for table in _CLEARED:
                tx.run(f"DELETE FROM {table}")

    def list_stories(
        self,
        sort: StorySort = "newest",
        limit: int = 20,
        offset: int = 0,
        filters: StoryFilters | None = None,
    ) -> list[StorySummary]:
        where, params = _where(filters)
        if sort == "contested" and not where:
            return self._most_contested(limit, offset)
        rows = self._read(
            f"{_SUMMARY} {where} ORDER BY {_ORDER[sort]} LIMIT ? OFFSET ?", (*params, limit, offset)
        )
        return [_summary(row) for row in rows]

    def _most_contested(self, limit: int, offset: int) -> list[StorySummary]:
        """The contested order read in two index scans: compared stories by their counts, then the rest
        newest first (one sorted join over every story would cost a full sort on each page)."""
        compared = int(self._read("SELECT count(*) AS n FROM story_comparisons")[0]["n"])
        rows: list[dict[str, Any]] = []
        if offset < compared:
            rows = self._read(f"{_COMPARED_SUMMARY} ORDER BY {_COMPARED} LIMIT ? OFFSET ?", (limit, offset))
        if len(rows) < limit:
            rows += self._read(
                f"{_SUMMARY} WHERE c.story_id IS NULL ORDER BY {_ORDER['newest']} LIMIT ? OFFSET ?",
                (limit - len(rows), max(0, offset - compared)),
            )
        return [_summary(row) for row in rows]

    def count_stories(self, filters: StoryFilters | None = None) -> int:
        where, params = _where(filters)
        return int(self._read(f"SELECT count(*) AS n FROM stories s {where}", params)[0]["n"])

    def story_of(self, article_id: str) -> str | None:
        rows = self._read("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,))
        return str(rows[0]["story_id"]) if rows else None

    def get_entity(self, entity_id: str) -> GlobalEntity:
        rows = self._read("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,))
        if not rows:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        keys = self._read(
            "SELECT name_key FROM entity_keys WHERE entity_id = ? ORDER BY name_key", (entity_id,)
        )
        links = self._read(
            "SELECT e.story_id, e.local_id FROM story_entities e JOIN stories s ON s.id = e.story_id "
            "WHERE e.entity_id = ? ORDER BY s.last_published DESC NULLS LAST, s.id",
            (entity_id,),
        )
        return GlobalEntity(
            rows[0]["id"],
            rows[0]["name"],
            rows[0]["type"],
            tuple(k["name_key"] for k in keys),
            {link["story_id"]: link["local_id"] for link in links},
        )

    def get_story(self, id_or_prefix: str) -> StoredStory:
        key = STORY_PREFIX + _story_key(id_or_prefix)
        rows = self._read(
            "SELECT id, hot, document FROM stories WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (key, key + "g"),
        )
        if not rows:
            raise NotFoundError(f"no story with id {id_or_prefix!r}")
        if len(rows) > 1:
            raise UsageError(f"story id prefix {id_or_prefix!r} matches several stories; give more of it")
        story_id = rows[0]["id"]
        merges = self._read(
            "SELECT absorbed, kept, article_id, score FROM story_merges WHERE kept = ? ORDER BY absorbed",
            (story_id,),
        )
        links = self._read("SELECT local_id, entity_id FROM story_entities WHERE story_id = ?", (story_id,))
        return StoredStory(
            story_from_dict(from_json(rows[0]["document"])),
            bool(rows[0]["hot"]),
            [StoryMerge(m["kept"], m["absorbed"], m["article_id"], float(m["score"])) for m in merges],
            {link["local_id"]: link["entity_id"] for link in links},
        )
