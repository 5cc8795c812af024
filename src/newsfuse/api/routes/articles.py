"""``/api/articles``: list (newest first), full-text search, one article with its spans, its copies."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from newsfuse.api.deps import StoreDep, require_read
from newsfuse.api.errors import ERROR_RESPONSES
from newsfuse.api.pagination import Cursor, Limit, decode_cursor, next_cursor
from newsfuse.api.schemas import ArticleOut, ArticlePageOut, CopiesOut
from newsfuse.model import Article
from newsfuse.service.articles import list_articles, search_articles, show_article, summary_dict
from newsfuse.store import ArticleSummary

router = APIRouter(tags=["articles"], dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)

ArticleId = Annotated[
    str, Path(min_length=1, max_length=64, description="An article id, or a unique prefix of it (4+ hex).")
]
Outlet = Annotated[str | None, Query(max_length=200, description="Only articles of this outlet.")]


@router.get("/articles", response_model=ArticlePageOut, summary="List articles, newest first")
def articles(
    store: StoreDep, limit: Limit = 20, cursor: Cursor = None, outlet: Outlet = None
) -> dict[str, Any]:
    """Articles by publication date (undated last, then by arrival)."""
    query = {"list": "articles", "outlet": outlet}
    offset = decode_cursor(cursor, query)
    page = list_articles(store, limit, offset, outlet)
    more = offset + len(page.items) < page.total
    return {
        "items": [item.to_dict() for item in page.items],
        "total": page.total,
        "next_cursor": next_cursor(offset, limit, more, query),
    }


@router.get("/articles/search", response_model=ArticlePageOut, summary="Full-text search over articles")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find (all must match).")],
    limit: Limit = 20,
    cursor: Cursor = None,
    outlet: Outlet = None,
) -> dict[str, Any]:
    """Best matches first, each with a snippet and where the matched words are in it."""
    query = {"search": q, "outlet": outlet}
    offset = decode_cursor(cursor, query)
    page = search_articles(store, q, limit + 1, offset, outlet)
    return {
        "items": [item.to_dict() for item in page.items[:limit]],
        "total": None,
        "next_cursor": next_cursor(offset, limit, len(page.items) > limit, query),
    }


@router.get("/articles/{article_id}", response_model=ArticleOut, summary="One article with its spans")
def article(store: StoreDep, article_id: ArticleId) -> dict[str, Any]:
    """Clean text, metadata, near-duplicate links, and the analysis (entities, quotes, dates), every span
    with its character offsets and text."""
    return show_article(store, article_id).to_dict()


@router.get("/articles/{article_id}/copies", response_model=CopiesOut, summary="An article's near-copies")
def copies(store: StoreDep, article_id: ArticleId) -> dict[str, Any]:
    """The original this article copies (if it is a copy) and the stored near-copies of it."""
    view = show_article(store, article_id)
    return {
        "article_id": view.article.id,
        "near_duplicate_of": view.article.near_duplicate_of,
        "copies": [summary_dict(_summary(a)) for a in store.get_articles(view.copies)],
    }


def _summary(article: Article) -> ArticleSummary:
    a = article
    return ArticleSummary(a.id, a.title, a.outlet, a.url, a.published, a.near_duplicate_of, len(a.text))
