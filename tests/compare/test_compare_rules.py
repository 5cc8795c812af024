"""The comparison rules on small hand-written stories about a fictional ferry strike (no shared data)."""

from __future__ import annotations

import pytest
from compare_helpers import article, members_of

from newsfuse.compare import compare_story
from newsfuse.errors import InputError
from newsfuse.model import Span
from newsfuse.model.comparison import ConflictType, Contradiction, StoryComparison, StoryMember

FIRST = article(
    "first",
    "Quillport Gazette",
    2,
    "Ferry workers in Quillport walked off the job on Monday, halting service to Marrow Isle.",
    "About 120 deckhands joined the strike, union organiser Tamsin Oyelaran said.",
    "“We are not going back until the company listens to us,” Oyelaran said.",
    "The union vote is scheduled for Thursday.",
)
SECOND = article(
    "second",
    "Harrow Ledger",
    4,
    "Ferry workers in Quillport walked off the job Monday and halted service to Marrow Isle.",
    "About 180 deckhands joined the strike, according to the union.",
    "“We are not going back until the company hears us,” Oyelaran said.",
    "“The ferries are safe and the timetable is fair,” company director Ivo Brandt said.",
    "Thursday's union vote passed, ending the strike.",
)
COPY = article(
    "copy",
    "Marrow Isle Weekly",
    5,
    "Ferry workers in Quillport walked off the job Monday and halted service to Marrow Isle.",
    "About 180 deckhands joined the strike, according to the union.",
)


@pytest.fixture(scope="module")
def story() -> tuple[list[StoryMember], StoryComparison]:
    copy = COPY.with_near_duplicate_of(SECOND.id)
    members = members_of([FIRST, SECOND, copy])
    return members, compare_story(members)


def _text(members: list[StoryMember], article_id: str, start: int, end: int) -> str:
    return next(m.article for m in members if m.article.id == article_id).text[start:end]


def test_same_fact_in_other_words_is_corroborated(story: tuple[list[StoryMember], StoryComparison]) -> None:
    """The walk-out, worded differently by two outlets, is one fact with two independent outlets."""
    members, comparison = story
    walkout = [
        f
        for f in comparison.corroborated
        if any("walked off" in _text(members, *_at(c.span)) for c in f.claims)
    ]
    assert walkout and set(walkout[0].outlets) == {"Quillport Gazette", "Harrow Ledger"}


def test_a_copy_adds_no_outlet(story: tuple[list[StoryMember], StoryComparison]) -> None:
    """The near-copy's statements are credited to its origin, so no fact gains an outlet from it."""
    _, comparison = story
    copied = [c for f in comparison.facts for c in f.claims if c.outlet == "Marrow Isle Weekly"]
    assert copied and all(c.credited == "Harrow Ledger" for c in copied)
    assert all("Marrow Isle Weekly" not in f.outlets for f in comparison.facts)


def test_different_counts_are_a_number_contradiction(
    story: tuple[list[StoryMember], StoryComparison],
) -> None:
    """120 and 180 deckhands is a count contradiction with the two numbers as details."""
    members, comparison = story
    numbers = [c for c in comparison.contradictions if c.type is ConflictType.NUMBER]
    assert numbers and numbers[0].subtype == "count"
    assert {_text(members, *_at_detail(numbers[0], "a")), _text(members, *_at_detail(numbers[0], "b"))} == {
        "120",
        "180",
    }


def test_reworded_quote_is_one_entry_with_a_variant(story: tuple[list[StoryMember], StoryComparison]) -> None:
    """The same quotation with one word changed is one entry; the later version flags the changed word."""
    members, comparison = story
    entries = [q for q in comparison.quotes if len(q.occurrences) > 1]
    assert len(entries) == 1
    entry = entries[0]
    assert entry.first_reported_by == "Quillport Gazette"
    later = entry.occurrences[1]
    assert later.is_variant
    assert [_text(members, *_at(s)) for s in later.changed] == ["hears"]


def test_different_quotes_stay_apart(story: tuple[list[StoryMember], StoryComparison]) -> None:
    """A quote from another speaker about another thing is its own entry."""
    _, comparison = story
    assert any(q.speaker and "Brandt" in q.speaker for q in comparison.quotes)
    assert len(comparison.quotes) >= 2


def test_scheduled_then_passed_is_an_update_not_a_contradiction(
    story: tuple[list[StoryMember], StoryComparison],
) -> None:
    """'Scheduled' earlier and 'passed' later is an update; no contradiction pairs those two claims."""
    members, comparison = story
    assert len(comparison.updates) == 1
    update = comparison.updates[0]
    assert update.earlier.article_id == FIRST.id and update.later.article_id == SECOND.id
    assert _text(members, *_at(update.earlier_cue)) == "scheduled"
    assert not any(c.a == update.earlier and c.b == update.later for c in comparison.contradictions)


def test_brief_puts_corroborated_first(story: tuple[list[StoryMember], StoryComparison]) -> None:
    """The brief opens with corroborated statements, each with more than one outlet."""
    _, comparison = story
    assert comparison.brief[0].section == "corroborated"
    assert len(comparison.brief[0].outlets) > 1


def test_empty_story_is_refused() -> None:
    """Comparing no articles raises InputError rather than returning an empty result."""
    with pytest.raises(InputError):
        compare_story([])


def test_analysis_of_another_article_is_refused() -> None:
    """A member whose analysis belongs to another article is refused with a clear reason."""
    first, second = members_of([FIRST, SECOND])
    with pytest.raises(InputError, match="analysis of"):
        compare_story([StoryMember(first.article, second.analysis)])


def _at(span: Span) -> tuple[str, int, int]:
    return span.article_id, span.start, span.end


def _at_detail(conflict: Contradiction, side: str) -> tuple[str, int, int]:
    return _at(conflict.a_detail if side == "a" else conflict.b_detail)
