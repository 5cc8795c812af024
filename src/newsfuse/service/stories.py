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

from newsfuse.errors import UsageError
from newsfuse.model import Article, ArticleAnalysis
from newsfuse.model.story import EntityRef, Story, StoryCandidate, StoryMerge
from newsfuse.store import EntityKeys, Store, StoryUpdate
from newsfuse.stories.clusterer import NAME as CLUSTERER_NAME
from newsfuse.stories.clusterer import OnlineClusterer
from newsfuse.stories.names import name_key

CHUNK = 500


@dataclass
class ClusterReport:
    """What a clustering run did: articles placed, stories started, existing stories grown, merges, and
    articles moved to a better story."""

    clustered: int = 0
    created: int = 0
    updated: int = 0
    merged: int = 0
    moved: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "clusterer": CLUSTERER_NAME,
            "clustered": self.clustered,
            "created": self.created,
            "updated": self.updated,
            "merged": self.merged,
            "moved": self.moved,
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
    state = store.load_cluster_state(CLUSTERER_NAME)
    run = _Run(store, _restore(state.snapshot), state.version) if state else _Run(store, OnlineClusterer())
    return run.feed(store.article_ids(chronological=True, unclustered=True), progress)


def _restore(snapshot: dict[str, Any]) -> OnlineClusterer:
    """The saved clusterer, or a clear way out when it was saved by an incompatible version of the code."""
    try:
        return OnlineClusterer.restore(snapshot)
    except (KeyError, TypeError, ValueError, UsageError) as error:
        raise UsageError(
            f"the saved state of {CLUSTERER_NAME} cannot be restored ({type(error).__name__}: {error}); it "
            "was saved by another version of newsfuse: run `newsfuse cluster --rebuild` to re-cluster"
        ) from error


def rebuild_stories(store: Store, progress: ClusterProgress | None = None) -> ClusterReport:
    """Forget every story and re-cluster the whole store from scratch, in publication order."""
    store.clear_stories()
    return _Run(store, OnlineClusterer()).feed(store.article_ids(chronological=True), progress)


class _Run:
    """One clustering run: the clusterer, the snapshot version it continues, and the counts."""

    def __init__(self, store: Store, clusterer: OnlineClusterer, version: int = 0) -> None:
        self.store = store
        self.clusterer = clusterer
        self.version = version
        self.report = ClusterReport()

    def feed(self, ids: list[str], progress: ClusterProgress | None) -> ClusterReport:
        progress = progress or _Silent()
        started = time.monotonic()
        progress.clustering_started(len(ids))
        for start in range(0, len(ids), CHUNK):
            self._chunk(ids[start : start + CHUNK])
            progress.clustering_advanced(self.report.clustered)
        self.report.seconds = time.monotonic() - started
        return self.report

    def _chunk(self, ids: Sequence[str]) -> None:
        """Add one chunk of articles; write the stories it touched, with the snapshot, in one transaction."""
        analyses = self.store.get_analyses(ids)
        touched: set[str] = set()
        created: set[str] = set()
        merges: list[StoryMerge] = []
        for article in self.store.get_articles(ids):
            assignment = self.clusterer.add(story_candidate(article, analyses.get(article.id)))
            touched.add(assignment.story_id)
            if assignment.new_story:
                created.add(assignment.story_id)
            merges.extend(assignment.merges)
            touched.update(story for move in assignment.moves for story in (move.source, move.target))
            self.report.moved += len(assignment.moves)
            self.report.clustered += 1
        absorbed = {merge.absorbed for merge in merges}
        self.report.created += len(created - absorbed)
        self.report.updated += len(touched - created - absorbed)
        self.report.merged += len(merges)
        hot = self.clusterer.stories()
        written = self.clusterer.drain_closed() + [story for story in hot if story.id in touched]
        update = StoryUpdate(
            clusterer=CLUSTERER_NAME,
            stories=written,
            hot={story.id for story in hot},
            merges=merges,
            entity_keys=entity_keys(written),
            snapshot=self.clusterer.snapshot(),
            based_on=self.version,
        )
        self.version = self.store.save_stories(update)


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
