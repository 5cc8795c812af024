"""The comparison as Markdown: fixed headings and tables; every statement verbatim with its citation."""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.model.article import Article, Span
from newsfuse.model.comparison import StoryComparison
from newsfuse.report.sections import ARTICLE_HEADER, Cells, article_rows, tables
from newsfuse.report.spans import SpanText, citation


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes and markup characters escaped."""
    flat = " ".join(text.split())
    for char in "\\|*_`[]<>#":
        flat = flat.replace(char, "\\" + char)
    return flat


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    if not rows:
        return ["(none)", ""]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return [*lines, *("| " + " | ".join(row) + " |" for row in rows), ""]


def render_markdown(comparison: StoryComparison, articles: Sequence[Article]) -> str:
    """A Markdown report: articles, brief, facts, contradictions, updates, who said what, timeline."""
    texts = SpanText(articles)

    def statement(span: Span) -> str:
        return f"{escape(texts.text(span))} {citation(span)}"

    lines = ["# Story comparison", "", "## Articles", ""]
    lines += _table(ARTICLE_HEADER, article_rows(comparison, escape))
    lines += ["## Brief", ""]
    lines += [
        f"- **{b.section}** · {statement(b.span)} — {escape(', '.join(b.outlets))}" for b in comparison.brief
    ]
    lines.append("")
    for table in tables(comparison, Cells(statement, escape)):
        lines += [f"## {table.title}", ""]
        lines += _table(table.header, table.rows)
    return "\n".join(lines)
