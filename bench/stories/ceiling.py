"""How far the words alone could go: offline average-link clustering of TF-IDF vectors at its best threshold.

An oracle, not a system: it sees the whole set at once (IDF fitted on it, every pair compared, no arrival
order) and the threshold is picked on the gold labels. It bounds what an online clusterer with the same
representation can reach, and shows what one more piece of structure is worth: NeuS gives each story one
article per outlet, so a variant forbids two articles of one outlet in a cluster.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from bench.stories.data import GoldDoc
from bench.stories.scoring import reference_scorer

THRESHOLDS = np.arange(0.02, 0.6, 0.02)
OUTLET_BAR = 1.0  # added to the distance of two articles of one outlet: never linked


def _best(
    shared: Path, docs: Sequence[GoldDoc], distance: np.ndarray[Any, np.dtype[np.float64]]
) -> dict[str, Any]:
    """Average-link clusters cut at every similarity threshold; the best B³ F1 and where it was."""
    tree = linkage(squareform(distance, checks=False), method="average")
    gold = {d.doc_id: d.cluster for d in docs}
    best: dict[str, Any] = {"bcubed_f1": -1.0}
    for similarity in THRESHOLDS:
        labels = fcluster(tree, 1.0 - similarity, "distance")
        pred = {d.doc_id: str(label) for d, label in zip(docs, labels, strict=True)}
        scores = reference_scorer(shared)(gold, pred)
        if scores["bcubed_f1"] > best["bcubed_f1"]:
            best = scores | {"similarity_threshold": round(float(similarity), 2)}
    return best


def ceilings(shared: Path, docs: Sequence[GoldDoc]) -> dict[str, Any]:
    """The oracle's best B³ F1 on the words, and with one article per outlet where outlets are known."""
    texts = [f"{d.title}\n\n{d.text}" if d.title and not d.text.startswith(d.title) else d.text for d in docs]
    vectors = TfidfVectorizer(sublinear_tf=True, token_pattern=r"\b\w\w\w+\b").fit_transform(texts)
    distance = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, None)
    np.fill_diagonal(distance, 0.0)
    out = {"tfidf_average_link": _best(shared, docs, distance)}
    outlets = np.array([d.outlet or f"unknown-{i}" for i, d in enumerate(docs)])
    if any(d.outlet for d in docs):
        same_outlet = outlets[:, None] == outlets[None, :]
        np.fill_diagonal(same_outlet, False)
        out["tfidf_average_link_one_per_outlet"] = _best(shared, docs, distance + OUTLET_BAR * same_outlet)
    return out
