"""Rich progress bars for the long commands: one bar per step (ingest, analysis, clustering), on stderr."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

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

from newsfuse.cli.app import stderr
from newsfuse.ingest import Skipped

if TYPE_CHECKING:
    from newsfuse.service.ingest import IngestReport


class Bars:
    """Implements the progress hooks of ingest, analysis and clustering; skips are printed above the bars.

    The ingest bar runs over bytes read; the others over articles. Each shows its article count and rate.
    """

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
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> Bars:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def _start(self, step: str, description: str, total: int | None) -> None:
        self._tasks[step] = self._progress.add_task(description, total=total, articles=0, rate=0.0)

    def _advance(self, step: str, completed: int, articles: int) -> None:
        task = self._tasks.get(step)
        if task is None:
            return
        elapsed = next((t.elapsed for t in self._progress.tasks if t.id == task), None) or 0.0
        rate = articles / elapsed if elapsed else 0.0
        self._progress.update(task, completed=completed, articles=articles, rate=rate)

    # ---- ingest ----------------------------------------------------------------------------------

    def started(self, sources: int, total_bytes: int | None) -> None:
        self._start("ingest", f"ingesting {sources} source{'s' * (sources != 1)}", total_bytes)

    def advanced(self, report: IngestReport, bytes_done: int) -> None:
        self._advance("ingest", bytes_done, report.stored + report.exact_duplicates)

    def skipped(self, item: Skipped) -> None:
        stderr.print(f"[yellow]skipped[/] {escape(item.locator)}: {escape(item.reason)}", soft_wrap=True)

    # ---- analysis and clustering -----------------------------------------------------------------

    def analysis_started(self, total: int) -> None:
        self._start("analysis", "analysing", total)

    def analysis_advanced(self, done: int) -> None:
        self._advance("analysis", done, done)

    def clustering_started(self, total: int) -> None:
        self._start("clustering", "clustering", total)

    def clustering_advanced(self, done: int) -> None:
        self._advance("clustering", done, done)
