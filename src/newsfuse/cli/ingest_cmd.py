"""``newsfuse ingest``: parse options, run the ingest service with a progress bar, print a summary."""

from __future__ import annotations

import json
from types import TracebackType
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from newsfuse.cli.app import app, settings, stderr
from newsfuse.errors import InputError
from newsfuse.ingest import ReadOptions, Skipped
from newsfuse.ingest.base import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from newsfuse.service.ingest import IngestReport

INTERRUPTED_EXIT = 130


class _Bar:
    """A rich progress bar over bytes read, with the article count and rate; skips printed above it."""

    def __init__(self, enabled: bool) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[articles]} articles"),
            TextColumn("{task.fields[rate]:.1f}/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=stderr,
            disable=not enabled,
            transient=True,
        )
        self._task: TaskID | None = None

    def __enter__(self) -> _Bar:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def started(self, sources: int, total_bytes: int | None) -> None:
        self._task = self._progress.add_task(
            f"ingesting {sources} source{'s' * (sources != 1)}", total=total_bytes, articles=0, rate=0.0
        )

    def advanced(self, report: IngestReport, bytes_done: int) -> None:
        if self._task is None:
            return
        elapsed = self._progress.tasks[0].elapsed or 0.0
        done = report.stored + report.exact_duplicates
        self._progress.update(
            self._task, completed=bytes_done, articles=done, rate=done / elapsed if elapsed else 0.0
        )

    def skipped(self, item: Skipped) -> None:
        stderr.print(f"[yellow]skipped[/] {escape(item.locator)}: {escape(item.reason)}", soft_wrap=True)


def _summary(report: IngestReport) -> Table:
    table = Table(title="ingest summary", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("sources", str(report.sources))
    table.add_row("documents read", str(report.read))
    table.add_row("articles stored", str(report.stored))
    table.add_row("  of which near-duplicates", str(report.near_duplicates))
    table.add_row("exact duplicates (incl. already stored)", str(report.exact_duplicates))
    table.add_row("skipped", str(len(report.skipped)))
    table.add_row("seconds", f"{report.seconds:.1f}")
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
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON for scripts.")
    ] = False,
) -> None:
    """Read articles from files, folders, stdin or URLs, clean them and store them once each.

    Exact duplicates are not stored again; near-duplicates (syndicated copies) are stored and linked to
    the first-seen copy. An interrupted run keeps what it committed: run it again to finish.

    Example: newsfuse --db news.db ingest examples/ feeds/world.rss --workers 2
    """
    # Imported here, not at the top: it loads the cleaners, trafilatura and datasketch (seconds), which
    # `newsfuse articles` and `newsfuse show` never need.
    from newsfuse.service.ingest import IngestOptions, ingest

    options = IngestOptions(
        read=ReadOptions(fetch=fetch, allow_private=allow_private, max_bytes=max_bytes),
        workers=workers,
        commit_every=commit_every,
    )
    try:
        with settings(ctx).store(create=True) as store, _Bar(enabled=not json_output) as bar:
            report = ingest(store, paths, options, progress=bar)
    except KeyboardInterrupt:
        stderr.print("interrupted: committed articles are kept; run the same command again to finish")
        raise typer.Exit(INTERRUPTED_EXIT) from None
    if json_output:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        Console(highlight=False).print(_summary(report))
    if report.failed and (strict or report.read == 0):
        raise InputError(f"{len(report.skipped)} item(s) skipped" + (" (--strict)" if strict else ""))
