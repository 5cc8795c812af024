"""NER's greedy decoding as a few array passes per batch: spaCy's entities without a step per token.

In spaCy's BILUO transition system every move consumes exactly one token, and a state with no entity
open depends on nothing but its token: the model sees that token and two padding slots, and the valid
moves depend only on whether the token is a space and whether an entity may go on past it (the doc and
the sentence go on). So the move from every token in that state is worked out for all tokens at once.
An entity opened there (B-X) then runs on its own, depending only on where it began and its label:
every candidate entity is advanced together, a token per round, until it closes (L-X). A walk over
the candidates in text order keeps those the greedy decoder reaches (a candidate inside an entity
already taken is skipped), where spaCy asks each of the 74 moves whether it is valid, state by state
and token by token.

Without entities set beforehand (the only case handled here) the valid moves are: with no entity open,
O always, U-X unless the token is a space, B-X unless the token is a space, the last one or the last
before a sentence start; with X open, L-X always and I-X unless the token is the last one or the last
before a sentence start. Scores go through the same float32 operations as spaCy's step model; only the
matrix product runs over more rows at once, which BLAS may round differently in the last bit (no
entity differed from spaCy's over 300k tokens of PolNeAR train).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy
from numpy.typing import NDArray
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.tokens import Doc, Span

FEATURES = 3  # the tokens a state shows the model: its own, its entity's first and the one before it
KINDS = "BILUO"
BEGIN, IN, LAST, UNIT, OUT = range(len(KINDS))
_CLOSED_ROWS = 4  # validity rows without an open entity: (is space, can continue) pairs


@dataclass(frozen=True, slots=True)
class EntityMoves:
    """The recognizer's moves as arrays: kind (index into ``KINDS``) and label index per class, and the
    table of valid classes per situation (the rows ``situation`` picks)."""

    kinds: NDArray[numpy.int8]
    labels: NDArray[numpy.intp]  # 0 for none, else 1 + index into ``names``
    names: tuple[str, ...]
    valid: NDArray[numpy.bool_]  # (4 + 2 × labels, classes)


def entity_moves(class_names: Sequence[str]) -> EntityMoves | None:
    """The move table of a BILUO recognizer from its class names ("B-ORG", "U-", "O"), or None when a
    name is of another shape."""
    kinds, label_names = [], []
    for name in class_names:
        kind, _, label = name.partition("-")
        if kind not in KINDS or (kind == "O") != (name == "O"):
            return None
        kinds.append(KINDS.index(kind))
        label_names.append(label)
    names = tuple(dict.fromkeys(label for label in label_names if label))
    labels = numpy.array([names.index(label) + 1 if label else 0 for label in label_names], dtype=numpy.intp)
    kind_array = numpy.array(kinds, dtype=numpy.int8)
    return EntityMoves(kind_array, labels, names, _valid_table(kind_array, labels, len(names)))


def _valid_table(kinds: NDArray[numpy.int8], labels: NDArray[numpy.intp], n_labels: int) -> Any:
    """Valid classes per situation: rows ``2 × is_space + can_continue`` with no entity open, then
    ``4 + 2 × (label - 1) + can_continue`` with that label's entity open."""
    named = labels > 0
    is_kind = {kind: (kinds == KINDS.index(kind)) & (named | (kind == "O")) for kind in KINDS}
    rows = []
    for space in (False, True):
        for cont in (False, True):
            rows.append(is_kind["O"] | (not space) & (is_kind["U"] | (is_kind["B"] & cont)))
    for label in range(1, n_labels + 1):
        for cont in (False, True):
            rows.append((labels == label) & (is_kind["L"] | (is_kind["I"] & cont)))
    return numpy.array(rows, dtype=bool)


def can_decode(ner: Any, docs: Sequence[Doc]) -> bool:
    """Whether the recognizer and docs are the case handled here: greedy BILUO over three feature
    tokens with an upper layer, no hooks after it, and no entities set on the docs."""
    model = ner.model
    return (
        ner.cfg.get("beam_width", 1) == 1
        and not ner.postprocesses
        and model.attrs.get("has_upper", False)
        and not model.attrs.get("unseen_classes")
        and model.get_ref("lower").get_dim("nF") == FEATURES
        and model.get_ref("lower").get_dim("nP") >= 2
        and _moves_of(ner) is not None
        and not any(doc.to_array([ENT_IOB]).any() for doc in docs)
    )


def _moves_of(ner: Any) -> EntityMoves | None:
    return _cached_moves(tuple(ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)))


