"""Embedding each distinct token once gives the tok2vec's own vectors."""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.analyze.embeddings import embed_distinct_rows

TEXTS = [
    "The mayor said the pier would reopen, and the ferry company said the fares would not rise.",
    "“It is busy again,” the mayor said.",
    "",
]


def test_distinct_rows_give_the_same_vectors(same_vectors_after: Callable[..., bool]) -> None:
    """Both tok2vecs (the shared one and NER's own) give identical vectors before and after the swap."""
    assert same_vectors_after(embed_distinct_rows, TEXTS)
