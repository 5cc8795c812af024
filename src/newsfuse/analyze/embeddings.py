"""Embed each distinct token once per batch: the context-free first stage of spaCy's tok2vec.

A ``MultiHashEmbed`` tok2vec starts with a stage that sees one token at a time: its features (norm,
prefix, suffix, shape, …) are hashed into tables, mixed by a maxout layer and normalised, so its output
depends on the feature row alone. That stage is a third of a tok2vec's time, and news text repeats
its rows (the, said, commas): on the benchmark texts 42% of the rows of a 16-run batch are distinct,
28% of a 64-run one (NER's). Embedding the distinct rows and gathering gives the same vectors.
"""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import Model

from newsfuse.analyze.encoder import maxout_norm

# Odd 64-bit multipliers (from splitmix64 and murmur3), one per feature column, to mix a row into a key.
ROW_MIX = numpy.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
    ],
    dtype=numpy.uint64,
)
EMBED_LAYERS = ("extract_features", "list2ragged", "ragged2list")  # the stage's first, second and last


def embed_distinct_rows(tok2vec: Any) -> bool:
    """Swap the embedding stage of a tok2vec model (``embed >> encode``) for the distinct-row one.

    Returns whether the model had that shape; another architecture is left as it is.
    """
    embed = _embed_stage(tok2vec)
    if embed is None:
        return False
    mix = embed.layers[3]  # with_array(maxout >> layernorm >> dropout): fused when it has that shape
    fused = maxout_norm(mix.layers[0]) if len(mix.layers) == 1 else None
    tok2vec.layers[0] = Model(
        "embed_distinct_rows", _forward, layers=[embed], attrs={"mix": fused or mix.predict}
    )
    return True


def _embed_stage(tok2vec: Any) -> Any:
    layers = getattr(tok2vec, "layers", [])
    if len(layers) != 2 or len(layers[0].layers) != 5:  # embed >> encode; five steps
        return None
    embed = layers[0]
    names = [layer.name for layer in embed.layers]
    return embed if (names[0], names[1], names[4]) == EMBED_LAYERS else None


def _forward(model: Any, docs: list[Any], is_train: bool) -> tuple[list[Any], Any]:
    """The stage's vectors per doc, each distinct feature row embedded once (prediction only)."""
    embed = model.layers[0]
    if is_train:
        return embed(docs, is_train)  # type: ignore[no-any-return]
    extract, _, lookup, _, _ = embed.layers
    features = extract.predict(docs)
    if not sum(len(f) for f in features):
        return embed(docs, is_train)  # type: ignore[no-any-return]
    rows, inverse = distinct_rows(numpy.concatenate(features))
    vectors = model.attrs["mix"](lookup.predict(rows))[inverse]
    ends = numpy.cumsum([len(f) for f in features])[:-1]
    return numpy.split(vectors, ends), _no_backprop


def distinct_rows(rows: Any) -> tuple[Any, Any]:
    """The distinct rows of an array of uint64 feature hashes and, for each row, the index of its
    distinct row. Each row is mixed into one 64-bit key and the keys are sorted (``numpy.unique``
    with ``axis=0`` compares whole rows and takes seven times as long); should two different rows
    ever share a key, the row-wise unique answers instead."""
    if rows.shape[1] <= len(ROW_MIX):
        keys = (rows * ROW_MIX[: rows.shape[1]]).sum(axis=1)  # wraps modulo 2^64
        _, first, inverse = numpy.unique(keys, return_index=True, return_inverse=True)
        if numpy.array_equal(rows[first][inverse], rows):
            return rows[first], inverse
    distinct, inverse = numpy.unique(rows, axis=0, return_inverse=True)
    return distinct, inverse.reshape(-1)


def _no_backprop(d_vectors: Any) -> Any:
    raise NotImplementedError("embed_distinct_rows only predicts")
