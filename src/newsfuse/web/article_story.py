"""Which story an article belongs to, for an article page opened without one (from search, say).

The store has no article → story lookup, so this asks the story list for the stories that span the
article's publication time (and carry its outlet, when it has one), and checks their members: a few
stories at most, as the clusterer's time window keeps stories short. Undated articles, or articles in none
of the first candidates, are shown on their own. A story named in the link that does not hold the article
(a stale or edited link) is looked past the same way.
"""

from __future__ import annotations

from newsfuse.errors import NotFoundError
from newsfuse.model import Article
from newsfuse.service.story_views import list_stories, show_story
from newsfuse.store import Store, StoryFilters

MAX_CANDIDATES = 50


def _holds(store: Store, story_id: str, article: Article) -> bool:
    try:
        return any(m.article_id == article.id for m in show_story(store, story_id).members)
    except NotFoundError:
        return False


def story_of(store: Store, article: Article, hint: str | None = None) -> str | None:
    """The id of the story holding ``article``: ``hint`` (the story the reader came from) if it does,
    else the first candidate that does, else none."""
    if hint and _holds(store, hint, article):
        return hint
    if article.published is None:
        return None
    filters = StoryFilters(since=article.published, until=article.published, outlet=article.outlet)
    for candidate in list_stories(store, "newest", MAX_CANDIDATES, 0, filters).items:
        if _holds(store, candidate.id, article):
            return candidate.id
    return None
