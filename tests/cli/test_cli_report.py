"""``newsfuse report`` on the bundled examples: the files it writes, and that every statement in them is
verbatim at its cited offsets (the faithfulness helpers of the report tests, applied to the CLI's files)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.model import Article
from newsfuse.report.markdown import escape
from newsfuse.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "report"))

from test_report_faithful import _CITATION, _spans, _Statements

runner = CliRunner()


@pytest.fixture(scope="module")
def db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The examples ingested, analysed and clustered into a temporary store."""
    path = str(tmp_path_factory.mktemp("report") / "examples.db")
    result = runner.invoke(app, ["--db", path, "ingest", str(examples_dir), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def written(db: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """``report --all --json`` into a fresh folder: the folder and the printed summary."""
    out = tmp_path_factory.mktemp("reports")
    result = runner.invoke(app, ["--db", db, "report", "--all", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    return out, json.loads(result.stdout)


@pytest.fixture(scope="module")
def articles(db: str) -> dict[str, Article]:
    """Every stored article by id, to read the cited characters from."""
    store = open_store(db, create=False)
    try:
        return {a.id: a for a in store.get_articles(store.article_ids())}
    finally:
        store.close()


def _cited(articles: dict[str, Article], article_id: str, start: int, end: int) -> str:
    return articles[article_id].text[start:end]


def test_all_writes_three_files_for_every_story(written: tuple[Path, dict[str, Any]], db: str) -> None:
    """``--all`` writes ``<story>.json``, ``.md`` and ``.html`` for each stored story, as the summary says."""
    out, summary = written
    stories = json.loads(runner.invoke(app, ["--db", db, "stories", "--json", "--limit", "100"]).stdout)
    assert {r["story"] for r in summary["reports"]} == {s["id"] for s in stories["items"]}
    for report in summary["reports"]:
        assert set(report["files"]) == {"json", "md", "html"}
        for fmt, path in report["files"].items():
            assert Path(path) == out / f"{report['story']}.{fmt}"
            assert Path(path).stat().st_size > 0
        assert report["facts"] == report["corroborated"] + report["single_source"] > 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        Path(p).name for r in summary["reports"] for p in r["files"].values()
    )


def test_json_report_follows_the_schema_and_quotes_exactly(
    written: tuple[Path, dict[str, Any]], articles: dict[str, Article]
) -> None:
    """The JSON file is the documented comparison schema; every span's text is its article's characters."""
    for report in written[1]["reports"]:
        data = json.loads(Path(report["files"]["json"]).read_text(encoding="utf-8"))
        assert data["schema"] == "newsfuse-comparison/1"
        assert len(data["facts"]) == report["facts"]
        spans = _spans(data)
        assert spans
        for span in spans:
            assert span["text"] == _cited(articles, span["article_id"], span["start"], span["end"])


def test_markdown_report_prints_each_statement_before_its_citation(
    written: tuple[Path, dict[str, Any]], articles: dict[str, Article]
) -> None:
    """Each Markdown citation ⟨id:start-end⟩ follows exactly the (escaped) text it cites."""
    for report in written[1]["reports"]:
        text = Path(report["files"]["md"]).read_text(encoding="utf-8")
        citations = list(_CITATION.finditer(text))
        assert citations
        for match in citations:
            cited = _cited(articles, match.group(1), int(match.group(2)), int(match.group(3)))
            assert text[: match.start()].endswith(escape(cited) + " "), match.group(0)


def test_html_report_is_self_contained_and_verbatim(
    written: tuple[Path, dict[str, Any]], articles: dict[str, Article]
) -> None:
    """The HTML page loads nothing from outside, and every cited element holds exactly its span's text."""
    for report in written[1]["reports"]:
        page = Path(report["files"]["html"]).read_text(encoding="utf-8")
        assert "<style>" in page and "<svg" in page
        assert not re.search(r"<(script|link|img|iframe)\b", page)
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
        parser = _Statements()
        parser.feed(page)
        assert parser.found
        for article_id, start, end, text in parser.found:
            assert text == _cited(articles, article_id, start, end)


def test_one_story_by_prefix_in_one_format(db: str, tmp_path: Path) -> None:
    """A unique id prefix picks the story; ``--format md`` writes only the Markdown file."""
    stories = json.loads(runner.invoke(app, ["--db", db, "stories", "--json"]).stdout)["items"]
    story_id = stories[0]["id"]
    prefix = story_id.removeprefix("story-")[:8]
    result = runner.invoke(app, ["--db", db, "report", prefix, "--format", "md", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == [f"{story_id}.md"]
    assert story_id in result.stdout


def test_unknown_story_is_a_clear_error(db: str, tmp_path: Path) -> None:
    """An unknown story exits with the not-found code, names the id, and writes nothing."""
    result = runner.invoke(app, ["--db", db, "report", "story-ffffffff", "--out", str(tmp_path / "r")])
    assert result.exit_code == 3
    assert "story-ffffffff" in result.output
    assert not (tmp_path / "r").exists()


def test_story_or_all_is_required(db: str) -> None:
    """Neither a story nor ``--all`` (or both) is a usage error."""
    assert runner.invoke(app, ["--db", db, "report"]).exit_code == 2
    assert runner.invoke(app, ["--db", db, "report", "story-ffff", "--all"]).exit_code == 2


def test_help_explains_with_an_example() -> None:
    """``report --help`` carries an Example: line."""
    result = runner.invoke(app, ["report", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
