"""The Python API end to end on the bundled examples, as the README's notebook example uses it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import newsfuse
from newsfuse.errors import NotFoundError, UsageError
from newsfuse.export import COLUMNS
from newsfuse.model.comparison import StoryComparison


@pytest.fixture(scope="module")
def nf(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[newsfuse.Newsfuse]:
    """A store opened with ``newsfuse.open`` and the examples ingested through ``nf.ingest``."""
    with newsfuse.open(tmp_path_factory.mktemp("pyapi") / "news.db") as api:
        report = api.ingest([examples_dir], workers=1)
        assert report.ingest.stored == 12 and report.analysis is not None and report.analysis.analysed == 12
        yield api


def test_import_is_cheap_and_reading_loads_no_heavy_stage(tmp_path: Path) -> None:
    """``import newsfuse`` loads nothing heavy; opening a store and listing stories loads no model stack."""
    code = (
        "import sys, newsfuse\n"
        "light = 'newsfuse.py_api' not in sys.modules and 'newsfuse.store' not in sys.modules\n"
        f"with newsfuse.open({str(tmp_path / 'e.db')!r}) as nf:\n"
        "    page = nf.stories()\n"
        "heavy = [m for m in ('spacy', 'numpy', 'trafilatura', 'newsfuse.compare') if m in sys.modules]\n"
        "print(light, page.total, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "0", "[]"]


def test_stories_story_and_compare(nf: newsfuse.Newsfuse) -> None:
    """Stories list all three events; a story's comparison corroborates facts across outlets and every
    statement is verbatim in its article."""
    page = nf.stories(sort="largest")
    assert page.total == 3 and sum(s.size for s in page.items) == 12
    story = nf.story(page.items[0].id)
    assert len(story.members) == page.items[0].size
    comparison = nf.compare(story.stored.story.id)
    assert isinstance(comparison, StoryComparison)
    assert comparison.corroborated and all(len(f.outlets) > 1 for f in comparison.corroborated)
    texts = {m.article_id: nf.article(m.article_id).article.text for m in story.members}
    for fact in comparison.facts:
        for claim in fact.claims:
            assert claim.span.article_id in texts
            assert claim.span.text_in(texts[claim.span.article_id]).strip()


def test_report_in_each_format(nf: newsfuse.Newsfuse) -> None:
    """``report`` gives the JSON schema document, Markdown with citations, and a self-contained page."""
    story_id = nf.stories().items[0].id
    assert json.loads(nf.report(story_id, "json"))["schema"] == "newsfuse-comparison/1"
    assert "⟨" in nf.report(story_id, "md")
    page = nf.report(story_id, "html")
    assert page.startswith("<!doctype html>") and "<script" not in page
    with pytest.raises(UsageError, match="pdf"):
        nf.report(story_id, "pdf")


def test_articles_search_and_article(nf: newsfuse.Newsfuse) -> None:
    """Articles list newest first; search finds the ferry-terminal vote; an article carries its quotes."""
    assert nf.articles(limit=100).total == 12
    hits = nf.search("ferry terminal")
    assert hits.items and all(item.snippet for item in hits.items)
    view = nf.article(hits.items[0].summary.id)
    assert view.analysis is not None and view.analysis.quotes


def test_quotes_by_speaker_and_entity(nf: newsfuse.Newsfuse) -> None:
    """``quotes`` finds a speaker's quotes verbatim at their offsets; ``entity`` shows a key entity's
    stories."""
    speaker = next(
        r["speaker"] for r in nf.rows("quotes") if r["speaker"] and r["speaker"] != r["speaker_mention"]
    )
    page = nf.quotes(speaker=speaker)
    assert page.items
    for quote in page.items:
        text = nf.article(quote.hit.article_id).article.text
        assert quote.text == text[quote.hit.start : quote.hit.end]
    view = nf.story(nf.stories(sort="largest").items[0].id)
    entity = view.key_entities[0]
    shown = nf.entity(view.global_id(entity))
    assert view.stored.story.id in {s.story.story.id for s in shown.stories}


def test_rows_and_export(nf: newsfuse.Newsfuse, tmp_path: Path) -> None:
    """``rows`` streams an export table; ``export`` writes it to Parquet with the same rows."""
    quotes = list(nf.rows("quotes"))
    assert quotes and tuple(quotes[0]) == COLUMNS["quotes"]
    report = nf.export("quotes", tmp_path / "quotes.parquet", "parquet")
    assert report.rows == len(quotes)
    assert pq.read_table(tmp_path / "quotes.parquet").to_pylist() == quotes


def test_analyze_and_cluster_rerun_without_duplicates(nf: newsfuse.Newsfuse) -> None:
    """Re-analysing everything and rebuilding the stories keeps 12 articles in the same 3 stories."""
    before = sorted(s.id for s in nf.stories().items)
    assert nf.analyze(everything=True, workers=1).analysed == 12
    assert nf.cluster(rebuild=True).clustered == 12
    assert sorted(s.id for s in nf.stories().items) == before


def test_unknown_story_is_a_clear_error(nf: newsfuse.Newsfuse) -> None:
    """An unknown story id raises NotFoundError naming it."""
    with pytest.raises(NotFoundError, match="story-ffffffff"):
        nf.compare("story-ffffffff")


def _readme_section(heading: str) -> str:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    return readme.split(f"\n{heading}\n", 1)[1].split("\n#", 1)[0]


def test_readme_example_runs(examples_dir: Path, tmp_path: Path) -> None:
    """The README's Python API example runs as written, in a folder holding examples/."""
    code = _readme_section("### Python API").split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "examples").symlink_to(examples_dir)
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3 and "corroborated" in result.stdout
    assert pq.read_table(tmp_path / "claims.parquet").num_rows > 0


def test_readme_lists_every_export_column() -> None:
    """The README's table of export columns is the one the code declares."""
    rows = [
        line for line in _readme_section("### Reports and exports").splitlines() if line.startswith("| `")
    ]
    documented = {row.split("`")[1]: tuple(row.split("|")[2].strip().split(", ")) for row in rows}
    assert documented == COLUMNS
