"""Build examples/wire.warc.gz from the wire pages in scripts/warc-src/.

The pages live outside examples/ so that `newsfuse ingest examples/` reads them once, from the WARC,
and never a second time as loose HTML files. Every header that would normally vary between runs (record
id, WARC date, HTTP date) is fixed, so running the script again gives identical bytes; the test suite
checks that.

Usage: python scripts/build_example_warc.py [--out examples/wire.warc.gz]
"""

from __future__ import annotations

import argparse
import re
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "scripts" / "warc-src"
DEFAULT_OUT = ROOT / "examples" / "wire.warc.gz"

# The pretend crawl happened the afternoon after both fires; one date for every record.
CRAWL_DATE = "2026-03-03T19:00:00Z"
HTTP_DATE = "Tue, 03 Mar 2026 19:00:00 GMT"
# Record ids are derived from the page URL under this namespace, so they never change.
ID_NAMESPACE = uuid.UUID("6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5")

_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def page_url(html: str, path: Path) -> str:
    """The page's canonical URL, which becomes its WARC-Target-URI."""
    match = _CANONICAL.search(html)
    if match is None:
        raise SystemExit(f'{path}: no <link rel="canonical"> to take the target URI from')
    return match.group(1)


def write_page(writer: WARCWriter, path: Path) -> None:
    """Append one page as an HTTP response record with fixed id and dates."""
    body = path.read_bytes()
    url = page_url(body.decode("utf-8"), path)
    http_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Date", HTTP_DATE),
        ],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        length=len(body),
        http_headers=http_headers,
        warc_headers_dict={
            "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(ID_NAMESPACE, url)}>",
            "WARC-Date": CRAWL_DATE,
        },
    )
    writer.write_record(record)


def build(out: Path, source_dir: Path = SOURCE_DIR) -> list[Path]:
    """Write every ``*.html`` of ``source_dir`` (sorted by name) into the gzipped WARC ``out``."""
    pages = sorted(source_dir.glob("*.html"))
    if not pages:
        raise SystemExit(f"no .html pages found in {source_dir}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for path in pages:
            write_page(writer, path)
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description="Build examples/wire.warc.gz from scripts/warc-src/*.html.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the WARC")
    args = parser.parse_args()
    pages = build(args.out)
    print(f"wrote {len(pages)} records to {args.out}")


if __name__ == "__main__":
    main()
