"""The planted agreements, single-source facts, conflicts, update and near-copy of examples/ are found."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from compare_helpers import claims_over, example_articles, locate, manifest

from newsfuse.model import Span
from newsfuse.model.comparison import ConflictType, StoryComparison


def _where(examples_dir: Path, side: dict[str, Any]) -> Span:
    return locate(example_articles(examples_dir)[side["article"]], side["text"])


def _whole(examples_dir: Path, manifest_id: str) -> Span:
    article = example_articles(examples_dir)[manifest_id]
    return Span(article.id, 0, len(article.text))


def test_every_corroborated_fact_is_aligned_across_outlets(
    examples_dir: Path, example_stories: dict[str, StoryComparison]
) -> None:
    """Each planted agreement is one fact holding the phrasings of at least two of its articles."""
    missed = []
    for planted in manifest(examples_dir)["corroborated"]:
        comparison = example_stories[planted["event"]]
        places = [_where(examples_dir, p) for p in planted["phrasings"]]
        best = max(
            sum(any(c.span.overlaps(place) for c in fact.claims) for place in places)
            for fact in comparison.facts
        )
        if best < 2:
            missed.append(planted["id"])
    found = len(manifest(examples_dir)["corroborated"]) - len(missed)
    assert found / len(manifest(examples_dir)["corroborated"]) >= 0.85, missed


def test_single_source_facts_are_mostly_single_source(
    examples_dir: Path, example_stories: dict[str, StoryComparison]
) -> None:
    """Planted single-source facts sit in facts with one independent outlet (one slip in four allowed)."""
    planted = manifest(examples_dir)["single_source"]
    single = 0
    for item in planted:
        comparison = example_stories[item["event"]]
        facts = [comparison.facts[n] for n in claims_over(comparison, _where(examples_dir, item))]
        single += bool(facts) and all(not f.corroborated for f in facts)
    assert single / len(planted) >= 0.75


@pytest.mark.parametrize("conflict_type", [t.value for t in ConflictType])
def test_every_planted_conflict_is_found_with_its_type(
    examples_dir: Path, example_stories: dict[str, StoryComparison], conflict_type: str
) -> None:
    """Every planted conflict of this type is reported between the articles carrying the two sides."""
    conflicts = [c for c in manifest(examples_dir)["conflicts"] if c["type"] == conflict_type]
    assert conflicts, f"the examples plant no {conflict_type} conflict"
    for planted in conflicts:
        comparison = example_stories[planted["event"]]
        sides_a = [_where(examples_dir, planted["a"])] + [
            _whole(examples_dir, m) for m in planted.get("also_a", [])
        ]
        sides_b = [_where(examples_dir, planted["b"])] + [
            _whole(examples_dir, m) for m in planted.get("also_b", [])
        ]
        found = [
            c
            for c in comparison.contradictions
            if c.type.value == conflict_type
            and any(c.a.overlaps(s) or c.b.overlaps(s) for s in sides_a)
            and any(c.a.overlaps(s) or c.b.overlaps(s) for s in sides_b)
        ]
        assert found, planted["id"]
        if "subtype" in planted:
            assert any(c.subtype == planted["subtype"] for c in found), planted["id"]


def test_the_update_is_an_update_not_a_contradiction(
    examples_dir: Path, example_stories: dict[str, StoryComparison]
) -> None:
    """The vote that was upcoming and then passed is an update between the planted claims."""
    for planted in manifest(examples_dir)["updates"]:
        comparison = example_stories[planted["event"]]
        earlier, later = _where(examples_dir, planted["earlier"]), _where(examples_dir, planted["later"])
        assert any(u.earlier.overlaps(earlier) and u.later.overlaps(later) for u in comparison.updates)
        assert not any(
            c.a.overlaps(earlier) and c.b.overlaps(later) and c.type is ConflictType.DATE
            for c in comparison.contradictions
        )


def test_a_near_copy_counts_once_under_its_origin(
    examples_dir: Path, example_stories: dict[str, StoryComparison]
) -> None:
    """Statements of a re-posted wire story are credited to the wire, so the copy adds no outlet."""
    for planted in manifest(examples_dir)["near_duplicates"]:
        articles = example_articles(examples_dir)
        copy, origin = articles[planted["copy"]], articles[planted["original"]]
        comparison = next(
            c for c in example_stories.values() if any(a.article_id == copy.id for a in c.articles)
        )
        claims = [c for f in comparison.facts for c in f.claims if c.span.article_id == copy.id]
        assert claims and all(c.credited == origin.outlet for c in claims)
        entry = next(a for a in comparison.articles if a.article_id == copy.id)
        assert entry.copy_of == origin.id


def test_quote_given_to_another_outlet_is_first_reported_by_it(
    examples_dir: Path, example_stories: dict[str, StoryComparison]
) -> None:
    """A quote 'told the Dunmore Falls Dispatch' counts as that outlet's reporting wherever it is carried."""
    comparison = example_stories["dunmore-falls-fire"]
    assert any(
        q.first_reported_by == "Dunmore Falls Dispatch" and len(q.outlets) > 1 for q in comparison.quotes
    )


def test_articles_are_ordered_by_publication_time(example_stories: dict[str, StoryComparison]) -> None:
    """The timeline lists articles by publication time, all known from metadata."""
    for comparison in example_stories.values():
        times = [a.published for a in comparison.articles]
        aware = [t if t is None or t.tzinfo else t.replace(tzinfo=UTC) for t in times]
        assert all(t is not None for t in aware)
        assert aware == sorted(aware)  # type: ignore[type-var]
        assert {a.order_basis for a in comparison.articles} == {"published"}


def test_dated_events_are_in_date_order(example_stories: dict[str, StoryComparison]) -> None:
    """Events mentioned in the articles are ordered by their normalised dates."""
    for comparison in example_stories.values():
        values = [e.value for e in comparison.events]
        assert values and values == sorted(values)
