"""Compare coverage within a story: claims, aligned facts, corroboration, contradictions, quotes, timeline.

Entry point: :func:`compare_story` over a story's members (article, analysis, copy status); the result is
a :class:`newsfuse.model.comparison.StoryComparison` whose every statement is a span of a source.
"""

from newsfuse.compare.align import AlignOptions
from newsfuse.compare.story import compare_story
from newsfuse.model.comparison import COMPARER_NAME, StoryMember

__all__ = ["COMPARER_NAME", "AlignOptions", "StoryMember", "compare_story"]
