"""Reported speech and attributed stances ("X accused Y of …", "X thinks …") on fictional articles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsfuse.analyze import analyze_article
from newsfuse.model import Article, ArticleAnalysis


def _contents(analysis: ArticleAnalysis, text: str) -> list[str]:
    return [" / ".join(text[c.start : c.end] for c in q.content) for q in analysis.quotes]


def test_object_with_its_charge(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "accused X of Y": the content is the object and what it is accused of, not the object alone."""
    article = make_article(
        "Harbour vote",
        "Councillor Anja Brisk accused the harbour board of hiding the cost of the new pier.",
    )
    contents = _contents(analyze_article(article), article.text)
    assert "the harbour board of hiding the cost of the new pier" in contents


def test_hope_is_a_cue_whatever_its_lemma(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "hoping" is lemmatised "hop": the cue is still found (the lemma mended to "hope")."""
    article = make_article(
        "Harbour vote",
        "Councillor Anja Brisk was hoping that the harbour board would reopen the old ferry pier.",
    )
    analysis = analyze_article(article)
    contents = _contents(analysis, article.text)
    assert "the harbour board would reopen the old ferry pier" in contents


def test_seem_holds_a_view_with_no_source(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "X seems to Y": an attribution with no speaker whose content is X and what it seems."""
    article = make_article(
        "Harbour vote",
        "Councillor Anja Brisk spoke on Monday. The ferry plan seems likely to win the council's approval.",
    )
    analysis = analyze_article(article)
    hits = [q for q in analysis.quotes if q.cue_lemma == "seem"]
    assert len(hits) == 1 and hits[0].speaker is None
    assert [article.text[c.start : c.end] for c in hits[0].content] == [
        "The ferry plan",
        "likely to win the council's approval",
    ]


def test_a_cue_inside_reported_content_is_not_a_second_attribution(
    make_article: Callable[..., Article], nlp: Any
) -> None:
    """ "X said that Y hopes Z" is what X said; Y's hope inside it is not reported again on its own."""
    article = make_article(
        "Harbour vote",
        "Councillor Anja Brisk said that the harbour board hopes to reopen the old ferry pier by May.",
    )
    analysis = analyze_article(article)
    assert [q.cue_lemma for q in analysis.quotes] == ["say"]
    assert _contents(analysis, article.text) == [
        "the harbour board hopes to reopen the old ferry pier by May"
    ]


def test_clause_only_cue_with_a_bare_object(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "found that …" is a finding; "found a new sponsor" is not an attribution at all."""
    article = make_article(
        "Harbour vote",
        "Councillor Anja Brisk found a generous new sponsor for the ferry pier.",
        "An audit found that the harbour board had overspent on the ferry pier.",
    )
    analysis = analyze_article(article)
    assert _contents(analysis, article.text) == ["the harbour board had overspent on the ferry pier"]


def test_a_short_name_is_content_enough(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "endorsed Brisk": a lone name is the whole content, however short."""
    article = make_article(
        "Harbour vote",
        "Councillor Anja Brisk wants the old ferry pier reopened. The dockers' union endorsed Brisk.",
    )
    analysis = analyze_article(article)
    contents = {q.cue_lemma: _contents(analysis, article.text)[i] for i, q in enumerate(analysis.quotes)}
    assert contents.get("endorse") == "Brisk"


def test_stance_verbs_of_public_positions(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "disavowed …", "downplayed …": taking a public position on something is an attribution."""
    article = make_article(
        "Harbour vote",
        "Councillor Anja Brisk disavowed the leaflet that mocked the harbour board.",
        "The harbour board downplayed the cost of the new ferry pier.",
    )
    contents = _contents(analyze_article(article), article.text)
    assert contents == ["the leaflet that mocked the harbour board", "the cost of the new ferry pier"]


def test_see_is_a_cue_only_with_as(make_article: Callable[..., Article], nlp: Any) -> None:
    """ "sees the pier as a waste" is a view; "saw the pier" is not an attribution."""
    article = make_article(
        "Harbour vote",
        "Councillor Anja Brisk saw the new ferry pier on Monday.",
        "The harbour board sees the new ferry pier as a waste of money.",
    )
    contents = _contents(analyze_article(article), article.text)
    assert contents == ["the new ferry pier as a waste of money"]
