"""``newsfuse export``: a table of the store (stories, articles, quotes, claims) as JSON Lines, CSV or
Parquet, with a progress bar on stderr."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

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


@dataclass(frozen=True, slots=True)
class _RowCount:
    """The export's progress hook: the rows written so far, shown by a spinner on stderr."""

    progress: Progress
    task: TaskID

    def rows_written(self, rows: int) -> None:
        self.progress.update(self.task, completed=rows)


def _bar(enabled: bool) -> Progress:
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed:,.0f} rows"))
    return Progress(*columns, TimeElapsedColumn(), console=stderr, disable=not enabled, transient=True)


@app.command("export")
def export_command(
    ctx: typer.Context,
    kind: Annotated[
        Kind, typer.Argument(metavar="KIND", help="Which table: stories, articles, quotes or claims.")
    ],
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

    with settings(ctx).store() as store, _bar(not quiet) as bar:
        task = bar.add_task(f"exporting {kind.value}", total=None)
        report = export_table(store, kind.value, fmt.value, out, _RowCount(bar, task))
    if json_output and out == "-":
        stderr.print(json.dumps(report.to_dict()), soft_wrap=True, markup=False)
    elif json_output:
        typer.echo(json.dumps(report.to_dict()))
    elif out != "-":
        stderr.print(f"wrote {report.rows:,} rows of {kind.value} to {out}", markup=False, soft_wrap=True)
