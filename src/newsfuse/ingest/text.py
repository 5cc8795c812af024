"""Plain-text files (``.txt``): the decoded text as it is; a file of nothing but URLs is a URL list."""

from __future__ import annotations

from collections.abc import Iterator

from newsfuse.ingest.base import ReadOptions, ReadResult, Source
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.files import read_capped
from newsfuse.ingest.urls import is_url_list, read_urls
from newsfuse.model import RawDocument, SourceKind, SourceRef


def read_text(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """One raw text document per file (cleaning finds the title and drops boilerplate)."""
    text = decode_bytes(read_capped(source.path, options.max_bytes))
    if is_url_list(text):
        yield from read_urls(text, source.locator, options)
        return
    yield RawDocument(source=SourceRef(SourceKind.FILE, source.locator), text=text)
