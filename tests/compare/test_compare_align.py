"""Alignment with the static embedding, restatements inside one article, and real-news false conflicts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from compare_helpers import article, members_of

from newsfuse.compare import compare_story
from newsfuse.compare.align import AlignOptions, group_statements, score_statements
from newsfuse.compare.text import cue_hits, tokenize
from newsfuse.embed import ModelMissingError, StaticEmbedder, embedder
from newsfuse.model.comparison import ConflictType


def test_missing_model_names_the_make_target(tmp_path: Path) -> None:
    """Without a built model the embedder fails with a message saying how to build it."""
    with pytest.raises(ModelMissingError, match="make static-model"):
        StaticEmbedder(tmp_path)


def test_paraphrase_is_closer_than_a_different_fact() -> None:
    """A reworded statement embeds closer to the original than a statement of another fact."""
    vectors = embedder().encode(
        [
            "The gale tore off most of the chapel roof.",
            "Most of the chapel's roof was ripped away by the storm.",
            "The harbour master closed the marina until Friday.",
        ]
    )
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] + 0.2
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_text_embeds_to_zero() -> None:
    """A text without word pieces gets a zero vector, not NaN."""
    assert not embedder().encode([""]).any()


def test_restatement_joins_but_related_statement_does_not() -> None:
    """Two statements of one article join one fact only when they restate each other."""
    owners = ["a", "a", "b"]
    similarity = np.array([[1.0, 0.7, 0.8], [0.7, 1.0, 0.6], [0.8, 0.6, 1.0]], dtype=np.float32)
    assert group_statements(owners, similarity, AlignOptions(threshold=0.5, restatement=0.65)) == [[0, 1, 2]]
    assert sorted(group_statements(owners, similarity, AlignOptions(threshold=0.5, restatement=0.75))) == [
        [0, 2],
        [1],
    ]


def test_spaced_out_negation_is_a_negation() -> None:
    """ "didn ’ t", as some sources tokenise it, is read as a negation like "didn't"."""
    text = "The mayor didn ’ t sign the order."
    assert cue_hits(tokenize(text), "negation")
    assert not cue_hits(tokenize("The mayor signed the order."), "negation")


def test_abbreviated_name_is_not_a_name_conflict() -> None:
    """ "Mt Tallow" and "Mount Tallow" are one name written two ways, not a name contradiction."""
    first = article(
        "mt-a", "Vell Courier", 2, "Climbers were rescued from Mt Tallow on Sunday after a storm."
    )
    second = article("mt-b", "Brisk Post", 3, "Climbers were rescued from Mount Tallow on Sunday.")
    comparison = compare_story(members_of([first, second]))
    assert not [c for c in comparison.contradictions if c.type is ConflictType.NAME]
    assert comparison.corroborated


def test_spaced_out_negation_is_no_false_contradiction() -> None:
    """Both outlets say the ferry did not sail; one spells it "didn ’ t": no negation contradiction."""
    first = article("neg-a", "Vell Courier", 2, "The Marrow Isle ferry didn ’ t sail on Tuesday morning.")
    second = article("neg-b", "Brisk Post", 3, "The Marrow Isle ferry did not sail on Tuesday morning.")
    comparison = compare_story(members_of([first, second]))
    assert not [c for c in comparison.contradictions if c.type is ConflictType.NEGATION]


def test_article_context_tells_two_events_of_one_kind_apart() -> None:
    """The same sentence aligns better between two reports of one quake than with a report of another."""
    sentence = "A strong earthquake shook the region on Tuesday, officials said."
    articles = {
        "a": f"{sentence} The quake hit Port Vell and the Marrow Isle ferry pier; Mayor Ilse Dorran spoke.",
        "b": f"{sentence} In Port Vell, Mayor Ilse Dorran said the Marrow Isle ferry terminal was closed.",
        "c": f"{sentence} The quake hit Cape Welling and Brisk Harbour; Governor Tomas Ekwe spoke.",
    }
    owners = list(articles)
    texts = [sentence] * 3
    scores = score_statements(texts, [tokenize(t) for t in texts], owners, articles, AlignOptions())
    assert scores.statement[0, 1] == pytest.approx(scores.statement[0, 2])
    assert scores.aligned[0, 1] > scores.aligned[0, 2] + 0.1
