"""JSON Lines (``.jsonl``, ``.ndjson``, stdin) and JSON (``.json``: one object or an array of objects).

JSONL is streamed line by line, each line capped at ``max_bytes``, so a large export is never held in
memory. ``SourceRef.item`` is the 1-based line number (JSONL) or the 1-based position in the array (JSON).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from newsfuse.errors import InputError
from newsfuse.ingest.base import ReadOptions, ReadResult, Skipped, Source
from newsfuse.ingest.decode import SNIFF_BYTES, check_not_binary, decode_bytes, over_cap_reason
from newsfuse.ingest.files import open_input, read_capped
from newsfuse.ingest.records import record_document
from newsfuse.model import SourceKind, SourceRef

_TOO_DEEP = "invalid JSON: nested too deeply"


def read_jsonl(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """One raw document per line of a JSONL file; a broken line is one Skipped and reading goes on."""
    with open_input(source.path) as handle:
        check_not_binary(handle.read(SNIFF_BYTES))
        handle.seek(0)
        yield from read_jsonl_stream(handle, source.locator, SourceKind.JSONL, options)


def read_jsonl_stream(
    stream: IO[bytes], locator: str, kind: SourceKind, options: ReadOptions
) -> Iterator[ReadResult]:
    """Read JSONL from an open binary stream (a file, or stdin with ``kind=STDIN``)."""
    for number, line, size in _capped_lines(stream, options.max_bytes):
        where = f"{locator}:{number}"
        if line is None:
            yield Skipped(where, over_cap_reason(size, options.max_bytes))
        elif line.strip():
            yield _line_result(line, where, SourceRef(kind, locator, item=number))


def read_json(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """Read a ``.json`` file holding one article object or an array of them (JSON Lines are accepted too)."""
    text = decode_bytes(read_capped(source.path, options.max_bytes))
    try:
        value = json.loads(text)
    except RecursionError as error:
        raise InputError(_TOO_DEEP) from error
    except json.JSONDecodeError as error:
        if error.msg != "Extra data":
            where = f"line {error.lineno}, column {error.colno}"
            raise InputError(f"invalid JSON: {error.msg} ({where})") from error
        lines = (line.encode("utf-8") for line in text.split("\n"))  # not splitlines(): U+2028 is data
        yield from _lines_results(lines, source.locator)
        return
    if isinstance(value, dict):
        yield _object_result(value, source.locator, SourceRef(SourceKind.FILE, source.locator))
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            ref = SourceRef(SourceKind.JSONL, source.locator, item=number)
            yield _object_result(item, f"{source.locator}:{number}", ref)
    else:
        raise InputError("JSON holds neither an article object nor an array of them")


def _lines_results(lines: Iterable[bytes], locator: str) -> Iterator[ReadResult]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            ref = SourceRef(SourceKind.JSONL, locator, item=number)
            yield _line_result(line, f"{locator}:{number}", ref)


def _line_result(line: bytes, where: str, ref: SourceRef) -> ReadResult:
    try:
        value = json.loads(decode_bytes(line).strip())
    except InputError as error:
        return Skipped(where, str(error))
    except json.JSONDecodeError as error:
        return Skipped(where, f"invalid JSON: {error.msg} (column {error.colno})")
    except RecursionError:
        return Skipped(where, _TOO_DEEP)
    return _object_result(value, where, ref)


def _object_result(value: Any, where: str, ref: SourceRef) -> ReadResult:
    if not isinstance(value, dict):
        return Skipped(where, f"not a JSON object but {type(value).__name__}")
    try:
        return record_document(value, ref)
    except InputError as error:
        return Skipped(where, str(error))


def _capped_lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(line number, line or None when over the cap, size)``, never holding more than the cap."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield number, line, len(line)
            continue
        size = len(line)
        while rest := stream.readline(max_bytes + 1):
            size += len(rest)
            if rest.endswith(b"\n"):
                break
        yield number, None, size
