"""The store contract, run on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsfuse.errors import NotFoundError, UsageError
from newsfuse.model import (
    Article,
    ParagraphKind,
    RawDocument,
    SourceKind,
    SourceRef,
    article_id_for,
    build_article,
)
from newsfuse.service import search_articles
from newsfuse.service.ingest import IngestOptions, ingest
from newsfuse.store import NewArticle, Sketch, Store, open_store
from newsfuse.store.migrate import migrations_for

FERRY = "The Elmbrook ferry will stop running on Sundays from April, the transport board said on Monday."
BUDGET = "Elmbrook council approved a budget of 12 million crowns for the new library on Quay Street."
ArticleFactory = Callable[..., Article]

STORM = "A storm flooded the lower market in Elmbrook overnight, and traders began clearing mud at dawn."


def test_get_round_trips_every_field(store: Store, make_article: ArticleFactory) -> None:
    """An article read back by id equals the article written, every field included."""
    raw = RawDocument(
        SourceRef(SourceKind.WARC, "crawl/elmbrook.warc.gz", offset=48213),
        html="<p>unused</p>",
        url="https://herald.example/ferry",
        outlet="Elmbrook Herald",
        authors=("Ada Brisk", "Tomas Reyl"),
        published=datetime(2026, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=-5))),
        language="en",
    )
    article = build_article(
        raw,
        [
            ("Ferry cuts", ParagraphKind.TITLE),
            ("Transport", ParagraphKind.HEADING),
            (FERRY, ParagraphKind.BODY),
        ],
        title="Ferry cuts",
        extra={"section": "local", "wire": False},
    )
    original = make_article("Budget", BUDGET)
    copy = article.with_near_duplicate_of(original.id)
    store.add_articles([NewArticle(copy), NewArticle(original)])  # a copy may precede its original
    assert store.get_article(copy.id) == copy
    assert store.get_article(original.id) == original


def test_adding_the_same_batch_twice_adds_nothing(store: Store, make_article: ArticleFactory) -> None:
    """Re-adding stored articles reports them as already stored and leaves the count unchanged."""
    batch = [NewArticle(make_article("Ferry", FERRY)), NewArticle(make_article("Budget", BUDGET))]
    first = store.add_articles(batch)
    second = store.add_articles(batch)
    assert [r.added for r in first] == [True, True]
    assert [r.added for r in second] == [False, False]
    assert store.count() == 2
    assert store.existing_ids([batch[0].article.id, "0" * 16]) == {batch[0].article.id}


def test_ingesting_files_twice_adds_nothing(store: Store, tmp_path: Path) -> None:
    """The ingest service over the same files twice stores each article once, on every backend."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in [("ferry.txt", FERRY), ("budget.txt", BUDGET), ("storm.txt", STORM)]:
        (folder / name).write_text(f"Elmbrook news: {name[:-4]}\n\n{text}\n", encoding="utf-8")
    options = IngestOptions(workers=1)
    first = ingest(store, [str(folder)], options)
    second = ingest(store, [str(folder)], options)
    assert (first.stored, first.skipped, second.stored, second.exact_duplicates) == (3, [], 0, 3)
    assert store.count() == 3


def test_migrations_are_applied_once_and_recorded(store_url: str) -> None:
    """Opening a store twice applies each migration file once and records every one."""
    first = open_store(store_url)
    expected = [m.name for m in migrations_for(first.backend)]
    first.close()
    second = open_store(store_url)
    assert second.applied_migrations() == expected
    second.close()


def test_both_backends_ship_the_same_migrations() -> None:
    """Every schema change exists for SQLite and PostgreSQL under the same name."""
    sqlite_names = [m.name for m in migrations_for("sqlite")]
    assert sqlite_names and sqlite_names == [m.name for m in migrations_for("postgres")]


def test_search_finds_words_and_highlights_them(store: Store, make_article: ArticleFactory) -> None:
    """Full-text search matches words in title or text, and the snippet marks the matched words."""
    store.add_articles(
        [NewArticle(make_article(t, body)) for t, body in [("Ferry", FERRY), ("Storm", STORM)]]
    )
    page = search_articles(store, "traders mud")
    assert [item.summary.title for item in page.items] == ["Storm"]
    item = page.items[0]
    assert item.snippet is not None
    marked = {item.snippet[start:end].lower() for start, end in item.highlights}
    assert {"traders", "mud"} <= marked
    assert search_articles(store, "(Sunday) ferry!").items[0].summary.title == "Ferry"
    assert search_articles(store, "zeppelin").items == []
    with pytest.raises(UsageError):
        store.search("?!")


def test_list_is_newest_first_with_outlet_filter(store: Store, make_article: ArticleFactory) -> None:
    """Listing orders by publication instant across time zones, undated last, with outlet and paging."""
    noon_plus2 = datetime(2026, 3, 5, 12, 0, tzinfo=timezone(timedelta(hours=2)))  # 10:00 UTC
    items = [
        make_article("Older", FERRY, published=noon_plus2 - timedelta(hours=1)),
        make_article("Undated", STORM, published=None),
        make_article(
            "Newest", BUDGET, published=datetime(2026, 3, 5, 10, 30, tzinfo=UTC), outlet="Quay Post"
        ),
    ]
    store.add_articles([NewArticle(a) for a in items])
    assert [s.title for s in store.list_articles()] == ["Newest", "Older", "Undated"]
    assert [s.title for s in store.list_articles(limit=1, offset=1)] == ["Older"]
    assert [s.title for s in store.list_articles(outlet="Quay Post")] == ["Newest"]
    assert store.count(outlet="Quay Post") == 1


def test_get_by_prefix_and_clear_errors(store: Store, make_article: ArticleFactory) -> None:
    """A unique prefix finds an article; unknown, malformed, short or ambiguous ids raise typed errors."""
    texts = _two_texts_sharing_an_id_prefix()
    articles = [make_article(text) for text in texts]
    store.add_articles([NewArticle(a) for a in articles])
    assert store.get_article(articles[0].id[:12].upper()) == articles[0]
    with pytest.raises(UsageError, match="several"):
        store.get_article(articles[0].id[:4])
    with pytest.raises(UsageError, match="too short"):
        store.get_article("ab")
    with pytest.raises(NotFoundError):
        store.get_article("f" * 16 if not articles[0].id.startswith("ffff") else "0" * 16)
    with pytest.raises(NotFoundError, match="hexadecimal"):
        store.get_article("ferry")


def test_band_keys_find_stored_signatures(store: Store, make_article: ArticleFactory) -> None:
    """Articles sharing a band key come back with their signature; copies are listed by original."""
    original = make_article("Ferry", FERRY)
    copy = make_article("Ferry (wire)", FERRY + " More soon.").with_near_duplicate_of(original.id)
    sketch = Sketch(b"\x01\x02\x03\x04" * 4, (7, -9_000_000_000_000_000_000, 42))
    store.add_articles([NewArticle(original, sketch), NewArticle(copy)])
    assert store.band_matches([42, 5]) == {original.id: sketch.signature}
    assert store.band_matches([5]) == {}
    assert store.near_duplicates_of(original.id) == [copy.id]


def _two_texts_sharing_an_id_prefix() -> tuple[str, str]:
    """Two article titles whose content ids start with the same four hex digits."""
    seen: dict[str, str] = {}
    number = 0
    while True:
        text = f"Elmbrook notice number {number}"
        prefix = article_id_for(text)[:4]
        if prefix in seen:
            return seen[prefix], text
        seen[prefix] = text
        number += 1
