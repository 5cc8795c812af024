"""``cluster.online.v2``: each article joins the best hot story or starts one; stories found to be one merge.

An editor's cues, combined: weighted words of the text and of the title (TF-IDF, IDF counted online),
shared named entities weighted by rarity, a static sentence embedding of the lead (weighted most while too
few articles have been seen for the online word frequencies to mean much), and the time between articles
(a penalty per day, and a window past which a story is closed and leaves the hot index). Candidates come
from an inverted index over rare words and entity keys, so adding an article costs the same at a million
articles as at ten thousand. An early join that a later article shows to be wrong is undone: the member
moves to a new story with the article that matches it best (recorded as a move), the online stand-in for
the global order in which offline average-link clustering would link them. An outlet's second article on
a story the same day needs stronger evidence; when it fits the story better than that outlet's article
already there, it takes that article's place, and the displaced article is placed again (also a move).

The clusterer is a pure, stateful object: ``add`` in publication order, ``snapshot``/``restore`` to save
it, ``drain_closed`` to hand stories that left the window to the store. ``cluster_batch`` re-clusters a
back-fill by streaming it in the same order, so batch and stream agree by construction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from newsfuse.errors import InputError, UsageError
from newsfuse.model.story import (
    Assignment,
    EntityRef,
    Story,
    StoryCandidate,
    StoryMember,
    StoryMerge,
    StoryMove,
)
from newsfuse.stories.features import ArticleFeatures, extract, to_day
from newsfuse.stories.index import CandidateIndex
from newsfuse.stories.options import ClusterOptions
from newsfuse.stories.state import StoryState, near_in_time
from newsfuse.stories.vectors import DocumentFrequency, dot, top_terms
from newsfuse.stories.xdoc import story_entities

NAME = "cluster.online.v2"


class OnlineClusterer:
    """Streaming story clustering with a bounded hot set (see the module docstring)."""

    name = NAME

    def __init__(self, options: ClusterOptions | None = None) -> None:
        self.options = options or ClusterOptions()
        self._df = DocumentFrequency()
        self._stories: dict[str, StoryState] = {}
        self._article_story: dict[str, str] = {}
        self._index = CandidateIndex(self.options.max_posting)
        self._closed: list[StoryState] = []
        self._now: float | None = None

    # ---- adding -------------------------------------------------------------------------------

    def add(self, candidate: StoryCandidate) -> Assignment:
        """Place one article (in publication order) and return where it went."""
        if not candidate.article_id:
            raise InputError("a story candidate needs an article id")
        if candidate.article_id in self._article_story:
            story_id = self._article_story[candidate.article_id]
            return Assignment(candidate.article_id, story_id, 1.0, new_story=False)
        day = to_day(candidate.published)
        self._advance(day)
        original = self._article_story.get(candidate.near_duplicate_of or "")
        if original is not None:
            return self._add_copy(candidate, original, day)
        features = extract(candidate, self._df, embed=self._meaning_weight() > 0)
        top_words = top_terms(features.text, self.options.query_terms)
        scored = self._score_candidates(features, top_words, candidate.outlet)
        member = _member(candidate, copy_of=candidate.near_duplicate_of)  # original closed: placed as any
        rehome = self._rehoming(features, candidate.outlet, scored)
        if rehome is not None:
            return self._rehome(*rehome, member, features, candidate, top_words)
        swap = self._swapping(features, candidate.outlet, scored)
        if swap is not None:
            return self._swap(*swap, member, features, candidate, top_words)
        if not scored or scored[0][0] < self.options.join_threshold:
            story = self._new_story(candidate.article_id)
            self._join(story, member, features, candidate, top_words)
            top = scored[0][0] if scored else 0.0
            return Assignment(candidate.article_id, story.id, top, new_story=True, copy_of=member.copy_of)
        score, best = scored[0]
        self._join(best, member, features, candidate, top_words)
        merges = self._merge_around(
            best, [s for sc, s in scored[1:] if sc >= self.options.join_threshold], member
        )
        return Assignment(candidate.article_id, best.id, score, False, member.copy_of, merges)

    def add_many(self, candidates: Iterable[StoryCandidate]) -> list[Assignment]:
        return [self.add(candidate) for candidate in candidates]

    def _add_copy(self, candidate: StoryCandidate, story_id: str, day: float | None) -> Assignment:
        story = self._stories[story_id]
        story.add_copy(_member(candidate, copy_of=candidate.near_duplicate_of), day)
        self._article_story[candidate.article_id] = story.id
        self._schedule(story)
        return Assignment(
            candidate.article_id, story.id, 1.0, new_story=False, copy_of=candidate.near_duplicate_of
        )

    def _rehoming(
        self, features: ArticleFeatures, outlet: str | None, scored: list[tuple[float, StoryState]]
    ) -> tuple[float, StoryState, str] | None:
        """The member of a small candidate story that the article matches better than any story, and
        better than the member fits the rest of its own story: (pair score, its story, its id). ``None``
        when there is none, or when it sits in the article's best story and the pair does not beat that
        story by ``rehome_split_margin`` (the article joins the story, the member with it)."""
        opts = self.options
        floor = max(opts.join_threshold, scored[0][0] if scored else opts.join_threshold)
        pairs = [
            (self._pair_similarity(features, outlet, story, article_id), article_id, story)
            for _, story in scored
            if 1 < len(story.member_features) <= opts.rehome_max_story
            for article_id in story.member_features
        ]
        pairs.sort(key=lambda pair: (-pair[0], pair[1]))
        for score, article_id, story in pairs:
            if score <= floor:
                break
            if score > self._fit_without(story, article_id):
                in_best = story is scored[0][1] and score < scored[0][0] + opts.rehome_split_margin
                return None if in_best else (score, story, article_id)
        return None

    def _pair_similarity(
        self, features: ArticleFeatures, outlet: str | None, story: StoryState, article_id: str
    ) -> float:
        """The article against one member alone, on the terms a story is scored on."""
        opts = self.options
        other = story.member_features[article_id]
        meaning = None
        if features.meaning is not None and other.meaning is not None:
            meaning = float(features.meaning @ other.meaning)
        blended = self._blended(
            dot(features.text, other.text),
            dot(features.title, other.title) if features.title and other.title else None,
            dot(features.entities, other.entities) if features.entities and other.entities else None,
            meaning,
        )
        member = next(m for m in story.members if m.article_id == article_id)
        same_outlet = (
            bool(outlet)
            and member.outlet == outlet
            and near_in_time(features.day, other.day, opts.outlet_days)
        )
        apart = abs(features.day - other.day) if features.day is not None and other.day is not None else 0.0
        return blended - opts.day_penalty * apart - (opts.outlet_penalty if same_outlet else 0.0)

    def _fit_without(self, story: StoryState, article_id: str) -> float:
        """How well a member fits the rest of its story (its words and entities against the others')."""
        return self._fit_instead(story.member_features[article_id], story, article_id)

    def _rehome(
        self,
        score: float,
        source: StoryState,
        moved_id: str,
        member: StoryMember,
        features: ArticleFeatures,
        candidate: StoryCandidate,
        top_words: list[str],
    ) -> Assignment:
        """Move a member (with its copies) out of ``source`` into a new story that the article joins."""
        moved, moved_features, refs, copies = source.detach(moved_id)
        self._schedule(source)
        story = self._new_story(candidate.article_id)
        self._settle(story, moved, moved_features, refs, copies)
        self._join(story, member, features, candidate, top_words)
        move = StoryMove(moved_id, source.id, story.id, candidate.article_id, score)
        return Assignment(candidate.article_id, story.id, score, True, member.copy_of, moves=(move,))

    def _swapping(
        self, features: ArticleFeatures, outlet: str | None, scored: list[tuple[float, StoryState]]
    ) -> tuple[float, StoryState, str] | None:
        """The story the article matches best but for the same-outlet penalty, when the article fits the
        rest of it better than its member from the article's outlet does: (the article's score against
        the rest, the story, that member's id)."""
        opts = self.options
        held_out = [
            (score + opts.outlet_penalty, story)
            for score, story in scored
            if story.has_outlet_near(outlet, features.day, opts.outlet_days)
        ]
        if not held_out or held_out[0][0] < max(opts.join_threshold, scored[0][0]):
            return None
        story = held_out[0][1]
        rivals = [
            m.article_id
            for m in story.members
            if m.outlet == outlet and m.article_id in story.member_features
        ]
        if len(rivals) != 1 or len(story.member_features) < 2:
            return None
        mine = self._fit_instead(features, story, rivals[0])
        if mine >= opts.join_threshold and mine > self._fit_without(story, rivals[0]) + opts.swap_margin:
            return mine, story, rivals[0]
        return None

    def _fit_instead(self, features: ArticleFeatures, story: StoryState, article_id: str) -> float:
        """How well the article fits a story without one of its members (the member itself: how well it
        fits the rest)."""
        own = story.member_features[article_id]
        return self._blended(
            story.text.cosine_instead(features.text, own.text),
            story.title.cosine_instead(features.title, own.title) if features.title and own.title else None,
            story.entities.cosine_instead(features.entities, own.entities)
            if features.entities and own.entities
            else None,
            None,
        )

    def _swap(
        self,
        score: float,
        story: StoryState,
        rival_id: str,
        member: StoryMember,
        features: ArticleFeatures,
        candidate: StoryCandidate,
        top_words: list[str],
    ) -> Assignment:
        """The article takes the rival's place in ``story``; the rival (with its copies) is placed again."""
        moved, moved_features, refs, copies = story.detach(rival_id)
        self._join(story, member, features, candidate, top_words)
        target = self._place_moved(moved, moved_features, refs, copies, story, candidate.article_id)
        move = StoryMove(rival_id, story.id, target.id, candidate.article_id, score)
        return Assignment(candidate.article_id, story.id, score, False, member.copy_of, moves=(move,))

    def _place_moved(
        self,
        moved: StoryMember,
        features: ArticleFeatures,
        refs: tuple[EntityRef, ...],
        copies: list[StoryMember],
        source: StoryState,
        by: str,
    ) -> StoryState:
        """Place a member taken out of ``source`` as a new arrival would be (never back into ``source``);
        a story it starts is named by :func:`successor_id` (its own name may be taken: by ``source``,
        which it started)."""
        words = top_terms(features.text, self.options.query_terms)
        scored = [
            (sc, s) for sc, s in self._score_candidates(features, words, moved.outlet) if s is not source
        ]
        if scored and scored[0][0] >= self.options.join_threshold:
            story = scored[0][1]
        else:
            story = self._new_story(successor_id(moved.article_id, by))
        self._settle(story, moved, features, refs, copies)
        return story

    def _settle(
        self,
        story: StoryState,
        moved: StoryMember,
        features: ArticleFeatures,
        refs: tuple[EntityRef, ...],
        copies: list[StoryMember],
    ) -> None:
        """Add a moved member and its copies to ``story``."""
        story.add(moved, features, refs, self.options.centroid_terms, self.options.member_terms)
        for copy in copies:
            story.add_copy(copy, to_day(copy.published))
        for article in (moved, *copies):
            self._article_story[article.article_id] = story.id
        self._post(story, set(top_terms(features.text, self.options.query_terms)) | set(features.entities))
        self._schedule(story)

    def _new_story(self, article_id: str) -> StoryState:
        """An empty hot story, named after the article that starts it."""
        story = StoryState(f"story-{article_id}")
        self._stories[story.id] = story
        return story

    def _join(
        self,
        story: StoryState,
        member: StoryMember,
        features: ArticleFeatures,
        cand: StoryCandidate,
        top_words: list[str],
    ) -> None:
        story.add(member, features, cand.entities, self.options.centroid_terms, self.options.member_terms)
        self._article_story[member.article_id] = story.id
        self._post(story, set(top_words) | set(features.entities))
        self._schedule(story)

    def _post(self, story: StoryState, keys: set[str]) -> None:
        """Index the story under those of ``keys`` it is not indexed under yet."""
        new_keys = keys - story.index_keys
        story.index_keys |= new_keys
        self._index.add(story.id, new_keys)

    # ---- scoring ------------------------------------------------------------------------------

    def _score_candidates(
        self, features: ArticleFeatures, top_words: list[str], outlet: str | None
    ) -> list[tuple[float, StoryState]]:
        """Candidate stories scored against the article, best first (ties broken by story id)."""
        query = {term: features.text[term] for term in top_words}
        query.update(
            (key, features.entities[key]) for key in top_terms(features.entities, self.options.query_terms)
        )
        scored = []
        for story_id in self._index.candidates(query, self.options.max_candidates):
            story = self._stories[story_id]
            scored.append((self._similarity(features, story, outlet), story))
        scored.sort(key=lambda item: (-item[0], item[1].id))
        return scored

    def _similarity(self, features: ArticleFeatures, story: StoryState, outlet: str | None) -> float:
        opts, linkage = self.options, self.options.linkage
        blended = self._blended(
            story.text.cosine(features.text, linkage),
            story.title.cosine(features.title, linkage) if features.title and story.title.length else None,
            story.entities.cosine(features.entities, linkage)
            if features.entities and story.entities.length
            else None,
            story.meaning.cosine(features.meaning),
        )
        same_outlet = story.has_outlet_near(outlet, features.day, opts.outlet_days)
        return (
            blended
            - opts.day_penalty * _days_apart(features.day, story)
            - (opts.outlet_penalty if same_outlet else 0.0)
        )

    def _story_similarity(self, a: StoryState, b: StoryState) -> float:
        return self._blended(
            a.text.cosine_centroid(b.text),
            a.title.cosine_centroid(b.title) if a.title.length and b.title.length else None,
            a.entities.cosine_centroid(b.entities) if a.entities.length and b.entities.length else None,
            a.meaning.cosine_centroid(b.meaning),
        )

    def _blended(
        self, text: float, title: float | None, entities: float | None, meaning: float | None
    ) -> float:
        """The weighted mean of the similarity terms both sides have (``None`` where one side lacks it),
        summed term by term in this order (it runs a dozen times per article: no list of parts)."""
        opts = self.options
        total, weighted = opts.text_weight, opts.text_weight * text
        if title is not None:
            total, weighted = total + opts.title_weight, weighted + opts.title_weight * title
        if entities is not None:
            total, weighted = total + opts.entity_weight, weighted + opts.entity_weight * entities
        weight = self._meaning_weight() if meaning is not None else 0.0
        if weight > 0 and meaning is not None:
            rescaled = max(0.0, (meaning - opts.meaning_floor) / (1.0 - opts.meaning_floor))
            total, weighted = total + weight, weighted + weight * rescaled
        return weighted / total if total else 0.0

    def _meaning_weight(self) -> float:
        """The embedding's weight: ``cold_meaning_weight`` before any article, ``meaning_weight`` from
        ``warm_documents`` on, linear between: word frequencies counted online need articles seen first."""
        opts = self.options
        if opts.warm_documents <= 0 or self._df.documents >= opts.warm_documents:
            return opts.meaning_weight
        cold = 1.0 - self._df.documents / opts.warm_documents
        return opts.meaning_weight + cold * (opts.cold_meaning_weight - opts.meaning_weight)

    # ---- merging and the window ---------------------------------------------------------------

    def _merge_around(
        self, kept: StoryState, others: list[StoryState], member: StoryMember
    ) -> tuple[StoryMerge, ...]:
        merges = []
        for other in others:
            score = self._story_similarity(kept, other)
            if score < self.options.merge_threshold:
                continue
            self._index.remove(other.id, other.index_keys)
            kept.absorb(other, self.options.centroid_terms)
            self._post(kept, other.index_keys)
            for absorbed in other.members:
                self._article_story[absorbed.article_id] = kept.id
            del self._stories[other.id]
            merges.append(StoryMerge(kept.id, other.id, member.article_id, score))
        self._schedule(kept)
        return tuple(merges)

    def _schedule(self, story: StoryState) -> None:
        due = story.due(self.options.max_story_days - self.options.window_days)
        if due is not None:
            self._index.schedule(story.id, due)

    def _advance(self, day: float | None) -> None:
        if day is None or (self._now is not None and day <= self._now):
            return
        self._now = day
        for due, story_id in self._index.expired(day - self.options.window_days):
            story = self._stories.get(story_id)
            if story is None or story.due(self.options.max_story_days - self.options.window_days) != due:
                continue  # merged away, or active again since this entry was scheduled
            self._close(story)

    def _close(self, story: StoryState) -> None:
        self._index.remove(story.id, story.index_keys)
        for member in story.members:
            self._article_story.pop(member.article_id, None)
        del self._stories[story.id]
        self._closed.append(story)

    # ---- reading ------------------------------------------------------------------------------

    def story_of(self, article_id: str) -> str | None:
        """The hot story an article is in (``None`` once its story has been closed)."""
        return self._article_story.get(article_id)

    def stories(self) -> list[Story]:
        """Records of the hot stories, oldest first."""
        return [self._record(story) for story in self._stories.values()]

    def drain_closed(self) -> list[Story]:
        """Records of the stories that left the window since the last call (for the store to keep)."""
        closed, self._closed = self._closed, []
        return [self._record(story) for story in closed]

    def hot_size(self) -> tuple[int, int]:
        """(hot stories, hot articles): what the memory bound applies to."""
        return len(self._stories), len(self._article_story)

    def _record(self, story: StoryState) -> Story:
        first, last = story.published_range()
        return Story(
            id=story.id,
            title=story.label,
            first_published=first,
            last_published=last,
            outlets=tuple(sorted({m.outlet for m in story.members if m.outlet})),
            members=tuple(story.members),
            key_entities=story_entities(story.entity_refs(), self.options.key_entities),
            label_history=tuple(story.label_history),
            merged_from=tuple(story.merged_from),
            clusterer=NAME,
        )

    # ---- saving -------------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The whole state as JSON-able data; :meth:`restore` gives back a clusterer that continues alike."""
        return {
            "name": NAME,
            "options": self.options.to_dict(),
            "df": self._df.to_dict(),
            "now": self._now,
            "stories": [story.to_dict() for story in self._stories.values()],
            "closed": [story.to_dict() for story in self._closed],
        }

    @classmethod
    def restore(cls, data: dict[str, Any]) -> OnlineClusterer:
        if data.get("name") != NAME:
            raise UsageError(f"snapshot is from {data.get('name')!r}, not {NAME!r}")
        clusterer = cls(ClusterOptions.from_dict(data["options"]))
        clusterer._df = DocumentFrequency.from_dict(data["df"])
        clusterer._now = data["now"]
        clusterer._closed = [StoryState.from_dict(s) for s in data["closed"]]
        for raw in data["stories"]:
            story = StoryState.from_dict(raw)
            clusterer._stories[story.id] = story
            clusterer._index.add(story.id, story.index_keys)
            clusterer._schedule(story)
            for member in story.members:
                clusterer._article_story[member.article_id] = story.id
        return clusterer


def cluster_batch(candidates: Iterable[StoryCandidate], options: ClusterOptions | None = None) -> list[Story]:
    """Re-cluster a back-fill: stream it in publication order (undated last, stable); return every story."""
    ordered = sorted(candidates, key=lambda c: (c.published is None, _sort_time(c.published)))
    clusterer = OnlineClusterer(options)
    clusterer.add_many(ordered)
    return clusterer.drain_closed() + clusterer.stories()


def _sort_time(moment: datetime | None) -> float:
    day = to_day(moment)
    return day if day is not None else 0.0


def _member(candidate: StoryCandidate, copy_of: str | None = None) -> StoryMember:
    return StoryMember(candidate.article_id, candidate.outlet, candidate.published, candidate.title, copy_of)


def successor_id(moved_id: str, by: str) -> str:
    """A hex id for the story an article displaced by ``by`` starts: story ids are ``story-`` and hex, so
    users can look them up by prefix; derived from both articles, so a rebuild names the story the same."""
    return hashlib.blake2b(f"{moved_id}:{by}".encode(), digest_size=8).hexdigest()


def _days_apart(day: float | None, story: StoryState) -> float:
    if day is None or story.first_day is None or story.last_day is None:
        return 0.0
    if story.first_day <= day <= story.last_day:
        return 0.0
    return min(abs(day - story.first_day), abs(day - story.last_day))
