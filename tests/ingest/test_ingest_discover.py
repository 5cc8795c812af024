"""Discovery and reader choice: sorted recursive walks, stdin, sniffing, a batch that survives bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from ingest_helpers import WarcPage, article_html, documents, read_all, skips, write_warc

from newsfuse.ingest import UNRECOGNISED, ReadOptions, Source, discover_sources, read_source
from newsfuse.ingest.discover import discover
from newsfuse.model import SourceKind, SourceRef

STORY = "Gullhaven ferry to run all winter\n\nThe harbour board voted 5-2 on Tuesday.\n"
RECORD = {
    "title": "Pier repairs",
    "text": "Repairs to the north pier began on Monday.",
    "outlet": "Tidewatch Post",
}


def make_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a" / "deep").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "z.txt").write_text(STORY)
    (root / "b" / "two.html").write_bytes(article_html("Two"))
    (root / "a" / "one.txt").write_text(STORY)
    (root / "a" / "deep" / "three.jsonl").write_text(json.dumps(RECORD) + "\n")
    (root / ".hidden.txt").write_text(STORY)
    (root / ".cache" / "four.txt").write_text(STORY)


def test_directories_are_walked_in_sorted_order(tmp_path: Path) -> None:
    """A directory expands to its files, recursively, sorted, hidden files and folders left out, sizes set."""
    make_tree(tmp_path)
    sources = discover_sources([str(tmp_path)], ReadOptions())
    relative = [source.path.relative_to(tmp_path).as_posix() for source in sources]
    assert relative == ["a/deep/three.jsonl", "a/one.txt", "b/two.html", "z.txt"]
    assert [source.size for source in sources] == [source.path.stat().st_size for source in sources]


def test_arguments_keep_their_order_and_missing_paths_stay(tmp_path: Path) -> None:
    """Paths are expanded in the order given; a missing one stays as a source and reads as one Skipped."""
    make_tree(tmp_path)
    missing = tmp_path / "typo.txt"
    sources = discover_sources([str(tmp_path / "z.txt"), str(missing), str(tmp_path / "b")], ReadOptions())
    assert [source.path for source in sources] == [tmp_path / "z.txt", missing, tmp_path / "b" / "two.html"]
    assert sources[1].size is None
    assert [str(result) for result in read_source(sources[1], ReadOptions())] == [
        f"{missing}: no such file or directory"
    ]


def test_stdin_jsonl_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    """`-` with a stream whose first non-blank character is `{` is read as JSONL, numbered by stdin line."""
    data = (
        b"\n  "
        + json.dumps(RECORD).encode()
        + b"\n"
        + json.dumps(dict(RECORD, title="Second")).encode()
        + b"\n"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    [source] = discover_sources(["-"], ReadOptions())
    assert source == Source(Path("-"))
    first, second = documents(list(read_source(source, ReadOptions())))
    assert first.title == "Pier repairs"
    assert first.source == SourceRef(SourceKind.STDIN, "-", item=2)
    assert (second.title, second.source.item) == ("Second", 3)


def test_stdin_list_of_paths(tmp_path: Path) -> None:
    """`-` with a list of paths discovers each like an argument (directories included)."""
    make_tree(tmp_path)
    listing = f"{tmp_path / 'z.txt'}\n\n{tmp_path / 'a'}\n".encode()
    sources = discover(["-"], stdin=io.BufferedReader(io.BytesIO(listing)))
    assert [source.path.name for source in sources] == ["z.txt", "three.jsonl", "one.txt"]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("page", b"<!DOCTYPE html><html><body><p>Ferry</p></body></html>", "html"),
        ("export.data", (json.dumps(RECORD) + "\n").encode(), "text"),
        ("single.data", json.dumps(RECORD, indent=2).encode(), "text"),
        ("links", b"\n# today\nhttps://tidewatchpost.example/a\n", "skip"),
    ],
)
def test_unknown_extensions_are_sniffed(tmp_path: Path, name: str, content: bytes, kind: str) -> None:
    """HTML, JSONL, JSON and URL lists are recognised by content when the extension says nothing."""
    path = tmp_path / name
    path.write_bytes(content)
    [result] = read_all(path)
    if kind == "skip":
        assert result.reason == "network fetching is off; pass --fetch"
    else:
        assert getattr(result, kind) is not None


def test_warc_without_extension_is_sniffed(tmp_path: Path) -> None:
    """A gzip-compressed WARC file named without extension is recognised."""
    path = write_warc(
        tmp_path / "CC-NEWS-0001", [WarcPage("https://tidewatchpost.example/a", article_html("A"))]
    )
    assert [doc.url for doc in documents(read_all(path))] == ["https://tidewatchpost.example/a"]


def test_unrecognised_file_is_one_skip(tmp_path: Path) -> None:
    """A file whose extension and content are both unknown is one Skipped saying what would be read."""
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nCall the harbourmaster.\n")
    assert [skip.reason for skip in skips(read_all(path))] == [UNRECOGNISED]


def test_a_batch_of_bad_inputs_gives_one_skip_each_and_reads_the_rest(tmp_path: Path) -> None:
    """Every kind of bad input gives exactly one Skipped, and the good inputs around them are all read."""
    (tmp_path / "a-good.txt").write_text(STORY)
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-binary.html").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff\x00" * 10)
    (tmp_path / "d-huge.txt").write_text("tide " * 3000)
    (tmp_path / "e-latin1.txt").write_bytes("Fête du port à Gullhaven.".encode("latin-1"))
    data = write_warc(tmp_path / "f-cut.warc.gz", [WarcPage("https://t.example/1", article_html("One"))] * 2)
    data.write_bytes(data.read_bytes()[:-50])
    (tmp_path / "g-broken.jsonl").write_text(json.dumps(RECORD) + "\n{broken\n")
    (tmp_path / "h-notfeed.rss").write_text("no feed here <")
    (tmp_path / "i-plain.warc.gz").write_text("just some words in a file.\n")
    (tmp_path / "j-links.urls").write_text("https://tidewatchpost.example/x\n")
    (tmp_path / "k-good.html").write_bytes(article_html("Good"))
    options = ReadOptions(max_bytes=10_000)
    outcome: dict[str, tuple[int, int]] = {}
    for source in discover_sources([str(tmp_path)], options):
        results = list(read_source(source, options))
        outcome[source.path.name] = (len(documents(results)), len(skips(results)))
    assert outcome == {
        "a-good.txt": (1, 0),
        "b-empty.txt": (0, 1),
        "c-binary.html": (0, 1),
        "d-huge.txt": (0, 1),
        "e-latin1.txt": (1, 0),
        "f-cut.warc.gz": (1, 1),
        "g-broken.jsonl": (1, 1),
        "h-notfeed.rss": (0, 1),
        "i-plain.warc.gz": (0, 1),
        "j-links.urls": (0, 1),
        "k-good.html": (1, 0),
    }
