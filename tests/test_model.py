"""The data model: ids, offsets and spans."""

from __future__ import annotations

import pytest

from newsfuse.model import (
    ParagraphKind,
    RawDocument,
    SourceKind,
    SourceRef,
    article_id_for,
    build_article,
)

SOURCE = SourceRef(SourceKind.FILE, "a.txt")


def test_article_id_ignores_whitespace_and_case() -> None:
    """Two copies that differ only in spacing and case have one id."""
    assert article_id_for("Hello   World\n") == article_id_for("hello world")
    assert article_id_for("Hello World") != article_id_for("Hello Word")


def test_build_article_offsets_point_at_paragraphs() -> None:
    """Every paragraph's offsets slice exactly its text out of the article."""
    raw = RawDocument(source=SOURCE, text="ignored")
    parts = [("A title", ParagraphKind.TITLE), ("First para.", ParagraphKind.BODY), ("", ParagraphKind.BODY)]
    article = build_article(raw, parts, title="A title")
    assert article.paragraph_texts() == ["A title", "First para."]
    assert article.body_text() == "First para."
    span = article.span(9, 14, "word")
    assert span.text_in(article.text) == "First"
    with pytest.raises(ValueError):
        article.span(0, 999)


def test_raw_document_needs_exactly_one_body() -> None:
    """A raw document is either HTML or text, never both or neither."""
    with pytest.raises(ValueError):
        RawDocument(source=SOURCE)
    with pytest.raises(ValueError):
        RawDocument(source=SOURCE, html="<p>x</p>", text="x")
