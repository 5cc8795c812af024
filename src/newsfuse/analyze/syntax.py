"""Small questions asked of the dependency parse: is this a cue, who is its subject, where is a mention."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsfuse.analyze.lexicon import Lexicon
from newsfuse.analyze.marks import balanced

SUBJECT_DEPS = ("nsubj",)
CLIMB_DEPS = ("advcl", "xcomp", "conj", "acl", "pcomp")
LISTENER_VERBS = frozenset({"tell", "ask", "inform", "remind", "assure", "advise", "urge", "warn"})
SENTENCE_TABLE = "newsfuse_sentences"
TEXT_CACHE = "newsfuse_text"
TOKEN_CACHE = "newsfuse_tokens"
ENTITY_CACHE = "newsfuse_entities"
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
MIN_DATELINE_CHARS = 2
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "him", "her", "them"})
EMPTY_SUBJECTS = frozenset({"it", "that", "this", "there", "what"})


def is_cue(token: Token, lex: Lexicon) -> bool:
    """Whether the token is a verb from the cue lexicon."""
    return token.pos_ == "VERB" and cue_lemma(token, lex) in lex.cues


def cue_lemma(token: Token, lex: Lexicon) -> str:
    """The token's lemma, mended where the lemmatizer slips on a cue: a title-case "Recalls" keeps its
    "s", and "hoping" or "hoped" lose the final "e" ("hop"; "hopped" and "hopping" are left alone)."""
    lemma = token.lemma_.lower()
    if lemma in lex.cues:
        return lemma
    if lemma.endswith("s") and lemma[:-1] in lex.cues:
        return lemma[:-1]
    form = token.lower_
    if (
        lemma + "e" in lex.cues
        and form.startswith(lemma)
        and form[len(lemma) : len(lemma) + 1] not in {"", lemma[-1:]}
    ):
        return lemma + "e"
    return lemma


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, borrowed from the governing verb for "…, adding" or "laughed and said"."""
    current = verb
    for _ in range(3):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return _past_dateline(child, current)
        if _on_an_object(current):
            current = current.head.head
            continue
        if _modifies_its_doer(current) and current.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return current.head
        if current.dep_ not in CLIMB_DEPS or current.head is current:
            return None
        if current.dep_ == "pcomp":
            return _doer_of_gerund(current)
        current = current.head.head if _trails_a_report(current) else current.head
    return None


def _modifies_its_doer(verb: Token) -> bool:
    """ "the mayor, who said …", "a group backing Bush", "calls saying …": a relative clause or an
    active participle after a noun, which does what the verb says."""
    return verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG")


def _on_an_object(verb: Token) -> bool:
    """ "The council approved a resolution condemning X", "spent her speech attacking X": a participle
    after a verb's object is mostly done by that verb's subject, not by the object."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj"


def _doer_of_gerund(verb: Token) -> Token | None:
    """ "After saying …, the man left", "won by arguing that …": a gerund after a preposition is done
    by the subject of the verb the preposition hangs on; a passive gerund ("without being told")
    has no such doer, nor has "it" or "there" ("That is not the same as saying …")."""
    prep = verb.head
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive or prep.dep_ != "prep" or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in prep.head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ in EMPTY_SUBJECTS:
        return None
    return _past_dateline(subject, prep.head)


def _trails_a_report(verb: Token) -> bool:
    """ "X insisted that he had won, claiming …": a participle set off by a comma at the end of a
    reported clause is the reporter's addition about X, whatever clause the parser hung it on."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.dep_ != "ccomp" or verb.left_edge.i == 0:
        return False
    before = tokens_of(verb.doc)[verb.left_edge.i - 1]
    return before.text == "," or (
        before.is_quote and before.i > 0 and tokens_of(verb.doc)[before.i - 1].text == ","
    )


