"""Fixtures of the report tests: the compared seeds and examples, built by the comparison test helpers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "compare"))

from compare_helpers import event_members, seed_members

from newsfuse.compare import compare_story
from newsfuse.model import Article
from newsfuse.model.comparison import StoryComparison

EVENTS = ("kestrel-bay-fire", "dunmore-falls-fire", "harborview-library-vote")


@pytest.fixture(scope="session")
def compared_stories(seeds_dir: Path, examples_dir: Path) -> list[tuple[StoryComparison, list[Article]]]:
    """Every story the faithfulness check renders: the seeds and each example event."""
    stories = [list(seed_members(seeds_dir))] + [event_members(examples_dir, e) for e in EVENTS]
    return [(compare_story(members), [m.article for m in members]) for members in stories]
