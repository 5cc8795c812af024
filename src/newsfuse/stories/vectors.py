"""Sparse weighted-term vectors and the document frequencies that weight them.

Document frequencies are counted online in a fixed number of hashed buckets, so their memory does not
grow with the vocabulary of a million articles; a collision only blurs the weight of two rare words.
"""

from __future__ import annotations

import base64
import heapq
import math
import operator
import zlib
from array import array
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import repeat

Vector = dict[str, float]

DF_BUCKETS = 1 << 21


@lru_cache(maxsize=1 << 18)
def _hash(term: str) -> int:
    """A hash that is the same in every process (``hash()`` of a str is not), so snapshots restore."""
    return zlib.crc32(term.encode("utf-8"))


class DocumentFrequency:
    """How many documents contained each term (hashed), and how many documents there were."""

    def __init__(self, buckets: int = DF_BUCKETS) -> None:
        self.buckets = buckets
        self.documents = 0
        self._counts = array("I", bytes(4 * buckets))

    def _bucket(self, term: str) -> int:
        return _hash(term) % self.buckets

    def add(self, terms: Iterable[str]) -> None:
        self.documents += 1
        counts = self._counts
        for term in set(terms):
            counts[self._bucket(term)] += 1

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency; an unseen term weighs as much as one seen once."""
        df = self._counts[self._bucket(term)]
        return math.log((self.documents + 2) / (df + 1))

    def to_dict(self) -> dict[str, object]:
        packed = base64.b64encode(zlib.compress(self._counts.tobytes())).decode("ascii")
        return {"buckets": self.buckets, "documents": self.documents, "counts": packed}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> DocumentFrequency:
        df = cls(int(str(data["buckets"])))
        df.documents = int(str(data["documents"]))
        df._counts = array("I")
        df._counts.frombytes(zlib.decompress(base64.b64decode(str(data["counts"]))))
        return df


def weighted(counts: Mapping[str, float], df: DocumentFrequency, scale: float = 1.0) -> Vector:
    """Sublinear term frequency times IDF, times ``scale``."""
    return {
        term: scale * (1.0 + math.log(count)) * df.idf(term) for term, count in counts.items() if count > 0
    }


def norm(vector: Mapping[str, float]) -> float:
    return math.sqrt(sum(value * value for value in vector.values()))


def normalised(vector: Vector) -> Vector:
    length = norm(vector)
    return {term: value / length for term, value in vector.items()} if length else {}


def dot(small: Mapping[str, float], large: Mapping[str, float]) -> float:
    """Dot product, iterating over the smaller vector."""
    if len(small) > len(large):
        small, large = large, small
    products: Iterable[float] = map(operator.mul, small.values(), map(large.get, small.keys(), repeat(0.0)))
    return float(sum(products))


def add_into(target: Vector, vector: Mapping[str, float], scale: float = 1.0) -> None:
    for term, value in vector.items():
        target[term] = target.get(term, 0.0) + scale * value


def prune(vector: Vector, keep: int) -> Vector:
    """The ``keep`` heaviest terms: a story centroid needs its core, not every word ever used."""
    if len(vector) <= keep:
        return vector
    return dict(sorted(vector.items(), key=lambda item: -item[1])[:keep])


def top_terms(vector: Mapping[str, float], count: int) -> list[str]:
    """The ``count`` heaviest terms, heaviest first (ties by term, so the order is reproducible)."""
    return [term for term, _ in heapq.nsmallest(count, vector.items(), key=lambda item: (-item[1], item[0]))]
