"""Reported speech and attributed stances ("X accused Y of …", "X thinks …") on fictional articles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsfuse.analyze import analyze_article
from newsfuse.model import Article, ArticleAnalysis, Quote

Analyse = Callable[..., tuple[ArticleAnalysis, str]]


@pytest.fixture
def analyse(make_article: Callable[..., Article], nlp: Any) -> Analyse:
    """Analyse fictional paragraphs under one title; the analysis and the article's text."""

    def run(*paragraphs: str) -> tuple[ArticleAnalysis, str]:
        article = make_article("Harbour vote", *paragraphs)
        return analyze_article(article), article.text

    return run


def _contents(analysis: ArticleAnalysis, text: str) -> list[str]:
    return [" / ".join(_parts(q, text)) for q in analysis.quotes]


def _parts(quote: Quote, text: str) -> list[str]:
    """The text of each part of one attribution's content."""
    return [text[c.start : c.end] for c in quote.content]


def _by_cue(analysis: ArticleAnalysis, lemma: str) -> list[Quote]:
    return [q for q in analysis.quotes if q.cue_lemma == lemma]


def test_object_with_its_charge(analyse: Analyse) -> None:
    """ "accused X of Y": the content is the object and what it is accused of, not the object alone."""
    analysis, text = analyse(
        "Councillor Anja Brisk accused the harbour board of hiding the cost of the new pier."
    )
    assert "the harbour board of hiding the cost of the new pier" in _contents(analysis, text)


def test_hope_is_a_cue_whatever_its_lemma(analyse: Analyse) -> None:
    """ "hoping" is lemmatised "hop": the cue is still found and stored as "hope" (the lemma mended)."""
    analysis, text = analyse(
        "Councillor Anja Brisk was hoping that the harbour board would reopen the old ferry pier."
    )
    assert "that the harbour board would reopen the old ferry pier" in _contents(analysis, text)
    assert [q.cue_lemma for q in analysis.quotes] == ["hope"]


def test_seem_holds_a_view_with_no_source(analyse: Analyse) -> None:
    """ "X seems to Y": an attribution with no speaker whose content is X and what it seems."""
    analysis, text = analyse(
        "Councillor Anja Brisk spoke on Monday. The ferry plan seems likely to win the council's approval."
    )
    hits = _by_cue(analysis, "seem")
    assert len(hits) == 1 and hits[0].speaker is None
    assert [text[c.start : c.end] for c in hits[0].content] == [
        "The ferry plan",
        "likely to win the council's approval",
    ]


def test_a_cue_inside_reported_content_is_not_a_second_attribution(analyse: Analyse) -> None:
    """ "X said that Y hopes Z" is what X said; Y's hope inside it is not reported again on its own."""
    analysis, text = analyse(
        "Councillor Anja Brisk said that the harbour board hopes to reopen the old ferry pier by May."
    )
    assert [q.cue_lemma for q in analysis.quotes] == ["say"]
    assert _contents(analysis, text) == ["that the harbour board hopes to reopen the old ferry pier by May"]


def test_clause_only_cue_with_a_bare_object(analyse: Analyse) -> None:
    """ "found that …" is a finding; "found a new sponsor" is not an attribution at all."""
    analysis, text = analyse(
        "Councillor Anja Brisk found a generous new sponsor for the ferry pier.",
        "An audit found that the harbour board had overspent on the ferry pier.",
    )
    assert _contents(analysis, text) == ["that the harbour board had overspent on the ferry pier"]


def test_a_short_name_is_content_enough(analyse: Analyse) -> None:
    """ "endorsed Brisk": a lone name is the whole content, however short."""
    analysis, text = analyse(
        "Councillor Anja Brisk wants the old ferry pier reopened. The dockers' union endorsed Brisk."
    )
    assert [text[q.content[0].start : q.content[0].end] for q in _by_cue(analysis, "endorse")] == ["Brisk"]


def test_stance_verbs_of_public_positions(analyse: Analyse) -> None:
    """ "disavowed …", "downplayed …": taking a public position on something is an attribution."""
    analysis, text = analyse(
        "Councillor Anja Brisk disavowed the leaflet that mocked the harbour board.",
        "The harbour board downplayed the cost of the new ferry pier.",
    )
    assert _contents(analysis, text) == [
        "the leaflet that mocked the harbour board",
        "the cost of the new ferry pier",
    ]


def test_see_is_a_cue_only_with_as(analyse: Analyse) -> None:
    """ "sees the pier as a waste" is a view; "saw the pier" is not an attribution."""
    analysis, text = analyse(
        "Councillor Anja Brisk saw the new ferry pier on Monday.",
        "The harbour board sees the new ferry pier as a waste of money.",
    )
    assert _contents(analysis, text) == ["the new ferry pier as a waste of money"]


def test_asked_participle_has_no_asker(analyse: Analyse) -> None:
    """ "Asked whether …, Brisk said …": Brisk was asked; who asked is not said, so no speaker."""
    analysis, _ = analyse(
        "Asked whether the ferry pier would open in May, Councillor Anja Brisk said the board was undecided."
    )
    asked = _by_cue(analysis, "ask")
    assert len(asked) == 1 and asked[0].speaker is None


