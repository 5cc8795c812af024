"""Export files round-trip: JSON Lines, CSV and Parquet read back with json, csv and pyarrow give the rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsfuse.errors import UsageError
from newsfuse.export import COLUMNS, KINDS, TABLES, csv_chunks, export_table, iter_rows, jsonl_chunks
from newsfuse.export.writers import write_parquet
from newsfuse.store import Store


def _as_csv(row: dict[str, Any]) -> dict[str, str]:
    """A row as CSV cells: null empty, booleans lower-case, numbers as written."""
    cells = {}
    for key, value in row.items():
        if value is None:
            cells[key] = ""
        elif isinstance(value, bool):
            cells[key] = "true" if value else "false"
        else:
            cells[key] = str(value)
    return cells


@pytest.mark.parametrize("kind", KINDS)
def test_jsonl_round_trip(store: Store, kind: str, tmp_path: Path) -> None:
    """Each line of the JSON Lines file is one row, equal to the row iterator's."""
    path = tmp_path / f"{kind}.jsonl"
    report = export_table(store, kind, "jsonl", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(iter_rows(store, kind))  # type: ignore[arg-type]
    assert report.rows == len(lines) > 0


@pytest.mark.parametrize("kind", KINDS)
def test_csv_round_trip(store: Store, kind: str, tmp_path: Path) -> None:
    """The CSV file has the documented header, and every row reads back cell for cell (newlines included)."""
    path = tmp_path / f"{kind}.csv"
    export_table(store, kind, "csv", path)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == COLUMNS[kind]  # type: ignore[index]
        read = list(reader)
    assert read == [_as_csv(row) for row in iter_rows(store, kind)]  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", KINDS)
def test_parquet_round_trip_with_schema(store: Store, kind: str, tmp_path: Path) -> None:
    """The Parquet file has the declared column types and reads back to the same rows."""
    path = tmp_path / f"{kind}.parquet"
    export_table(store, kind, "parquet", path)
    table = pq.read_table(path)
    types = {"string": pa.string(), "int": pa.int64(), "bool": pa.bool_(), "float": pa.float64()}
    assert [(f.name, f.type) for f in table.schema] == [
        (c.name, types[c.type])
        for c in TABLES[kind]  # type: ignore[index]
    ]
    assert table.to_pylist() == list(iter_rows(store, kind))  # type: ignore[arg-type]


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    """Rows go out one row group at a time, so memory holds one group, not the table."""
    rows = ({"id": f"s{i}", "title": None, "size": i, "outlets": "", "first_published": None,
             "last_published": None, "hot": i % 2 == 0} for i in range(23))  # fmt: skip
    path = tmp_path / "stories.parquet"
    write_parquet(rows, TABLES["stories"], path, row_group=5)
    assert pq.ParquetFile(path).metadata.num_row_groups == 5
    assert pq.read_table(path).column("size").to_pylist() == list(range(23))


def test_chunks_stream_in_pieces() -> None:
    """Large exports come out as several chunks that join into one valid CSV and JSON Lines document."""
    rows = [{"a": i, "b": f'line "{i}"\nnext'} for i in range(1200)]
    csv_parts = list(csv_chunks(rows, ["a", "b"]))
    jsonl_parts = list(jsonl_chunks(rows))
    assert len(csv_parts) > 1 and len(jsonl_parts) > 1
    read = list(csv.DictReader(io.StringIO(b"".join(csv_parts).decode(), newline="")))
    assert read == [{"a": str(r["a"]), "b": r["b"]} for r in rows]
    assert [json.loads(line) for line in b"".join(jsonl_parts).decode().splitlines()] == rows
    assert b"".join(csv_chunks([], ["a", "b"])) == b"a,b\r\n"


def test_parquet_to_stdout_and_folders_are_refused(store: Store, tmp_path: Path) -> None:
    """Parquet needs a file; a folder as the output is an error that names it; nothing is left behind."""
    with pytest.raises(UsageError, match="Parquet"):
        export_table(store, "stories", "parquet", "-")
    with pytest.raises(UsageError, match=str(tmp_path)):
        export_table(store, "stories", "csv", tmp_path)
    with pytest.raises(UsageError, match="xlsx"):
        export_table(store, "stories", "xlsx", tmp_path / "s.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_keeps_the_earlier_file(store: Store, tmp_path: Path) -> None:
    """An export that fails part-way leaves the previous file as it was and no partial file."""
    path = tmp_path / "stories.csv"
    path.write_text("earlier export\n", encoding="utf-8")

    class StoppedError(Exception):
        pass

    class Failing:
        def rows_written(self, rows: int) -> None:
            raise StoppedError

    with pytest.raises(StoppedError):
        export_table(store, "stories", "csv", path, Failing())
    assert path.read_text(encoding="utf-8") == "earlier export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["stories.csv"]
