"""What the API keeps in the store, on SQLite and PostgreSQL: the comparison cache, tokens, story filters
and quote lookups."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from newsfuse.errors import NotFoundError
from newsfuse.model import Article, ArticleAnalysis, Entity, Quote, Span
from newsfuse.service.stories import update_stories
from newsfuse.store import (
    ApiToken,
    CachedComparison,
    ComparisonCounts,
    IngestJob,
    NewArticle,
    Store,
    StoryFilters,
)

ArticleFactory = Callable[..., Article]

BRIDGE = (
    "The Marlow footbridge will close for repairs in June, the Marlow works department said on Tuesday.",
    '"The deck is rotten in places," said engineer Priya Castellano. Repairs will cost 90,000 pounds.',
)
FLOOD = ("Floodwater closed the Tenby road overnight, police said, and drivers were told to avoid it.",)


def _at(day: int) -> datetime:
    return datetime(2026, 5, day, 9, tzinfo=UTC)


def _store(store: Store, articles: list[Article]) -> None:
    """Add articles with an analysis naming their people and places (what clustering links stories by)."""
    store.add_articles([NewArticle(a) for a in articles])
    analyses = []
    for article in articles:
        entities = []
        for n, (name, kind) in enumerate(
            [("Priya Castellano", "PERSON"), ("Marlow", "GPE"), ("Tenby", "GPE")]
        ):
            spans = tuple(
                Span(article.id, i, i + len(name))
                for i in range(len(article.text))
                if article.text.startswith(name, i)
            )
            if spans:
                entities.append(Entity(f"e{n}", name, kind, (), spans))
        analyses.append(ArticleAnalysis(article.id, "test.v1", entities=tuple(entities)))
    store.save_analyses(analyses)
    update_stories(store)


@pytest.fixture
def stories(store: Store, make_article: ArticleFactory) -> dict[str, str]:
    """Two stories (a bridge covered by two outlets, a flood by one); article and story ids by name."""
    one = make_article("Marlow footbridge to close", *BRIDGE, outlet="Marlow Mercury", published=_at(4))
    two = make_article("Footbridge shut for repairs", *BRIDGE, outlet="Shire Post", published=_at(5))
    flood = make_article("Tenby road flooded", *FLOOD, outlet="Tenby Echo", published=_at(8))
    _store(store, [one, two, flood])
    ids = {summary.title: summary.id for summary in store.list_stories(limit=10)}
    bridge = next(i for title, i in ids.items() if title and "bridge" in title.lower())
    flood_story = next(i for title, i in ids.items() if title and "Tenby" in title)
    return {"one": one.id, "two": two.id, "flood": flood.id, "bridge": bridge, "flood_story": flood_story}


def _cached(story_id: str, etag: str, contradictions: int) -> CachedComparison:
    return CachedComparison(
        story_id, etag, {"facts": [], "etag": etag}, ComparisonCounts(5, 2, contradictions, 1)
    )


def test_comparison_cache_is_keyed_by_etag(store: Store, stories: dict[str, str]) -> None:
    """A cached comparison comes back only for the etag it was saved under, and a new save replaces it."""
    store.save_comparison(_cached(stories["bridge"], "etag-1", 3))
    found = store.get_comparison(stories["bridge"], "etag-1")
    assert found is not None and found.document["etag"] == "etag-1" and found.counts.contradictions == 3
    assert store.get_comparison(stories["bridge"], "etag-2") is None
    store.save_comparison(_cached(stories["bridge"], "etag-2", 1))
    assert store.get_comparison(stories["bridge"], "etag-1") is None
    assert store.uncompared_story_ids() == [stories["flood_story"]]


def test_a_changed_story_loses_its_cached_comparison(
    store: Store, stories: dict[str, str], make_article: ArticleFactory
) -> None:
    """When clustering adds an article to a story, its cache entry is dropped (counts never go stale) and
    the story is found by its new outlet."""
    store.save_comparison(_cached(stories["bridge"], "etag-1", 3))
    third = make_article("Marlow bridge repairs", *BRIDGE, outlet="Marlow Weekly", published=_at(9))
    _store(store, [third])
    assert store.get_story(stories["bridge"]).story.size == 3
    assert store.get_comparison(stories["bridge"], "etag-1") is None
    assert [s.id for s in store.list_stories(filters=StoryFilters(outlet="Marlow Weekly"))] == [
        stories["bridge"]
    ]


def test_caching_a_vanished_story_is_ignored(store: Store, stories: dict[str, str]) -> None:
    """A comparison finished after its story was merged away is not stored (and does not fail)."""
    store.save_comparison(_cached("story-0000000000000000", "etag", 1))
    assert store.get_comparison("story-0000000000000000", "etag") is None


def test_contested_sort_puts_compared_stories_by_contradictions_first(
    store: Store, stories: dict[str, str]
) -> None:
    """contested orders by cached contradictions; stories not compared yet come last, without counts."""
    store.save_comparison(_cached(stories["bridge"], "e", 4))
    listed = store.list_stories("contested")
    assert [s.id for s in listed] == [stories["bridge"], stories["flood_story"]]
    assert listed[0].counts == ComparisonCounts(5, 2, 4, 1) and listed[1].counts is None


def test_story_filters(store: Store, stories: dict[str, str]) -> None:
    """Outlet, entity and time filters keep the right stories, and counts agree with lists."""
    cases = {
        StoryFilters(outlet="Shire Post"): {stories["bridge"]},
        StoryFilters(outlet="Nobody"): set(),
        StoryFilters(since=_at(7)): {stories["flood_story"]},
        StoryFilters(until=_at(7)): {stories["bridge"]},
        StoryFilters(since=_at(5), until=_at(5)): {stories["bridge"]},
    }
    for filters, expected in cases.items():
        assert {s.id for s in store.list_stories(filters=filters)} == expected, filters
        assert store.count_stories(filters) == len(expected)
    entity = next(iter(store.get_story(stories["bridge"]).global_entities.values()))
    assert {s.id for s in store.list_stories(filters=StoryFilters(entity=entity))} == {stories["bridge"]}


def test_entity_knows_its_stories(store: Store, stories: dict[str, str]) -> None:
    """A global entity lists the stories it appears in, with its local id in each."""
    local, entity_id = next(iter(store.get_story(stories["bridge"]).global_entities.items()))
    entity = store.get_entity(entity_id)
    assert entity.stories[stories["bridge"]] == local and entity.keys
    with pytest.raises(NotFoundError):
        store.get_entity("person:nobody")


def test_quotes_found_by_part_of_the_speaker_and_by_article(store: Store, stories: dict[str, str]) -> None:
    """find_quotes matches part of a name in any case, % and _ literally; quotes_in reads by article."""
    article = store.get_article(stories["one"])
    start = article.text.index('"The deck')
    end = article.text.index('," said') + 1
    speaker_at = article.text.index("engineer Priya Castellano")
    quote = Quote(
        "direct",
        (Span(article.id, start, end),),
        speaker=Span(article.id, speaker_at, speaker_at + len("engineer Priya Castellano")),
    )
    store.save_analyses([ArticleAnalysis(article.id, "test.v1", quotes=(quote,))])
    assert [q.article_id for q in store.find_quotes("CASTELL")] == [article.id]
    assert store.find_quotes("%") == [] and store.find_quotes("_") == []
    assert [(q.start, q.end) for q in store.quotes_in([article.id, stories["flood"]])] == [(start, end)]


def test_tokens_are_found_by_hash_and_revoked(store: Store) -> None:
    """A token is found by its secret's hash until revoked; revoking an unknown id is NotFoundError."""
    token = ApiToken("tok-1", "importer", datetime(2026, 5, 1, tzinfo=UTC))
    store.add_token(token, "hash-1")
    assert store.token_by_hash("hash-1") == token and store.token_by_hash("hash-2") is None
    assert [t.id for t in store.list_tokens()] == ["tok-1"]
    revoked = store.revoke_token("tok-1")
    assert revoked.revoked_at is not None
    assert store.token_by_hash("hash-1") == revoked
    with pytest.raises(NotFoundError):
        store.revoke_token("tok-2")


