"""JSON Lines and JSON: common field names mapped, broken lines skipped one by one, the rest read."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from ingest_helpers import documents, read_all, skips

from newsfuse.ingest import ReadOptions
from newsfuse.model import DateSource, SourceKind, SourceRef

FERRY = {
    "headline": "Gullhaven ferry to run all winter",
    "maintext": "The harbour board voted 5-2 to keep the ferry running, chair Orla Penhallow said.",
    "link": "https://www.gullhavencourier.example/ferry",
    "date_publish": "2031-05-03 14:00:00",
    "authors": ["Ilse Varnholt", "By Tomas Greve"],
    "language": "en",
}
PIER = {
    "title": "Pier repairs start",
    "content": "<p>Repairs to the north pier began on Monday.</p>",
    "url": "https://tidewatchpost.example/pier",
    "published_at": "2031-05-04T08:15:00+02:00",
    "byline": "Marta Kiel",
    "source": {"id": "tidewatch", "name": "Tidewatch Post"},
}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_common_field_names_are_mapped(tmp_path: Path) -> None:
    """Title, text, URL, date, authors, outlet and language come from their usual field names."""
    path = write_lines(tmp_path / "export.jsonl", [json.dumps(FERRY), json.dumps(PIER)])
    ferry, pier = documents(read_all(path))
    assert ferry.title == FERRY["headline"]
    assert ferry.text == FERRY["maintext"]
    assert ferry.html is None
    assert ferry.url == FERRY["link"]
    assert ferry.published == datetime(2031, 5, 3, 14, 0, tzinfo=UTC)
    assert ferry.published_source is DateSource.METADATA
    assert ferry.authors == ("Ilse Varnholt", "Tomas Greve")
    assert ferry.outlet == "gullhavencourier.example"
    assert ferry.language == "en"
    assert ferry.source == SourceRef(SourceKind.JSONL, str(path), item=1)
    assert pier.html == PIER["content"]
    assert pier.text is None
    assert pier.authors == ("Marta Kiel",)
    assert pier.outlet == "Tidewatch Post"
    assert pier.published is not None and pier.published.isoformat() == "2031-05-04T08:15:00+02:00"
    assert pier.source.item == 2


def test_broken_line_is_one_skip_and_the_rest_is_read(tmp_path: Path) -> None:
    """An invalid line is Skipped as path:LINE with the JSON error; a line with no text is Skipped too."""
    broken_line = '{"title": "half a record", "text": "unfinished'
    lines = [json.dumps(FERRY), "", broken_line, json.dumps({"title": "No body"})]
    path = write_lines(tmp_path / "mixed.ndjson", [*lines, json.dumps(PIER)])
    results = read_all(path)
    assert [doc.source.item for doc in documents(results)] == [1, 5]
    broken, empty = skips(results)
    assert broken.locator == f"{path}:3"
    assert broken.reason.startswith("invalid JSON: Unterminated string")
    assert empty.locator == f"{path}:4"
    assert empty.reason.startswith("no article text (looked for text, content")


def test_non_object_line_is_skipped(tmp_path: Path) -> None:
    """A line holding an array or a number is not an article."""
    path = write_lines(tmp_path / "odd.jsonl", ["[1, 2]", json.dumps(FERRY)])
    results = read_all(path)
    assert [str(skip) for skip in skips(results)] == [f"{path}:1: not a JSON object but list"]
    assert len(documents(results)) == 1


def test_over_long_line_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    """A line over the cap is one Skipped with its size; the next line is still read."""
    long_record = dict(FERRY, maintext="tide " * 2000)
    path = write_lines(tmp_path / "long.jsonl", [json.dumps(long_record), json.dumps(PIER)])
    results = read_all(path, ReadOptions(max_bytes=4096))
    [skip] = skips(results)
    assert skip.locator == f"{path}:1"
    assert "over the 4.0 KB cap" in skip.reason
    assert [doc.title for doc in documents(results)] == [PIER["title"]]


def test_binary_jsonl_is_one_skip(tmp_path: Path) -> None:
    """A binary file named .jsonl gives one Skipped, not one per line."""
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 50)
    [skip] = read_all(path)
    assert skip.locator == str(path)
    assert skip.reason.startswith("binary content")


def test_json_file_with_one_object(tmp_path: Path) -> None:
    """A .json file holding one pretty-printed article object is one document."""
    path = tmp_path / "one.json"
    path.write_text(json.dumps(FERRY, indent=2), encoding="utf-8")
    [doc] = read_all(path)
    assert doc.title == FERRY["headline"]
    assert doc.source == SourceRef(SourceKind.FILE, str(path))


def test_json_file_with_an_array(tmp_path: Path) -> None:
    """A .json array yields one document per object, numbered from 1; a non-object item is Skipped."""
    path = tmp_path / "many.json"
    path.write_text(json.dumps([FERRY, "stray", PIER], indent=1), encoding="utf-8")
    results = read_all(path)
    assert [doc.source.item for doc in documents(results)] == [1, 3]
    assert [skip.locator for skip in skips(results)] == [f"{path}:2"]


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    """A .json file that is really JSON Lines is read line by line."""
    path = write_lines(tmp_path / "lines.json", [json.dumps(FERRY), json.dumps(PIER)])
    assert len(documents(read_all(path))) == 2


def test_invalid_json_file_is_one_skip(tmp_path: Path) -> None:
    """A .json file that does not parse is one Skipped with where it broke."""
    path = tmp_path / "bad.json"
    path.write_text('{"title": "Ferry", "text": }', encoding="utf-8")
    [skip] = read_all(path)
    assert skip.reason == "invalid JSON: Expecting value (line 1, column 28)"


def test_epoch_dates_and_cp1252_lines(tmp_path: Path) -> None:
    """Epoch-millisecond dates parse, and a windows-1252 line is decoded rather than skipped."""
    record = {"text": "Café owners in Vøringen welcomed the “winter timetable”.", "date": 1935000000000}
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(json.dumps(record, ensure_ascii=False).encode("cp1252") + b"\n")
    [doc] = read_all(path)
    assert doc.text == record["text"]
    assert doc.published == datetime.fromtimestamp(1935000000, tz=UTC)


def test_hostile_nesting_is_one_skip(tmp_path: Path) -> None:
    """A line nested thousands deep is Skipped instead of crashing the batch."""
    path = write_lines(tmp_path / "deep.jsonl", ["[" * 100_000 + "]" * 100_000, json.dumps(PIER)])
    results = read_all(path)
    assert [str(skip) for skip in skips(results)] == [f"{path}:1: invalid JSON: nested too deeply"]
    assert len(documents(results)) == 1


def test_line_separator_inside_a_string_is_data(tmp_path: Path) -> None:
    """U+2028 inside a JSON string does not split the record."""
    record = dict(FERRY, maintext="First line\u2028second line of the ferry story.")
    path = tmp_path / "sep.json"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n" + json.dumps(PIER) + "\n", encoding="utf-8")
    first, second = documents(read_all(path))
    assert first.text == record["maintext"]
    assert second.title == PIER["title"]
