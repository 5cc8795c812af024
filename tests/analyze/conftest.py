"""Fixtures for the analysis tests: the pipeline loaded once, and fictional articles built by hand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from newsfuse.analyze.pipeline import load_pipeline
from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef, build_article


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once for the whole session."""
    return load_pipeline()


@pytest.fixture(scope="session")
def make_article() -> Callable[..., Article]:
    """Build an article from a title and body paragraphs (fictional text written in the tests)."""

    def build(title: str, *paragraphs: str, published: datetime | None = datetime(2024, 7, 20)) -> Article:
        raw = RawDocument(SourceRef(SourceKind.FILE, "fiction.txt"), text="\n\n".join((title, *paragraphs)))
        parts = [(title, ParagraphKind.TITLE)] + [(p, ParagraphKind.BODY) for p in paragraphs]
        return build_article(raw, parts, published=published)

    return build
