"""A hot story's own records: its members' entities kept per member, through merges, moves and snapshots."""

from __future__ import annotations

from datetime import UTC, datetime

from newsfuse.model.story import EntityRef, StoryMember
from newsfuse.stories.features import ArticleFeatures
from newsfuse.stories.state import StoryState

T0 = datetime(2031, 6, 2, 9, 0, tzinfo=UTC)
BRANDVIK = EntityRef("Ilse Brandvik", "PERSON", ("Brandvik",), 2)
VELMAR = EntityRef("Port Velmar", "GPE", (), 1)
ALDRA = EntityRef("Aldra", "ORG", (), 1)


def _join(story: StoryState, article_id: str, *refs: EntityRef) -> None:
    member = StoryMember(article_id, "Velmar Herald", T0, f"Ferry report {article_id}", None)
    features = ArticleFeatures(article_id, {"ferry": 1.0}, {"report": 1.0}, {}, None)
    story.add(member, features, refs, keep=300, member_terms=100)


def test_entities_are_listed_by_member_in_join_order_through_a_merge() -> None:
    """Members' entities come back in the order the members joined, the absorbed story's after."""
    story, other = StoryState("story-a"), StoryState("story-b")
    _join(story, "a1", BRANDVIK, VELMAR)
    _join(story, "a2")
    _join(other, "b1", ALDRA)
    story.absorb(other, keep=300)
    assert story.entity_refs() == [("a1", BRANDVIK), ("a1", VELMAR), ("b1", ALDRA)]


def test_a_moved_member_takes_its_entities_along() -> None:
    """Detaching a member returns its own entities and leaves the others'."""
    story = StoryState("story-a")
    _join(story, "a1", BRANDVIK)
    _join(story, "a2", VELMAR, ALDRA)
    _, _, refs, _ = story.detach("a2")
    assert refs == (VELMAR, ALDRA)
    assert story.entity_refs() == [("a1", BRANDVIK)]


def test_entities_survive_a_snapshot() -> None:
    """A restored story lists the same entities, by member, in the same order."""
    story = StoryState("story-a")
    _join(story, "a1", BRANDVIK, VELMAR)
    _join(story, "a2", ALDRA)
    assert StoryState.from_dict(story.to_dict()).entity_refs() == story.entity_refs()
