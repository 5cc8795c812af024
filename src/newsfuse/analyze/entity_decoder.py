"""NER's greedy decoding as numpy steps over a whole batch: spaCy's entities without its per-state C calls.

In spaCy's BILUO transition system every move consumes exactly one token, so after ``t`` steps every
unfinished state stands on token ``t`` of its doc, and with the docs sorted by length the unfinished
states are a suffix of the batch. What a state needs to choose its next move is small: the label of
the entity it has open (if any), where that entity began, whether its token is a space and whether the
next token starts a sentence. A step is then a few array operations for all states at once, where
spaCy asks each of the 74 moves whether it is valid, state by state (a quarter of NER's time).

Without entities set beforehand (the only case handled here) the valid moves are: with no entity open,
O always, U-X unless the token is a space, B-X unless the token is a space, the last one or the last
before a sentence start; with X open, L-X always and I-X unless the token is the last one or the last
before a sentence start. Scores are computed as spaCy's step model computes them, so ties and rounding
fall the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
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
    """Set the entities of the docs (one batch, sorted by length) as spaCy's greedy NER would."""
    if any(len(a) > len(b) for a, b in pairwise(docs)):
        raise ValueError("the docs must be sorted by length")
    moves = _moves_of(ner)
    assert moves is not None, "check can_decode first"
    lengths = numpy.array([len(doc) for doc in docs], dtype=numpy.intp)
    if not lengths.any():
        _set_entities(docs, moves, [])
        return
    _set_entities(docs, moves, _Batch(ner, docs, lengths, moves).run())


class _Batch:
    """The state of every doc's decoding, one row per doc, advanced one token at a time."""

    def __init__(
        self, ner: Any, docs: Sequence[Doc], lengths: NDArray[numpy.intp], moves: EntityMoves
    ) -> None:
        model = ner.model
        tokvecs = model.layers[0].predict(list(docs))
        self.cached, _ = model.get_ref("lower")(tokvecs, is_train=False)  # (tokens + 1, 3, hidden, pieces)
        self.bias = model.get_ref("lower").get_param("b")
        self.upper = model.get_ref("upper")
        self.unseen = numpy.array(sorted(model.attrs["unseen_classes"]), dtype=numpy.intp)
        self.moves = moves
        self.lengths = lengths
        self.offsets = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
        flags = numpy.concatenate([doc.to_array([IS_SPACE, SENT_START]) for doc in docs if len(doc)])
        self.space = flags[:, 0].astype(bool)
        self.starts_sentence = numpy.append(flags[:, 1].astype(numpy.int64) == 1, False)
        self.open = numpy.zeros(len(docs), dtype=numpy.intp)  # label index of the open entity, 0 for none
        self.begin = numpy.zeros(len(docs), dtype=numpy.intp)  # where the open entity began

    def run(self) -> list[tuple[int, int, int, int]]:
        """Every entity found, as (doc, start, end, label index)."""
        found: list[tuple[int, int, int, int]] = []
        first = 0
        for t in range(int(self.lengths.max())):
            while self.lengths[first] <= t:
                first += 1
            found += self._step(first, t)
        return found

    def _step(self, first: int, t: int) -> list[tuple[int, int, int, int]]:
        """Advance the unfinished states (docs ``first:``) by one move on token ``t``."""
        moves, rows = self.moves, slice(first, None)
        offsets = self.offsets[rows]
        position = offsets + t
        label, begin = self.open[rows], self.begin[rows]
        is_open = label > 0
        cont = (t + 1 < self.lengths[rows]) & ~self.starts_sentence[position + 1]
        situation = numpy.where(is_open, _CLOSED_ROWS + 2 * (label - 1), 2 * self.space[position]) + cont
        scores = self._scores(position, numpy.where(is_open, offsets + begin, -1))
        guess = numpy.where(moves.valid[situation], scores, -numpy.inf).argmax(axis=1)
        kind, chosen = moves.kinds[guess], moves.labels[guess]
        closing = (kind == LAST) | (kind == UNIT)
        opening = kind == BEGIN
        ends = numpy.flatnonzero(closing)
        starts = numpy.where(kind == UNIT, t, begin)
        found = [(first + int(i), int(starts[i]), t + 1, int(chosen[i])) for i in ends]
        self.open[rows] = numpy.where(opening, chosen, numpy.where(closing, 0, label))
        self.begin[rows] = numpy.where(opening, t, begin)
        return found

    def _scores(self, position: Any, first: Any) -> Any:
        """spaCy's step model on these states (``first``: the open entity's first token, or -1): the
        precomputed features summed in its order, bias, maxout and the upper layer."""
        before = numpy.where(first >= 0, position - 1, -1)
        cached = self.cached
        hidden = cached[position + 1, 0] + cached[first + 1, 1]
        hidden += cached[before + 1, 2]
        hidden += self.bias
        upper = self.upper
        out = upper.ops.gemm(hidden.max(axis=-1), upper.get_param("W"), trans2=True)
        out += upper.get_param("b")
        if len(self.unseen):
            out[:, self.unseen] = numpy.nanmin(out)
        return out


def _set_entities(docs: Sequence[Doc], moves: EntityMoves, found: list[tuple[int, int, int, int]]) -> None:
    """Put the entities on the docs; every other token is outside one (as spaCy's NER leaves it)."""
    spans: list[list[Span]] = [[] for _ in docs]
    for doc_index, start, end, label in found:
        spans[doc_index].append(Span(docs[doc_index], start, end, label=moves.names[label - 1]))
    for doc, ents in zip(docs, spans, strict=True):
        doc.set_ents(ents, default="outside")
