"""A cited statement as the pages show it: the exact characters of a span, and the link that opens them.

Every statement a page shows is built here from a :class:`Span`, so its text is always the source's own
characters and its link always lands on them (``/articles/{id}?start=&end=#hl``). Words to stress inside a
statement (a contradiction's differing detail, a quote variant's changed words) are further spans of the same
article, cut out of the statement rather than written anew.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from newsfuse.compare.claims import outlet_of
from newsfuse.errors import InputError
from newsfuse.model import Article, Span
from newsfuse.report.spans import SpanText
from newsfuse.service.story_views import StoryView


@dataclass(frozen=True, slots=True)
class Fragment:
    """A run of a statement's text; ``stressed`` runs are the words the page draws attention to."""

    text: str
    stressed: bool = False


@dataclass(frozen=True, slots=True)
class Statement:
    """A span with its text cut into fragments, the outlet it comes from and the link to its source."""

    span: Span
    outlet: str
    href: str
    fragments: tuple[Fragment, ...]

    @property
    def text(self) -> str:
        return "".join(f.text for f in self.fragments)


def source_href(span: Span) -> str:
    """The article page URL that highlights exactly ``span`` and scrolls to it."""
    return f"/articles/{quote(span.article_id)}?start={span.start}&end={span.end}#hl"


def article_href(article_id: str) -> str:
    """The article page URL (the page finds the article's story, so its claims link across outlets)."""
    return f"/articles/{quote(article_id)}"


def cut(text: str, span: Span, stressed: Sequence[Span] = ()) -> tuple[Fragment, ...]:
    """``span``'s characters in ``text`` as fragments, stressing the parts of ``stressed`` inside it."""
    inner = sorted(
        (max(s.start, span.start), min(s.end, span.end))
        for s in stressed
        if s.article_id == span.article_id and s.start < span.end and span.start < s.end
    )
    fragments: list[Fragment] = []
    cursor = span.start
    for start, end in inner:
        start = max(start, cursor)
        if start >= end:
            continue
        if start > cursor:
            fragments.append(Fragment(text[cursor:start]))
        fragments.append(Fragment(text[start:end], stressed=True))
        cursor = end
    if cursor < span.end or not fragments:
        fragments.append(Fragment(text[cursor : span.end]))
    return tuple(fragments)


class Statements:
    """Builds :class:`Statement` objects for the articles of one story (or one article)."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._texts = SpanText(articles)

    def article_text(self, article_id: str) -> str:
        return self._article(article_id).text

    def _article(self, article_id: str) -> Article:
        article = self._texts.article(article_id)
        if article is None:
            raise InputError(f"a span cites article {article_id}, which is not part of this page")
        return article

    def of(self, span: Span, stressed: Sequence[Span] = (), outlet: str | None = None) -> Statement:
        """The statement citing ``span``, with ``stressed`` spans inside it marked."""
        article = self._article(span.article_id)
        return Statement(
            span,
            outlet or outlet_of(article),
            source_href(span),
            cut(article.text, span, stressed),
        )


class EntityLinks:
    """Where a name leads: the entity's page when the story knows it (by name or alias), else a search for
    the quotes of a speaker so named."""

    def __init__(self, view: StoryView | None) -> None:
        self._ids: dict[str, str] = (
            {}
            if view is None
            else {
                name.casefold(): view.global_id(e) for e in view.key_entities for name in (*e.aliases, e.name)
            }
        )

    def entity_href(self, name: str) -> str | None:
        entity_id = self._ids.get(name.casefold())
        return f"/entities/{quote(entity_id, safe='')}" if entity_id else None

    def speaker_href(self, name: str) -> str:
        return self.entity_href(name) or f"/search?{urlencode({'speaker': name})}"
