"""The batched NER decoder gives spaCy's own entities."""

from __future__ import annotations

from typing import Any

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span

from newsfuse.analyze.entity_decoder import can_decode, decode_entities, entity_moves
from newsfuse.analyze.pipeline import annotate, length_batches, one_blas_thread

TEXTS = [
    "Mayor Odile Ferrant of Brindlemoor met the Harbour Gazette on Tuesday.",
    "Ferrant",  # a one-token doc that is a name: U at the last token
    "",
    "The Brindlemoor Ferry Company said on 3 March 2024 that it carried 41,000 passengers.\n\n"
    "Ferrant thanked Captain Ilse Varga.  Gulls  crowd the railings of Pier 4.",
    "“We waited long enough,” said Tomas Quell, who runs the Quell & Daughters bakery in Lowmarsh.",
]
ATTRS = [ENT_IOB, ENT_TYPE]


def _before_ner(nlp: Any, texts: list[str]) -> list[Doc]:
    """Docs through every component before NER (tagged, parsed, sentence starts set)."""
    names = [name for name, _ in nlp.pipeline]
    head = nlp.select_pipes(disable=names[names.index("ner") :])
    try:
        return annotate(nlp, [nlp.make_doc(t) for t in texts], batch_size=2)
    finally:
        head.restore()


def test_decoder_matches_spacy_ner(nlp: Any) -> None:
    """Entities and IOB tags equal spaCy's greedy NER over docs of mixed lengths (one empty)."""
    ner = nlp.get_pipe("ner")
    with one_blas_thread():
        expected = list(ner.pipe(_before_ner(nlp, TEXTS)))
        docs = _before_ner(nlp, TEXTS)
        assert can_decode(ner, docs)
        for batch in length_batches(docs):
            decode_entities(ner, batch)
    assert [d.to_array(ATTRS).tolist() for d in docs] == [d.to_array(ATTRS).tolist() for d in expected]
    assert len(docs[0].ents) >= 2, "the first text names a person and a place"


def test_docs_with_entities_are_left_to_spacy(nlp: Any) -> None:
    """A doc whose entities are already set is not the case the decoder handles."""
    ner = nlp.get_pipe("ner")
    (doc,) = _before_ner(nlp, ["Tomas Quell bakes bread in Lowmarsh."])
    doc.set_ents([Span(doc, 0, 2, label="PERSON")])
    assert not can_decode(ner, [doc])


def test_move_table() -> None:
    """Valid moves follow BILUO: nothing opens on a space or runs past a sentence start."""
    moves = entity_moves(["B-ORG", "I-ORG", "L-ORG", "U-ORG", "U-", "O"])
    assert moves is not None and moves.names == ("ORG",)
    closed_word_cont, closed_space = moves.valid[1].tolist(), moves.valid[2].tolist()
    open_cont, open_end = moves.valid[5].tolist(), moves.valid[4].tolist()
    assert closed_word_cont == [True, False, False, True, False, True]
    assert closed_space == [False, False, False, False, False, True]
    assert open_cont == [False, True, True, False, False, False]
    assert open_end == [False, False, True, False, False, False]
    assert entity_moves(["B-ORG", "X-ORG"]) is None
