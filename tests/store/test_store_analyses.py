"""Analyses in the store, on SQLite and PostgreSQL: round-trip, staleness by analyzer, quotes by speaker."""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.model import Article, ArticleAnalysis, Entity, Quote, Span, TemporalExpression
from newsfuse.store import NewArticle, Store

ArticleFactory = Callable[..., Article]


def _analysis(article: Article, analyzer: str = "analyze.v1") -> ArticleAnalysis:
    """A hand-made analysis of the fictional ferry article: one person, one quote by her, one date."""
    text = article.text

    def span(fragment: str, label: str) -> Span:
        start = text.index(fragment)
        return article.span(start, start + len(fragment), label)

    wilma = Entity("e0", "Wilma Strand", "PERSON", ("Strand",), (span("Wilma Strand", "PERSON"),))
    quote = Quote(
        kind="direct",
        content=(span("“We will hire four more deckhands,”", "content"),),
        cue=span("said", "cue"),
        cue_lemma="say",
        speaker=span("Strand", "speaker"),
        speaker_entity="e0",
    )
    when = TemporalExpression(span("Monday", "DATE"), "2026-03-02")
    sentences = tuple(article.span(p.start, p.end, "sentence") for p in article.paragraphs)
    return ArticleAnalysis(article.id, analyzer, sentences, (wilma,), (quote,), (when,), ("hand-made",))


def _stored(store: Store, make_article: ArticleFactory) -> Article:
    article = make_article(
        "Elmbrook ferry to stop on Sundays",
        "Board chair Wilma Strand announced the change on Monday.",
        "“We will hire four more deckhands,” Strand said.",
    )
    store.add_articles([NewArticle(article)])
    return article


def test_analysis_round_trips(store: Store, make_article: ArticleFactory) -> None:
    """A saved analysis comes back equal, field for field, with its analyzer name."""
    article = _stored(store, make_article)
    analysis = _analysis(article)
    store.save_analyses([analysis])
    assert store.get_analyses([article.id, "ffffffffffffffff"]) == {article.id: analysis}


def test_stale_rows_are_missing_or_from_another_analyzer(store: Store, make_article: ArticleFactory) -> None:
    """Only articles with no analysis or one by another analyzer version need analysing."""
    first = _stored(store, make_article)
    second = make_article("Council backs new Elmbrook library", "The council voted on Tuesday.")
    third = make_article("Elmbrook tram line opens", "The first tram left the depot at dawn.")
    store.add_articles([NewArticle(second), NewArticle(third)])
    store.save_analyses([_analysis(first), ArticleAnalysis(second.id, "analyze.v0")])
    assert store.stale_analysis_ids("analyze.v1") == [second.id, third.id]
    store.save_analyses([ArticleAnalysis(second.id, "analyze.v1"), ArticleAnalysis(third.id, "analyze.v1")])
    assert store.stale_analysis_ids("analyze.v1") == []
    assert store.get_analyses([second.id])[second.id].analyzer == "analyze.v1"


def test_quotes_are_found_by_resolved_speaker(store: Store, make_article: ArticleFactory) -> None:
    """A quote whose mention is a surname is found under the entity's full name, any case."""
    article = _stored(store, make_article)
    store.save_analyses([_analysis(article)])
    hits = store.quotes_by_speaker("wilma STRAND")
    assert [(h.article_id, h.speaker, h.kind) for h in hits] == [(article.id, "Wilma Strand", "direct")]
    assert article.text[hits[0].start : hits[0].end] == "“We will hire four more deckhands,”"
    store.save_analyses([ArticleAnalysis(article.id, "analyze.v2")])  # re-analysis replaces the quotes
    assert store.quotes_by_speaker("Wilma Strand") == []
