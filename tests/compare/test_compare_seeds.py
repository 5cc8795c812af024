"""Acceptance on the two seed articles: what both report, what one reports, where they differ."""

from __future__ import annotations

import pytest

from newsfuse.model import Span
from newsfuse.model.comparison import ConflictType, Fact, StoryComparison, StoryMember

pytestmark = pytest.mark.shared

Story = tuple[list[StoryMember], StoryComparison]


def _text(members: list[StoryMember], span_owner: str, start: int, end: int) -> str:
    article = next(m.article for m in members if m.article.id == span_owner)
    return article.text[start:end]


def _claim_texts(story: Story, fact: Fact) -> dict[str, str]:
    members, _ = story
    texts: dict[str, str] = {}
    for c in fact.claims:
        said = _text(members, c.span.article_id, c.span.start, c.span.end).casefold()
        texts[c.span.article_id] = f"{texts.get(c.span.article_id, '')} {said}".strip()
    return texts


def _corroborated_by_both(story: Story, first_word: str, second_word: str | None = None) -> bool:
    members, comparison = story
    first, second = members[0].article.id, members[1].article.id
    for fact in comparison.corroborated:
        texts = _claim_texts(story, fact)
        both = first in texts and second in texts
        if both and first_word in texts[first] and (second_word or first_word) in texts[second]:
            return True
    return False


def _single_source_in(story: Story, word: str, index: int) -> bool:
    members, comparison = story
    owner = members[index].article.id
    facts = [f for f in comparison.facts if any(word in t for t in _claim_texts(story, f).values())]
    return bool(facts) and all(not f.corroborated and f.claims[0].span.article_id == owner for f in facts)


def test_meeting_about_prison_reform_is_corroborated(seeds_story: Story) -> None:
    """Both outlets report that the meeting was about prison reform."""
    assert _corroborated_by_both(seeds_story, "prison reform")


def test_age_is_corroborated(seeds_story: Story) -> None:
    """Both outlets give Blanchard's age, 32."""
    assert _corroborated_by_both(seeds_story, "32")


def test_appearance_on_the_show_is_corroborated(seeds_story: Story) -> None:
    """Both outlets say the meeting appears on the family's show (season / episode)."""
    assert _corroborated_by_both(seeds_story, "season", "episode")


def test_honor_is_corroborated_by_two_different_quotes(seeds_story: Story) -> None:
    """Both call the meeting an honor, and the two quotations stay two entries, not one variant."""
    members, comparison = seeds_story
    assert _corroborated_by_both(seeds_story, "honor")
    carriers = {
        q.occurrences[0].content[0].article_id
        for q in comparison.quotes
        if "honor" in _text(members, *_span(q.occurrences[0].content[0])).casefold()
    }
    assert carriers == {members[0].article.id, members[1].article.id}
    assert all(len(q.outlets) == 1 for q in comparison.quotes)


def _span(span: Span) -> tuple[str, int, int]:
    return span.article_id, span.start, span.end


@pytest.mark.parametrize(("word", "index"), [("entertainment tonight", 0), ("trailer", 0)])
def test_single_source_in_first_outlet(seeds_story: Story, word: str, index: int) -> None:
    """The interview outlet and the season trailer are reported by the first outlet only."""
    assert _single_source_in(seeds_story, word, index)


@pytest.mark.parametrize("word", ["2015", "chillicothe", "social media"])
def test_single_source_in_second_outlet(seeds_story: Story, word: str) -> None:
    """The conviction, the release and the social-media contact are reported by the second outlet only."""
    assert _single_source_in(seeds_story, word, 1)


def test_interview_is_credited_to_the_outlet_it_was_given_to(seeds_story: Story) -> None:
    """A statement made in an interview with a named outlet is credited to that outlet."""
    _, comparison = seeds_story
    assert any("Entertainment Tonight" in f.outlets for f in comparison.facts)


def test_show_name_is_a_contradiction(seeds_story: Story) -> None:
    """The two outlets name the show differently: a name contradiction between the two articles."""
    members, comparison = seeds_story
    names = [c for c in comparison.contradictions if c.type is ConflictType.NAME]
    assert names
    first = names[0]
    a, b = _text(members, *_span(first.a_detail)), _text(members, *_span(first.b_detail))
    assert a != b and "Kardashians" in a and "Kardashians" in b
    assert {first.a.article_id, first.b.article_id} == {m.article.id for m in members}


def test_upcoming_then_aired_is_an_update(seeds_story: Story) -> None:
    """'Upcoming' in one, 'this past week' in the other: an update, which orders the undated articles."""
    members, comparison = seeds_story
    assert len(comparison.updates) == 1
    update = comparison.updates[0]
    assert update.earlier.article_id == members[0].article.id
    assert update.later.article_id == members[1].article.id
    assert [a.article_id for a in comparison.articles] == [m.article.id for m in members]
    assert {a.order_basis for a in comparison.articles} == {"update cue"}
