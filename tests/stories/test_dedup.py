"""Near-duplicate detection: syndicated and edited copies match, other reports of the same event do not."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef, build_article
from newsfuse.store import Store, open_store
from newsfuse.stories.dedup import DedupConfig, NearDuplicateFinder, Sketcher, shingles_of, similarity

WIRE = [
    "By Tomas Reyl, Northwind Wire",
    "HARBOURVALE — The city council of Harbourvale voted 7 to 2 on Tuesday night to close the old ferry pier "
    "for at least eighteen months while engineers replace the rotting timber piles that hold it up.",
    "The decision follows an inspection in March that found water damage in more than half of the pier's "
    "supports, according to a report presented to the council by the harbour engineer, Dana Okafor.",
    "“We cannot ask families to stand on a structure we know is failing,” Okafor told council members, "
    "adding that the repairs would cost an estimated 4.2 million crowns.",
    "Ferry operator Blue Gannet Lines said it would move its morning and evening crossings to the cargo quay "
    "on the north side of the bay, where a temporary waiting room will be built by the end of the month.",
    "Councillor Ines Marlow, one of the two members who voted against the closure, said the city had known "
    "about the damage for years and should have started repairs before the summer season.",
    "Shop owners along Quay Street have warned that the closure could cut their takings by a third, and the "
    "chamber of commerce has asked the council for a relief fund to cover the busiest months.",
    "The council will consider the relief fund at its next meeting on 14 June.",
]
# The wire story republished with a new headline, byline and closing paragraph.
SYNDICATED = [
    "By Staff, The Harbourvale Courier",
    *WIRE[1:-1],
    "Readers can send questions about the ferry changes to the Courier's city desk.",
]
# A heavier edit: two paragraphs cut, one quote trimmed, new byline and ending.
EDITED = [
    "By Ana Pell, Eastbay Daily (with Northwind Wire)",
    WIRE[1],
    WIRE[2],
    "“We cannot ask families to stand on a structure we know is failing,” Okafor told council members.",
    WIRE[4],
    WIRE[6],
    "Eastbay Daily has asked Blue Gannet Lines whether fares will change during the works.",
]
# The same event, independently reported: same facts and names, different words.
SAME_EVENT = [
    "By Miro Vantt, Quayside Gazette",
    "Harbourvale's ferry pier will shut for a year and a half after the council backed the harbour "
    "engineer's call for a full rebuild of its timber supports on Tuesday.",
    "Seven councillors supported the plan. Councillor Ines Marlow, who opposed it, accused the city of "
    "letting the pier decay for years and said repairs should have begun before summer.",
    "Harbour engineer Dana Okafor said the March inspection showed that most of the supports were soaked "
    "through, and she put the bill at about 4.2 million crowns.",
    "Blue Gannet Lines will run its crossings from the cargo quay on the north shore for the duration, the "
    "company said in a statement, with a temporary waiting room due before the month is out.",
    "Traders on Quay Street fear they will lose a third of their income and want a relief fund, which the "
    "council is due to discuss on 14 June.",
]


def _article(title: str, paragraphs: list[str], outlet: str) -> Article:
    raw = RawDocument(SourceRef(SourceKind.FILE, f"{outlet}.txt"), text="unused", outlet=outlet)
    parts = [(title, ParagraphKind.TITLE)] + [(p, ParagraphKind.BODY) for p in paragraphs]
    return build_article(raw, parts, title=title)


WIRE_ARTICLE = _article("Harbourvale to close ferry pier for repairs", WIRE, "northwind")
SYNDICATED_ARTICLE = _article("Ferry pier shuts for 18 months", SYNDICATED, "courier")
EDITED_ARTICLE = _article("Old pier to close", EDITED, "eastbay")
SAME_EVENT_ARTICLE = _article("Pier rebuild approved", SAME_EVENT, "quayside")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dedup.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(str(db_path))
    yield opened
    opened.close()


def _ingest(store: Store, finder: NearDuplicateFinder, articles: list[Article]) -> list[Article]:
    marked = finder.mark(articles)
    store.add_articles(marked)
    return [item.article for item in marked]


def test_copies_match_and_same_event_reports_do_not(store: Store) -> None:
    """Syndicated and edited copies point at the wire original; another outlet's report stays original."""
    finder = NearDuplicateFinder(store)
    _ingest(store, finder, [WIRE_ARTICLE])
    syndicated, edited, other = _ingest(
        store, finder, [SYNDICATED_ARTICLE, EDITED_ARTICLE, SAME_EVENT_ARTICLE]
    )
    assert syndicated.near_duplicate_of == WIRE_ARTICLE.id
    assert edited.near_duplicate_of == WIRE_ARTICLE.id
    assert other.near_duplicate_of is None
    assert store.near_duplicates_of(WIRE_ARTICLE.id) == [syndicated.id, edited.id]


