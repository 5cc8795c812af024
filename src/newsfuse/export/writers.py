"""Export writers: JSON Lines and CSV as byte chunks (a file, stdout or an HTTP response streams them),
Parquet in row groups with a declared schema. Each holds one chunk or row group in memory at a time."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from newsfuse.export.columns import Column

CHUNK_ROWS = 500
ROW_GROUP_ROWS = 10_000


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def jsonl_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """JSON Lines (UTF-8, one object a line), a few hundred rows per chunk."""
    for batch in _batches(rows, CHUNK_ROWS):
        yield "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in batch).encode("utf-8")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_chunks(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[bytes]:
    """CSV (UTF-8, RFC 4180 quoting, header first); nulls are empty cells, booleans ``true``/``false``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for batch in _batches(rows, CHUNK_ROWS):
        writer.writerows([_cell(row[c]) for c in columns] for row in batch)
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():  # no rows: the header alone
        yield buffer.getvalue().encode("utf-8")


def parquet_schema(table: Sequence[Column]) -> Any:
    """The pyarrow schema of an export table, every field nullable, each with its doc as metadata."""
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "bool": pa.bool_(), "float": pa.float64()}
    return pa.schema([pa.field(c.name, types[c.type], nullable=True, metadata={"doc": c.doc}) for c in table])


def write_parquet(
    rows: Iterable[dict[str, Any]], table: Sequence[Column], path: Path, row_group: int = ROW_GROUP_ROWS
) -> None:
    """Parquet with the table's schema, written one row group at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(table)
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in _batches(rows, row_group):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
