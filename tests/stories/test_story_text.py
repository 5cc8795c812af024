"""The words the clusterer compares: content words, light-stemmed, possessive and contracted endings cut."""

from __future__ import annotations

from newsfuse.stories.text import terms


def test_possessive_and_contracted_endings_are_dropped() -> None:
    """ "KTV's", "he's" and "didn't" count as "ktv", "he" (a stop word) and "did", never as "ktv'" or
    "he's": a short name's possessive kept a stray apostrophe and contractions counted as content words."""
    counts = terms("KTV’s anchor said he's sure the mayor didn't sign; the Varnells' barn burned.")
    assert "ktv" in counts and "varnell" in counts
    assert not any("'" in term for term in counts)


def test_a_name_with_an_inner_apostrophe_stays_whole() -> None:
    """ "O'Dara" is a name, not a word with a clitic ending."""
    assert "o'dara" in terms("Senator O'Dara spoke.")


def test_numbers_of_three_characters_or_more_are_kept() -> None:
    """Figures tell one report from the next: "136,000" and "5.4%" are terms."""
    counts = terms("The economy added 136,000 jobs and unemployment fell to 5.4% in 2031.")
    assert {"136,000", "5.4%", "2031"} <= counts.keys()
