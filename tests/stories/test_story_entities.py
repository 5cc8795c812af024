"""Entities within an article and across a story's articles, and the global entity table."""

from __future__ import annotations

from datetime import UTC, datetime

from newsfuse.model.story import EntityRef, StoryCandidate
from newsfuse.stories.clusterer import OnlineClusterer
from newsfuse.stories.entities import entities_from_mentions
from newsfuse.stories.names import name_key
from newsfuse.stories.xdoc import EntityTable, story_entities


def test_a_surname_folds_into_the_full_name_within_an_article() -> None:
    """ "Vantrell" and "Vantrell's" join "Mira Vantrell", whose type is decided over all mentions."""
    refs = entities_from_mentions(
        [("Mira Vantrell", "PERSON"), ("Vantrell", "ORG"), ("Vantrell's", "PERSON"), ("Port Velmar", "GPE")]
    )
    assert refs[0] == EntityRef("Mira Vantrell", "PERSON", ("Vantrell", "Vantrell's"), 3)
    assert refs[1].name == "Port Velmar"


def test_an_ambiguous_surname_stays_apart() -> None:
    """A bare surname shared by two full names in one article is not guessed into either."""
    refs = entities_from_mentions([("Ana Korr", "PERSON"), ("Ben Korr", "PERSON"), ("Korr", "PERSON")])
    assert {r.name for r in refs} == {"Ana Korr", "Ben Korr", "Korr"}


def test_name_keys_ignore_case_articles_and_possessives() -> None:
    """ "The Velmar Council's" and "velmar council" are the same key."""
    assert name_key("The Velmar Council’s") == name_key("velmar council") == "velmar council"


def test_cross_document_aliases_merge_into_one_entity() -> None:
    """ "Mira Vantrell", "Vantrell" and "the singer" across two articles are one entity with every alias."""
    refs = [
        ("a1", EntityRef("Mira Vantrell", "PERSON", ("the singer",), 3)),
        ("a2", EntityRef("Vantrell", "PERSON", (), 2)),
        ("a2", EntityRef("the singer", "PERSON", (), 1)),
        ("a2", EntityRef("Port Velmar", "GPE", (), 1)),
    ]
    top, other = story_entities(refs, limit=5)
    assert top.name == "Mira Vantrell"
    assert set(top.aliases) == {"Vantrell", "the singer"}
    assert top.mentions == {"a1": 3, "a2": 3}
    assert other.name == "Port Velmar"


def test_story_records_carry_cross_document_entities() -> None:
    """A story of two articles lists the person both name differently as one key entity."""
    when = datetime(2031, 5, 2, tzinfo=UTC)
    text = "Singer Mira Vantrell cancelled her Port Velmar concert after a storm flooded the Velmar arena."
    clusterer = OnlineClusterer()
    clusterer.add_many(
        [
            StoryCandidate(
                "c1",
                when,
                "Herald",
                "Vantrell cancels Velmar concert",
                text,
                (EntityRef("Mira Vantrell", "PERSON", (), 2), EntityRef("Port Velmar", "GPE")),
            ),
            StoryCandidate(
                "c2",
                when,
                "Courier",
                "Storm floods Velmar arena, Vantrell concert off",
                text,
                (EntityRef("Vantrell", "PERSON", ("the singer",), 2), EntityRef("Port Velmar", "GPE")),
            ),
        ]
    )
    [story] = clusterer.stories()
    person = next(e for e in story.key_entities if e.type == "PERSON")
    assert person.name == "Mira Vantrell" and set(person.aliases) == {"Vantrell", "the singer"}
    assert set(person.mentions) == {"c1", "c2"}


def test_the_entity_table_links_stories_by_name_and_alias() -> None:
    """The same person in two stories, once by full name and once by alias, gets one global id."""
    table = EntityTable()
    first = story_entities([("a1", EntityRef("Mira Vantrell", "PERSON", ("Vantrell",), 2))], limit=3)
    second = story_entities([("b1", EntityRef("Vantrell", "PERSON", (), 1))], limit=3)
    linked_first = table.add_story("story-1", first)
    linked_second = table.add_story("story-2", second)
    assert linked_first[first[0].entity_id] == linked_second[second[0].entity_id]
    entry = table.lookup("vantrell")
    assert entry is not None and entry.stories == {"story-1", "story-2"}


def test_key_entities_are_cut_by_articles_then_name() -> None:
    """With more entities than the limit, those named by most articles come first, ties by name."""
    refs = [
        ("a1", EntityRef("Port Velmar", "GPE", (), 1)),
        ("a2", EntityRef("Port Velmar", "GPE", (), 1)),
        ("a1", EntityRef("Ostrova", "GPE", (), 1)),
        ("a1", EntityRef("Dunmere", "GPE", (), 1)),
        ("a2", EntityRef("Kessel Reef", "LOC", (), 1)),
    ]
    assert [e.name for e in story_entities(refs, limit=3)] == ["Port Velmar", "Dunmere", "Kessel Reef"]
    assert [e.name for e in story_entities(refs, limit=9)] == [
        "Port Velmar",
        "Dunmere",
        "Kessel Reef",
        "Ostrova",
    ]
