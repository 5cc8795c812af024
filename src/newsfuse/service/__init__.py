"""The service layer: what the CLI, the API and the web UI call; none of them holds logic of its own."""

from newsfuse.service.articles import (
    ArticleListItem,
    ArticlePage,
    ArticleView,
    list_articles,
    search_articles,
    show_article,
)
from newsfuse.service.ingest import IngestOptions, IngestProgress, IngestReport, ingest

__all__ = [
    "ArticleListItem",
    "ArticlePage",
    "ArticleView",
    "IngestOptions",
    "IngestProgress",
    "IngestReport",
    "ingest",
    "list_articles",
    "search_articles",
    "show_article",
]
