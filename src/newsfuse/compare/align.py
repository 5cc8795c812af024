"""Align statements across articles: TF-IDF over stems and synonym groups, numbers and names weighing more.

Weights are learnt from the story itself (a word rare in the story says more), so nothing is downloaded
or trained. Groups are formed greedily from the most similar pair down, and a group never takes two
statements of the same article: each fact has at most one wording per article.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

ALIGN_THRESHOLD = 0.34
NUMBER_BOOST = 1.6  # a shared number ("32", "$4.2") is strong evidence of the same fact
MIN_OVERLAP_MASS = 3.0  # a two-name fragment ("Gypsy Rose") must not overlap everything
CONTEXT_WEIGHT = 0.3
NAME_WEIGHT = 0.5  # names recur across a whole story, so sharing one says less than sharing a word


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """How eagerly statements are aligned."""

    threshold: float = ALIGN_THRESHOLD


def _weight(key: str, names: frozenset[str]) -> float:
    if key[:1].isdigit() or key[:1] == "$":
        return NUMBER_BOOST
    return NAME_WEIGHT if key in names else 1.0


def similarity_matrix(
    keys: Sequence[Counter[str]], names: frozenset[str] = frozenset()
) -> npt.NDArray[np.float32]:
    """Cosine similarity of TF-IDF vectors of the statements' word keys (``names``: keys of proper names)."""
    vocabulary: dict[str, int] = {}
    document_frequency: Counter[str] = Counter()
    for counter in keys:
        document_frequency.update(counter.keys())
        for key in counter:
            vocabulary.setdefault(key, len(vocabulary))
    total = len(keys)
    weights = np.zeros(max(len(vocabulary), 1), dtype=np.float32)
    for key, column in vocabulary.items():
        weights[column] = (math.log((total + 1) / (document_frequency[key] + 1)) + 1.0) * _weight(key, names)
    presence = np.zeros((total, weights.size), dtype=np.float32)
    counts = np.zeros_like(presence)
    for row, counter in enumerate(keys):
        for key, count in counter.items():
            presence[row, vocabulary[key]] = 1.0
            counts[row, vocabulary[key]] = 1.0 + math.log(count)
    blended: npt.NDArray[np.float32] = ((_cosine(counts * weights) + _overlap(presence, weights)) / 2).astype(
        np.float32
    )
    return blended


def _cosine(matrix: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)
    result: npt.NDArray[np.float32] = unit @ unit.T
    return result


def _overlap(presence: npt.NDArray[np.float32], weights: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Weight of the shared words over that of the lighter statement: a short clause inside a long one."""
    shared = (presence * weights) @ presence.T
    mass = presence @ weights
    smaller = np.maximum(np.minimum(mass[:, None], mass[None, :]), MIN_OVERLAP_MASS)
    result: npt.NDArray[np.float32] = shared / smaller
    return result


def article_similarity(
    owners: Sequence[str], keys: Sequence[Counter[str]], names: frozenset[str] = frozenset()
) -> npt.NDArray[np.float32]:
    """For every pair of statements, the similarity of the two whole articles they come from."""
    order = list(dict.fromkeys(owners))
    totals: dict[str, Counter[str]] = {owner: Counter() for owner in order}
    for owner, counter in zip(owners, keys, strict=True):
        totals[owner].update(counter)
    between = similarity_matrix([totals[o] for o in order], names)
    position = {owner: n for n, owner in enumerate(order)}
    index = np.array([position[o] for o in owners], dtype=int)
    result: npt.NDArray[np.float32] = between[np.ix_(index, index)]
    return result


def in_context(
    statement: npt.NDArray[np.float32], article: npt.NDArray[np.float32], weight: float = CONTEXT_WEIGHT
) -> npt.NDArray[np.float32]:
    """Statement similarity blended with article similarity: a statement means what its article is about.

    Two reports of "the quake" align only when their articles are about the same quake.
    """
    result: npt.NDArray[np.float32] = ((1 - weight) * statement + weight * article).astype(np.float32)
    return result


def group_statements(
    owners: Sequence[str], similarity: npt.NDArray[np.float32], options: AlignOptions
) -> list[list[int]]:
    """Greedy grouping above the threshold; statements of one owner (article) never share a group."""
    count = len(owners)
    upper = np.triu(similarity, k=1)
    rows, cols = np.nonzero(upper >= options.threshold)
    order = np.argsort(-upper[rows, cols], kind="stable")
    group_of = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    owners_of: dict[int, set[str]] = {i: {owners[i]} for i in range(count)}
    for index in order:
        a, b = group_of[int(rows[index])], group_of[int(cols[index])]
        if a == b or owners_of[a] & owners_of[b]:
            continue
        for item in members[b]:
            group_of[item] = a
        members[a].extend(members.pop(b))
        owners_of[a] |= owners_of.pop(b)
    return [sorted(group) for group in members.values()]
