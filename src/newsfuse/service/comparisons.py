"""Compare a stored story: its members' articles and analyses in, a :class:`StoryComparison` out.

The CLI's ``report``, the API's story endpoint, the web UI's story page and the Python API all call
:func:`compare_stored_story`, so a story reads the same everywhere. Members with no stored analysis (or one
from an older analyzer) are analysed in memory for this comparison; the store is not written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from newsfuse.compare import COMPARER_NAME, StoryMember, compare_story
from newsfuse.model import Article, ArticleAnalysis
from newsfuse.model.comparison import StoryComparison
from newsfuse.service.story_views import StoryView, show_story
from newsfuse.store import Store


@dataclass(frozen=True, slots=True)
class ComparedStory:
    """A story, the comparison of its coverage, and its member articles (for quoting spans).

    ``etag`` changes whenever the comparison could: a member joins or leaves, a copy link changes, or the
    comparer or analyzer version does.
    """

    view: StoryView
    comparison: StoryComparison
    articles: list[Article]
    etag: str


def story_etag(view: StoryView, analyzer: str) -> str:
    """A strong validator for a story's comparison, computed without comparing."""
    parts = [COMPARER_NAME, analyzer, view.stored.story.id]
    parts += sorted(f"{m.article_id}:{m.copy_of or ''}" for m in view.members)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def compare_stored_story(store: Store, id_or_prefix: str) -> ComparedStory:
    """The comparison of the story with this id (or unique id prefix)."""
    from newsfuse.analyze import ANALYZER_NAME

    view = show_story(store, id_or_prefix)
    ids = [m.article_id for m in view.members]
    articles = store.get_articles(ids)
    analyses = _analyses(articles, store.get_analyses(ids), ANALYZER_NAME)
    members = [StoryMember(article, analyses[article.id]) for article in articles]
    return ComparedStory(view, compare_story(members), articles, story_etag(view, ANALYZER_NAME))


def _analyses(
    articles: list[Article], stored: dict[str, ArticleAnalysis], analyzer: str
) -> dict[str, ArticleAnalysis]:
    """Stored analyses where current; the rest analysed now (spaCy loads only when something is missing)."""
    current = {i: a for i, a in stored.items() if a.analyzer == analyzer}
    missing = [a for a in articles if a.id not in current]
    if missing:
        from newsfuse.analyze import analyze_articles

        current.update((a.article_id, a) for a in analyze_articles(missing))
    return current
