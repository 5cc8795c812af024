"""The fused maxout-window encoder gives thinc's own vectors, bit for bit."""

from __future__ import annotations

from collections.abc import Callable

import numpy
from thinc.api import NumpyOps

from newsfuse.analyze.embeddings import embed_distinct_rows
from newsfuse.analyze.encoder import fuse_encoder, windows

TEXTS = [
    "The mayor said the pier would reopen, and the ferry company said the fares would not rise.",
    "“It is busy again,” the mayor said.",
    "",
    "Gulls.",
]


def test_fused_encoders_give_the_same_vectors(same_vectors_after: Callable[..., bool]) -> None:
    """Both tok2vecs give identical vectors with their encoder fused, and with the embedding stage's
    mixing layer fused too (the distinct-row swap uses the fused layer)."""
    assert same_vectors_after(lambda model: fuse_encoder(model.layers[1]), TEXTS)
    assert same_vectors_after(
        lambda model: embed_distinct_rows(model) and fuse_encoder(model.layers[1]), TEXTS
    )


def test_windows_lay_rows_out_as_seq2col() -> None:
    """Row windows (zeros past either end) equal thinc's seq2col, for windows wider than the rows too."""
    rows = numpy.arange(12, dtype=numpy.float32).reshape(4, 3)
    for size in (1, 2, 5):
        assert numpy.array_equal(windows(rows, size), NumpyOps().seq2col(rows, size))
