"""The command line through Typer's runner on a temporary database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app

runner = CliRunner()

ARTICLES = {
    "elmbrook-ferry.txt": [
        "Elmbrook ferry to stop on Sundays",
        "The Elmbrook ferry will stop running on Sundays from April, the transport board said on Monday, "
        "citing a shortage of licensed deckhands and rising fuel costs.",
        "Board chair Wilma Strand said weekday crossings would not change and that Sunday service could "
        "return in the autumn if the board manages to hire four more crew members.",
    ],
    "elmbrook-library.txt": [
        "Council backs new Elmbrook library",
        "Elmbrook council approved a budget of 12 million crowns on Tuesday for a new library on Quay "
        "Street, ending a two-year argument over where the building should go.",
        "Construction is due to start next spring, and the old reading room in the town hall will stay "
        "open until the new library is finished, the council said.",
    ],
}


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store with the two fictional articles ingested."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, paragraphs in ARTICLES.items():
        (folder / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    path = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["--db", path, "ingest", str(folder), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    return path


COMMANDS = (
    "ingest",
    "analyze",
    "articles",
    "show",
    "stories",
    "story",
    "cluster",
    "report",
    "export",
    "serve",
)


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS), ["token", "create"]])
def test_help_explains_with_an_example(command: list[str]) -> None:
    """The tool's help and every command's help carry an Example: line."""
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_ingest_json_summary_parses(tmp_path: Path, db: str) -> None:
    """`ingest --json` prints a summary that parses, and a re-run stores nothing new."""
    result = runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "in"), "--workers", "1", "--json"])
    summary = json.loads(result.stdout)
    assert result.exit_code == 0
    assert (summary["stored"], summary["exact_duplicates"], summary["skipped"]) == (0, 2, [])


def test_articles_lists_and_searches(db: str) -> None:
    """`articles` lists everything as JSON; with a query it returns matches with snippets."""
    listed = json.loads(runner.invoke(app, ["--db", db, "articles", "--json"]).stdout)
    assert listed["total"] == 2
    found = json.loads(runner.invoke(app, ["--db", db, "articles", "deckhands", "--json"]).stdout)
    assert [item["title"] for item in found["items"]] == ["Elmbrook ferry to stop on Sundays"]
    start, end = found["items"][0]["highlights"][0]
    assert found["items"][0]["snippet"][start:end] == "deckhands"
    table = runner.invoke(app, ["--db", db, "articles"])
    assert "Council backs new Elmbrook library" in table.stdout


def test_show_prints_metadata_and_text(db: str) -> None:
    """`show` opens an article by id prefix, as text and as JSON with paragraph offsets."""
    listed = json.loads(runner.invoke(app, ["--db", db, "articles", "--json"]).stdout)
    article_id = listed["items"][0]["id"]
    shown = json.loads(runner.invoke(app, ["--db", db, "show", article_id[:8], "--json"]).stdout)
    assert shown["id"] == article_id
    first = shown["paragraphs"][0]
    assert shown["text"][first["start"] : first["end"]] == shown["title"]
    text = runner.invoke(app, ["--db", db, "show", article_id])
    assert text.exit_code == 0
    assert "source" in text.stdout and shown["title"] in text.stdout


def test_unknown_id_is_one_clear_error(db: str) -> None:
    """An unknown id prints one error line and exits with the not-found code."""
    result = runner.invoke(app, ["--db", db, "show", "abcdef0123456789"])
    assert result.exit_code == 3
    assert result.stderr.strip() == "error: no article with id 'abcdef0123456789'"


def test_strict_fails_on_skipped_items(tmp_path: Path) -> None:
    """With --strict an empty input file makes the run fail; without it the run succeeds."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "ferry.txt").write_text("\n\n".join(ARTICLES["elmbrook-ferry.txt"]))
    db = str(tmp_path / "strict.db")
    lenient = runner.invoke(app, ["--db", db, "ingest", str(folder), "--workers", "1"])
    strict = runner.invoke(app, ["--db", db, "ingest", str(folder), "--workers", "1", "--strict"])
    assert lenient.exit_code == 0
    assert "empty.txt" in lenient.stderr
    assert strict.exit_code == 2


def test_database_from_environment(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """NEWSFUSE_DB chooses the store when --db is not given."""
    monkeypatch.setenv("NEWSFUSE_DB", db)
    result = runner.invoke(app, ["articles", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"] == 2


def test_reading_a_missing_store_does_not_create_it(tmp_path: Path) -> None:
    """`articles` on a database file that does not exist fails clearly and creates nothing."""
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, ["--db", str(missing), "articles"])
    assert result.exit_code == 4
    assert "no store at" in result.stderr
    assert not missing.exists()
