"""Temporal expressions normalised against the publication date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from newsfuse.analyze import analyze_article
from newsfuse.analyze.dates import NO_PUBLICATION, _extra_matches, extra_patterns, normalise
from newsfuse.model import Article

PUBLISHED = date(2024, 7, 20)  # a Saturday


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("in May", "2024-05"),
        ("earlier this year", "2024-01-01/2024-07-20"),
        ("this past week", "2024-07-13/2024-07-20"),
        ("the July 4th episode", "2024-07-04"),
        ("December of 2023", "2023-12"),
        ("back in 2015", "2015"),
        ("Dec. 4, 2015", "2015-12-04"),
        ("on Monday", "2024-07-15"),
        ("yesterday", "2024-07-19"),
        ("last year", "2023"),
        ("three days ago", "2024-07-17"),
        ("next week", "2024-07-22/2024-07-28"),
        ("in November", "2023-11"),
        ("the 1990s", "1990/1999"),
    ],
)
def test_forms_resolve_against_publication(phrase: str, value: str) -> None:
    """Each supported form resolves to its ISO-like value relative to the publication date."""
    assert normalise(phrase, PUBLISHED) == (value, None)


def test_relative_without_publication_keeps_reason() -> None:
    """A relative expression with no publication date keeps no value and says why."""
    assert normalise("in May", None) == (None, NO_PUBLICATION)


def test_absolute_without_publication_still_resolves() -> None:
    """An absolute date needs no publication date."""
    assert normalise("December of 2023", None) == ("2023-12", None)


def test_dates_found_in_article(make_article: Callable[..., Article], nlp: Any) -> None:
    """The stage reports tagger dates and pattern dates with values, but not names like "Tonight"."""
    article = make_article(
        "Harbour festival returns",
        "The Velmont harbour festival, cancelled back in 2015, returns this past week, "
        "the organisers told Harbour Tonight in May.",
    )
    analysis = analyze_article(article)
    found = {d.span.text_in(article.text): d.value for d in analysis.dates}
    assert found.get("back in 2015") == "2015"
    assert found.get("this past week") == "2024-07-13/2024-07-20"
    assert found.get("May") == "2024-05"
    assert "Tonight" not in found


def test_shipped_patterns_found_in_one_pass_as_each_finds_them() -> None:
    """Overlapping hits of different patterns are all kept, in each pattern's own order."""
    text = (
        "Earlier this year, and this past week (not last week's), Corvin said yesterday; today Sept. 3, 2021."
    )
    each = [m.span() for pattern in extra_patterns() for m in pattern.finditer(text)]
    assert _extra_matches(text) == each
    assert any(a != b and a[0] < b[1] and b[0] < a[1] for a in each for b in each)  # "this past week"
