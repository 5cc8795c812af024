"""Stories over the store: feed articles to the online clusterer in publication order and keep what it finds.

The clusterer's snapshot is saved with every batch of stories, so streaming resumes where it stopped: a
later ingest feeds only the articles that are in no story yet. :func:`rebuild_stories` forgets every story
and streams the whole store again through the same code, so a rebuild equals streaming the same articles
in publication order.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from newsfuse.model import Article, ArticleAnalysis
from newsfuse.model.story import EntityRef, Story, StoryCandidate, StoryMerge
from newsfuse.store import EntityKeys, Store, StoryUpdate
from newsfuse.stories.clusterer import NAME as CLUSTERER_NAME
from newsfuse.stories.clusterer import OnlineClusterer
from newsfuse.stories.names import name_key

CHUNK = 500


@dataclass
class ClusterReport:
    """What a clustering run did: articles placed, stories started, existing stories grown, merges."""

    clustered: int = 0
    created: int = 0
    updated: int = 0
    merged: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "clusterer": CLUSTERER_NAME,
            "clustered": self.clustered,
            "created": self.created,
            "updated": self.updated,
            "merged": self.merged,
            "seconds": round(self.seconds, 3),
        }


class ClusterProgress(Protocol):
    """Hooks a front end implements to show a clustering run."""

    def clustering_started(self, total: int) -> None: ...

    def clustering_advanced(self, done: int) -> None: ...


class _Silent:
    def clustering_started(self, total: int) -> None:
        pass

    def clustering_advanced(self, done: int) -> None:
        pass


def story_candidate(article: Article, analysis: ArticleAnalysis | None) -> StoryCandidate:
    """What the clusterer reads about an article: its metadata, text and analysed entities (if any)."""
    entities: tuple[EntityRef, ...] = ()
    if analysis is not None:
        entities = tuple(EntityRef(e.name, e.type, e.aliases, len(e.mentions)) for e in analysis.entities)
    return StoryCandidate(
        article_id=article.id,
        published=article.published,
        outlet=article.outlet,
        title=article.title,
        text=article.text,
        entities=entities,
        near_duplicate_of=article.near_duplicate_of,
    )


def update_stories(store: Store, progress: ClusterProgress | None = None) -> ClusterReport:
    """Place every article that is in no story yet, in publication order, resuming the saved clusterer."""
    snapshot = store.load_cluster_state(CLUSTERER_NAME)
    clusterer = OnlineClusterer.restore(snapshot) if snapshot else OnlineClusterer()
    return _feed(store, clusterer, store.article_ids(chronological=True, unclustered=True), progress)


def rebuild_stories(store: Store, progress: ClusterProgress | None = None) -> ClusterReport:
    """Forget every story and re-cluster the whole store from scratch, in publication order."""
    store.clear_stories()
    return _feed(store, OnlineClusterer(), store.article_ids(chronological=True), progress)


def _feed(
    store: Store, clusterer: OnlineClusterer, ids: list[str], progress: ClusterProgress | None
) -> ClusterReport:
    progress = progress or _Silent()
    started = time.monotonic()
    report = ClusterReport()
    progress.clustering_started(len(ids))
    for start in range(0, len(ids), CHUNK):
        _feed_chunk(store, clusterer, ids[start : start + CHUNK], report)
        progress.clustering_advanced(report.clustered)
    report.seconds = time.monotonic() - started
    return report


def _feed_chunk(store: Store, clusterer: OnlineClusterer, ids: Sequence[str], report: ClusterReport) -> None:
    """Add one chunk of articles and write the stories it touched, with the snapshot, in one transaction."""
    analyses = store.get_analyses(ids)
    touched: set[str] = set()
    created: set[str] = set()
    merges: list[StoryMerge] = []
    for article in store.get_articles(ids):
        assignment = clusterer.add(story_candidate(article, analyses.get(article.id)))
        touched.add(assignment.story_id)
        if assignment.new_story:
            created.add(assignment.story_id)
        merges.extend(assignment.merges)
        report.clustered += 1
    absorbed = {merge.absorbed for merge in merges}
    report.created += len(created - absorbed)
    report.updated += len(touched - created - absorbed)
    report.merged += len(merges)
    hot = clusterer.stories()
    written = clusterer.drain_closed() + [story for story in hot if story.id in touched]
    store.save_stories(
        StoryUpdate(
            clusterer=CLUSTERER_NAME,
            stories=written,
            hot={story.id for story in hot},
            merges=merges,
            entity_keys=entity_keys(written),
            snapshot=clusterer.snapshot(),
        )
    )


def entity_keys(stories: list[Story]) -> dict[str, EntityKeys]:
    """How each story entity meets the global table. A one-word alias ("Chief", "Brightwell") is known
    but never looked up: the analysis's generic aliases would otherwise join two chiefs into one person."""
    keys: dict[str, EntityKeys] = {}
    for story in stories:
        for entity in story.key_entities:
            own = name_key(entity.name)
            aliases = sorted({name_key(alias) for alias in entity.aliases} - {"", own})
            find = [own] if own else []
            find += [key for key in aliases if " " in key]
            keys[entity.entity_id] = EntityKeys(tuple(find), tuple(dict.fromkeys([*find, *aliases])))
    return keys
