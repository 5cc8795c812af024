"""Outputs: the store's stories, articles, quotes and claims as JSON Lines, CSV or Parquet tables, and
story reports as files (:mod:`newsfuse.export.reports`).

For streaming (the API): ``iter_rows(store, kind)`` gives flat rows with the keys ``COLUMNS[kind]``;
``jsonl_chunks(rows)`` and ``csv_chunks(rows, COLUMNS[kind])`` turn them into bytes. ``TABLES[kind]``
documents each column; ``export_kind(name)`` checks a user's table name (a :class:`UsageError` names the
tables there are). For files: :func:`export_table`.
"""

from newsfuse.export.columns import COLUMNS, KINDS, TABLES, Column, Kind
from newsfuse.export.rows import export_kind, iter_rows
from newsfuse.export.run import EXPORT_FORMATS, ExportFormat, ExportProgress, ExportReport, export_table
from newsfuse.export.writers import csv_chunks, jsonl_chunks, parquet_schema, write_parquet

__all__ = [
    "COLUMNS",
    "EXPORT_FORMATS",
    "KINDS",
    "TABLES",
    "Column",
    "ExportFormat",
    "ExportProgress",
    "ExportReport",
    "Kind",
    "csv_chunks",
    "export_kind",
    "export_table",
    "iter_rows",
    "jsonl_chunks",
    "parquet_schema",
    "write_parquet",
]
