"""The online clusterer on fictional coverage: one event from three outlets, twin events, copies, merges."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from newsfuse.errors import InputError, UsageError
from newsfuse.model.story import EntityRef, StoryCandidate
from newsfuse.stories.clusterer import NAME, OnlineClusterer, cluster_batch
from newsfuse.stories.features import lead
from newsfuse.stories.options import ClusterOptions

T0 = datetime(2031, 3, 14, 8, 0, tzinfo=UTC)


def person(name: str, *aliases: str, mentions: int = 2) -> EntityRef:
    return EntityRef(name, "PERSON", aliases, mentions)


def place(name: str) -> EntityRef:
    return EntityRef(name, "GPE", (), 1)


def org(name: str) -> EntityRef:
    return EntityRef(name, "ORG", (), 1)


def article(
    aid: str, title: str, text: str, hours: float, outlet: str, *entities: EntityRef
) -> StoryCandidate:
    return StoryCandidate(aid, T0 + timedelta(hours=hours), outlet, title, f"{title}\n\n{text}", entities)


FERRY = [
    article(
        "ferry-herald",
        "Ferry Aldra runs aground off Port Velmar, 40 passengers rescued",
        "The passenger ferry Aldra ran aground on the Kessel reef outside Port Velmar on Tuesday. Harbour "
        "master Ilse Brandvik said all 40 passengers were rescued by lifeboats and no one was hurt.",
        0,
        "Velmar Herald",
        place("Port Velmar"),
        person("Ilse Brandvik"),
        org("Aldra"),
    ),
    article(
        "ferry-courier",
        "Lifeboats rescue 40 after ferry hits Kessel reef near Port Velmar",
        "Forty passengers were rescued after the ferry Aldra struck the Kessel reef near Port Velmar. "
        "Brandvik, the harbour master, said the lifeboats reached the stranded ferry within minutes.",
        2,
        "Coastal Courier",
        place("Port Velmar"),
        person("Brandvik"),
        org("Aldra"),
    ),
    article(
        "ferry-wire",
        "Port Velmar ferry aground on reef; passengers safe, harbour master says",
        "All passengers of the Aldra ferry are safe after it ran aground on a reef off Port Velmar, harbour "
        "master Ilse Brandvik told reporters. The ferry will be towed off the Kessel reef at high tide.",
        3,
        "Northwire",
        place("Port Velmar"),
        person("Ilse Brandvik", "Brandvik"),
        org("Aldra"),
    ),
]

FIRES = [
    article(
        "fire-ostrova",
        "Warehouse fire in Ostrova destroys grain depot",
        "A fire destroyed the Ostrova grain depot warehouse overnight. Fire chief Tomas Rellig said "
        "forty firefighters fought the blaze for six hours in the Ostrova industrial park.",
        1,
        "Velmar Herald",
        place("Ostrova"),
        person("Tomas Rellig"),
    ),
    article(
        "fire-dunmere",
        "Warehouse fire in Dunmere guts textile store",
        "A fire gutted a textile warehouse in Dunmere on the same night. Fire chief Anja Solberg said the "
        "blaze in the Dunmere docks started in a loading bay and was put out by morning.",
        1.5,
        "Coastal Courier",
        place("Dunmere"),
        person("Anja Solberg"),
    ),
]


def story_members(clusterer: OnlineClusterer) -> list[set[str]]:
    return [{m.article_id for m in story.members} for story in clusterer.stories()]


def test_same_event_from_three_outlets_is_one_story() -> None:
    """Three outlets' reports of one ferry grounding end up as one story with three outlets."""
    clusterer = OnlineClusterer()
    clusterer.add_many(FERRY)
    [story] = clusterer.stories()
    assert {m.article_id for m in story.members} == {a.article_id for a in FERRY}
    assert story.outlets == ("Coastal Courier", "Northwire", "Velmar Herald")
    assert story.title in {a.title for a in FERRY}
    assert story.first_published == FERRY[0].published and story.last_published == FERRY[2].published
    assert story.clusterer == NAME


def test_two_events_of_the_same_kind_on_the_same_day_stay_apart() -> None:
    """Two warehouse fires in different towns with different fire chiefs are two stories."""
    clusterer = OnlineClusterer()
    assignments = clusterer.add_many(FIRES)
    assert [a.new_story for a in assignments] == [True, True]
    assert sorted(story_members(clusterer), key=sorted) == [{"fire-dunmere"}, {"fire-ostrova"}]


DUNMERE_AGAIN = article(
    "fire-dunmere-2",
    "Dunmere docks: textile warehouse gutted by fire, chief Anja Solberg says",
    "The fire that gutted a textile warehouse in the Dunmere docks started in a loading bay, fire chief "
    "Anja Solberg said. The Dunmere blaze was put out by morning and nobody was hurt.",
    5,
    "Northwire",
    place("Dunmere"),
    person("Anja Solberg"),
)


