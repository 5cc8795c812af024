"""Reading articles back: list, search and show, as typed results for the CLI and the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsfuse.model import Article, ArticleAnalysis
from newsfuse.store import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, ArticleSummary, Store


@dataclass(frozen=True, slots=True)
class ArticleListItem:
    """An article in a list; for search results, a snippet with highlight offsets into the snippet."""

    summary: ArticleSummary
    snippet: str | None = None
    highlights: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = summary_dict(self.summary)
        if self.snippet is not None:
            data["snippet"] = self.snippet
            data["highlights"] = [list(h) for h in self.highlights]
        return data


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """One page of articles and how many there are in all (for a list) or on this page (for a search)."""

    items: list[ArticleListItem]
    total: int
    query: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "items": [i.to_dict() for i in self.items]}


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article with its near-duplicate links in both directions and its stored analysis, if any."""

    article: Article
    copies: list[str]
    analysis: ArticleAnalysis | None = None

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "authors": list(a.authors),
            "published": a.published.isoformat() if a.published else None,
            "published_source": a.published_source.value,
            "language": a.language,
            "source": {
                "kind": a.source.kind.value,
                "path": a.source.path,
                "offset": a.source.offset,
                "item": a.source.item,
            },
            "near_duplicate_of": a.near_duplicate_of,
            "near_duplicates": self.copies,
            "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind.value} for p in a.paragraphs],
            "text": a.text,
            "analysis": with_span_text(self.analysis.to_dict(), a.text) if self.analysis else None,
        }


def summary_dict(summary: ArticleSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "outlet": summary.outlet,
        "url": summary.url,
        "published": summary.published.isoformat() if summary.published else None,
        "near_duplicate_of": summary.near_duplicate_of,
        "length": summary.length,
    }


def list_articles(store: Store, limit: int = 20, offset: int = 0, outlet: str | None = None) -> ArticlePage:
    """Newest first, with the total for paging."""
    items = [ArticleListItem(s) for s in store.list_articles(limit, offset, outlet)]
    return ArticlePage(items, store.count(outlet))


def search_articles(
    store: Store, query: str, limit: int = 20, offset: int = 0, outlet: str | None = None
) -> ArticlePage:
    """Full-text matches, best first, each with a snippet and where the matched words are in it."""
    items = []
    for hit in store.search(query, limit, offset, outlet):
        snippet, highlights = split_highlights(hit.snippet)
        items.append(ArticleListItem(hit.summary, snippet, highlights))
    return ArticlePage(items, len(items), query)


def show_article(store: Store, id_or_prefix: str) -> ArticleView:
    """The article with this id (or unique prefix), the ids of its stored near-duplicate copies and its
    stored analysis."""
    article = store.get_article(id_or_prefix)
    analysis = store.get_analyses([article.id]).get(article.id)
    return ArticleView(article, store.near_duplicates_of(article.id), analysis)


def with_span_text(data: Any, text: str) -> Any:
    """The analysis as JSON with every span also carrying its ``text``, so a reader sees what it points at."""
    if isinstance(data, list):
        return [with_span_text(item, text) for item in data]
    if not isinstance(data, dict):
        return data
    out = {key: with_span_text(value, text) for key, value in data.items()}
    if {"article_id", "start", "end"} <= out.keys():
        out["text"] = text[out["start"] : out["end"]]
    return out


def split_highlights(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove the store's highlight markers, returning the plain snippet and the marked ranges in it.

    Line breaks become spaces (one for one, so the ranges stay right): a snippet is shown on one line.
    """
    plain: list[str] = []
    ranges: list[tuple[int, int]] = []
    cursor = 0
    start: int | None = None
    for char in marked:
        if char == HIGHLIGHT_OPEN:
            start = cursor
        elif char == HIGHLIGHT_CLOSE and start is not None:
            ranges.append((start, cursor))
            start = None
        else:
            plain.append(" " if char == "\n" else char)
            cursor += 1
    return "".join(plain), tuple(ranges)
