"""The model's rule lemmatizer behind a lemma table read for a whole Doc at once: the same lemmas.

spaCy's ``Lemmatizer`` walks the Doc token by token, a Python call per token, and caches only the
lemmas its rules worked out: the many tokens it answers early (a singular noun, a base-form verb,
punctuation) are worked out again every time. A rule lemma depends on the word form, the part of
speech and the morphology alone, so here the lemma of every such key is kept once it is known, the
keys come out of ``Doc.to_array`` in one call and only new keys go to the lemmatizer itself.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.tokens import Doc

RULE_MODE = "rule"


class CachedLemmas:
    """A drop-in for a loaded rule ``Lemmatizer`` (``__call__`` on a Doc, same results)."""

    def __init__(self, lemmatizer: Any) -> None:
        if lemmatizer.mode != RULE_MODE:
            raise ValueError(f"only the {RULE_MODE!r} mode is a function of the token's key")
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) → lemma hash

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:  # its first Doc checks its tables: let it do so
            return lemmatizer(doc)  # type: ignore[no-any-return]
        rows: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])  # uint64 hashes (the stub says floats)
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not lemmatizer.overwrite:
                continue
            found = self.lemmas.get((orth, pos, morph))
            if found is None:
                found = self.lemmas[orth, pos, morph] = doc.vocab.strings.add(lemmatizer.lemmatize(doc[i])[0])
            rows[i, 3] = found
        doc.from_array([LEMMA], rows[:, [3]])
        return doc
