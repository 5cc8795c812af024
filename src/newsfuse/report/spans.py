"""Looking up the text a span cites: the one place renderers read article text."""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.errors import InputError
from newsfuse.model.article import Article, Span


class SpanText:
    """The clean texts of a story's articles, so renderers can print any span verbatim."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = {a.id: a for a in articles}

    def text(self, span: Span) -> str:
        article = self._articles.get(span.article_id)
        if article is None:
            raise InputError(f"span cites article {span.article_id}, which was not given to the renderer")
        return span.text_in(article.text)

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)


def citation(span: Span) -> str:
    """The short, parseable reference printed after a statement."""
    return f"⟨{span.article_id}:{span.start}-{span.end}⟩"
