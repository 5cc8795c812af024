"""The web UI on a PostgreSQL store (smoke test): list, story, exact highlight, finding an article's story."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import elements

from newsfuse.api.app import create_app
from newsfuse.api.config import ServerConfig
from newsfuse.service.ingest import IngestOptions
from newsfuse.service.pipeline import PipelineOptions, ingest_and_update
from newsfuse.store import open_store
from pg_support import postgres_schema_url


@pytest.fixture(scope="module")
def pg_url(examples_dir: Path) -> Iterator[str]:
    """The examples in a fresh PostgreSQL schema (dropped after); skipped when no server answers."""
    with postgres_schema_url("nf_web") as url:
        store = open_store(url)
        ingest_and_update(store, [str(examples_dir)], PipelineOptions(IngestOptions(workers=1)))
        store.close()
        yield url


def test_web_pages_on_postgres(pg_url: str) -> None:
    """Every story page's statements are their exact characters; an article opened alone finds its story."""
    store = open_store(pg_url)
    try:
        with TestClient(create_app(ServerConfig(pg_url))) as client:
            listing = client.get("/?sort=largest")
            story_ids = [
                a["href"].removeprefix("/stories/") for a, _ in elements(listing.text, "a", "story-title")
            ]
            assert len(story_ids) == 3
            for story_id in story_ids:
                page = client.get(f"/stories/{story_id}")
                assert page.status_code == 200
                statements = elements(page.text, "a", "stmt")
                for attrs, text in statements:
                    start, end = int(attrs["data-start"]), int(attrs["data-end"])
                    assert text == store.get_article(attrs["data-article"]).text[start:end]
                attrs, text = statements[0]
                article = client.get(
                    f"/articles/{attrs['data-article']}?start={attrs['data-start']}&end={attrs['data-end']}"
                )
                assert elements(article.text, "mark", id_="hl")[0][1] == text
                assert f'href="/stories/{story_id}"' in article.text and elements(
                    article.text, "ol", "claims"
                )
            speakers = client.get("/search", params={"speaker": "Vantongeren"}).text
            assert elements(speakers, "span", "speaker-name")
    finally:
        store.close()
