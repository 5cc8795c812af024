"""WARC and WARC.gz files (Common Crawl News): one raw document per HTML response or resource record.

Records are streamed; only an HTML payload is read, capped at ``max_bytes``. Other records (requests,
metadata, images, DNS) are passed over silently. A truncated or corrupt file yields what was read before the
break, then one Skipped saying where it broke. Compression is detected from the bytes, not the name: a
``.warc.gz`` holding plain WARC is read as plain WARC.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsfuse.errors import InputError
from newsfuse.ingest.base import ReadOptions, ReadResult, Skipped, Source
from newsfuse.ingest.decode import decode_bytes, over_cap_reason
from newsfuse.ingest.fetch import HTML_TYPES
from newsfuse.ingest.metadata import outlet_from_url, parse_date
from newsfuse.model import DateSource, RawDocument, SourceKind, SourceRef

_PAGE_RECORD_TYPES = {"response", "resource"}
_MAX_PADDING = 16


@dataclass(frozen=True, slots=True)
class _Page:
    """An HTML record worth reading: where it claims to come from and its declared charset."""

    uri: str | None
    date: str | None
    charset: str | None


def read_warc(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """Read the HTML pages of a WARC file, plain or gzip-compressed."""
    size = source.path.stat().st_size
    if size == 0:
        raise InputError("empty")
    with source.path.open("rb") as handle:
        yield from _read_archive(handle, source.path, size, options)


def _read_archive(handle: Any, path: Path, size: int, options: ReadOptions) -> Iterator[ReadResult]:
    iterator = ArchiveIterator(handle)
    end = 0
    try:
        for record in iterator:
            if record.format != "warc":  # warcio reads any line of five or more words as an ARC header
                raise ArchiveLoadFailed(f"a {record.format} record, not WARC")
            verdict = _classify(record)
            payload = _read_payload(record, options.max_bytes) if isinstance(verdict, _Page) else None
            offset = iterator.get_record_offset()
            end = offset + iterator.get_record_length()
            if getattr(record.raw_stream, "limit", 0) > 0:
                reason = f"truncated WARC: the file ({size} bytes) ends inside this record"
                yield Skipped(f"{path}@{offset}", reason)
                return
            result = _result(verdict, payload, SourceRef(SourceKind.WARC, str(path), offset=offset))
            if result is not None:
                yield result
    except ArchiveLoadFailed as error:
        if end == 0:
            raise InputError(f"not a WARC file, compressed or plain ({error})") from error
        yield Skipped(f"{path}@{end}", f"corrupt WARC after byte {end}: {error}")
        return
    except Exception as error:  # warcio raises assorted errors on damaged input; none may stop the batch
        yield Skipped(f"{path}@{end}", f"corrupt WARC after byte {end}: {type(error).__name__}: {error}")
        return
    if end < size and not _only_padding_left(handle, end, size):
        yield Skipped(f"{path}@{end}", f"truncated or corrupt WARC: reading stopped at byte {end} of {size}")


def _only_padding_left(handle: Any, end: int, size: int) -> bool:
    """True when the bytes after the last record are just the blank lines that close a plain WARC."""
    if size - end > _MAX_PADDING:
        return False
    handle.seek(end)
    return not handle.read(_MAX_PADDING).strip()


def _classify(record: Any) -> _Page | str | None:
    """A page to read, a reason to skip the record, or None to pass over a record that is not a page."""
    if record.rec_type not in _PAGE_RECORD_TYPES:
        return None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if headers is None:
        return None
    content_type = headers.get_header("Content-Type") or ""
    # Common Crawl records the type it detected when the server sent none.
    detected = record.rec_headers.get_header("WARC-Identified-Payload-Type") or ""
    mime, _, params = (content_type or detected).partition(";")
    if mime.strip().lower() not in HTML_TYPES:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    status = headers.statusline if record.rec_type == "response" else None
    if status and not status.startswith("2"):
        return f"HTTP {status} response for {uri}"
    return _Page(uri, record.rec_headers.get_header("WARC-Date"), _charset(params))


def _charset(params: str) -> str | None:
    """The ``charset`` parameter of a Content-Type header's parameters, if any."""
    for key, _, value in (param.partition("=") for param in params.split(";")):
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _read_payload(record: Any, max_bytes: int) -> bytes | str:
    """The HTTP payload (transfer and content encodings undone), or the reason it cannot be had."""
    if record.length is not None and record.length > max_bytes:
        return over_cap_reason(record.length, max_bytes)
    try:
        payload: bytes = record.content_stream().read(max_bytes + 1)
    except (OSError, ValueError, EOFError, zlib.error) as error:
        return f"cannot decode the record's payload: {error}"
    return over_cap_reason(len(payload), max_bytes) if len(payload) > max_bytes else payload


def _result(verdict: _Page | str | None, payload: bytes | str | None, ref: SourceRef) -> ReadResult | None:
    if verdict is None:
        return None
    if isinstance(verdict, str):
        return Skipped(ref.describe(), verdict)
    if isinstance(payload, str) or payload is None:
        return Skipped(ref.describe(), payload or "no payload")
    try:
        html = decode_bytes(payload, declared=verdict.charset, html=True)
    except InputError as error:
        return Skipped(ref.describe(), f"{verdict.uri}: {error}")
    published = parse_date(verdict.date)
    return RawDocument(
        source=ref,
        html=html,
        url=verdict.uri,
        outlet=outlet_from_url(verdict.uri),
        published=published,
        published_source=DateSource.WARC if published else DateSource.NONE,
    )
