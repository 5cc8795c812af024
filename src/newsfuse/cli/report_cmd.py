"""``newsfuse report``: write a story's comparison as JSON, Markdown and a self-contained HTML page."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from newsfuse.cli.app import app, settings
from newsfuse.errors import UsageError

DEFAULT_OUT = Path("out/reports")


class Format(StrEnum):
    json = "json"
    md = "md"
    html = "html"
    all = "all"


@app.command("report")
def report_command(
    ctx: typer.Context,
    story: Annotated[
        str | None,
        typer.Argument(metavar="STORY", help="A story id, or a unique prefix of its hex part."),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Write the report of every story.")] = False,
    fmt: Annotated[
        Format, typer.Option("--format", help="json (docs/comparison-schema.md), md, html, or all three.")
    ] = Format.all,
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the files, each named after its story id and format.")
    ] = DEFAULT_OUT,
    json_output: Annotated[bool, typer.Option("--json", help="Print a JSON summary for scripts.")] = False,
) -> None:
    """Compare a story's coverage (corroborated, single-source, contradicted, who said what, timeline,
    brief) and write it as report files; every statement in them is a cited span of a source.

    Example: newsfuse --db news.db report story-3f2a --format html --out reports/
    """
    from newsfuse.export.reports import REPORT_FORMATS, report_format, story_ids, write_report

    if (story is None) == (not every):
        raise UsageError("give one story id, or --all for every story")
    formats = REPORT_FORMATS if fmt is Format.all else (report_format(fmt.value),)
    console = Console(highlight=False)
    written = []
    with settings(ctx).store() as store:
        targets = list(story_ids(store)) if story is None else [story]
        for story_id in targets:
            report = write_report(store, story_id, formats, out)
            written.append(report)
            if not json_output:
                paths = ", ".join(str(p) for p in report.files.values())
                console.print(
                    f"{report.story_id} ({escape(report.title or 'untitled')}): {escape(paths)}",
                    soft_wrap=True,
                )
    if json_output:
        typer.echo(json.dumps({"reports": [r.to_dict() for r in written]}, indent=2, ensure_ascii=False))
