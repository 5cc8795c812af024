"""Datelines in plain text give the article its publication date."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsfuse.clean import clean_document
from newsfuse.clean.dateline import dateline_date
from newsfuse.model import DateSource, RawDocument, SourceKind, SourceRef


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published March 3, 2026 | By Gabriel Ostrowski", datetime(2026, 3, 3, tzinfo=UTC)),
        ("Updated: 2026-03-04 10:15", datetime(2026, 3, 4, 10, 15, tzinfo=UTC)),
        ("Posted on 3 March 2026 at 10:00 EST", datetime(2026, 3, 3, 10, 0, tzinfo=UTC)),
    ],
)
def test_dateline_forms(line: str, expected: datetime) -> None:
    """Common dateline forms parse to the date they state."""
    assert dateline_date(line) == expected


@pytest.mark.parametrize(
    "line", ["Published in the spring", "The council published its 2026 budget on Monday, a year late."]
)
def test_not_a_dateline(line: str) -> None:
    """A line without a year, or a sentence, is not taken for a dateline."""
    assert dateline_date(line) is None


TEXT = """The Millbrook Beacon
Ferry Service Returns to Millbrook Harbor
Published June 9, 2025 | By Ines Carvalho
The ferry between Millbrook and Saltmarsh Island ran again on Monday after a winter of repairs.

"We missed the crossing more than we thought," said Ada Fenwick, who rides it every morning.
"""


def test_plain_text_article_gets_its_dateline_date() -> None:
    """A cleaned plain-text article carries the dateline's date, marked as coming from the text."""
    raw = RawDocument(source=SourceRef(SourceKind.FILE, "beacon.txt"), text=TEXT)
    article = clean_document(raw)
    assert article.published == datetime(2025, 6, 9, tzinfo=UTC)
    assert article.published_source is DateSource.TEXT


def test_metadata_date_wins_over_dateline() -> None:
    """A date the container gave (JSONL, feed) is kept over a dateline in the text."""
    given = datetime(2025, 6, 8, 22, 0, tzinfo=UTC)
    raw = RawDocument(
        source=SourceRef(SourceKind.JSONL, "x.jsonl", item=1),
        text=TEXT,
        published=given,
        published_source=DateSource.METADATA,
    )
    assert clean_document(raw).published == given


def test_examples_txt_have_dates(examples_dir: Path) -> None:
    """Every bundled plain-text example states its date in a dateline, and the cleaner finds it."""
    for path in sorted(examples_dir.glob("*.txt")):
        raw = RawDocument(source=SourceRef(SourceKind.FILE, str(path)), text=path.read_text(encoding="utf-8"))
        assert clean_document(raw).published is not None, path.name
