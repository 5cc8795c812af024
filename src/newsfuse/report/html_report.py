"""The comparison as one self-contained HTML page: inline CSS and SVG, all article text escaped.

Each statement is an element carrying ``data-article``, ``data-start`` and ``data-end``, whose text is
exactly the cited span: the faithfulness test reads them back.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from newsfuse.model.article import Article, Span
from newsfuse.model.comparison import StoryComparison
from newsfuse.report.sections import ARTICLE_HEADER, Cells, article_rows, tables
from newsfuse.report.spans import SpanText
from newsfuse.report.svg import facts_grid, timeline

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#222}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}.stmt{background:#fffbe6}.label{font-weight:600;color:#555}.muted{color:#777}
"""


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    if not rows:
        return f'<h2>{escape(title)}</h2><p class="muted">(none)</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<h2>{escape(title)}</h2><table><tr>{head}</tr>{body}</table>"


def render_html(comparison: StoryComparison, articles: Sequence[Article]) -> str:
    """A self-contained HTML report of one story."""
    texts = SpanText(articles)

    def statement(span: Span) -> str:
        return (
            f'<span class="stmt" data-article="{escape(span.article_id)}" data-start="{span.start}" '
            f'data-end="{span.end}">{escape(texts.text(span))}</span>'
        )

    brief = "".join(
        f'<li><span class="label">{escape(b.section)}</span> · {statement(b.span)} '
        f'<span class="muted">— {escape(", ".join(b.outlets))}</span></li>'
        for b in comparison.brief
    )
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>Story comparison</title>",
        f"<style>{_CSS}</style></head><body><h1>Story comparison</h1>",
        "<h2>Timeline of articles</h2>",
        timeline(comparison),
        _table("Articles", ARTICLE_HEADER, article_rows(comparison, escape)),
        f"<h2>Brief</h2><ul>{brief}</ul>",
        "<h2>Outlets × facts</h2>",
        facts_grid(comparison),
    ]
    parts += [_table(t.title, t.header, t.rows) for t in tables(comparison, Cells(statement, escape))]
    parts.append("</body></html>")
    return "".join(parts)
