"""Ingest, then analyse what is not analysed yet, then place new articles in stories: what ``ingest`` runs.

Each step commits its own work, so an interrupted run keeps what it finished and the same command
completes it: analysis picks up every article whose analysis is missing or stale, clustering every
article that is in no story yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from newsfuse.service.analysis import AnalyzeOptions, AnalyzeProgress, AnalyzeReport, analyze_stored
from newsfuse.service.ingest import IngestOptions, IngestProgress, IngestReport, ingest
from newsfuse.service.stories import ClusterProgress, ClusterReport, update_stories
from newsfuse.store import Store


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """Ingest options, and whether to analyse and cluster afterwards (both by default)."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    analyze: bool = True
    cluster: bool = True


@dataclass
class PipelineReport:
    """The ingest report, with the analysis and clustering reports of the steps that ran."""

    ingest: IngestReport
    analysis: AnalyzeReport | None = None
    stories: ClusterReport | None = None

    def to_dict(self) -> dict[str, Any]:
        data = self.ingest.to_dict()
        data["analysis"] = self.analysis.to_dict() if self.analysis else None
        data["stories"] = self.stories.to_dict() if self.stories else None
        return data


class PipelineProgress(IngestProgress, AnalyzeProgress, ClusterProgress, Protocol):
    """The hooks of every step, for one front end that shows them all."""


def ingest_and_update(
    store: Store, paths: Sequence[str], options: PipelineOptions, progress: PipelineProgress | None = None
) -> PipelineReport:
    """Ingest ``paths``, then (unless switched off) analyse and cluster what needs it."""
    report = PipelineReport(ingest(store, paths, options.ingest, progress))
    if options.analyze:
        workers = AnalyzeOptions(workers=options.ingest.workers)
        report.analysis = analyze_stored(store, options=workers, progress=progress)
    if options.cluster:
        report.stories = update_stories(store, progress)
    return report
