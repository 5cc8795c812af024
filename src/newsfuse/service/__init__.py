"""The service layer: what the CLI, the API and the web UI call; none of them holds logic of its own.

Reading articles back is exported here. Ingestion lives in :mod:`newsfuse.service.ingest` and is not
imported by this package, so commands that only read the store start without loading the cleaning and
near-duplicate stack.
"""

from newsfuse.service.articles import (
    ArticleListItem,
    ArticlePage,
    ArticleView,
    list_articles,
    search_articles,
    show_article,
)

__all__ = [
    "ArticleListItem",
    "ArticlePage",
    "ArticleView",
    "list_articles",
    "search_articles",
    "show_article",
]
