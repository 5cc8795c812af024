"""HTML files (``.html``, ``.htm``, ``.xhtml``): handed over as decoded markup, malformed or not."""

from __future__ import annotations

from collections.abc import Iterator

from newsfuse.ingest.base import ReadOptions, ReadResult, Source
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.files import read_capped
from newsfuse.model import RawDocument, SourceKind, SourceRef


def read_html(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """One raw HTML document per file; its ``<meta charset>`` decides the decoding when it decodes."""
    html = decode_bytes(read_capped(source.path, options.max_bytes), html=True)
    yield RawDocument(source=SourceRef(SourceKind.FILE, source.locator), html=html)
