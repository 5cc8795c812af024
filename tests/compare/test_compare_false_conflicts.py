"""Differences that are not contradictions on real news: parts of a total, two people's ages, spaced-out
times, one name spelled two ways, negations written without an apostrophe (fictional stories)."""

from __future__ import annotations

from compare_helpers import article, members_of

from newsfuse.compare import compare_story
from newsfuse.compare.details import numbers_in
from newsfuse.compare.text import cue_hits, tokenize
from newsfuse.model.comparison import ConflictType, StoryComparison


def _compare(first: str, second: str) -> StoryComparison:
    return compare_story(
        members_of([article("fc-a", "Vell Courier", 2, first), article("fc-b", "Brisk Post", 3, second)])
    )


def _types(comparison: StoryComparison) -> set[ConflictType]:
    return {c.type for c in comparison.contradictions}


def test_parts_adding_up_to_the_total_are_no_number_conflict() -> None:
    """ "14 Varnish and 9 Oltmark fishermen" against "23 fishermen": the parts add up to the total."""
    comparison = _compare(
        "The coast guard rescued 23 fishermen off Cape Welling on Sunday.",
        "The coast guard rescued 14 Varnish and 9 Oltmark fishermen off Cape Welling on Sunday.",
    )
    assert ConflictType.NUMBER not in _types(comparison)


def test_different_counts_in_the_same_story_still_conflict() -> None:
    """The rule still fires on one count reported two ways ("23 fishermen" / "31 fishermen")."""
    comparison = _compare(
        "The coast guard rescued 23 fishermen off Cape Welling on Sunday.",
        "The coast guard rescued 31 fishermen off Cape Welling on Sunday.",
    )
    assert ConflictType.NUMBER in _types(comparison)


def test_ages_of_two_people_are_no_number_conflict() -> None:
    """ "a 71-year-old woman" and "the 29-year-old driver" are two people, not one age reported twice."""
    comparison = _compare(
        "A 71-year-old woman was struck by a van outside the Corran market on Friday.",
        "Police said the 29-year-old driver of the van outside the Corran market was arrested Friday.",
    )
    assert ConflictType.NUMBER not in _types(comparison)


def test_spaced_out_time_is_not_a_count() -> None:
    """ "20 : 09", as some sources tokenise a time, is not a quantity of anything."""
    assert [n.value for n in numbers_in(tuple(tokenize("Updated at 20 : 09 after 14 arrests")))] == ["14"]


def test_one_letter_spelling_variant_is_no_name_conflict() -> None:
    """ "Harbour Recognised Safety Zone" and "Harbour Recognized Safety Zone" are one name."""
    comparison = _compare(
        "Ships crossed the Harbour Recognised Safety Zone at dawn on Monday.",
        "Ships crossed the Harbour Recognized Safety Zone at dawn on Monday.",
    )
    assert ConflictType.NAME not in _types(comparison)


def test_apostrophe_less_negations_are_negations() -> None:
    """ "cant", "didnt" and "yet to" read as negations, so they do not conflict with "can't"."""
    assert cue_hits(tokenize("I cant speak for the crew"), "negation")
    assert cue_hits(tokenize("The mayor had yet to sign"), "negation")
    comparison = _compare(
        "“I cant speak for the first rescue at Cape Welling,” the skipper said.",
        "“I can't speak for the first rescue at Cape Welling,” the skipper said.",
    )
    assert ConflictType.NEGATION not in _types(comparison)
