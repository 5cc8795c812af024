"""``analyze``, ``show``, ``stories``, ``story`` and ``cluster`` on the bundled examples (Typer runner)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app

runner = CliRunner()


def _json(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The examples ingested (analysed and clustered by default) into a temporary store."""
    path = str(tmp_path_factory.mktemp("cli") / "examples.db")
    report = _json("--db", path, "ingest", str(examples_dir), "--workers", "1", "--json")
    assert report["analysis"]["analysed"] == report["stored"] == 12
    assert report["stories"]["created"] >= 3
    return path


def _spans(data: Any) -> list[dict[str, Any]]:
    """Every span in a JSON document: a dict with article_id, start and end."""
    if isinstance(data, list):
        return [span for item in data for span in _spans(item)]
    if not isinstance(data, dict):
        return []
    own = [data] if {"article_id", "start", "end"} <= data.keys() else []
    return own + [span for value in data.values() for span in _spans(value)]


def test_show_json_spans_slice_the_text(db: str) -> None:
    """Every paragraph and analysis span of ``show --json`` is the slice of the text it says it is."""
    for item in _json("--db", db, "articles", "--json", "--limit", "20")["items"]:
        shown = _json("--db", db, "show", item["id"], "--json")
        text = shown["text"]
        spans = _spans(shown["analysis"])
        assert spans, item["id"]
        assert all(s["article_id"] == shown["id"] and s["text"] == text[s["start"] : s["end"]] for s in spans)
        assert all(0 <= p["start"] <= p["end"] <= len(text) for p in shown["paragraphs"])


def test_show_marks_speakers_quotes_and_dates(db: str) -> None:
    """The terminal view lists each quote as "speaker — quote (via outlet)" and the dates with values."""
    articles = _json("--db", db, "articles", "--json", "--limit", "20")["items"]
    tidewire = next(a for a in articles if a["outlet"] == "Tidewire" and "Dunmore" in a["title"])
    shown = _json("--db", db, "show", tidewire["id"], "--json")
    speakers = {
        e["name"]
        for q in shown["analysis"]["quotes"]
        for e in shown["analysis"]["entities"]
        if e["id"] == q["speaker_entity"]
    }
    output = runner.invoke(app, ["--db", db, "show", tidewire["id"]], terminal_width=200).stdout
    assert "quotes" in output and "dates" in output
    assert all(f"{name} —" in output for name in speakers) and speakers
    assert "(via Tidewire)" in output


def test_stories_and_story_json_parse(db: str) -> None:
    """``stories --json`` lists every story; ``story --json`` gives members, copies and key entities."""
    largest = _json("--db", db, "stories", "--sort", "largest", "--json")
    assert largest["total"] == len(largest["items"])
    assert [s["size"] for s in largest["items"]] == sorted(
        (s["size"] for s in largest["items"]), reverse=True
    )
    assert sum(s["size"] for s in largest["items"]) == 12
    newest = _json("--db", db, "stories", "--json")["items"]
    latest = [s["last_published"] or "" for s in newest if s["last_published"]]
    assert latest == sorted(latest, reverse=True)
    with_copy = [_json("--db", db, "story", s["id"], "--json") for s in largest["items"]]
    story = next(s for s in with_copy if any(m["copy_of"] for m in s["members"]))
    ids = {m["article_id"] for m in story["members"]}
    assert all(m["copy_of"] in ids for m in story["members"] if m["copy_of"])
    assert story["key_entities"] and all(e["global_id"] for e in story["key_entities"])
    table = runner.invoke(app, ["--db", db, "story", story["id"][6:14]], terminal_width=200).stdout
    assert "copy of" in table and "key entities" in table


def test_cluster_rebuild_reproduces_streamed_stories(db: str) -> None:
    """``cluster --rebuild`` gives back the stories ingest streamed, ids and members alike."""

    def stories() -> dict[str, set[str]]:
        listed = _json("--db", db, "stories", "--json", "--limit", "100")["items"]
        return {
            s["id"]: {m["article_id"] for m in _json("--db", db, "story", s["id"], "--json")["members"]}
            for s in listed
        }

    streamed = stories()
    report = _json("--db", db, "cluster", "--rebuild", "--json")
    assert report["clustered"] == 12
    assert stories() == streamed


def test_analyze_redoes_only_what_is_asked(db: str) -> None:
    """Nothing is stale after ingest; ``--all`` redoes every article; ids redo just those."""
    assert _json("--db", db, "analyze", "--json")["selected"] == 0
    assert _json("--db", db, "analyze", "--all", "--workers", "1", "--json")["analysed"] == 12
    first = _json("--db", db, "articles", "--json")["items"][0]["id"]
    assert _json("--db", db, "analyze", first[:8], "--workers", "1", "--json")["analysed"] == 1
    both = runner.invoke(app, ["--db", db, "analyze", first, "--all"])
    assert both.exit_code == 2 and "not both" in both.output
