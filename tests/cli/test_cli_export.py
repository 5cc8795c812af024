"""``newsfuse export`` on the bundled examples: files and stdout in each format, read back, offsets valid."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.export import COLUMNS
from newsfuse.store import open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The examples ingested, analysed and clustered into a temporary store."""
    path = str(tmp_path_factory.mktemp("export-cli") / "examples.db")
    result = runner.invoke(app, ["--db", path, "ingest", str(examples_dir), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def texts(db: str) -> dict[str, str]:
    """Every stored article's clean text by id."""
    store = open_store(db, create=False)
    try:
        return {a.id: a.text for a in store.get_articles(store.article_ids())}
    finally:
        store.close()


def test_quotes_to_parquet_file(db: str, texts: dict[str, str], tmp_path: Path) -> None:
    """``export quotes --format parquet --out F`` writes the documented columns, each quote at its offsets."""
    path = tmp_path / "quotes.parquet"
    result = runner.invoke(
        app, ["--db", db, "export", "quotes", "--format", "parquet", "--out", str(path), "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    rows = pq.read_table(path).to_pylist()
    assert summary["rows"] == len(rows) > 0 and summary["kind"] == "quotes"
    assert tuple(rows[0]) == COLUMNS["quotes"]
    assert all(r["text"] == texts[r["article_id"]][r["start"] : r["end"]] for r in rows)


def test_claims_as_jsonl_on_stdout(db: str, texts: dict[str, str]) -> None:
    """With ``--out -`` (the default) JSON Lines go to stdout, one claim a line, verbatim at its offsets."""
    result = runner.invoke(app, ["--db", db, "export", "claims", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["text"] == texts[r["article_id"]][r["start"] : r["end"]] for r in rows)


def test_articles_as_csv_on_stdout(db: str, texts: dict[str, str]) -> None:
    """Articles as CSV on stdout read back with the csv module, multi-line texts intact."""
    result = runner.invoke(app, ["--db", db, "export", "articles", "--format", "csv", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert {r["id"]: r["text"] for r in rows} == texts
    assert all(int(r["length"]) == len(r["text"]) for r in rows)


def test_parquet_to_stdout_is_a_usage_error(db: str) -> None:
    """Parquet needs a file: asking for stdout exits 2 with a line saying so."""
    result = runner.invoke(app, ["--db", db, "export", "stories", "--format", "parquet"])
    assert result.exit_code == 2
    assert "Parquet" in result.output


def test_unknown_kind_is_refused(db: str) -> None:
    """An unknown table name is refused by the command line before anything is written."""
    result = runner.invoke(app, ["--db", db, "export", "people"])
    assert result.exit_code == 2


def test_help_explains_with_an_example() -> None:
    """``export --help`` names the tables and carries an Example: line."""
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "claims" in result.output
