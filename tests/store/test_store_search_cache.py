"""Search results are reused only while no article was added, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.model import Article
from newsfuse.store import NewArticle, Store

ArticleFactory = Callable[..., Article]


def test_a_new_article_is_found_by_a_search_made_before_it(
    store: Store, make_article: ArticleFactory
) -> None:
    """A repeated search answers the same; once an article is added the same search finds it too."""
    first = make_article("Otters return to the Kell estuary", "Otters were seen in the Kell estuary again.")
    store.add_articles([NewArticle(first)])
    before = store.search("otters estuary")
    assert [h.summary.id for h in before] == [first.id]
    assert store.search("otters estuary") == before
    second = make_article("Kell otters counted", "Volunteers counted eleven otters along the Kell estuary.")
    store.add_articles([NewArticle(second)])
    assert {h.summary.id for h in store.search("otters estuary")} == {first.id, second.id}
    assert [h.summary.id for h in store.search("otters estuary", limit=1, offset=1)] != [
        h.summary.id for h in store.search("otters estuary", limit=1)
    ]