def test_passive_with_an_agent(analyse: Analyse) -> None:
    """ "X was backed by Y": Y is the source and X the content."""
    analysis, text = analyse("The ferry plan was backed by the dockers' union on Monday.")
    backed = _by_cue(analysis, "back")
    assert [text[c.start : c.end] for c in backed[0].content] == ["The ferry plan"]
    assert backed[0].speaker is not None and text[backed[0].speaker.start : backed[0].speaker.end].endswith(
        "union"
    )


def test_made_it_clear(analyse: Analyse) -> None:
    """ "X made it clear that …": the light-verb phrase reports X's statement."""
    analysis, text = analyse("Councillor Anja Brisk made it clear that the ferry pier would stay open.")
    made = _by_cue(analysis, "make")
    assert [text[c.start : c.end] for c in made[0].content] == ["that the ferry pier would stay open"]


def test_participle_after_a_closing_mark_ends_the_content(analyse: Analyse) -> None:
    """Regression: in that she “saved the pier,” claiming …, the comma inside the mark hid the cut."""
    analysis, text = analyse(
        "Mayor Orla Venter insisted that she has “saved the ferry pier,” claiming that the harbour "
        "board never had a plan of its own."
    )
    (insisted,) = _by_cue(analysis, "insist")
    assert _parts(insisted, text) == ["that she has “saved the ferry pier,”"]


def test_trailing_participle_speaks_for_the_reporting_subject(analyse: Analyse) -> None:
    """ "X insisted that she had …, claiming …": the claim is X's, not the reported clause's subject."""
    analysis, text = analyse(
        "Mayor Orla Venter insisted that she has “saved the ferry pier,” claiming that the harbour "
        "board never had a plan of its own."
    )
    (claimed,) = _by_cue(analysis, "claim")
    assert (
        claimed.speaker is not None
        and text[claimed.speaker.start : claimed.speaker.end] == "Mayor Orla Venter"
    )


def _speaker(analysis: ArticleAnalysis, text: str, lemma: str) -> str | None:
    (quote,) = _by_cue(analysis, lemma)
    return text[quote.speaker.start : quote.speaker.end] if quote.speaker is not None else None


def test_gerund_after_a_preposition_is_done_by_the_clause_subject(analyse: Analyse) -> None:
    """ "After saying that …, X left": the gerund's speaker is the subject of the verb it hangs on."""
    analysis, text = analyse(
        "After saying that the ferry pier was unsafe, Councillor Anja Brisk left the meeting early."
    )
    assert _speaker(analysis, text, "say") == "Councillor Anja Brisk"


def test_gerund_after_an_empty_subject_has_no_speaker(analyse: Analyse) -> None:
    """ "It all began with saying …": "it" does no saying, so it is never given as the speaker."""
    analysis, text = analyse("It all began with saying that the ferry pier was unsafe for the children.")
    assert all(text[q.speaker.start : q.speaker.end] != "It" for q in analysis.quotes if q.speaker)


def test_as_clause_of_a_speech_verb_reports_its_head_clause(analyse: Analyse) -> None:
    """ "As X noted, …": the clause the "as" clause hangs on is what X said."""
    analysis, text = analyse("As the harbour board noted on Monday, the ferry pier needs new pilings.")
    (noted,) = _by_cue(analysis, "note")
    assert _parts(noted, text) == ["the ferry pier needs new pilings"]
    assert _speaker(analysis, text, "note") == "the harbour board"


def test_as_clause_of_a_belief_is_no_report(analyse: Analyse) -> None:
    """ "As many expected, …" says what happened, not what anyone said: no attribution."""
    analysis, _ = analyse("As many residents expected, the ferry pier closed for the winter in May.")
    assert not _by_cue(analysis, "expect")


def test_participle_after_a_noun_speaks_for_the_noun(analyse: Analyse) -> None:
    """ "a group backing X": the noun the participle describes is the one backing X."""
    analysis, text = analyse("Donors gave two million dollars to a group backing Mayor Orla Venter.")
    assert _speaker(analysis, text, "back") == "a group"


def test_participle_after_an_object_speaks_for_the_subject(analyse: Analyse) -> None:
    """ "The council approved a resolution condemning X": the council condemns, not the resolution."""
    analysis, text = analyse(
        "The harbour council approved a resolution condemning the plan to close the old ferry pier."
    )
    assert _speaker(analysis, text, "condemn") == "The harbour council"


def test_view_adjective_after_be_is_held_by_the_subject(analyse: Analyse) -> None:
    """ "X was critical of Y": X's view, its content what the adjective is about (in a sentence the
    focus rules parse for its "spoke")."""
    analysis, text = analyse(
        "Councillor Anja Brisk, who spoke first, was critical of the harbour board's plan for the pier."
    )
    (critical,) = _by_cue(analysis, "critical")
    assert _parts(critical, text) == ["the harbour board's plan for the pier"]
    assert _speaker(analysis, text, "critical") == "Councillor Anja Brisk"


