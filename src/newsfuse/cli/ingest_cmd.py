"""``newsfuse ingest``: ingest, analyse and cluster with progress bars, then print a summary."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsfuse.cli.app import app, settings, stderr
from newsfuse.cli.progress import Bars
from newsfuse.errors import InputError
from newsfuse.ingest import ReadOptions
from newsfuse.ingest.base import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from newsfuse.service.pipeline import PipelineReport

INTERRUPTED_EXIT = 130


def _summary(run: PipelineReport) -> Table:
    report = run.ingest
    table = Table(title="ingest summary", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("sources", str(report.sources))
    table.add_row("documents read", str(report.read))
    table.add_row("articles stored", str(report.stored))
    table.add_row("  of which near-duplicates", str(report.near_duplicates))
    table.add_row("exact duplicates (incl. already stored)", str(report.exact_duplicates))
    table.add_row("skipped", str(len(report.skipped)))
    if run.analysis is not None:
        table.add_row("articles analysed", str(run.analysis.analysed))
        table.add_row("  analysis failed", str(len(run.analysis.failed)))
    if run.stories is not None:
        table.add_row("stories created", str(run.stories.created))
        table.add_row("stories updated", str(run.stories.updated))
    seconds = report.seconds + sum(step.seconds for step in (run.analysis, run.stories) if step is not None)
    table.add_row("seconds", f"{seconds:.1f}")
    return table


@app.command("ingest")
def ingest_command(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively), or - for stdin.")],
    fetch: Annotated[
        bool, typer.Option("--fetch", help="Fetch URLs (URL lists, feed links) over the network.")
    ] = False,
    allow_private: Annotated[
        bool,
        typer.Option("--allow-private", help="With --fetch, allow hosts on private or loopback addresses."),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes for cleaning [default: one per CPU]; 1 = in-process."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with a failure status if any item was skipped.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Skip inputs larger than this many bytes.")
    ] = DEFAULT_MAX_BYTES,
    commit_every: Annotated[
        int, typer.Option(min=1, help="Commit after this many articles (and every ~2 s).")
    ] = 200,
    analyze: Annotated[
        bool,
        typer.Option("--analyze/--no-analyze", help="Analyse new articles (who said what) after ingest."),
    ] = True,
    cluster: Annotated[
        bool, typer.Option("--cluster/--no-cluster", help="Place new articles in stories after ingest.")
    ] = True,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON for scripts.")
    ] = False,
) -> None:
    """Read articles from files, folders, stdin or URLs, clean them and store them once each, then
    analyse them and place them in stories.

    Exact duplicates are not stored again; near-duplicates (syndicated copies) are stored and linked to
    the first-seen copy. An interrupted run keeps what it committed: run it again to finish.

    Example: newsfuse --db news.db ingest examples/ feeds/world.rss --workers 2
    """
    # Imported here, not at the top: it loads the cleaners, trafilatura, datasketch and spaCy (seconds),
    # which `newsfuse articles` and `newsfuse show` never need.
    from newsfuse.service.ingest import IngestOptions
    from newsfuse.service.pipeline import PipelineOptions, ingest_and_update

    options = PipelineOptions(
        IngestOptions(
            read=ReadOptions(fetch=fetch, allow_private=allow_private, max_bytes=max_bytes),
            workers=workers,
            commit_every=commit_every,
        ),
        analyze=analyze,
        cluster=cluster,
    )
    try:
        with settings(ctx).store(create=True) as store, Bars(enabled=not json_output) as bar:
            report = ingest_and_update(store, paths, options, progress=bar)
    except KeyboardInterrupt:
        stderr.print("interrupted: committed articles are kept; run the same command again to finish")
        raise typer.Exit(INTERRUPTED_EXIT) from None
    if json_output:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        Console(highlight=False).print(_summary(report))
    if report.ingest.failed and (strict or report.ingest.read == 0):
        skipped = len(report.ingest.skipped)
        raise InputError(f"{skipped} item(s) skipped" + (" (--strict)" if strict else ""))
