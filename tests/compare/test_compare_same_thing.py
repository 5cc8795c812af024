"""A difference counts only between claims about the same thing: the false contradictions ECB+ dev showed,
rebuilt on fictional stories (times and dates read as counts, bounds, other roles of a unit, other people,
refusals and plans against events, chronologies, two places sharing a name, quotes sharing names)."""

from __future__ import annotations

from compare_helpers import article, members_of

from newsfuse.compare import compare_story
from newsfuse.compare.details import numbers_in
from newsfuse.compare.text import tokenize
from newsfuse.model.comparison import ConflictType, StoryComparison


def _compare(first: str, second: str) -> StoryComparison:
    return compare_story(
        members_of([article("st-a", "Vell Courier", 2, first), article("st-b", "Brisk Post", 3, second)])
    )


def _types(comparison: StoryComparison) -> set[ConflictType]:
    return {c.type for c in comparison.contradictions}


def test_spaced_out_times_and_dates_are_not_counts() -> None:
    """ "18 : 50", "8 / 2 / 31", "7 p . m ." and "11 Nov" are times and dates, not quantities."""
    text = "Updated 18 : 50 IST on 8 / 2 / 31 , about 7 p . m . on Fri , 11 Nov , with 26 arrests"
    assert [n.value for n in numbers_in(tuple(tokenize(text)))] == ["26"]


def test_a_bound_conflicts_only_with_a_number_outside_it() -> None:
    """ "more than 100 km/h" and "120 km/h" agree; "more than 100" and "90" do not."""
    first = "Police chased the stolen van through Port Vell at speeds of more than 100 kilometres an hour."
    agreeing = _compare(first, "Police chased the stolen van through Port Vell at 120 kilometres an hour.")
    assert ConflictType.NUMBER not in _types(agreeing)
    breaking = _compare(first, "Police chased the stolen van through Port Vell at 90 kilometres an hour.")
    assert ConflictType.NUMBER in _types(breaking)


def test_a_count_of_two_things_is_another_unit() -> None:
    """ "420 passengers and crew" counts more people than "246 passengers": no number conflict."""
    comparison = _compare(
        "The Aldera cruise ship evacuated some 420 passengers and crew from Port Vell on Sunday.",
        "The Aldera cruise ship evacuated its 246 passengers from Port Vell on Sunday.",
    )
    assert ConflictType.NUMBER not in _types(comparison)


def test_the_same_number_written_elsewhere_is_shared() -> None:
    """ "23 Varnish and Oltmark sailors" and "23 sailors (12 Varnish, 11 Oltmark)" agree on 23."""
    comparison = _compare(
        "The coast guard detained 23 Varnish and Oltmark sailors off Cape Welling on Sunday.",
        "The coast guard detained 23 sailors ( 12 Varnish and 11 Oltmark ) off Cape Welling on Sunday.",
    )
    assert ConflictType.NUMBER not in _types(comparison)


def test_one_unit_in_two_roles_is_no_number_conflict() -> None:
    """ "13 nautical miles away" and "waters extend to 12 nautical miles" measure different things."""
    comparison = _compare(
        "The frigate Vantor was about 13 nautical miles away from the trawler when the call came in.",
        "The frigate Vantor answered the call; Varnish territorial waters extend to 12 nautical miles.",
    )
    assert ConflictType.NUMBER not in _types(comparison)


def test_refusal_and_plan_are_not_negations_of_an_event() -> None:
    """ "would not pull over" against "pulled over", "not released until charged" against "released
    after charged": a refusal or a condition, not a negation of what the other outlet reports."""
    refusal = _compare(
        "The driver finally pulled over on the Marrow Isle causeway after a long chase.",
        "The driver would not pull over on the Marrow Isle causeway, police said.",
    )
    assert ConflictType.NEGATION not in _types(refusal)
    condition = _compare(
        "The name of the Port Vell suspect will be released after he is formally charged.",
        "The name of the Port Vell suspect will not be released until he is formally charged.",
    )
    assert ConflictType.NEGATION not in _types(condition)


def test_a_negated_verb_said_of_something_else_is_no_negation_conflict() -> None:
    """ "the test results have not been released" against "the skipper was released on bail"."""
    comparison = _compare(
        "The skipper's breath test results have not been released, the Port Vell harbour office said.",
        "The skipper was booked in Port Vell and later released on bail after a breath test.",
    )
    assert ConflictType.NEGATION not in _types(comparison)


def test_a_chronology_is_not_the_date_of_one_thing() -> None:
    """A claim listing several years is a history, not a different date for the other claim's event."""
    comparison = _compare(
        "Mara Quell hosted the Harbour Awards in 2024 and 2026, the Vell Courier said.",
        "Mara Quell hosted the Harbour Awards in 2025, the Vell Courier said.",
    )
    assert ConflictType.DATE not in _types(comparison)
    single = _compare(
        "Mara Quell hosted the Harbour Awards in 2024, the Vell Courier said.",
        "Mara Quell hosted the Harbour Awards in 2025, the Vell Courier said.",
    )
    assert ConflictType.DATE in _types(single)


def test_a_year_in_a_name_is_not_a_date() -> None:
    """ "For 2029 Harbour Awards" in a headline names the awards; it does not date the news of 2028."""
    comparison = _compare(
        "Mara Quell To Host Harbour Awards Published 2028 Mara Quell will host the Harbour Awards.",
        "Mara Quell Set As Host For 2029 Harbour Awards Mara Quell will host the Harbour Awards.",
    )
    assert ConflictType.DATE not in _types(comparison)


def test_two_places_sharing_a_name_are_no_name_conflict() -> None:
    """ "Korrin Glacier" and "Korrin Saddle Hut" are two places; "M/S Aldera" and "MS Aldera" one ship."""
    places = _compare(
        "The climber fell in the Korrin Glacier area after a helicopter dropped him off on Friday.",
        "The climber fell down an ice gully near the Korrin Saddle Hut after a helicopter dropped him off.",
    )
    assert ConflictType.NAME not in _types(places)
    ship = _compare(
        "Passengers rejoined the M/S Aldera in Port Vell after three days ashore on Friday.",
        "Passengers rejoined the MS Aldera in Port Vell after three days ashore on Friday.",
    )
    assert ConflictType.NAME not in _types(ship)


def test_different_quotes_sharing_names_are_no_attribution_conflict() -> None:
    """Two different quotations about Mara Quell hosting the awards stay two quotes with their speakers."""
    comparison = _compare(
        "“We are thrilled to have Mara Quell host,” producer Ivo Brandt said of the Harbour Awards.",
        "“It is an honor to welcome back Mara Quell as the host of the biggest night of the year,” "
        "network president Tamsin Oyelaran said.",
    )
    assert ConflictType.ATTRIBUTION not in _types(comparison)
    assert len(comparison.quotes) == 2


def test_claims_about_different_people_do_not_conflict() -> None:
    """ "Mitchell was taken to X" and "Carter was taken to Y": two people, two hospitals, no conflict."""
    comparison = _compare(
        "Sarah Mitchell was taken to Quillport General Hospital after the crash on Monday.",
        "James Carter was taken to Marrow Isle Medical Center after the crash on Monday.",
    )
    assert ConflictType.PLACE not in _types(comparison)
