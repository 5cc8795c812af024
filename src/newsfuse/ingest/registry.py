"""Which reader reads which input: an extension map first, then content sniffers tried in order.

A new format is one module with a reader function, registered here by extension and, if its bytes are
recognisable, by a sniffer.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable
from pathlib import Path

from newsfuse.ingest.base import Reader
from newsfuse.ingest.decode import SNIFF_BYTES
from newsfuse.ingest.feed import read_feed
from newsfuse.ingest.files import inner_name, read_head
from newsfuse.ingest.html import read_html
from newsfuse.ingest.jsonl import read_json, read_jsonl
from newsfuse.ingest.text import read_text
from newsfuse.ingest.urls import is_url_list, read_url_list
from newsfuse.ingest.warc import read_warc

EXTENSIONS: dict[str, Reader] = {
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".warc": read_warc,
    ".warc.gz": read_warc,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".urls": read_url_list,
}
GZIP_MAGIC = b"\x1f\x8b"
_FEED_START = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:rdf)\b", re.I | re.S)
_HTML_START = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


def reader_for(path: Path) -> Reader | None:
    """The reader for a file: by extension (longest; ``x.html.gz`` counts as ``x.html``), else by content."""
    name = inner_name(path)
    for extension in sorted(EXTENSIONS, key=len, reverse=True):
        if name.endswith(extension):
            return EXTENSIONS[extension]
    return sniff_reader(read_head(path))


def sniff_reader(head: bytes) -> Reader | None:
    """The reader the first bytes of an input call for, or None."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    for test, reader in SNIFFERS:
        if test(start):
            return reader
    return None


def is_warc(start: bytes) -> bool:
    """WARC, plain or as a gzip member whose first bytes are a WARC header."""
    if start.startswith(GZIP_MAGIC):
        try:
            start = zlib.decompressobj(wbits=31).decompress(start, 64)
        except zlib.error:
            return False
    return start.startswith(b"WARC/")


def is_jsonl(start: bytes) -> bool:
    """JSON Lines: the first line is a complete JSON object on its own."""
    first, newline, _ = start.partition(b"\n")
    if not first.startswith(b"{") or not newline:
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def is_json(start: bytes) -> bool:
    """A JSON document: an object or an array."""
    return start[:1] in (b"{", b"[")


def is_feed(start: bytes) -> bool:
    """RSS, Atom or RDF, after an optional XML declaration and comments."""
    return _FEED_START.match(start) is not None


def is_html(start: bytes) -> bool:
    """An HTML page: a doctype or an ``<html>`` tag first."""
    return _HTML_START.match(start) is not None


def is_url_head(start: bytes) -> bool:
    """Every line of the head is an http(s) URL (a long head's last line may be cut: it is left out)."""
    if len(start) > SNIFF_BYTES // 2 and not start.endswith(b"\n"):
        start = start.rpartition(b"\n")[0]
    return is_url_list(start.decode("utf-8", errors="replace"))


SNIFFERS: tuple[tuple[Callable[[bytes], bool], Reader], ...] = (
    (is_warc, read_warc),
    (is_jsonl, read_jsonl),
    (is_json, read_json),
    (is_feed, read_feed),
    (is_html, read_html),
    (is_url_head, read_url_list),
)
