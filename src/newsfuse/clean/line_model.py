"""A learned score for whether a line of page text belongs to the article.

Two logistic layers: the first reads one line (length, punctuation, stop words, furniture words,
repetition, position); the second adds its neighbours' first-layer scores and where the line sits
relative to the bulk of the text. Weights are fitted by ``bench/extraction/fit_line_model.py`` and
shipped in ``data/line_model.json``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from newsfuse.clean.resources import data_json, word_set
from newsfuse.clean.shape import ends_sentence, is_prose, is_title_like, words

Matrix = NDArray[np.float64]

LOCAL_FEATURES = (
    "log_chars", "log_words", "ends_sentence", "ends_colon", "stop_ratio", "capital_ratio",
    "digit_ratio", "symbol_ratio", "commas_per_word", "position", "log_repeats", "furniture_ratio",
    "has_address", "prose", "title_like", "long",
)  # fmt: skip
CONTEXT_FEATURES = (
    "score", "near_1", "near_3", "near_10", "ahead_5", "behind_5", "mass_before", "mass_after",
    "mass_inside", "log_mass",
)  # fmt: skip

_SYMBOLS = re.compile(r"[|»«›‹·•/@#>→←*+=~^]")
_DIGIT = re.compile(r"\d")
_ADDRESS = re.compile(r"https?://|www\.|\S+@\S+\.\w+")
_LONG_CHARS = 80
_POSITION = LOCAL_FEATURES.index("position")
_REPEATS = LOCAL_FEATURES.index("log_repeats")


def _text_features(text: str) -> list[float]:
    """The features of a line that do not depend on where it stands (computed once per distinct line)."""
    found = words(text)
    lowered = [word.lower() for word in found]
    n_words = max(len(found), 1)
    n_chars = max(len(text), 1)
    return [
        math.log1p(len(text)),
        math.log1p(len(found)),
        float(ends_sentence(text)),
        float(text.endswith(":")),
        sum(map(word_set("stopwords.txt").__contains__, lowered)) / n_words,
        sum(map(str.isupper, [word[0] for word in found])) / n_words,
        len(_DIGIT.findall(text)) / n_chars,
        len(_SYMBOLS.findall(text)) / n_chars,
        text.count(",") / n_words,
        0.0,  # position, filled in per line
        0.0,  # repeats, filled in per line
        sum(map(word_set("boilerplate_words.txt").__contains__, lowered)) / n_words,
        float(_ADDRESS.search(text) is not None),
        float(is_prose(text)),
        float(is_title_like(text)),
        float(len(text) >= _LONG_CHARS),
    ]


def local_features(texts: list[str]) -> Matrix:
    """One row of :data:`LOCAL_FEATURES` per line."""
    repeats = Counter(texts)
    by_text = {text: _text_features(text) for text in repeats}
    rows = np.array([by_text[text] for text in texts], dtype=np.float64).reshape(
        len(texts), len(LOCAL_FEATURES)
    )
    rows[:, _POSITION] = np.arange(len(texts)) / max(len(texts) - 1, 1)
    rows[:, _REPEATS] = np.log(np.array([repeats[text] for text in texts], dtype=np.float64))
    return rows


def _window_mean(values: Matrix, near: int, far: int) -> Matrix:
    """Mean of ``values`` over neighbours at distance ``near..far`` on both sides (zero-padded)."""
    padded = np.concatenate([np.zeros(far), values, np.zeros(far)])
    total = np.zeros_like(values)
    for distance in range(near, far + 1):
        total += padded[far - distance : far - distance + len(values)]
        total += padded[far + distance : far + distance + len(values)]
    return total / (2 * (far - near + 1))


def _one_side_mean(values: Matrix, span: int, ahead: bool) -> Matrix:
    padded = np.concatenate([np.zeros(span), values, np.zeros(span)])
    total = np.zeros_like(values)
    for distance in range(1, span + 1):
        start = span + distance if ahead else span - distance
        total += padded[start : start + len(values)]
    return total / span


def context_features(scores: Matrix, chars: Matrix) -> Matrix:
    """One row of :data:`CONTEXT_FEATURES` per line, from first-layer scores (logits) and line lengths."""
    probability = 1.0 / (1.0 + np.exp(-scores))
    mass = probability * chars
    total = max(float(mass.sum()), 1.0)
    before = (np.cumsum(mass) - mass) / total
    after = 1.0 - before - mass / total
    columns = [
        scores,
        _window_mean(scores, 1, 1),
        _window_mean(scores, 2, 3),
        _window_mean(scores, 4, 10),
        _one_side_mean(scores, 5, ahead=True),
        _one_side_mean(scores, 5, ahead=False),
        before,
        after,
        np.minimum(before, after),
        np.full_like(scores, math.log1p(total)),
    ]
    return np.stack(columns, axis=1)


@dataclass(frozen=True, slots=True)
class LogisticLayer:
    """Standardise features, then a linear score (a logit)."""

    mean: Matrix
    scale: Matrix
    weights: Matrix
    bias: float

    def logits(self, features: Matrix) -> Matrix:
        result: Matrix = ((features - self.mean) / self.scale) @ self.weights + self.bias
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "weights": self.weights.tolist(),
            "bias": self.bias,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogisticLayer:
        return cls(
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=float(data["bias"]),
        )


@dataclass(frozen=True, slots=True)
class LineModel:
    """The two layers and the probability above which a line is kept."""

    local: LogisticLayer
    context: LogisticLayer
    threshold: float

    def probabilities(self, texts: list[str]) -> Matrix:
        """For each line, the probability that it is article text."""
        if not texts:
            return np.zeros(0)
        first = self.local.logits(local_features(texts))
        chars = np.array([len(text) for text in texts], dtype=np.float64)
        second = self.context.logits(context_features(first, chars))
        result: Matrix = 1.0 / (1.0 + np.exp(-second))
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "local_features": list(LOCAL_FEATURES),
            "context_features": list(CONTEXT_FEATURES),
            "local": self.local.to_dict(),
            "context": self.context.to_dict(),
            "threshold": self.threshold,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineModel:
        if tuple(data["local_features"]) != LOCAL_FEATURES or tuple(data["context_features"]) != (
            CONTEXT_FEATURES
        ):
            raise ValueError("line model weights were fitted for other features: re-run the fit script")
        return cls(
            local=LogisticLayer.from_dict(data["local"]),
            context=LogisticLayer.from_dict(data["context"]),
            threshold=float(data["threshold"]),
        )


@cache
def default_model() -> LineModel:
    """The shipped model, loaded on first use."""
    return LineModel.from_dict(data_json("line_model.json"))
