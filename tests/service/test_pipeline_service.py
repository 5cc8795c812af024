"""Ingest → analysis → stories through the service layer, on the bundled examples and the seeds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.analyze import ANALYZER_NAME
from newsfuse.model import ArticleAnalysis
from newsfuse.service.analysis import AnalyzeOptions, analyze_stored
from newsfuse.service.ingest import IngestOptions
from newsfuse.service.pipeline import PipelineOptions, PipelineReport, ingest_and_update
from newsfuse.service.stories import rebuild_stories
from newsfuse.service.story_views import list_stories, show_story
from newsfuse.store import Store, open_store

IN_PROCESS = PipelineOptions(IngestOptions(workers=1))


@pytest.fixture(scope="module")
def examples(
    examples_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, PipelineReport]]:
    """The bundled examples ingested, analysed and clustered once into a SQLite store."""
    store = open_store(str(tmp_path_factory.mktemp("examples") / "examples.db"))
    report = ingest_and_update(store, [str(examples_dir)], IN_PROCESS)
    yield store, report
    store.close()


def _events(examples_dir: Path, store: Store) -> dict[str, str]:
    """Stored article id → the event the manifest puts it in (matched by file, then URL or item)."""
    manifest = json.loads((examples_dir / "expected.json").read_text(encoding="utf-8"))
    events: dict[str, str] = {}
    for article in store.get_articles(store.article_ids()):
        same_file = [e for e in manifest["articles"] if e["file"] == Path(article.source.path).name]
        match = [e for e in same_file if len(same_file) == 1 or e["url"] == article.url]
        match = match or [e for e in same_file if e["item"] == article.source.item]
        assert len(match) == 1, article.source.describe()
        events[article.id] = match[0]["event"]
    return events


def _stories(store: Store) -> dict[str, set[str]]:
    return {
        s.id: {m.article_id for m in show_story(store, s.id).members}
        for s in list_stories(store, limit=100).items
    }


def test_examples_are_all_analysed_and_clustered(examples: tuple[Store, PipelineReport]) -> None:
    """Every stored example gets an analysis by the current analyzer and a story."""
    store, report = examples
    assert report.analysis is not None and report.stories is not None
    assert report.analysis.analysed == report.ingest.stored == 12
    assert report.stories.clustered == 12
    assert store.stale_analysis_ids(ANALYZER_NAME) == []
    assert sum(len(members) for members in _stories(store).values()) == 12


def test_examples_never_mix_two_events(examples_dir: Path, examples: tuple[Store, PipelineReport]) -> None:
    """No story holds articles of two events, not even of the two warehouse fires on the same evening."""
    store, _ = examples
    events = _events(examples_dir, store)
    assert all(len({events[a] for a in members}) == 1 for members in _stories(store).values())


def test_examples_give_one_story_per_event(
    examples_dir: Path, examples: tuple[Store, PipelineReport]
) -> None:
    """The three fictional events (two of them confusable fires on one evening) are three stories."""
    store, _ = examples
    events = _events(examples_dir, store)
    grouped = sorted(sorted({events[a] for a in members}) for members in _stories(store).values())
    assert grouped == [["dunmore-falls-fire"], ["harborview-library-vote"], ["kestrel-bay-fire"]]


def test_syndicated_copy_joins_its_original_as_a_copy(
    examples_dir: Path, examples: tuple[Store, PipelineReport]
) -> None:
    """The Valley Sentinel's re-post of the Tidewire story is in the original's story, marked a copy of it."""
    store, _ = examples
    copies = [a for a in store.get_articles(store.article_ids()) if a.near_duplicate_of]
    assert [a.outlet for a in copies] == ["The Valley Sentinel"]
    copy = copies[0]
    story = next(s for s, members in _stories(store).items() if copy.id in members)
    member = next(m for m in show_story(store, story).members if m.article_id == copy.id)
    assert member.copy_of == copy.near_duplicate_of
    assert copy.near_duplicate_of in _stories(store)[story]


def test_rebuild_reproduces_the_streamed_stories(examples: tuple[Store, PipelineReport]) -> None:
    """Re-clustering the store from scratch gives the stories ingest streamed."""
    store, _ = examples
    streamed = _stories(store)
    rebuild_stories(store)
    assert _stories(store) == streamed


def test_only_stale_analyses_are_redone(examples: tuple[Store, PipelineReport]) -> None:
    """An analysis from an older analyzer is redone; current ones are left alone unless forced."""
    store, _ = examples
    old = store.article_ids()[3]
    store.save_analyses([ArticleAnalysis(old, "analyze.v0")])
    report = analyze_stored(store, options=AnalyzeOptions(workers=1))
    assert (report.selected, report.analysed) == (1, 1)
    assert store.get_analyses([old])[old].analyzer == ANALYZER_NAME
    assert analyze_stored(store, options=AnalyzeOptions(workers=1)).selected == 0


def test_seeds_form_one_story(seeds_dir: Path, tmp_path: Path) -> None:
    """The two seed articles, on one event, become one story."""
    store = open_store(str(tmp_path / "seeds.db"))
    try:
        report = ingest_and_update(store, [str(seeds_dir)], IN_PROCESS)
        assert report.ingest.stored == 2
        assert [len(members) for members in _stories(store).values()] == [2]
    finally:
        store.close()


def test_stored_story_compares_with_a_stable_etag(examples: tuple[Store, PipelineReport]) -> None:
    """Each example story compares from the store; the ETag is stable and differs between stories."""
    from newsfuse.service.comparisons import compare_stored_story

    store, _ = examples
    etags = set()
    for summary in list_stories(store, limit=100).items:
        compared = compare_stored_story(store, summary.id)
        assert {a.id for a in compared.articles} == {m.article_id for m in compared.view.members}
        assert compared.comparison.corroborated, summary.title
        assert compare_stored_story(store, summary.id).etag == compared.etag
        etags.add(compared.etag)
    assert len(etags) == 3
