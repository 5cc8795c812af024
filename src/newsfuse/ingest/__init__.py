"""Sources → raw documents: find the inputs, pick a reader for each, and yield what it reads.

Entry points: :func:`discover_sources` expands paths (directories recursively, ``-`` for stdin) into
:class:`Source` items; :func:`read_source` yields a :class:`RawDocument` or a :class:`Skipped` per item.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsfuse.ingest.base import ReadOptions, ReadResult, Skipped, Source

__all__ = ["ReadOptions", "ReadResult", "Skipped", "Source", "discover_sources", "read_source"]


def discover_sources(paths: Sequence[str], options: ReadOptions) -> list[Source]:
    """Expand the user's paths into the sources to read, in a stable order."""
    raise NotImplementedError  # being written: readers


def read_source(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """Read one source with the reader its extension or content calls for."""
    raise NotImplementedError  # being written: readers
