"""URL lists: one http(s) URL a line (blank lines and ``#`` comments allowed), each fetched when allowed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsfuse.ingest.base import ReadOptions, ReadResult, Skipped, Source
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.fetch import fetch_or_skip
from newsfuse.ingest.files import read_capped

_URL_LINE = re.compile(r"^https?://\S+$", re.IGNORECASE)


def is_url_list(text: str) -> bool:
    """True when every non-blank, non-comment line is an http(s) URL (and there is at least one)."""
    lines = list(_entries(text))
    return bool(lines) and all(_URL_LINE.match(line) for _, line in lines)


def read_url_list(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """Read a ``.urls`` file: a page per URL, a Skipped per line that is not a URL."""
    text = decode_bytes(read_capped(source.path, options.max_bytes))
    yield from read_urls(text, source.locator, options)


def read_urls(text: str, locator: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Fetch (or skip, when fetching is off) each URL listed in ``text``."""
    for number, line in _entries(text):
        if _URL_LINE.match(line):
            yield fetch_or_skip(line, options)
        else:
            yield Skipped(f"{locator}:{number}", f"not an http(s) URL: {line[:80]}")


def _entries(text: str) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield number, line
