"""Fixtures of the comparison tests: the seeds and the examples as compared stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_helpers import event_members, seed_members

from newsfuse.compare import compare_story
from newsfuse.model.comparison import StoryComparison, StoryMember


@pytest.fixture(scope="session")
def seeds_story(seeds_dir: Path) -> tuple[list[StoryMember], StoryComparison]:
    members = list(seed_members(seeds_dir))
    return members, compare_story(members)


@pytest.fixture(scope="session")
def example_stories(examples_dir: Path) -> dict[str, StoryComparison]:
    """Event id → the comparison of that event's articles."""
    events = ("kestrel-bay-fire", "dunmore-falls-fire", "harborview-library-vote")
    return {event: compare_story(event_members(examples_dir, event)) for event in events}
