"""WARC and WARC.gz: HTML records become documents with URL, crawl date, outlet and byte offset."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ingest_helpers import WarcPage, article_html, documents, read_all, skips, write_warc
from warcio.archiveiterator import ArchiveIterator

from newsfuse.ingest import ReadOptions
from newsfuse.model import DateSource, SourceKind

PAGES = [
    WarcPage("https://www.gullhavencourier.example/2031/05/ferry", article_html("Ferry to run all winter")),
    WarcPage("https://www.gullhavencourier.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
    WarcPage("https://tidewatchpost.example/news/pier", article_html("Pier repairs start", "Tidewatch Post")),
    WarcPage("https://tidewatchpost.example/gone", b"<html>Not here</html>", status="404 Not Found"),
    WarcPage(
        "https://vorlandherald.example/a/1",
        article_html("Harbour vote", "Vorland Herald"),
        record_type="resource",
    ),
]


def test_html_responses_become_documents(tmp_path: Path) -> None:
    """HTML response and resource records are read; images are passed over; a 404 is one Skipped."""
    path = write_warc(tmp_path / "crawl.warc.gz", PAGES)
    results = read_all(path)
    docs = documents(results)
    assert [doc.url for doc in docs] == [PAGES[0].uri, PAGES[2].uri, PAGES[4].uri]
    assert [doc.outlet for doc in docs] == [
        "gullhavencourier.example",
        "tidewatchpost.example",
        "vorlandherald.example",
    ]
    assert docs[0].html == PAGES[0].body.decode()
    assert docs[0].published == datetime(2031, 5, 4, 9, 30, tzinfo=UTC)
    assert docs[0].published_source is DateSource.WARC
    [skip] = skips(results)
    assert skip.reason == f"HTTP 404 Not Found response for {PAGES[3].uri}"
    assert [type(result).__name__ for result in results] == [
        "RawDocument",
        "RawDocument",
        "Skipped",
        "RawDocument",
    ]


def test_offsets_point_at_the_records(tmp_path: Path) -> None:
    """Each document's SourceRef offset is where its record starts in the file."""
    path = write_warc(tmp_path / "crawl.warc.gz", PAGES)
    for doc in documents(read_all(path)):
        assert doc.source.kind is SourceKind.WARC
        assert doc.source.path == str(path)
        assert doc.source.offset is not None
        with path.open("rb") as handle:
            handle.seek(doc.source.offset)
            record = next(iter(ArchiveIterator(handle)))
            assert record.rec_headers.get_header("WARC-Target-URI") == doc.url


def test_plain_warc_is_read(tmp_path: Path) -> None:
    """An uncompressed .warc file gives the same documents."""
    path = write_warc(tmp_path / "crawl.warc", PAGES, gzip=False)
    assert len(documents(read_all(path))) == 3


def test_warc_gz_that_is_not_gzip_is_read_as_plain_warc(tmp_path: Path) -> None:
    """A .warc.gz holding uncompressed WARC is read as plain WARC, with nothing skipped."""
    path = write_warc(tmp_path / "mislabelled.warc.gz", PAGES, gzip=False)
    results = read_all(path)
    assert len(documents(results)) == 3
    assert [skip.reason for skip in skips(results)] == [f"HTTP 404 Not Found response for {PAGES[3].uri}"]


def test_warc_gz_that_is_neither_gzip_nor_warc_is_one_skip(tmp_path: Path) -> None:
    """A .warc.gz holding something else is one Skipped saying it is not a WARC file."""
    path = tmp_path / "notes.warc.gz"
    path.write_text("Minutes of the Gullhaven harbour board, 3 May 2031.\n", encoding="utf-8")
    [skip] = read_all(path)
    assert skip.locator == str(path)
    assert skip.reason.startswith("not a WARC file, compressed or plain")


def test_truncated_warc_gz_yields_records_before_the_break(tmp_path: Path) -> None:
    """A .warc.gz cut short yields the complete records, then one Skipped saying where it broke."""
    path = write_warc(tmp_path / "cut.warc.gz", [PAGES[0], PAGES[2], PAGES[4]])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 120])
    results = read_all(path)
    assert [doc.url for doc in documents(results)] == [PAGES[0].uri, PAGES[2].uri]
    [skip] = skips(results)
    assert results[-1] == skip
    assert skip.reason.startswith("truncated")
    last_offset = documents(results)[-1].source.offset
    assert last_offset is not None
    assert skip.locator.startswith(f"{path}@")
    assert int(skip.locator.rpartition("@")[2]) > last_offset


def test_truncated_plain_warc_skips_the_cut_record(tmp_path: Path) -> None:
    """A plain WARC cut inside a record yields the records before it and one Skipped for the cut one."""
    path = write_warc(tmp_path / "cut.warc", [PAGES[0], PAGES[2]], gzip=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 80])
    results = read_all(path)
    assert [doc.url for doc in documents(results)] == [PAGES[0].uri]
    [skip] = skips(results)
    assert skip.reason.startswith("truncated WARC: the file")


def test_corrupt_bytes_inside_a_warc_gz(tmp_path: Path) -> None:
    """Garbage after good records ends the file with one Skipped, keeping the good records."""
    path = write_warc(tmp_path / "dirty.warc.gz", [PAGES[0], PAGES[2]])
    path.write_bytes(path.read_bytes() + b"\x1f\x8b\x08\x00garbage that is not deflate data" * 3)
    results = read_all(path)
    assert len(documents(results)) == 2
    assert len(skips(results)) == 1


def test_oversized_record_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    """A record over the cap is one Skipped; the records after it are still read."""
    big = WarcPage("https://tidewatchpost.example/big", b"<html><p>" + b"tide " * 5000 + b"</p></html>")
    path = write_warc(tmp_path / "big.warc.gz", [big, PAGES[0]])
    results = read_all(path, ReadOptions(max_bytes=10_000))
    [skip] = skips(results)
    assert "over the 9.8 KB cap" in skip.reason
    assert [doc.url for doc in documents(results)] == [PAGES[0].uri]


def test_empty_warc_is_one_skip(tmp_path: Path) -> None:
    """An empty .warc file is one Skipped "empty"."""
    path = tmp_path / "empty.warc"
    path.write_bytes(b"")
    assert [skip.reason for skip in skips(read_all(path))] == ["empty"]


def test_declared_charset_and_detected_payload_type(tmp_path: Path) -> None:
    """The HTTP charset decodes the page; Common Crawl's detected payload type stands in for a missing one."""
    latin = WarcPage(
        "https://vorlandherald.example/fete",
        "<html><body><p>Fête du port à Vørland</p></body></html>".encode("latin-1"),
        content_type="text/html; charset=ISO-8859-1",
    )
    untyped = WarcPage(
        "https://vorlandherald.example/untyped",
        article_html("Untyped"),
        content_type="",
        extra_headers=(("WARC-Identified-Payload-Type", "text/html"),),
    )
    untyped_image = WarcPage("https://vorlandherald.example/x", b"GIF89a", content_type="")
    path = write_warc(tmp_path / "mixed.warc.gz", [latin, untyped, untyped_image])
    fete, page = read_all(path)
    assert fete.html is not None and "Fête du port à Vørland" in fete.html
    assert page.url == untyped.uri
