"""Story reports as files: the comparison of each story rendered as JSON, Markdown and HTML.

``newsfuse report``, ``make run`` and the Python API call these, so a report reads the same everywhere.
The renderers (:mod:`newsfuse.report`) write no prose: every statement is a cited span of a source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from newsfuse.export.choices import choose
from newsfuse.export.rows import iter_stories
from newsfuse.service.comparisons import ComparedStory, compare_stored_story
from newsfuse.store import Store

ReportFormat = Literal["json", "md", "html"]
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)


@dataclass(frozen=True, slots=True)
class WrittenReport:
    """The files written for one story, by format, with the counts a script wants to check."""

    story_id: str
    title: str | None
    files: dict[ReportFormat, Path]
    facts: int
    corroborated: int
    single_source: int
    contradictions: int
    quotes: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story_id,
            "title": self.title,
            "files": {fmt: str(path) for fmt, path in self.files.items()},
            "facts": self.facts,
            "corroborated": self.corroborated,
            "single_source": self.single_source,
            "contradictions": self.contradictions,
            "quotes": self.quotes,
        }


def report_format(name: str) -> ReportFormat:
    """``name`` as a report format, or a :class:`UsageError` naming the ones there are."""
    return choose(name, REPORT_FORMATS, "report format")


def render_report(compared: ComparedStory, fmt: ReportFormat) -> str:
    """One story's comparison in one format (``json`` follows ``docs/comparison-schema.md``)."""
    from newsfuse.report import render_html, render_json, render_markdown

    renderers: dict[ReportFormat, Callable[..., str]] = {
        "json": render_json,
        "md": render_markdown,
        "html": render_html,
    }
    return renderers[fmt](compared.comparison, compared.articles)


def story_ids(store: Store) -> Iterator[str]:
    """Every story id, newest first, read a page at a time."""
    return (s.id for s in iter_stories(store))


def write_report(store: Store, story: str, formats: Sequence[ReportFormat], out_dir: Path) -> WrittenReport:
    """Compare the story (id or unique prefix) and write ``<story id>.<format>`` into ``out_dir``."""
    compared = compare_stored_story(store, story)
    story_id = compared.view.stored.story.id
    out_dir.mkdir(parents=True, exist_ok=True)
    files: dict[ReportFormat, Path] = {}
    for fmt in formats:
        path = out_dir / f"{story_id}.{fmt}"
        path.write_text(render_report(compared, fmt), encoding="utf-8")
        files[fmt] = path
    comparison = compared.comparison
    return WrittenReport(
        story_id=story_id,
        title=compared.view.stored.story.title,
        files=files,
        facts=len(comparison.facts),
        corroborated=len(comparison.corroborated),
        single_source=len(comparison.single_source),
        contradictions=len(comparison.contradictions),
        quotes=len(comparison.quotes),
    )
