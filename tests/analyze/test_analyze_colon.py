"""Headline and transcript lines shaped "Name: statement" are attributions."""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.analyze import analyze_article
from newsfuse.model import Article


def _said_by(article: Article, needle: str) -> str | None:
    analysis = analyze_article(article)
    for quote in analysis.quotes:
        content = article.text[quote.content[0].start : quote.content[-1].end]
        if needle in content and quote.speaker is not None:
            return quote.speaker.text_in(article.text)
    return None


def test_headline_lead_is_the_speaker(make_article: Callable[..., Article]) -> None:
    """In "Ferrant: The pier will carry twice the traffic." Ferrant says the rest of the title."""
    article = make_article(
        "Ferrant: The Brindlemoor Pier Will Carry Twice the Traffic.",
        "Mayor Odile Ferrant spoke at the harbour office on Tuesday.",
    )
    speaker = _said_by(article, "Will Carry Twice the Traffic")
    assert speaker is not None and "Ferrant" in speaker


def test_transcript_line_is_attributed(make_article: Callable[..., Article]) -> None:
    """A capitalised transcript lead ("HOLLIS:") is the speaker of its line."""
    article = make_article(
        "Harbour debate transcript",
        "HOLLIS: Will the ferry run in winter?",
        "FERRANT: It will run every morning, ice or not.",
    )
    speaker = _said_by(article, "every morning")
    assert speaker is not None and "FERRANT" in speaker


def test_colon_in_a_body_sentence_is_not_a_lead(make_article: Callable[..., Article]) -> None:
    """A body sentence with a colon after ordinary words is not read as "Name: statement"."""
    article = make_article("Harbour reopens", "Three things changed: the pier, the lights and the fares.")
    assert _said_by(article, "the pier, the lights") is None
