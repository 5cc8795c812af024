"""Sources → raw documents: find the inputs, pick a reader for each, and yield what it reads.

Entry points: :func:`discover_sources` expands paths (directories recursively, ``-`` for stdin) into
:class:`Source` items; :func:`read_source` yields a :class:`RawDocument` or a :class:`Skipped` per item.
Readers are chosen in :mod:`newsfuse.ingest.registry`; nothing here touches the network unless
``ReadOptions.fetch`` is true.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence

from newsfuse.errors import InputError
from newsfuse.ingest.base import ReadOptions, ReadResult, Skipped, Source
from newsfuse.ingest.discover import STDIN, discover
from newsfuse.ingest.jsonl import read_jsonl_stream
from newsfuse.ingest.registry import reader_for
from newsfuse.model import SourceKind

__all__ = ["ReadOptions", "ReadResult", "Skipped", "Source", "discover_sources", "read_source"]

UNRECOGNISED = (
    "unrecognised input: the extension is not one newsfuse reads and the content is not WARC, JSON, "
    "a feed, HTML or a URL list (name plain text *.txt)"
)


def discover_sources(paths: Sequence[str], options: ReadOptions) -> list[Source]:
    """Expand the user's paths into the sources to read, in a stable order.

    Directories are walked recursively (sorted, hidden entries skipped); ``-`` reads standard input. A
    missing path stays in the list and reading it yields one Skipped, so it is reported, not fatal.
    """
    del options  # discovery needs no option today; the parameter keeps the call shape stable
    return discover(paths)


def read_source(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """Read one source with the reader its extension or content calls for; problems become Skipped."""
    if str(source.path) == STDIN:
        yield from read_jsonl_stream(sys.stdin.buffer, STDIN, SourceKind.STDIN, options)
        return
    try:
        if not source.path.exists():
            yield Skipped(source.locator, "no such file or directory")
            return
        if not source.path.is_file():
            yield Skipped(source.locator, "not a regular file")
            return
        reader = reader_for(source.path)
        if reader is None:
            yield Skipped(source.locator, UNRECOGNISED)
            return
        yield from reader(source, options)
    except InputError as error:
        yield Skipped(source.locator, str(error))
    except OSError as error:
        yield Skipped(source.locator, f"cannot read: {error.strerror or error}")
