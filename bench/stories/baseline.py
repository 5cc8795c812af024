"""The baseline: plain TF-IDF and a cosine threshold, online, against every story centroid so far.

IDF is fitted on the whole set up front (which flatters the baseline a little), there is no index,
no entities, no title and no time.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from newsfuse.model.story import StoryCandidate

_WORD = re.compile(r"\w+")


def _counts(text: str) -> Counter[str]:
    return Counter(word for word in _WORD.findall(text.lower()) if len(word) > 2)


def _idf(docs: Sequence[Counter[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for counts in docs:
        df.update(counts.keys())
    return {term: math.log((1 + len(docs)) / (1 + n)) + 1.0 for term, n in df.items()}


def _unit(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vector = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
    length = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / length for t, v in vector.items()}


def baseline_clusters(stream: Sequence[StoryCandidate], threshold: float) -> dict[str, str]:
    """Article id → cluster id, joining the most similar centroid when its cosine reaches ``threshold``."""
    counts = [_counts(c.text) for c in stream]
    idf = _idf(counts)
    centroids: list[dict[str, float]] = []
    lengths: list[float] = []
    out: dict[str, str] = {}
    for candidate, doc_counts in zip(stream, counts, strict=True):
        vector = _unit(doc_counts, idf)
        best, best_score = -1, threshold
        for i, centroid in enumerate(centroids):
            score = sum(v * centroid.get(t, 0.0) for t, v in vector.items()) / lengths[i]
            if score >= best_score:
                best, best_score = i, score
        if best < 0:
            centroids.append(dict(vector))
            lengths.append(1.0)
            best = len(centroids) - 1
        else:
            centroid = centroids[best]
            for t, v in vector.items():
                centroid[t] = centroid.get(t, 0.0) + v
            lengths[best] = math.sqrt(sum(v * v for v in centroid.values()))
        out[candidate.article_id] = f"b{best}"
    return out