def _past_dateline(subject: Token, verb: Token) -> Token:
    """ "WASHINGTON (AP) — Kim and Lee pledged …": the parser often makes the dateline the subject;
    the speaker is the outermost noun between the dash and the verb."""
    sentence = sentence_of(subject)
    first = next((t for t in sentence if not t.is_space), subject)
    if subject.i != first.i or not subject.text.isupper() or len(subject.text) < MIN_DATELINE_CHARS:
        return subject
    tokens = tokens_of(subject.doc)
    dash = next((t for t in tokens[subject.i + 1 : verb.i] if t.text in DATELINE_DASHES), None)
    if dash is None:
        return subject
    between = tokens[dash.i + 1 : verb.i]
    outermost = [t for t in between if t.pos_ in {"PROPN", "NOUN", "PRON"} and not dash.i < t.head.i < verb.i]
    return outermost[-1] if outermost else subject


def mention_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of a noun phrase: its pre-modifiers up to the head (appositions and clauses cut)."""
    lefts = [t for t in head.lefts if t.dep_ not in {"punct", "cc"}]
    start_token = min((t.left_edge for t in lefts), key=lambda t: t.i, default=head)
    end = head.idx + len(head)
    for child in head.rights:
        if child.dep_ in {"flat", "compound"} and child.i == head.i + 1:
            end = child.idx + len(child)
    return start_token.idx, end


def preposition_object(prep: Token) -> Token | None:
    """What a preposition takes: its object ("about the plan") or its clause ("about raising fares")."""
    return next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)


def subtree_bounds(token: Token, subtree: list[Token] | None = None) -> tuple[int, int]:
    """Character bounds of a token's subtree without leading/trailing punctuation;
    a quotation mark whose partner is in the subtree stays, so mixed quotes keep both marks.
    ``subtree`` is the token's subtree where the caller has it already."""
    tokens = list(token.subtree if subtree is None else subtree)
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and not _is_quote_mark(tokens[-1]))):
        tokens.pop()
    if not tokens:
        return token.idx, token.idx
    return balanced(text_of(token.doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def _is_quote_mark(token: Token) -> bool:
    return any(ch in '"“”«»' for ch in token.text)


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS


def is_description(token: Token, lex: Lexicon) -> bool:
    """A definite description of a person: "the socialite", "the mayor", "the 32-year-old"."""
    if token.pos_ not in {"NOUN", "ADJ"} or not any(c.lower_ == "the" for c in token.lefts):
        return False
    return token.lemma_.lower() in lex.description or token.lower_.endswith("year-old")


def sentence_of(token: Token) -> Span:
    """The token's sentence, from a table built once per document (``Token.sent`` rescans the doc)."""
    sentences, owner = _sentence_table(token.doc)
    return sentences[owner[token.i]]


def sentences_of(doc: Doc) -> list[Span]:
    """The document's sentences, found once (every ``Doc.sents`` pass walks all tokens again)."""
    return _sentence_table(doc)[0]


def _sentence_table(doc: Doc) -> tuple[list[Span], list[int]]:
    """The sentences and, for every token index, the number of its sentence."""
    table = doc.user_data.get(SENTENCE_TABLE)
    if table is None:
        sentences = list(doc.sents)
        owner = [0] * len(doc)
        for number, sentence in enumerate(sentences):
            owner[sentence.start : sentence.end] = [number] * len(sentence)
        table = doc.user_data[SENTENCE_TABLE] = (sentences, owner)
    found: tuple[list[Span], list[int]] = table
    return found


def text_of(doc: Doc) -> str:
    """The document's text, joined once (``Doc.text`` rebuilds the string on every access)."""
    text = doc.user_data.get(TEXT_CACHE)
    if text is None:
        text = doc.user_data[TEXT_CACHE] = doc.text
    return str(text)


def tokens_of(doc: Doc) -> list[Token]:
    """The document's tokens, made once (``doc[i]`` and ``for token in doc`` build a new Token each time)."""
    tokens = doc.user_data.get(TOKEN_CACHE)
    if tokens is None:
        tokens = doc.user_data[TOKEN_CACHE] = list(doc)
    found: list[Token] = tokens
    return found


def entities_of(doc: Doc) -> Sequence[Span]:
    """The document's entities, made once (``Doc.ents`` walks every token and builds the spans anew)."""
    ents = doc.user_data.get(ENTITY_CACHE)
    if ents is None:
        ents = doc.user_data[ENTITY_CACHE] = doc.ents
    found: Sequence[Span] = ents
    return found
