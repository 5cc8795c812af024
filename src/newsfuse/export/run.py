"""One export: a table of the store written to a file (or stdout) in JSON Lines, CSV or Parquet.

The file appears only when complete: rows go to ``<file>.part``, renamed at the end, so an interrupted or
failed export never leaves a half-written table in place of an earlier one.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

from newsfuse.errors import UsageError
from newsfuse.export.choices import choose
from newsfuse.export.columns import COLUMNS, TABLES, Kind
from newsfuse.export.rows import export_kind, iter_rows
from newsfuse.export.writers import csv_chunks, jsonl_chunks, write_parquet
from newsfuse.store import Store

ExportFormat = Literal["jsonl", "csv", "parquet"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
STDOUT = "-"
_PROGRESS_EVERY = 100


class ExportProgress(Protocol):
    """Hook a front end implements to show an export's progress."""

    def rows_written(self, rows: int) -> None: ...


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What an export wrote: which table, in which format, where, how many rows, in how many seconds."""

    kind: Kind
    format: ExportFormat
    path: str
    rows: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "format": self.format,
            "path": self.path,
            "rows": self.rows,
            "seconds": round(self.seconds, 3),
        }


def export_format(name: str) -> ExportFormat:
    """``name`` as an export format, or a :class:`UsageError` naming the formats there are."""
    return choose(name, EXPORT_FORMATS, "export format")


class _Counter:
    def __init__(self, progress: ExportProgress | None) -> None:
        self.rows = 0
        self._progress = progress

    def count(self, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            self.rows += 1
            if self._progress is not None and self.rows % _PROGRESS_EVERY == 0:
                self._progress.rows_written(self.rows)
            yield row
        if self._progress is not None:
            self._progress.rows_written(self.rows)


def export_table(
    store: Store, kind: str, fmt: str, out: str | Path, progress: ExportProgress | None = None
) -> ExportReport:
    """Write the ``kind`` table (stories, articles, quotes or claims) to ``out``; ``-`` is stdout."""
    table, form = export_kind(kind), export_format(fmt)
    to_stdout = str(out) == STDOUT
    if to_stdout and form == "parquet":
        raise UsageError("Parquet cannot stream to stdout: give a file with --out")
    started = time.monotonic()
    counter = _Counter(progress)
    rows = counter.count(iter_rows(store, table))
    if to_stdout:
        for chunk in _chunks(rows, table, form):
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
    else:
        _write_file(rows, table, form, Path(out))
    return ExportReport(table, form, str(out), counter.rows, time.monotonic() - started)


def _chunks(rows: Iterable[dict[str, Any]], kind: Kind, fmt: ExportFormat) -> Iterator[bytes]:
    return jsonl_chunks(rows) if fmt == "jsonl" else csv_chunks(rows, COLUMNS[kind])


def _write_file(rows: Iterable[dict[str, Any]], kind: Kind, fmt: ExportFormat, path: Path) -> None:
    if path.is_dir():
        raise UsageError(f"{path} is a folder: give a file name with --out")
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    try:
        if fmt == "parquet":
            write_parquet(rows, TABLES[kind], part)
        else:
            with part.open("wb") as handle:
                for chunk in _chunks(rows, kind, fmt):
                    handle.write(chunk)
        part.replace(path)
    finally:
        part.unlink(missing_ok=True)
