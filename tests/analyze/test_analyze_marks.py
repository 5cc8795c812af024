"""Quoted segments found from the quotation marks alone."""

from __future__ import annotations

import pytest

from newsfuse.analyze.marks import Segment, balanced, is_quotation, paragraph_segments, quoted_segments


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in paragraph_segments(text, 0, len(text))]


def test_curly_and_straight_segments_keep_their_marks() -> None:
    """Curly and straight quotations are found with their marks included."""
    text = 'The mayor said “we will rebuild,” and the chief added "not this year."'
    assert _texts(text) == ["“we will rebuild,”", '"not this year."']


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    """A quotation left open at the end of a paragraph runs to the end and is flagged open."""
    text = "“The harbour will reopen. Then we rest."
    (segment,) = paragraph_segments(text, 0, len(text))
    assert segment.open_end and (segment.start, segment.end) == (0, len(text))


def test_closing_mark_without_opening_starts_at_paragraph() -> None:
    """A paragraph that only closes a quotation holds a segment from its start."""
    first, second = "“We rebuilt the pier.", "It took a year.”"
    text = first + "\n\n" + second
    segments = quoted_segments(text, [(0, len(first)), (len(first) + 2, len(text))])
    assert segments[0].open_end and segments[1].open_start
    assert text[segments[1].start : segments[1].end] == second


def test_apostrophes_are_not_quotes() -> None:
    """Apostrophes in contractions do not open quotations."""
    assert _texts("The mayor’s plan isn’t new.") == []


def test_doubled_apostrophes_are_a_quotation_mark() -> None:
    """Two apostrophes ('') stand for a straight double mark, both ends kept in the segment."""
    text = "''We will rebuild the pier by June,'' the harbour master said. The town's plan isn't new."
    assert _texts(text) == ["''We will rebuild the pier by June,''"]


def test_balanced_takes_in_the_closing_mark_left_outside() -> None:
    """Regression: a clause cut before “…,” kept only its opening mark (mixed quotes split in two)."""
    text = "He said the pier is “finished,” compared to last year."
    start = text.index("the pier")
    end = text.index("finished") + len("finished")
    assert text[slice(*balanced(text, start, end))] == "the pier is “finished,”"


def test_balanced_takes_in_the_opening_mark_left_outside() -> None:
    """A range that starts past an opening mark but holds the closing one gets the opening one too."""
    text = "He said “we rebuilt the pier” and left."
    start = text.index("we rebuilt")
    end = text.index("” and") + 1
    assert text[slice(*balanced(text, start, end))] == "“we rebuilt the pier”"


def test_balanced_leaves_paired_marks_alone() -> None:
    """A range whose marks pair up, or that has none, is returned as it is."""
    text = "He said the pier is “finished” for now."
    assert balanced(text, 8, len(text) - 1) == (8, len(text) - 1)
    assert balanced(text, 0, 7) == (0, 7)


def test_reversed_opening_mark_closes_a_quotation() -> None:
    """“Harlow If Bo Wins“ that …: an opening mark typed at a word's end closes the open quotation."""
    text = "Ana set up a site called “Harlow If Bo Wins“ that helps. Later she said “we are done.”"
    assert _texts(text) == ["“Harlow If Bo Wins“", "“we are done.”"]


@pytest.mark.parametrize(
    ("text", "spoken"),
    [("“Like Harlow. Or Brenton,” Ana said.", True), ("“Mr. Lind Goes to Brenton” aired.", False)],
)
def test_capitalised_words_ending_a_sentence_inside_are_speech(text: str, spoken: bool) -> None:
    """“Like Harlow. Or Brenton,” is speech though every word is capitalised; a title ends no sentence."""
    end = text.index("”") + 1
    assert is_quotation(text, Segment(0, end), 0) is spoken
