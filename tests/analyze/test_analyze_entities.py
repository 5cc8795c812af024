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
