"""Entities with their mentions gathered: partial names, typos, descriptions and type votes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsfuse.analyze import analyze_article
from newsfuse.analyze.entities import EntityIndex, one_edit_apart
from newsfuse.model import Article


def test_one_letter_typos_match_but_plurals_do_not() -> None:
    """A one-letter typo of a name token matches; a plural surname (the family, the show) does not."""
    assert one_edit_apart("gypsey", "gypsy")
    assert one_edit_apart("marrow", "morrow")
    assert not one_edit_apart("venters", "venter")
    assert not one_edit_apart("kim", "tim")  # short tokens need an exact match


def test_partial_names_join_and_type_is_voted() -> None:
    """Surname, first name and typo join the full name; a surname mistagged ORG does not split it."""
    index = EntityIndex()
    index.add(0, 17, "Marta Ilse Venter", "PERSON")
    index.add(20, 26, "Venter", "ORG")
    index.add(30, 36, "Venter", "ORG")
    index.add(40, 45, "Marta", "PERSON")
    index.add(50, 56, "Martta", "PERSON")
    assert len(index.clusters) == 1
    (cluster,) = index.clusters
    assert cluster.label == "PERSON" and cluster.name == "Marta Ilse Venter"
    assert len(cluster.mentions) == 5


def test_definite_description_resolves_to_salient_person(
    make_article: Callable[..., Article], nlp: Any
) -> None:
    """ "The baker" after a sentence about Laura Bennett is a mention of her."""
    article = make_article(
        "Bakery opens",
        "Laura Bennett opened a bakery in Velmont on Monday. The baker said that the ovens came from Italy.",
    )
    analysis = analyze_article(article)
    marrow = next(e for e in analysis.entities if e.name == "Laura Bennett")
    mentions = {m.text_in(article.text) for m in marrow.mentions}
    assert "The baker" in mentions
    assert marrow.type == "PERSON"


def test_entities_round_trip_through_json(make_article: Callable[..., Article], nlp: Any) -> None:
    """An analysis serialises to plain dicts and back unchanged."""
    from newsfuse.model import ArticleAnalysis

    article = make_article(
        "Mayor visits",
        "Mayor Orla Venter visited the harbour on Monday. “It is busy again,” Venter said.",
    )
    analysis = analyze_article(article)
    assert ArticleAnalysis.from_dict(analysis.to_dict()) == analysis


def test_resolver_accepts_clusters_sharing_a_mention_start(nlp: Any) -> None:
    """Regression: two clusters with a mention at the same offset crashed the speaker resolver's sort."""
    from newsfuse.analyze.entities import Cluster
    from newsfuse.analyze.lexicon import lexicon
    from newsfuse.analyze.speakers import SpeakerResolver

    doc = nlp("Ann Lee spoke. She left.")
    index = EntityIndex()
    for number, (end, name) in enumerate(((3, "Ann"), (7, "Ann Lee"))):
        cluster = Cluster(number, name.lower().split(), name, votes={"PERSON": 1.0}, mentions=[(0, end)])
        index.clusters.append(cluster)
    resolver = SpeakerResolver(doc, index, lexicon())
    assert resolver.salient_person(len(doc.text)) is not None


def test_remembered_answers_follow_votes_and_new_mentions() -> None:
    """The index keeps its answers only while no cluster changes: a later person vote, a longer name
    and a new mention are all seen by the next question."""
    index = EntityIndex()
    firm = index.add(0, 7, "Velmont", "ORG")
    assert index.person_token("Velmont") is None
    assert firm is not None
    firm.vote("PERSON", 3.0)
    assert index.person_token("Velmont") is firm
    assert index.add(20, 33, "Arlo Velmont", "PERSON") is firm
    assert firm.tokens == ("arlo", "velmont")
    assert index.person_token("Arlo") is firm
    assert index.at(25, 30) is firm
    assert index.at(8, 19) is None
    index.add(8, 12, "Nora", "PERSON")
    assert index.at(8, 19) is not None and index.at(8, 19) is not firm
    assert index.at(0, 40) is firm  # of several mentions overlapping, the first added