def test_a_weak_early_join_is_undone_when_the_members_own_match_arrives() -> None:
    """With a join threshold low enough that the Dunmere fire first joins the Ostrova fire's story, the
    next Dunmere report matches it far better than that story as a whole: it moves out, and the move is
    recorded."""
    clusterer = OnlineClusterer(ClusterOptions(join_threshold=0.02, rehome_split_margin=0.2))
    first = clusterer.add_many(FIRES)
    assert first[1].story_id == first[0].story_id  # the weak early join
    assignment = clusterer.add(DUNMERE_AGAIN)
    [move] = assignment.moves
    assert (move.moved, move.source, move.target) == ("fire-dunmere", first[0].story_id, assignment.story_id)
    assert assignment.new_story
    assert sorted(story_members(clusterer), key=sorted) == [
        {"fire-dunmere", "fire-dunmere-2"},
        {"fire-ostrova"},
    ]
    [ostrova] = [s for s in clusterer.stories() if s.id == first[0].story_id]
    assert ostrova.title == FIRES[0].title
    assert {e.name for e in ostrova.key_entities} == {e.name for e in FIRES[0].entities}


def test_no_move_without_a_better_match() -> None:
    """A third report that fits the story as a whole better than any one member moves nobody."""
    clusterer = OnlineClusterer()
    assignments = clusterer.add_many(FERRY)
    assert all(not a.moves for a in assignments)
    assert len(clusterer.stories()) == 1


def _second_herald_report(hours: float) -> StoryCandidate:
    """The Velmar Herald's own second article on the ferry grounding, ``hours`` after the first."""
    return article(
        "ferry-herald-2",
        "Ferry Aldra to be towed off Kessel reef at high tide",
        "Tugs will tow the ferry Aldra off the Kessel reef near Port Velmar at high tide, harbour master "
        "Ilse Brandvik said. All 40 passengers were rescued by lifeboats on Tuesday.",
        hours,
        "Velmar Herald",
        place("Port Velmar"),
        person("Ilse Brandvik"),
        org("Aldra"),
    )


@pytest.mark.parametrize(("hours", "joins"), [(3, False), (30, True)])
def test_an_outlets_second_article_the_same_day_needs_stronger_evidence(hours: float, joins: bool) -> None:
    """With a prohibitive same-outlet penalty, the Herald's second report the same day starts its own story,
    while its follow-up the next day, and another outlet's report, join the first as usual (moves are
    off: with a prohibitive penalty the second report would take the wire's report with it)."""
    clusterer = OnlineClusterer(ClusterOptions(outlet_penalty=1.0, rehome_max_story=0))
    clusterer.add_many([FERRY[0], FERRY[2], _second_herald_report(hours)])
    herald_story = clusterer.story_of("ferry-herald")
    assert clusterer.story_of("ferry-wire") == herald_story
    assert (clusterer.story_of("ferry-herald-2") == herald_story) is joins


OSTROVA_BY_COURIER = article(
    "fire-ostrova-courier",
    "Ostrova grain depot lost to overnight warehouse fire",
    "Forty firefighters fought the Ostrova warehouse fire for six hours, fire chief Tomas Rellig said; the "
    "grain depot in the Ostrova industrial park was destroyed.",
    3,
    "Coastal Courier",
    place("Ostrova"),
    person("Tomas Rellig"),
)


def test_an_outlets_better_match_takes_the_place_of_its_weaker_article() -> None:
    """When the Courier's Dunmere report joined the Ostrova fire weakly, the Courier's own Ostrova report
    fits that story better: it takes the Dunmere report's place, which moves to a story of its own (the
    move recorded), instead of being kept out by the same-outlet penalty."""
    options = ClusterOptions(join_threshold=0.02, outlet_penalty=1.0, rehome_max_story=0)
    clusterer = OnlineClusterer(options)
    first = clusterer.add_many(FIRES)
    assert first[1].story_id == first[0].story_id  # the weak early join
    assignment = clusterer.add(OSTROVA_BY_COURIER)
    assert assignment.story_id == first[0].story_id and not assignment.new_story
    [move] = assignment.moves
    assert (move.moved, move.source) == ("fire-dunmere", first[0].story_id)
    assert clusterer.story_of("fire-dunmere") == move.target != move.source
    assert re.fullmatch(r"story-[0-9a-f]{16}", move.target)  # a story id users can look up by prefix
    assert not move.target.startswith(move.source)
    assert sorted(story_members(clusterer), key=sorted) == [
        {"fire-dunmere"},
        {"fire-ostrova", "fire-ostrova-courier"},
    ]


