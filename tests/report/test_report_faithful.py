"""The faithfulness check: every statement in every brief, table and report is verbatim at its citation."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from newsfuse.errors import InputError
from newsfuse.model import Article, SourceKind, SourceRef, Span
from newsfuse.model.comparison import BriefItem, StoryComparison
from newsfuse.report import render_html, render_json, render_markdown
from newsfuse.report.markdown import escape

pytestmark = pytest.mark.shared

Stories = list[tuple[StoryComparison, list[Article]]]
_CITATION = re.compile(r"⟨(\w+):(\d+)-(\d+)⟩")


def _text(articles: list[Article], article_id: str, start: int, end: int) -> str:
    article = next(a for a in articles if a.id == article_id)
    return article.text[start:end]


def _spans(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        found = [value] if {"article_id", "start", "end"} <= value.keys() else []
        return found + [s for item in value.values() for s in _spans(item)]
    if isinstance(value, list):
        return [s for item in value for s in _spans(item)]
    return []


def test_json_carries_the_exact_text_of_every_span(compared_stories: Stories) -> None:
    """Every span in the JSON report has a text equal to its article's characters at those offsets."""
    for comparison, articles in compared_stories:
        spans = _spans(json.loads(render_json(comparison, articles)))
        assert spans
        for span in spans:
            assert span["text"] == _text(articles, span["article_id"], span["start"], span["end"])


def test_markdown_prints_every_statement_verbatim_before_its_citation(compared_stories: Stories) -> None:
    """Each Markdown citation is preceded by exactly the (escaped) text it cites."""
    for comparison, articles in compared_stories:
        report = render_markdown(comparison, articles)
        citations = list(_CITATION.finditer(report))
        assert citations
        for match in citations:
            article_id, start, end = match.group(1), int(match.group(2)), int(match.group(3))
            expected = escape(_text(articles, article_id, start, end))
            assert report[: match.start()].endswith(expected + " "), match.group(0)


def test_markdown_brief_lines_are_all_cited(compared_stories: Stories) -> None:
    """Every line of the brief is a cited source statement: the brief holds no prose of its own."""
    for comparison, articles in compared_stories:
        report = render_markdown(comparison, articles)
        brief = report.split("## Brief", 1)[1].split("\n## ", 1)[0]
        lines = [line for line in brief.splitlines() if line.startswith("- ")]
        assert len(lines) == len(comparison.brief)
        assert all(_CITATION.search(line) for line in lines)


class _Statements(HTMLParser):
    """Collects the text of every element that cites a span."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int, int, str]] = []
        self._open: list[list[Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        data = dict(attrs)
        if "data-article" in data:
            self._open.append(
                [data["data-article"], int(data["data-start"] or 0), int(data["data-end"] or 0), ""]
            )

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][3] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open:
            self.found.append(tuple(self._open.pop()))  # type: ignore[arg-type]


def test_html_statements_are_verbatim_and_the_page_is_self_contained(compared_stories: Stories) -> None:
    """Every cited element of the HTML page holds exactly its span's text; no external resource is loaded."""
    for comparison, articles in compared_stories:
        page = render_html(comparison, articles)
        parser = _Statements()
        parser.feed(page)
        assert parser.found
        for article_id, start, end, text in parser.found:
            assert text == _text(articles, article_id, start, end)
        assert "<svg" in page and "<style>" in page
        assert not re.search(r"<(script|link|img)\b", page)


def test_html_escapes_article_text() -> None:
    """Markup in an article's text is shown as text, never interpreted."""
    article = Article(id="a" * 16, text="<script>alert(1)</script> & more", paragraphs=(), source=_source())
    comparison = StoryComparison("compare.v1", (), (), (), (), (), (), ())
    briefed = StoryComparison(
        "compare.v1", (), (), (), (), (), (), (BriefItem("single-source", Span(article.id, 0, 25), ("X",)),)
    )
    assert "<script>" not in render_html(briefed, [article])
    assert "&lt;script&gt;" in render_html(briefed, [article])
    assert "Story comparison" in render_html(comparison, [article])


def test_span_of_a_missing_article_is_refused() -> None:
    """A renderer given a comparison citing an article it was not given raises InputError."""
    briefed = StoryComparison(
        "compare.v1", (), (), (), (), (), (), (BriefItem("single-source", Span("b" * 16, 0, 3), ("X",)),)
    )
    with pytest.raises(InputError):
        render_markdown(briefed, [])


def _source() -> SourceRef:
    return SourceRef(SourceKind.FILE, "fictional.txt")