def test_copies_within_one_batch_point_at_the_first_seen(store: Store) -> None:
    """In one batch the first copy seen is the original, even if it is not the wire version."""
    marked = NearDuplicateFinder(store).mark([SYNDICATED_ARTICLE, WIRE_ARTICLE, SAME_EVENT_ARTICLE])
    assert [m.article.near_duplicate_of for m in marked] == [None, SYNDICATED_ARTICLE.id, None]
    assert [m.sketch is not None for m in marked] == [True, False, True]


def test_earlier_published_copy_is_the_original_within_a_batch(store: Store) -> None:
    """When wire story and re-post arrive together, the earlier published one is the original."""
    wire = replace(WIRE_ARTICLE, published=datetime(2026, 3, 3, 7, 5, tzinfo=timezone(timedelta(hours=-5))))
    repost = replace(SYNDICATED_ARTICLE, published=datetime(2026, 3, 3, 18, 30, tzinfo=UTC))
    marked = NearDuplicateFinder(store).mark([repost, wire])
    assert [m.article.id for m in marked] == [repost.id, wire.id]
    assert [m.article.near_duplicate_of for m in marked] == [wire.id, None]


def test_detection_persists_across_runs(db_path: Path) -> None:
    """A copy arriving in a later run, with a fresh store handle and finder, still finds the original."""
    first = open_store(str(db_path))
    _ingest(first, NearDuplicateFinder(first), [WIRE_ARTICLE])
    first.close()
    second = open_store(str(db_path))
    (copy,) = _ingest(second, NearDuplicateFinder(second), [EDITED_ARTICLE])
    second.close()
    assert copy.near_duplicate_of == WIRE_ARTICLE.id


def test_threshold_separates_the_tuning_pairs() -> None:
    """The tuned threshold lies between edited copies (≥ 0.55) and same-event reports (≤ 0.15)."""
    config = DedupConfig()
    sketcher = Sketcher(config)
    wire = sketcher.sketch(WIRE_ARTICLE)
    assert wire is not None
    scores = {
        name: similarity(wire.signature, _signature(sketcher, article))
        for name, article in [
            ("syndicated", SYNDICATED_ARTICLE),
            ("edited", EDITED_ARTICLE),
            ("same_event", SAME_EVENT_ARTICLE),
        ]
    }
    assert scores["syndicated"] >= 0.8
    assert scores["edited"] >= 0.55 > config.threshold
    assert scores["same_event"] <= 0.15


def test_shingles_cover_short_and_empty_texts() -> None:
    """A text shorter than a shingle is one shingle; a text with no words has none."""
    assert shingles_of("Pier  CLOSED", 4) == [b"pier closed"]
    assert shingles_of("— … —", 4) == []
    assert len(shingles_of("one two three four five", 4)) == 2


def _signature(sketcher: Sketcher, article: Article) -> bytes:
    sketch = sketcher.sketch(article)
    assert sketch is not None
    return sketch.signature
