"""Render a story comparison as JSON, Markdown or a self-contained HTML page.

Renderers write no prose of their own: every statement is a span of an article, printed verbatim with
its citation (``⟨article_id:start-end⟩`` in Markdown, ``data-article``/``data-start``/``data-end`` in
HTML, ``text`` beside each span in JSON); headings and labels are fixed UI words.
"""

from newsfuse.report.html_report import render_html
from newsfuse.report.json_report import render_json
from newsfuse.report.markdown import render_markdown

__all__ = ["render_html", "render_json", "render_markdown"]
