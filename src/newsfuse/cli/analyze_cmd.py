"""``newsfuse analyze``: (re-)analyse stored articles with a progress bar, then print a summary."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from newsfuse.cli.app import app, settings
from newsfuse.cli.progress import Bars


@app.command("analyze")
def analyze_command(
    ctx: typer.Context,
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="[IDS]...", help="Article ids (or unique prefixes) to analyse."),
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Re-analyse every stored article, even those analysed already.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes [default: one per CPU]; 1 = in-process."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Find who said what in stored articles: entities, quotes with their speakers, and dates.

    Without ids, analyses the articles whose analysis is missing or was made by another analyzer
    version; --all re-analyses every article.

    Example: newsfuse --db news.db analyze --workers 2
    """
    # Imported here: it loads spaCy, which the read-only commands never need.
    from newsfuse.service.analysis import AnalyzeOptions, analyze_stored

    with settings(ctx).store() as store, Bars(enabled=not json_output) as bars:
        report = analyze_stored(store, ids, everything, AnalyzeOptions(workers=workers), bars)
    if json_output:
        typer.echo(json.dumps(report.to_dict(), indent=2))
        return
    console = Console(highlight=False)
    console.print(f"analysed {report.analysed} of {report.selected} article(s) in {report.seconds:.1f} s")
    for failure in report.failed:
        console.print(f"[yellow]failed[/] {failure.locator}: {failure.reason}", markup=True)
