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
