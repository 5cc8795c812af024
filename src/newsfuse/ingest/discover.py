"""Finding the inputs: paths and directories expanded in a stable order, and ``-`` for standard input.

A directory is walked recursively in sorted order, skipping hidden files and folders, and whatever a
``.newsfuseignore`` file in a walked folder lists: glob patterns, one a line (``#`` starts a comment),
matched against the path relative to that folder and against the bare name, for that folder and below, so
a corpus folder can keep its README or manifest beside the articles. A path that does not
exist is kept as a source, and reading it yields one Skipped ("no such file or directory"): a typo in one
argument is reported with the other inputs' problems and does not stop the batch (``--strict`` makes it fail
the run). ``-`` reads standard input: a JSONL stream when its first non-blank character is ``{``, otherwise a
list of paths, one a line, discovered like arguments.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path
from typing import IO

from newsfuse.ingest.base import Source

STDIN = "-"
IGNORE_FILE = ".newsfuseignore"
_WHITESPACE = b" \t\r\n\x0b\x0c"


def discover(paths: Sequence[str], stdin: IO[bytes] | None = None) -> list[Source]:
    """Expand paths into sources; ``-`` consults ``stdin`` (default: the process's standard input)."""
    sources: list[Source] = []
    for path in paths:
        if path == STDIN:
            sources.extend(_discover_stdin(stdin if stdin is not None else sys.stdin.buffer))
        else:
            sources.extend(_discover_path(Path(path)))
    return sources


def stdin_is_jsonl(stream: IO[bytes]) -> bool:
    """True when the stream's first non-blank character is ``{``; consumes only leading whitespace."""
    peek = getattr(stream, "peek", None)
    while peek is not None:
        head: bytes = peek(1)
        if not head:
            return False
        blank = len(head) - len(head.lstrip(_WHITESPACE))
        if blank < len(head):
            return head[blank:].startswith(b"{")
        stream.read(blank)
    raise TypeError("standard input must be a buffered stream (one that can peek)")


def _discover_stdin(stream: IO[bytes]) -> list[Source]:
    if stdin_is_jsonl(stream):
        return [Source(Path(STDIN))]
    listed = stream.read().decode("utf-8", errors="replace").splitlines()
    return discover([line.strip() for line in listed if line.strip() and line.strip() != STDIN])


def _discover_path(path: Path) -> list[Source]:
    if path.is_dir():
        return [Source(file, _size(file)) for file in _walk(path)]
    return [Source(path, _size(path))]


def _walk(root: Path) -> Iterator[Path]:
    """Every non-hidden, non-ignored file under ``root``, in sorted path order."""
    found: list[Path] = []
    ignores: dict[Path, list[str]] = {}
    for folder, dirnames, filenames in os.walk(root):
        here = Path(folder)
        ignores[here] = _ignore_patterns(here / IGNORE_FILE)

        def kept(name: str, here: Path = here) -> bool:
            return not name.startswith(".") and not _ignored(here / name, root, ignores)

        dirnames[:] = sorted(filter(kept, dirnames))
        found.extend(here / name for name in filenames if kept(name))
    return iter(sorted(found, key=lambda file: file.relative_to(root).parts))


def _ignore_patterns(path: Path) -> list[str]:
    """The glob patterns of one ignore file (none when it is absent or unreadable)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [line.strip().rstrip("/") for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _ignored(path: Path, root: Path, ignores: dict[Path, list[str]]) -> bool:
    """Whether an ignore file in ``path``'s folder or any folder above it (up to ``root``) lists it."""
    for folder in (path.parent, *path.parent.parents):
        relative = path.relative_to(folder).as_posix()
        if any(fnmatchcase(relative, p) or fnmatchcase(path.name, p) for p in ignores.get(folder, ())):
            return True
        if folder == root:
            return False
    return False


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None
