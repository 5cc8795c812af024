"""RSS and Atom feeds: one raw document per entry, or per linked page when fetching is on.

``SourceRef.item`` is the entry's 1-based position in the feed. Markup is handed over as the feed has it
(no sanitising, no URL rewriting): cleaning decides what is text.
"""

from __future__ import annotations

import calendar
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import feedparser

from newsfuse.errors import InputError
from newsfuse.ingest.base import ReadOptions, ReadResult, Skipped, Source
from newsfuse.ingest.decode import check_not_binary
from newsfuse.ingest.fetch import fetch_or_skip
from newsfuse.ingest.files import read_capped
from newsfuse.ingest.metadata import as_authors
from newsfuse.model import DateSource, RawDocument, SourceKind, SourceRef

_PLAIN_TYPES = {"text/plain"}


def read_feed(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """Read every entry of a feed file; a file that is not a feed is one Skipped."""
    data = read_capped(source.path, options.max_bytes)
    check_not_binary(data)
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.bozo or not parsed.version:
            detail = f" ({parsed.get('bozo_exception')})" if parsed.bozo else ""
            raise InputError(f"not an RSS/Atom feed{detail}")
        raise InputError("feed has no entries")
    channel = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        ref = SourceRef(SourceKind.FEED, source.locator, item=number)
        yield _entry_result(entry, ref, channel, options)


def _entry_result(entry: Any, ref: SourceRef, channel: Any, options: ReadOptions) -> ReadResult:
    link = entry.get("link") or None
    published = _entry_date(entry)
    hints: dict[str, Any] = {
        "title": entry.get("title") or None,
        "outlet": channel.get("title") or None,
        "authors": as_authors(entry.get("authors") or entry.get("author")),
        "published": published,
        "published_source": DateSource.METADATA if published else DateSource.NONE,
        "language": channel.get("language") or None,
    }
    if options.fetch and link:
        fetched = fetch_or_skip(link, options)
        if isinstance(fetched, Skipped):
            return fetched
        return replace(fetched, **{key: value for key, value in hints.items() if value})
    body, is_plain = _entry_body(entry)
    if body is None:
        return Skipped(ref.describe(), "feed entry has no content or summary")
    html, text = (None, body) if is_plain else (body, None)
    return RawDocument(source=ref, html=html, text=text, url=link, **hints)


def _entry_body(entry: Any) -> tuple[str | None, bool]:
    """The entry's fullest body (``content:encoded``/content, else summary) and whether it is plain text."""
    for part in entry.get("content") or ():
        if (part.get("value") or "").strip():
            return part["value"], part.get("type") in _PLAIN_TYPES
    summary = entry.get("summary") or ""
    if summary.strip():
        return summary, (entry.get("summary_detail") or {}).get("type") in _PLAIN_TYPES
    return None, False


def _entry_date(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC) if parsed else None