def test_view_adjective_of_an_empty_subject_is_no_report(analyse: Analyse) -> None:
    """ "It is clear that …" is the writer's statement: no one holds it."""
    analysis, _ = analyse("It is clear that the old ferry pier will close for the whole winter.")
    assert not _by_cue(analysis, "clear")


def test_sentence_whose_only_cue_is_a_view_adjective_is_parsed(analyse: Analyse) -> None:
    """The focus rules send a sentence with a view adjective and no cue verb to the parser."""
    analysis, text = analyse("Councillor Anja Brisk was critical of the harbour board's plan for the pier.")
    assert _speaker(analysis, text, "critical") == "Councillor Anja Brisk"


def test_compared_x_to_y_keeps_what_x_is_compared_to(analyse: Analyse) -> None:
    """ "X compared A to B": a stance whose content is the object and what it is likened to."""
    analysis, text = analyse("Councillor Anja Brisk compared the new ferry pier to a floating car park.")
    (compared,) = _by_cue(analysis, "compare")
    assert _parts(compared, text) == ["the new ferry pier to a floating car park"]


def test_proclaimed_is_a_speech_cue(analyse: Analyse) -> None:
    """ "X proclaimed that …" reports X's statement (a hand-added speech verb)."""
    analysis, text = analyse("Mayor Orla Venter proclaimed that the old ferry pier had been saved for good.")
    assert _speaker(analysis, text, "proclaim") == "Mayor Orla Venter"


def test_light_verb_and_noun_name_a_statement(analyse: Analyse) -> None:
    """ "X took a swipe at Y": the verb and its object name what X said, its content Y."""
    analysis, text = analyse(
        "Councillor Anja Brisk, who spoke first, took a swipe at the harbour board's new budget."
    )
    (swipe,) = _by_cue(analysis, "take")
    assert _parts(swipe, text) == ["the harbour board's new budget"]
    assert _speaker(analysis, text, "take") == "Councillor Anja Brisk"


def test_relative_pronoun_before_the_reporter_joins_the_content(analyse: Analyse) -> None:
    """ "The fares, which the board said will start in May, …": the content is the pronoun and the rest
    of its clause, around the reporting subject and verb (it was dropped for holding the subject)."""
    analysis, text = analyse(
        "The new fares, which the harbour board said will start in May, anger the ferry crews."
    )
    (said,) = _by_cue(analysis, "say")
    assert _parts(said, text) == ["which", "will start in May"]
    assert _speaker(analysis, text, "say") == "the harbour board"


def test_passive_of_a_listener_verb_reports_only_the_clause(analyse: Analyse) -> None:
    """ "X was asked if …": X is who was asked, not what was said; the content is the clause alone."""
    analysis, text = analyse("The skipper was asked if the old ferry pier would reopen in May.")
    (asked,) = _by_cue(analysis, "ask")
    assert _parts(asked, text) == ["if the old ferry pier would reopen in May"]
    assert asked.speaker is None


def test_called_for_x_to_y_parsed_as_a_for_clause(analyse: Analyse) -> None:
    """Regression: the parser makes "for" in "called for X to go" a clause mark; the content is the rest."""
    analysis, text = analyse("Mayor Orla Venter is calling for the harbour board to step down before May.")
    (called,) = _by_cue(analysis, "call")
    assert _parts(called, text) == ["the harbour board to step down before May"]


def test_that_clause_on_the_noun_of_the_cue(analyse: Analyse) -> None:
    """Regression: in "said in a statement that …" the parser hangs the clause on "statement"."""
    analysis, text = analyse(
        "The harbour board's chief engineer Ivo Brandt says in a statement that the pier will now stay shut."
    )
    (said,) = _by_cue(analysis, "say")
    assert _parts(said, text) == ["that the pier will now stay shut"]


def test_see_that_is_a_view(analyse: Analyse) -> None:
    """ "X saw that …" is X's view, though "see" is otherwise a cue only in "X sees A as B"."""
    analysis, text = analyse("The ferry crews now see that the old pier could be saved after all.")
    (saw,) = _by_cue(analysis, "see")
    assert _parts(saw, text) == ["that the old pier could be saved after all"]


def test_thats_according_to_keeps_its_short_content(analyse: Analyse) -> None:
    """ "That's according to X": the whole content is "That", short as it is."""
    analysis, text = analyse(
        "Fares will double in May. That's according to figures the harbour board released on Monday."
    )
    (according,) = _by_cue(analysis, "accord")
    assert _parts(according, text) == ["That"]


def test_reportedly_attributes_its_clause_to_no_one(analyse: Analyse) -> None:
    """ "X is reportedly …": hearsay with no source, its content the clause around the adverb."""
    analysis, text = analyse("The harbour board is reportedly spending a million on ferry adverts.")
    (hearsay,) = _by_cue(analysis, "reportedly")
    assert hearsay.speaker is None
    assert _parts(hearsay, text) == [
        "The harbour board is",
        "spending a million on ferry adverts",
    ]
