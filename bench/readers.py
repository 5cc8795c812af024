"""Reader benchmark: decoding quality on real pages of unknown encoding, and reading speed per core.

Run: ``python -m bench.readers --shared ../shared``. Writes ``bench/results/readers.json`` and ``readers.md``.

Quality: the trafilatura evaluation pages are not always UTF-8. For every ``with`` snippet that holds a
non-ASCII character, is it found in the decoded page (tags dropped, entities unescaped, whitespace
collapsed)? Our decoder is compared with naive UTF-8 (``errors="replace"``) and with charset-normalizer alone.

Speed, in one process (so per core), best of ``--repeat`` runs with ``time.perf_counter``: the extraction
pages written into one WARC.gz in a temporary folder (never the repository), the same pages as ``.html``
files, and the NeuS validation JSONL read where it lies.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import charset_normalizer
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.errors import InputError
from newsfuse.ingest import ReadOptions, Skipped, discover_sources, read_source
from newsfuse.ingest.decode import decode_bytes

RESULTS = Path(__file__).resolve().parent / "results"
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def load_pages(shared: Path) -> list[tuple[str, bytes]]:
    """(name, raw bytes) of every extraction page, as crawled."""
    root = shared / "data" / "extraction"
    files = sorted((root / "trafilatura-eval" / "html").glob("*.gz")) + sorted(
        (root / "wcxb-dev" / "html").glob("*.gz")
    )
    return [(path.name.removesuffix(".gz"), gzip.decompress(path.read_bytes())) for path in files]


def decoding_quality(shared: Path) -> dict[str, Any]:
    """Share of non-ASCII snippets found in the page under each decoder, and pages with U+FFFD."""
    root = shared / "data" / "extraction" / "trafilatura-eval"
    evaldata = json.loads((root / "evaldata.json").read_text("utf-8"))
    decoders: dict[str, Callable[[bytes], str]] = {
        "newsfuse decode_bytes": _ours,
        "utf-8, errors=replace": lambda data: data.decode("utf-8", errors="replace"),
        "charset-normalizer alone": lambda data: str(charset_normalizer.from_bytes(data).best() or ""),
    }
    found = dict.fromkeys(decoders, 0)
    replaced = dict.fromkeys(decoders, 0)
    snippets = pages = 0
    for entry in evaldata.values():
        wanted = [_flat(s) for s in entry.get("with", []) if any(ord(c) > 127 for c in s)]
        path = root / "html" / f"{entry['file']}.gz"
        if not wanted or not path.exists():
            continue
        data = gzip.decompress(path.read_bytes())
        pages += 1
        snippets += len(wanted)
        for name, decode in decoders.items():
            text = decode(data)
            replaced[name] += "\ufffd" in text
            flat = _flat(html.unescape(_TAG.sub(" ", text)))
            found[name] += sum(snippet in flat for snippet in wanted)
    return {
        "pages": pages,
        "non_ascii_snippets": snippets,
        "decoders": {
            name: {
                "snippets_found": found[name],
                "share_found": round(found[name] / max(snippets, 1), 4),
                "pages_with_replacement_char": replaced[name],
            }
            for name in decoders
        },
    }


def reading_speed(shared: Path, repeat: int) -> list[dict[str, Any]]:
    """Pages (or records) per second and MB/s for WARC.gz, HTML files and JSONL, read by read_source."""
    pages = load_pages(shared)
    options = ReadOptions(max_bytes=50 * 1024 * 1024)
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-readers-") as folder:
        warc = Path(folder) / "pages.warc.gz"
        _write_warc(warc, pages)
        html_dir = Path(folder) / "html"
        html_dir.mkdir()
        for name, data in pages:
            (html_dir / name).write_bytes(data)
        jsonl = shared / "data" / "clustering" / "neus_val.jsonl"
        for label, path in (
            ("WARC.gz, one file", warc),
            ("HTML, one file each", html_dir),
            ("JSONL (NeuS val)", jsonl),
        ):
            rows.append(_time_reading(label, path, options, repeat))
    return rows


def _time_reading(label: str, path: Path, options: ReadOptions, repeat: int) -> dict[str, Any]:
    best = float("inf")
    documents = skipped = 0
    for _ in range(repeat):
        start = time.perf_counter()
        results = [
            r for source in discover_sources([str(path)], options) for r in read_source(source, options)
        ]
        best = min(best, time.perf_counter() - start)
        skipped = sum(isinstance(r, Skipped) for r in results)
        documents = len(results) - skipped
    size = sum(p.stat().st_size for p in ([path] if path.is_file() else path.rglob("*")))
    return {
        "input": label,
        "documents": documents,
        "skipped": skipped,
        "megabytes": round(size / 1e6, 1),
        "seconds": round(best, 3),
        "documents_per_second": round(documents / best, 1),
        "megabytes_per_second": round(size / 1e6 / best, 1),
    }


def _write_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for name, data in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            uri = f"https://bench.example/{quote(name)}"
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(data), http_headers=headers
            )
            writer.write_record(record)


def _ours(data: bytes) -> str:
    try:
        return decode_bytes(data, html=True)
    except InputError:
        return ""


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def write_results(report: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "readers.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    quality = report["decoding"]
    lines = [
        "# Readers",
        "",
        f"Decoding: {quality['non_ascii_snippets']} non-ASCII `with` snippets on {quality['pages']} "
        "trafilatura-eval pages, found in the decoded page (tags dropped, entities unescaped).",
        "",
        "| decoder | snippets found | share | pages with U+FFFD |",
        "|---|---|---|---|",
    ]
    for name, row in quality["decoders"].items():
        cells = [name, row["snippets_found"], f"{row['share_found']:.1%}", row["pages_with_replacement_char"]]
        lines.append(_table_row(cells))
    lines += [
        "",
        f"Reading speed, one process (per core), best of {report['repeat']} runs:",
        "",
        "| input | documents | skipped | MB | seconds | documents/s | MB/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in report["speed"]:
        lines.append(_table_row(list(row.values())))
    (RESULTS / "readers.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _table_row(cells: list[Any]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    report = {
        "repeat": args.repeat,
        "decoding": decoding_quality(args.shared),
        "speed": reading_speed(args.shared, args.repeat),
    }
    write_results(report)
    print((RESULTS / "readers.md").read_text("utf-8"))


if __name__ == "__main__":
    main()