def test_the_same_outlet_penalty_survives_a_snapshot() -> None:
    """A restored clusterer still knows which outlets a hot story already has, and when they published."""
    first = OnlineClusterer(ClusterOptions(outlet_penalty=1.0))
    first.add(FERRY[0])
    resumed = OnlineClusterer.restore(json.loads(json.dumps(first.snapshot())))
    assert resumed.add(_second_herald_report(3)).new_story


def test_a_copy_joins_its_original_as_a_copy() -> None:
    """A near-duplicate joins its original's story and is marked as a copy of it."""
    original = FERRY[0]
    copy = StoryCandidate(
        "ferry-copy", original.published, "Syndicate Daily", original.title, original.text, (), "ferry-herald"
    )
    clusterer = OnlineClusterer()
    clusterer.add_many([original, *FIRES, copy])
    assignment = clusterer.add(copy)  # adding again is idempotent
    assert assignment.story_id == clusterer.story_of("ferry-herald")
    story = next(s for s in clusterer.stories() if s.id == assignment.story_id)
    copy_member = next(m for m in story.members if m.article_id == "ferry-copy")
    assert copy_member.copy_of == "ferry-herald"


def test_a_copy_whose_original_has_left_the_window_is_still_marked_a_copy() -> None:
    """A copy arriving after its original's story closed is placed like any article, marked as a copy."""
    original = FERRY[0]
    late = (original.published or T0) + timedelta(days=10)
    copy = StoryCandidate(
        "ferry-late-copy", late, "Syndicate Daily", original.title, original.text, (), original.article_id
    )
    clusterer = OnlineClusterer()
    clusterer.add(original)
    assignment = clusterer.add(copy)
    assert assignment.new_story and assignment.copy_of == original.article_id
    [story] = clusterer.stories()
    assert story.members[0].copy_of == original.article_id


def test_a_bridging_article_merges_two_stories_and_the_merge_is_recorded() -> None:
    """An article that reaches two stories which then look alike merges them, and says so."""
    options = ClusterOptions(join_threshold=0.2, merge_threshold=0.2, cold_meaning_weight=0.0)  # words only
    first = article(
        "m1",
        "Velmar council votes on harbour budget",
        "The Velmar council voted on the harbour budget.",
        0,
        "A",
    )
    second = article(
        "m2",
        "Dredging contract for Kessel reef awarded",
        "A dredging contract for the Kessel reef was awarded.",
        1,
        "B",
    )
    bridge = article(
        "m3",
        "Velmar council harbour budget pays Kessel reef dredging contract",
        "The Velmar council harbour budget pays for the Kessel reef dredging contract that was awarded.",
        2,
        "C",
    )
    clusterer = OnlineClusterer(options)
    clusterer.add_many([first, second])
    assert len(clusterer.stories()) == 2
    assignment = clusterer.add(bridge)
    [story] = clusterer.stories()
    [merge] = assignment.merges
    assert {merge.kept, merge.absorbed} == {"story-m1", "story-m2"}
    assert story.merged_from == (merge.absorbed,)
    assert {m.article_id for m in story.members} == {"m1", "m2", "m3"}


def test_batch_equals_stream() -> None:
    """Re-clustering a back-fill in batch gives the same stories as streaming it in publication order."""
    articles = sorted([*FERRY, *FIRES], key=lambda a: a.published or T0)
    clusterer = OnlineClusterer()
    clusterer.add_many(articles)
    streamed = [s.to_dict() for s in clusterer.stories()]
    batched = [s.to_dict() for s in cluster_batch(reversed(articles))]
    assert sorted(batched, key=lambda s: s["id"]) == sorted(streamed, key=lambda s: s["id"])


def test_snapshot_restores_a_clusterer_that_continues_alike() -> None:
    """A JSON round-trip of the state mid-stream gives the same stories as never stopping."""
    articles = sorted([*FERRY, *FIRES], key=lambda a: a.published or T0)
    straight = OnlineClusterer()
    straight.add_many(articles)
    first = OnlineClusterer()
    first.add_many(articles[:2])
    resumed = OnlineClusterer.restore(json.loads(json.dumps(first.snapshot())))
    resumed.add_many(articles[2:])
    assert [s.to_dict() for s in resumed.stories()] == [s.to_dict() for s in straight.stories()]


def test_restore_refuses_another_clusterers_snapshot() -> None:
    """A snapshot from another implementation is refused with a clear error."""
    with pytest.raises(UsageError, match=NAME.replace(".", r"\.")):
        OnlineClusterer.restore({"name": "cluster.other.v9"})


def test_stories_outside_the_window_leave_the_hot_index() -> None:
    """A story untouched for longer than the window is closed and handed over once."""
    clusterer = OnlineClusterer(ClusterOptions(window_days=1.0))
    clusterer.add_many(FERRY)
    later = FIRES[0]
    clusterer.add(
        StoryCandidate(later.article_id, T0 + timedelta(days=3), later.outlet, later.title, later.text)
    )
    [closed] = clusterer.drain_closed()
    assert {m.article_id for m in closed.members} == {a.article_id for a in FERRY}
    assert clusterer.drain_closed() == []
    assert clusterer.story_of("ferry-herald") is None
    assert clusterer.hot_size() == (1, 1)


