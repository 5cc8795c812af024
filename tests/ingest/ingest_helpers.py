"""Helpers for the reader tests: reading a path, writing WARC files, and the test HTTP server's handler."""

from __future__ import annotations

import contextlib
import io
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.ingest import ReadOptions, ReadResult, Skipped, Source, read_source
from newsfuse.model import RawDocument


@dataclass(frozen=True)
class WarcPage:
    """One record to write into a test WARC file."""

    uri: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    record_type: str = "response"
    date: str = "2031-05-04T09:30:00Z"
    extra_headers: tuple[tuple[str, str], ...] = ()


@dataclass
class Route:
    """What the test server answers on one path."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0


def read_all(path: Path, options: ReadOptions | None = None) -> list[ReadResult]:
    """Everything ``read_source`` yields for one file."""
    size = path.stat().st_size if path.is_file() else None
    return list(read_source(Source(path, size), options or ReadOptions()))


def documents(results: list[ReadResult]) -> list[RawDocument]:
    return [result for result in results if isinstance(result, RawDocument)]


def skips(results: list[ReadResult]) -> list[Skipped]:
    return [result for result in results if isinstance(result, Skipped)]


def write_warc(path: Path, pages: list[WarcPage], *, gzip: bool = True) -> Path:
    """Write ``pages`` as WARC records (HTTP responses or resources) with warcio's own writer."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for number, page in enumerate(pages):
        headers = {
            "WARC-Date": page.date,
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            **dict(page.extra_headers),
        }
        payload = io.BytesIO(page.body)
        if page.record_type == "response":
            http_headers = [("Content-Type", page.content_type)] if page.content_type else []
            http = StatusAndHeaders(page.status, http_headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                page.uri, "response", payload=payload, http_headers=http, warc_headers_dict=headers
            )
        else:
            headers["Content-Type"] = page.content_type
            record = writer.create_warc_record(
                page.uri, page.record_type, payload=payload, warc_headers_dict=headers
            )
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return path


def article_html(title: str, outlet: str = "Gullhaven Courier") -> bytes:
    """A small fictional news page."""
    return (
        f"<!DOCTYPE html><html><head><title>{title} | {outlet}</title></head>"
        f"<body><article><h1>{title}</h1><p>Harbourmaster Ilse Varnholt said the ferry "
        "schedule for Gullhaven would change in June.</p></article></body></html>"
    ).encode()


class RouteHandler(BaseHTTPRequestHandler):
    """Answers each path from the shared ``routes`` table (404 for anything else)."""

    routes: ClassVar[dict[str, Route]] = {}

    def do_GET(self) -> None:
        route = self.routes.get(self.path, Route(status=404, body=b"<html>missing</html>"))
        time.sleep(route.delay)
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(route.body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""
