"""Stories in the store, on SQLite and PostgreSQL: streamed, listed, read back, merged and rebuilt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from newsfuse.errors import NotFoundError, StoreError, UsageError
from newsfuse.model import Article
from newsfuse.model.story import Story, StoryEntity, StoryMerge
from newsfuse.service.stories import CLUSTERER_NAME, entity_keys, rebuild_stories, update_stories
from newsfuse.service.story_views import list_stories, show_story
from newsfuse.store import NewArticle, Store, StoryUpdate

ArticleFactory = Callable[..., Article]

FERRY = (
    "The Elmbrook ferry will stop running on Sundays from April, the Elmbrook transport board said, citing a "
    "shortage of licensed deckhands on the Elmbrook ferry and rising fuel costs for the ferry crossings.",
    "Board chair Wilma Strand said weekday ferry crossings would not change and Sunday ferry service could "
    "return in the autumn if the board hires four more deckhands.",
)
ORCHARD = (
    "A hailstorm flattened the pear orchards of Tamsworth valley overnight, growers said, leaving most "
    "of the harvest on the ground three weeks before picking was due to begin.",
    "The Tamsworth growers' cooperative said the hail damage to pears and apples was the worst since 1994.",
)


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 4, day, hour, tzinfo=UTC)


def _corpus(make_article: ArticleFactory) -> dict[str, Article]:
    first = make_article(
        "Elmbrook ferry to stop on Sundays", *FERRY, published=_at(6, 9), outlet="Elmbrook Herald"
    )
    second = make_article(
        "Sunday ferries cut in Elmbrook",
        FERRY[1],
        FERRY[0].replace("said", "announced"),
        published=_at(6, 12),
        outlet="Quayside Post",
    )
    copy = make_article(
        "Elmbrook ferry halts Sunday runs",
        *FERRY,
        published=_at(6, 15),
        outlet="Valley Wire",
        near_duplicate_of=first.id,
    )
    hail = make_article(
        "Hail flattens Tamsworth pear orchards", *ORCHARD, published=_at(7, 8), outlet="Tamsworth Gazette"
    )
    return {"first": first, "second": second, "copy": copy, "hail": hail}


def _members(store: Store) -> set[frozenset[str]]:
    return {
        frozenset(m.article_id for m in show_story(store, s.id).members)
        for s in list_stories(store, limit=100).items
    }


@pytest.fixture
def streamed(store: Store, make_article: ArticleFactory) -> dict[str, Article]:
    """The fictional corpus stored in two ingests and clustered after each."""
    corpus = _corpus(make_article)
    store.add_articles([NewArticle(corpus["first"]), NewArticle(corpus["second"])])
    update_stories(store)
    store.add_articles([NewArticle(corpus["copy"]), NewArticle(corpus["hail"])])
    update_stories(store)
    return corpus


def test_streamed_stories_keep_copies_and_events_apart(store: Store, streamed: dict[str, Article]) -> None:
    """Two outlets on one event and a copy form one story, the copy marked; another event is its own."""
    ids = {name: article.id for name, article in streamed.items()}
    assert _members(store) == {
        frozenset({ids["first"], ids["second"], ids["copy"]}),
        frozenset({ids["hail"]}),
    }
    ferry = show_story(store, "story-" + ids["first"])
    copies = {m.article_id: m.copy_of for m in ferry.members}
    assert copies == {ids["first"]: None, ids["second"]: None, ids["copy"]: ids["first"]}
    assert [m.outlet for m in ferry.members] == ["Elmbrook Herald", "Quayside Post", "Valley Wire"]


def test_lists_sort_newest_and_largest(store: Store, streamed: dict[str, Article]) -> None:
    """Newest puts the latest story first; largest the one with most articles."""
    newest = list_stories(store, "newest")
    largest = list_stories(store, "largest")
    assert newest.total == largest.total == 2
    assert [s.size for s in newest.items] == [1, 3]
    assert [s.size for s in largest.items] == [3, 1]
    assert largest.items[0].outlets == ("Elmbrook Herald", "Quayside Post", "Valley Wire")


def test_story_by_prefix_and_missing_story(store: Store, streamed: dict[str, Article]) -> None:
    """A story opens by a prefix of its hex part; an unknown id is a NotFoundError."""
    story_id = list_stories(store).items[0].id
    assert show_story(store, story_id.removeprefix("story-")[:6]).stored.story.id == story_id
    with pytest.raises(NotFoundError):
        show_story(store, "story-0000000000000000")
    with pytest.raises(NotFoundError, match="no story"):
        show_story(store, "nonsense")


def test_rebuild_reproduces_the_stream(store: Store, streamed: dict[str, Article]) -> None:
    """Re-clustering from scratch gives the same stories, with the same ids, as streaming gave."""
    before = {s.id: s.size for s in list_stories(store, limit=100).items}
    members = _members(store)
    report = rebuild_stories(store)
    assert report.clustered == 4
    assert {s.id: s.size for s in list_stories(store, limit=100).items} == before
    assert _members(store) == members


def test_a_merge_removes_the_absorbed_story(store: Store, streamed: dict[str, Article]) -> None:
    """Writing a merge deletes the absorbed story and lists the merge on the kept one."""
    ferry, hail = (show_story(store, "story-" + streamed[n].id).stored.story for n in ("first", "hail"))
    merged = replace(ferry, members=ferry.members + hail.members)
    merge = StoryMerge(ferry.id, hail.id, streamed["hail"].id, 0.5)
    state = store.load_cluster_state(ferry.clusterer)
    assert state is not None
    update = StoryUpdate(ferry.clusterer, [merged], {ferry.id}, [merge], {}, state.snapshot, state.version)
    assert store.save_stories(update) == state.version + 1
    assert [s.id for s in list_stories(store).items] == [ferry.id]
    view = show_story(store, ferry.id)
    assert view.stored.merges == [merge]
    assert len(view.members) == 4


def _story(story_id: str, *entities: StoryEntity) -> Story:
    return Story(story_id, None, None, None, (), (), entities, ())


def test_global_entities_link_by_name_not_by_generic_aliases(store: Store) -> None:
    """The same person in two stories gets one global id; two chiefs sharing the alias "Chief" do not."""
    chief = StoryEntity(
        "person:rowan-pellegrini", "Rowan Pellegrini", "PERSON", ("Chief", "Fire Chief Pellegrini"), {}, 1.0
    )
    other = StoryEntity("person:teresa-vantongeren", "Teresa Vantongeren", "PERSON", ("Chief",), {}, 1.0)
    again = StoryEntity("person:chief-pellegrini", "Fire Chief Pellegrini", "PERSON", (), {}, 1.0)
    stories = [
        _story("story-aaaa0001", chief),
        _story("story-aaaa0002", other),
        _story("story-aaaa0003", again),
    ]
    update = StoryUpdate("cluster.test", stories, set(), [], entity_keys(stories), {"fictional": True})
    store.save_stories(update)
    linked = {s.id: store.get_story(s.id).global_entities for s in stories}
    assert linked["story-aaaa0001"] == {"person:rowan-pellegrini": "person:rowan-pellegrini"}
    assert linked["story-aaaa0002"] == {"person:teresa-vantongeren": "person:teresa-vantongeren"}
    assert linked["story-aaaa0003"] == {"person:chief-pellegrini": "person:rowan-pellegrini"}


def test_a_write_from_a_stale_snapshot_is_refused(store: Store, streamed: dict[str, Article]) -> None:
    """Two runs that start from one snapshot: the second one's write is refused, nothing of it stored."""
    state = store.load_cluster_state(CLUSTERER_NAME)
    assert state is not None and state.version == 2  # one save per ingest in the fixture
    hail = show_story(store, "story-" + streamed["hail"].id).stored.story
    renamed = replace(hail, title="Hail, retitled by a late writer")
    first = StoryUpdate(hail.clusterer, [hail], {hail.id}, [], {}, state.snapshot, state.version)
    late = StoryUpdate(hail.clusterer, [renamed], {hail.id}, [], {}, state.snapshot, state.version)
    assert store.save_stories(first) == 3
    with pytest.raises(StoreError, match="another process"):
        store.save_stories(late)
    assert show_story(store, hail.id).stored.story.title == hail.title
    fresh = StoryUpdate("cluster.other", [], set(), [], {}, {}, 0)
    assert store.save_stories(fresh) == 1
    with pytest.raises(StoreError):
        store.save_stories(fresh)


def test_an_unrestorable_snapshot_asks_for_a_rebuild(store: Store, streamed: dict[str, Article]) -> None:
    """A snapshot another version of the code saved is a clear error naming the fix, and the fix works."""
    state = store.load_cluster_state(CLUSTERER_NAME)
    assert state is not None
    broken = {"name": CLUSTERER_NAME, "stories": [{"id": "story-x"}]}
    store.save_stories(StoryUpdate(CLUSTERER_NAME, [], set(), [], {}, broken, state.version))
    with pytest.raises(UsageError, match="cluster --rebuild"):
        update_stories(store)
    assert rebuild_stories(store).clustered == 4
    assert update_stories(store).clustered == 0