def test_a_story_never_stays_hot_for_ever() -> None:
    """A story that keeps getting articles still closes max_story_days after its first one."""
    clusterer = OnlineClusterer(ClusterOptions(window_days=1.0, max_story_days=2.0))
    for day, report in enumerate(FERRY * 2):
        when = T0 + timedelta(days=day * 0.9)
        clusterer.add(
            StoryCandidate(f"{report.article_id}-{day}", when, report.outlet, report.title, report.text)
        )
    closed = clusterer.drain_closed()
    assert closed and all(len(story.members) < 6 for story in closed + clusterer.stories())


def test_naive_and_aware_times_mix_in_one_story() -> None:
    """A naive publication time (taken as UTC) beside aware ones does not break the story record."""
    naive = FERRY[1]
    clusterer = OnlineClusterer()
    clusterer.add(FERRY[0])
    clusterer.add(
        StoryCandidate(naive.article_id, datetime(2031, 3, 14, 10, 0), naive.outlet, naive.title, naive.text)
    )
    [story] = clusterer.stories()
    assert story.first_published == FERRY[0].published
    assert story.last_published == datetime(2031, 3, 14, 10, 0)


def test_a_candidate_without_id_is_bad_input() -> None:
    """An article without an id is rejected with InputError, not a crash."""
    with pytest.raises(InputError):
        OnlineClusterer().add(StoryCandidate("", None, None, None, "text"))


PARAPHRASES = [
    article(
        "roof-a",
        "Storm tears roof off Orlen sports hall",
        "High winds ripped most of the roof from the sports hall in Orlen overnight. Nobody was inside.",
        0,
        "A",
        place("Orlen"),
    ),
    article(
        "roof-b",
        "Gale wrecks Orlen sports hall overnight",
        "Strong winds tore away the roof of the town sports hall during the night; the hall was empty.",
        1,
        "B",
        place("Orlen"),
    ),
]


def test_at_cold_start_the_embedding_lifts_reports_worded_differently() -> None:
    """With few articles seen, two wordings of one event score higher with the lead embedding than without."""
    with_meaning = OnlineClusterer().add_many(PARAPHRASES)[1]
    words_only = OnlineClusterer(ClusterOptions(cold_meaning_weight=0.0)).add_many(PARAPHRASES)[1]
    assert with_meaning.story_id == "story-roof-a"
    assert with_meaning.score > words_only.score + 0.02


TOWN_NEWS = [
    article(
        f"town-{i}",
        f"{thing.title()} in Town{i} {news}",
        f"The {thing} of Town{i} {news} this week, officials of Town{i} said.",
        i * 0.01,
        f"Outlet {i % 3}",
    )
    for i, (thing, news) in enumerate(
        zip(
            ["orchard", "bridge", "museum", "tramway", "harbour", "library", "vineyard", "stadium"] * 3,
            ["reopens", "closes", "expands", "wins award", "gets new director", "raises fees"] * 4,
            strict=False,
        )
    )
][:20]

TWIN_RAIDS = [
    article(
        "raid-kestrel",
        "Navy frigate Kestrel captures 23 pirates in Gulf of Tarsa",
        "The Velmar Navy frigate Kestrel captured 23 pirates who tried to board a grain freighter in the "
        "Gulf of Tarsa on Saturday, the admiralty said.",
        1,
        "A",
        org("Velmar Navy"),
        place("Gulf of Tarsa"),
    ),
    article(
        "raid-straits",
        "Warship foils attack, 26 sea raiders seized",
        "A Velmar Navy warship thwarted a raid on two tankers near the Tarsa straits and detained 26 armed "
        "men, officials announced.",
        2,
        "B",
        org("Velmar Navy"),
    ),
]


def test_the_embedding_tells_the_kind_of_event_not_which_one() -> None:
    """Once a few articles have weighted the words, two pirate raids with other ships, numbers and places
    are two stories, however alike their leads read to the embedding (ECB+ twin events merged so)."""
    assignments = OnlineClusterer().add_many(TOWN_NEWS + TWIN_RAIDS)
    assert assignments[-1].new_story


def test_the_lead_is_the_title_and_the_first_sentences() -> None:
    """The embedded lead is the headline plus the first three sentences of the body, headline not repeated."""
    body = "One. Two! Three? Four."
    assert lead(StoryCandidate("x", T0, None, "Head", f"Head\n\n{body}")) == "Head. One. Two! Three?"
    assert lead(StoryCandidate("y", T0, None, None, body)) == "One. Two! Three?"
