"""``newsfuse export``: a table of the store (stories, articles, quotes, claims) as JSON Lines, CSV or
Parquet, with a progress bar on stderr."""

from __future__ import annotations

import json
from enum import StrEnum
from types import TracebackType
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsfuse.cli.app import app, settings, stderr


class Kind(StrEnum):
    stories = "stories"
    articles = "articles"
    quotes = "quotes"
    claims = "claims"


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class _RowBar:
    """A spinner with the rows written so far and the rate (the total is not known in advance)."""

    def __init__(self, kind: str, enabled: bool) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn(f"exporting {kind}"),
            TextColumn("{task.completed:,.0f} rows"),
            TimeElapsedColumn(),
            console=stderr,
            disable=not enabled,
            transient=True,
        )
        self._task = self._progress.add_task(kind, total=None)

    def __enter__(self) -> _RowBar:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def rows_written(self, rows: int) -> None:
        self._progress.update(self._task, completed=rows)


@app.command("export")
def export_command(
    ctx: typer.Context,
    kind: Annotated[Kind, typer.Argument(help="Which table: stories, articles, quotes or claims.")],
    fmt: Annotated[Format, typer.Option("--format", help="jsonl, csv or parquet.")] = Format.jsonl,
    out: Annotated[
        str, typer.Option("--out", help="The file to write; - for stdout (jsonl and csv only).")
    ] = "-",
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print a JSON summary (on stderr when the data goes to stdout).")
    ] = False,
) -> None:
    """Export stories, articles (with their clean text), quotes (speaker, offsets, article, story) or
    claims (each story's aligned statements, corroborated or single-source) as a flat table. Offsets
    point into the article's clean text: ``text`` is the article's characters from ``start`` to ``end``.

    Example: newsfuse --db news.db export quotes --format parquet --out quotes.parquet
    """
    from newsfuse.export import export_table

    with settings(ctx).store() as store, _RowBar(kind.value, not quiet) as bar:
        report = export_table(store, kind.value, fmt.value, out, bar)
    if json_output and out == "-":
        stderr.print(json.dumps(report.to_dict()), soft_wrap=True, markup=False)
    elif json_output:
        typer.echo(json.dumps(report.to_dict()))
    elif out != "-":
        stderr.print(f"wrote {report.rows:,} {kind.value} rows to {out}", markup=False, soft_wrap=True)
