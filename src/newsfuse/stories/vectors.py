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

Vector = dict[str, float]

DF_BUCKETS = 1 << 21
_SMALL_LOGS = 1 << 16
_LOGS = [0.0, *(math.log(n) for n in range(1, _SMALL_LOGS))]  # a look-up is cheaper than math.log


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

    def observe(self, terms: Iterable[str]) -> dict[str, float]:
        """Count one document's distinct ``terms`` and return the IDF of each after counting it (smoothed:
        an unseen term weighs as much as one seen once). One pass: hashing is the cost."""
        self.documents += 1
        counts, size, log, logs, bucket_of = self._counts, self.buckets, math.log, _LOGS, _hash
        log_documents = log(self.documents + 2)
        idf = {}
        for term in terms:
            bucket = bucket_of(term) % size
            seen = counts[bucket] + 1
            counts[bucket] = seen
            idf[term] = log_documents - (logs[seen + 1] if seen + 1 < _SMALL_LOGS else log(seen + 1))
        return idf

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


def weighted(counts: Mapping[str, float], idf: Mapping[str, float]) -> Vector:
    """Sublinear term frequency times IDF (a term seen once, as most are, weighs its IDF)."""
    return {
        term: (1.0 if count == 1 else 1.0 + math.log(count)) * idf[term]
        for term, count in counts.items()
        if count > 0
    }


def norm(vector: Mapping[str, float]) -> float:
    values = vector.values()
    return math.sqrt(sum(map(operator.mul, values, values)))  # summed in order, as a loop would


def normalised(vector: Vector) -> Vector:
    length = norm(vector)
    return {term: value / length for term, value in vector.items()} if length else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product over the shared terms (a set intersection in C), summed exactly so the result does not
    depend on the order of iteration, which string hashing varies from process to process."""
    return math.fsum([a[term] * b[term] for term in a.keys() & b.keys()])


def add_into(target: Vector, vector: Mapping[str, float]) -> None:
    for term, value in vector.items():
        target[term] = target.get(term, 0.0) + value


def prune(vector: Vector, keep: int) -> Vector:
    """The ``keep`` heaviest terms: a story centroid needs its core, not every word ever used."""
    if len(vector) <= keep:
        return vector
    return dict(sorted(vector.items(), key=lambda item: -item[1])[:keep])


def top_terms(vector: Mapping[str, float], count: int) -> list[str]:
    """The ``count`` heaviest terms, heaviest first; ties keep the vector's insertion order, which follows
    the text (and survives a snapshot), so the order is the same in every process."""
    return heapq.nlargest(count, vector, key=vector.__getitem__)