@cache
def _cached_moves(class_names: tuple[str, ...]) -> EntityMoves | None:
    return entity_moves(class_names)


def decode_entities(ner: Any, docs: Sequence[Doc]) -> None:
    """Set the entities of the docs (one batch) as spaCy's greedy NER would."""
    moves = _moves_of(ner)
    assert moves is not None, "check can_decode first"
    found = _Batch(ner, docs, moves).entities() if any(len(doc) for doc in docs) else []
    spans: list[list[Span]] = [[] for _ in docs]
    for doc_index, start, end, label in found:
        spans[doc_index].append(Span(docs[doc_index], start, end, label=moves.names[label - 1]))
    for doc, ents in zip(docs, spans, strict=True):
        doc.set_ents(ents, default="outside")  # every other token is outside one, as spaCy leaves it


class _Batch:
    """One batch's tokens, flat (doc after doc), with what the moves from each token depend on."""

    def __init__(self, ner: Any, docs: Sequence[Doc], moves: EntityMoves) -> None:
        model = ner.model
        self.cached, _ = model.get_ref("lower")(model.layers[0].predict(list(docs)), is_train=False)
        self.bias = model.get_ref("lower").get_param("b")  # cached: (tokens + 1, 3, hidden, pieces)
        self.upper = model.get_ref("upper")
        self.moves = moves
        lengths = [len(doc) for doc in docs]
        self.starts = numpy.cumsum([0, *lengths])  # flat index of each doc's first token, then the end
        flags = numpy.concatenate([doc.to_array([IS_SPACE, SENT_START]) for doc in docs if len(doc)])
        last = numpy.zeros(len(flags), dtype=bool)
        last[self.starts[1:][numpy.array(lengths) > 0] - 1] = True
        sentence_next = numpy.append(flags[1:, 1].astype(numpy.int64) == 1, False)
        self.space = flags[:, 0].astype(bool)
        self.cont = ~last & ~sentence_next  # an entity may go on past the token

    def entities(self) -> list[tuple[int, int, int, int]]:
        """Every entity, as (doc, start, end, label index), walking the flat tokens in order."""
        tokens = numpy.arange(len(self.space))
        guess = self._best(tokens, numpy.full(len(tokens), -1), 2 * self.space + self.cont)
        kind, label = self.moves.kinds[guess], self.moves.labels[guess]
        begins = numpy.flatnonzero(kind == BEGIN)
        ends = dict(zip(begins.tolist(), self._ends(begins, label[begins]).tolist(), strict=True))
        found, free = [], 0  # tokens before ``free`` belong to an entity already found
        for token in numpy.flatnonzero((kind == BEGIN) | (kind == UNIT)).tolist():
            if token >= free:
                free = ends.get(token, token + 1)
                doc = int(numpy.searchsorted(self.starts, token, side="right")) - 1
                found.append(
                    (doc, token - int(self.starts[doc]), free - int(self.starts[doc]), int(label[token]))
                )
        return found

    def _ends(self, begins: Any, labels: Any) -> Any:
        """Where an entity opened at each of ``begins`` ends, every open entity advanced together."""
        ends = numpy.zeros(len(begins), dtype=numpy.intp)
        alive = numpy.arange(len(begins))
        token = begins + 1
        while len(alive):
            situation = _CLOSED_ROWS + 2 * (labels[alive] - 1) + self.cont[token]
            closing = self.moves.kinds[self._best(token, begins[alive], situation)] == LAST
            ends[alive[closing]] = token[closing] + 1
            alive, token = alive[~closing], token[~closing] + 1
        return ends

    def _best(self, tokens: Any, first: Any, situation: Any) -> Any:
        """The best valid move of a state on each token (``first``: the open entity's first token, or
        -1): spaCy's step model, the precomputed features summed in its order, bias, maxout and the
        upper layer, then the highest-scoring valid class (the first one on a tie, as spaCy takes)."""
        before = numpy.where(first >= 0, tokens - 1, -1)
        cached = self.cached
        hidden = cached[tokens + 1, 0] + cached[first + 1, 1]
        hidden += cached[before + 1, 2]
        hidden += self.bias
        best = hidden[..., 0]  # the maxout over the pieces (the last axis; ``max`` is slow over it)
        for piece in range(1, hidden.shape[-1]):
            best = numpy.maximum(best, hidden[..., piece])
        upper = self.upper
        scores = upper.ops.gemm(best, upper.get_param("W"), trans2=True)
        scores += upper.get_param("b")
        return numpy.where(self.moves.valid[situation], scores, -numpy.inf).argmax(axis=1)
