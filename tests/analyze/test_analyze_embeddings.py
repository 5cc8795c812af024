"""Embedding each distinct token once gives the tok2vec's own vectors."""

from __future__ import annotations

from collections.abc import Callable

import numpy

from newsfuse.analyze.embeddings import distinct_rows, embed_distinct_rows

TEXTS = [
    "The mayor said the pier would reopen, and the ferry company said the fares would not rise.",
    "“It is busy again,” the mayor said.",
    "",
]


def test_distinct_rows_give_the_same_vectors(same_vectors_after: Callable[..., bool]) -> None:
    """Both tok2vecs (the shared one and NER's own) give identical vectors before and after the swap."""
    assert same_vectors_after(embed_distinct_rows, TEXTS)


def test_distinct_rows_find_each_row_once() -> None:
    """Every row maps to an equal distinct row, each distinct row once, also past the mixed columns."""
    rows = numpy.array(
        [[3, 1, 2], [3, 1, 2], [2**63, 0, 7], [3, 1, 2], [2**63, 0, 7], [0, 0, 0]], dtype=numpy.uint64
    )
    for table in (rows, numpy.tile(rows, (1, 3))):  # 9 columns: more than ROW_MIX mixes
        distinct, inverse = distinct_rows(table)
        assert len(distinct) == 3 and len({tuple(row) for row in distinct.tolist()}) == 3
        assert numpy.array_equal(distinct[inverse], table)
