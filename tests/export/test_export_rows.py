"""Export rows: fixed columns, every story and article present, offsets that slice the exported text."""

from __future__ import annotations

import pytest

from newsfuse.errors import UsageError
from newsfuse.export import COLUMNS, KINDS, TABLES, iter_rows
from newsfuse.model import Article
from newsfuse.model.comparison import ConflictType
from newsfuse.store import Store


def test_every_row_has_exactly_the_documented_columns(store: Store) -> None:
    """Each kind's rows carry the keys of ``COLUMNS[kind]`` in order, and each column is documented."""
    for kind in KINDS:
        rows = list(iter_rows(store, kind))
        assert rows, kind
        assert all(tuple(row) == COLUMNS[kind] for row in rows)
        assert all(c.doc for c in TABLES[kind])


def test_stories_and_articles_cover_the_store(store: Store) -> None:
    """All stories and all articles are exported once, each article under the story it belongs to."""
    stories = list(iter_rows(store, "stories"))
    articles = list(iter_rows(store, "articles"))
    assert len(stories) == store.count_stories() == 3
    assert sorted(a["id"] for a in articles) == sorted(store.article_ids())
    for story in stories:
        members = {m.article_id for m in store.get_story(story["id"]).story.members}
        assert {a["id"] for a in articles if a["story_id"] == story["id"]} == members
        assert story["size"] == len(members)
    assert all(a["length"] == len(a["text"]) for a in articles)


def test_quote_offsets_slice_the_article(store: Store, articles: dict[str, Article]) -> None:
    """Each quote's text and speaker mention are the article's characters at the exported offsets."""
    rows = list(iter_rows(store, "quotes"))
    assert any(r["speaker"] for r in rows)
    for row in rows:
        text = articles[row["article_id"]].text
        assert row["text"] == text[row["start"] : row["end"]]
        if row["speaker_start"] is not None:
            assert row["speaker_mention"] == text[row["speaker_start"] : row["speaker_end"]]
        ranges = [tuple(map(int, r.split("-"))) for r in row["content_ranges"].split("; ")]
        assert ranges[0][0] == row["start"] and ranges[-1][1] == row["end"]


def test_claim_offsets_slice_the_article(store: Store, articles: dict[str, Article]) -> None:
    """Each claim is verbatim at its offsets; corroborated facts name more than one outlet; contradicted
    claims name the contradiction types."""
    rows = list(iter_rows(store, "claims"))
    assert any(r["corroborated"] for r in rows) and not all(r["corroborated"] for r in rows)
    for row in rows:
        assert row["text"] == articles[row["article_id"]].text[row["start"] : row["end"]]
        assert row["corroborated"] == (len(row["fact_outlets"].split("; ")) > 1)
    conflicts = {t for r in rows if r["conflicts"] for t in r["conflicts"].split("; ")}
    assert conflicts and conflicts <= {t.value for t in ConflictType}


def test_unknown_kind_is_refused(store: Store) -> None:
    """An unknown table name is a usage error naming the kinds there are."""
    with pytest.raises(UsageError, match="stories, articles, quotes, claims"):
        next(iter_rows(store, "people"))  # type: ignore[arg-type]