def test_jobs_are_claimed_once_and_finished(store: Store) -> None:
    """Queued jobs are claimed oldest first, each once; finishing records the report and drops the input."""
    first = IngestJob("job-1", "queued", 1, datetime(2026, 5, 1, tzinfo=UTC))
    second = IngestJob("job-2", "queued", 2, datetime(2026, 5, 2, tzinfo=UTC))
    store.add_job(second, '{"text": "b"}\n')
    store.add_job(first, '{"text": "a"}\n')
    claimed = store.claim_job()
    assert claimed is not None and claimed[0].id == "job-1" and claimed[1] == '{"text": "a"}\n'
    assert claimed[0].state == "running" and claimed[0].started_at is not None
    store.update_job_progress("job-1", {"read": 1})
    assert store.get_job("job-1").progress == {"read": 1}
    store.finish_job("job-1", {"stored": 1}, None)
    done = store.get_job("job-1")
    assert done.state == "done" and done.report == {"stored": 1} and done.finished_at is not None
    next_claim = store.claim_job()
    assert next_claim is not None and next_claim[0].id == "job-2"
    store.finish_job("job-2", None, "no article text")
    assert store.get_job("job-2").state == "failed" and store.get_job("job-2").error == "no article text"
    assert store.claim_job() is None
    with pytest.raises(NotFoundError):
        store.get_job("job-3")
