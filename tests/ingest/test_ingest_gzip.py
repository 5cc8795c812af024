"""Gzip-compressed single files: read like the file they hold; damaged ones are one Skipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from ingest_helpers import article_html, documents, read_all, skips

from newsfuse.ingest import ReadOptions
from newsfuse.model import SourceKind, SourceRef

RECORD = {
    "title": "Pier repairs",
    "text": "Repairs to the north pier began on Monday.",
    "outlet": "Tidewatch Post",
}


def test_html_gz_is_read_as_html(tmp_path: Path) -> None:
    """page.html.gz is decompressed and handed over as HTML pointing at the compressed file."""
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(article_html("Ferry")))
    [doc] = read_all(path)
    assert doc.html == article_html("Ferry").decode()
    assert doc.source == SourceRef(SourceKind.FILE, str(path))


def test_jsonl_gz_is_streamed(tmp_path: Path) -> None:
    """export.jsonl.gz is read line by line."""
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(gzip.compress(((json.dumps(RECORD) + "\n") * 3).encode()))
    assert [doc.source.item for doc in documents(read_all(path))] == [1, 2, 3]


def test_unnamed_gz_is_sniffed(tmp_path: Path) -> None:
    """A .gz with no inner extension is recognised from its decompressed content."""
    path = tmp_path / "download.gz"
    path.write_bytes(gzip.compress(article_html("Sniffed")))
    assert documents(read_all(path))[0].html is not None


def test_truncated_jsonl_gz_keeps_lines_before_the_break(tmp_path: Path) -> None:
    """A .jsonl.gz cut short yields the lines read before the break, then one Skipped."""
    lines = "".join(
        json.dumps(dict(RECORD, title=f"Item {n}", text=f"Text {n} " * 200)) + "\n" for n in range(300)
    )
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    results = read_all(path)
    assert len(documents(results)) > 10
    [skip] = skips(results)
    assert results[-1] == skip
    assert skip.reason.startswith("truncated or corrupt gzip data")


def test_gz_that_is_not_gzip_is_one_skip(tmp_path: Path) -> None:
    """A .gz name on plain bytes gives one Skipped saying the data is not gzip."""
    path = tmp_path / "story.txt.gz"
    path.write_text("Gullhaven ferry to run all winter.\n")
    [skip] = read_all(path)
    assert skip.reason.startswith("not gzip data, despite the .gz name")


def test_decompressed_size_is_capped(tmp_path: Path) -> None:
    """A small .gz that inflates past the cap is refused after reading no more than the cap."""
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"tide " * 1_000_000))
    [skip] = read_all(path, ReadOptions(max_bytes=64 * 1024))
    assert skip.reason == "too large: more than the 64.0 KB cap once decompressed (--max-bytes)"
