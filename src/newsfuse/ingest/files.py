"""Opening input files: size caps checked before reading, and ``*.gz`` files decompressed on the fly.

A gzip-compressed single file (``page.html.gz``, ``export.jsonl.gz``) is read like the file it holds; the
cap then applies to the decompressed bytes, read no further than the cap. ``*.warc.gz`` is not opened here:
WARC members are decompressed by warcio.
"""

from __future__ import annotations

import contextlib
import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from newsfuse.errors import InputError
from newsfuse.ingest.decode import SNIFF_BYTES, human_size, over_cap_reason

GZIP_SUFFIX = ".gz"
WARC_GZ_SUFFIX = ".warc.gz"


def is_gzip_name(path: Path) -> bool:
    """True for ``*.gz`` files this module decompresses (every one but ``*.warc.gz``)."""
    name = path.name.lower()
    return name.endswith(GZIP_SUFFIX) and not name.endswith(WARC_GZ_SUFFIX)


def inner_name(path: Path) -> str:
    """The lower-cased file name that decides the reader: without ``.gz`` for a compressed single file."""
    name = path.name.lower()
    return name.removesuffix(GZIP_SUFFIX) if is_gzip_name(path) else name


@contextlib.contextmanager
def open_input(path: Path) -> Iterator[IO[bytes]]:
    """The file opened for binary reading, decompressed if gzip; damaged gzip data raises ``InputError``."""
    with _gzip_errors():  # also covers reads made by the caller inside the ``with`` block
        if is_gzip_name(path):
            with gzip.open(path, "rb") as compressed:
                # GzipFile offers the whole binary-file interface; typeshed just does not call it IO[bytes]
                yield cast(IO[bytes], compressed)
        else:
            with path.open("rb") as handle:
                yield handle


@contextlib.contextmanager
def _gzip_errors() -> Iterator[None]:
    """Turn the errors of a damaged or mislabelled gzip file into one ``InputError`` saying so."""
    try:
        yield
    except gzip.BadGzipFile as error:
        raise InputError(f"not gzip data, despite the .gz name ({error})") from error
    except (EOFError, zlib.error) as error:
        raise InputError(f"truncated or corrupt gzip data ({error})") from error


def read_head(path: Path) -> bytes:
    """The first bytes of the (decompressed) file, for sniffing its format."""
    with open_input(path) as handle:
        return handle.read(SNIFF_BYTES)


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, refusing one over ``max_bytes`` (from its size, before reading, when plain)."""
    compressed = is_gzip_name(path)
    size = path.stat().st_size
    if size > max_bytes and not compressed:
        raise InputError(over_cap_reason(size, max_bytes))
    with open_input(path) as handle:
        data = handle.read(max_bytes + 1)  # a file may grow; a compressed one is only known by reading
    if len(data) > max_bytes:
        if compressed:
            raise InputError(
                f"too large: more than the {human_size(max_bytes)} cap once decompressed (--max-bytes)"
            )
        raise InputError(over_cap_reason(len(data), max_bytes))
    return data
