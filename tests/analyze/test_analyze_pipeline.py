"""The stage's own run of the pipeline gives spaCy's annotations, only faster."""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, SENT_START, TAG
from spacy.tokens import Doc

from newsfuse.analyze.pipeline import _paragraph_breaks, annotate, concatenated, one_blas_thread

TEXTS = [
    "Mayor Odile Ferrant said on Tuesday that the ferry pier in Brindlemoor would reopen in March.",
    "“We waited long enough,” she told the Harbour Gazette.",
    "Gulls crowd the railings.",
    "",
    "The Brindlemoor Ferry Company, which runs three boats, said its fares would not rise before 2026, "
    "and Ferrant thanked the crews who rebuilt the pier over the winter.",
]
ATTRS = [HEAD, DEP, TAG, POS, LEMMA, SENT_START, ENT_IOB, ENT_TYPE]


def test_annotate_matches_spacy(nlp: Any) -> None:
    """Parses, tags, lemmas and entities equal ``nlp.pipe``'s for docs of mixed lengths (one empty)."""
    with one_blas_thread():
        expected = list(nlp.pipe(TEXTS))
        got = annotate(nlp, [nlp.make_doc(text) for text in TEXTS], batch_size=2)
    assert [d.to_array(ATTRS).tolist() for d in got] == [d.to_array(ATTRS).tolist() for d in expected]
    assert got[0].ents, "the first text names people and places"


def test_concatenated_equals_from_docs(nlp: Any) -> None:
    """Joining parsed and only-tokenised docs gives what ``Doc.from_docs`` gives, to the byte."""
    with one_blas_thread():
        parts = annotate(nlp, [nlp.make_doc(text) for text in TEXTS[:2]], batch_size=2)
    parts.append(nlp.make_doc("Gulls  crowd the railings.\n\n"))
    expected = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data", "spans"])
    got = concatenated(nlp.vocab, parts)
    assert got is not None and got.to_bytes() == expected.to_bytes()
    assert concatenated(nlp.vocab, []) is None


def test_paragraph_breaks_start_sentences(nlp: Any) -> None:
    """The token after a line break starts a sentence; one after a plain space does not."""
    doc = _paragraph_breaks(nlp.make_doc("The pier reopened\nGulls came back \n\nand so did the ferry"))
    starts = [token.text for token in doc[1:] if token.is_sent_start]  # the first token always starts one
    assert starts == ["Gulls", "and"]
