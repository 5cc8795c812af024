"""Reported speech and attributed beliefs: "X said that …", "X told Y …", "according to X, …".

The content is what the cue verb governs — its clausal complement ("that" left out), infinitive or
object — and the source is the verb's subject. "According to X" attributes the clause it modifies.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from newsfuse.analyze.direct import CLAUSE_DEPS, Found, governed, governed_bounds
from newsfuse.analyze.lexicon import Lexicon
from newsfuse.analyze.syntax import (
    EMPTY_SUBJECTS,
    LISTENER_VERBS,
    cue_lemma,
    is_cue,
    preposition_object,
    sentences_of,
    subject_of,
    subtree_bounds,
    text_of,
    tokens_of,
)

MIN_CONTENT_CHARS = 8
MAX_QUOTED_SHARE = 0.5
MAX_COLON_SOURCE_TOKENS = 8
MIN_COLON_CLAIM_TOKENS = 3
RAISING_COMPLEMENT_DEPS = frozenset({"xcomp", "acomp", "ccomp", "attr", "oprd"})
# "accused X of Y", "praised X for Y", "described X as Y", "attacked X over Y", "compared X to Y":
# what is said of the object
OBJECT_COMPLEMENT_PREPS = frozenset({"of", "for", "as", "over", "to"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WRB"})  # which, that (as a relative), what, who, where
# "questions about Y", "a swipe at Y", "the case for Y", "no mention of Y": what a statement noun is about
LIGHT_PREPS = frozenset({"of", "about", "on", "at", "for", "against", "over", "regarding"})
# "critical of Y", "optimistic about Y", "frustrated with Y", "keen on Y": what a view adjective is about
ADJECTIVE_PREPS = frozenset({"of", "about", "with", "on", "over", "toward", "towards", "by"})


def reported(doc: Doc, lex: Lexicon, paragraph_of: list[int], quoted: list[tuple[int, int]]) -> list[Found]:
    """Every reported-speech attribution whose content is not one of the direct ``quoted`` ranges."""
    found = [
        item
        for sentence, colon in _colon_sentences(doc)
        if (item := _colon_headline(sentence, colon, paragraph_of)) is not None
    ]
    for token in _may_report(doc, lex):
        cue = cue_lemma(token, lex) if is_cue(token, lex) else None
        if token.lower_ in lex.according:
            item = _according(token, paragraph_of)
        elif token.dep_ == "acomp" and token.lower_ in lex.stance_adjective:
            item = _stance_adjective(token, paragraph_of)
        elif token.pos_ == "VERB" and token.lemma_.lower() in lex.light_verbs:
            item = _light_verb(token, lex, paragraph_of)
        elif cue in lex.raising:
            item = _raising(token, paragraph_of)
        elif (
            cue is not None and token.lemma_.lower() not in lex.quote_only and not _inside(token.idx, quoted)
        ):
            item = _from_verb(token, cue, lex, paragraph_of)
        else:
            item = None
        if item is not None and _quoted_share(item.content, quoted) <= MAX_QUOTED_SHARE:
            found.append(item)
    return _outermost(found)


def _may_report(doc: Doc, lex: Lexicon) -> list[Token]:
    """The tokens :func:`reported` can start from — verbs, adjectival complements and "according"
    words — picked from the attribute arrays: most tokens are none of these, and reading a Token's
    attributes costs more than the whole test on the arrays."""
    pos, dep, lower = doc.to_array([POS, DEP, LOWER]).T
    according = numpy.array([get_string_id(word) for word in lex.according], dtype=lower.dtype)
    wanted = (pos == VERB) | (dep == get_string_id("acomp")) | numpy.isin(lower, according)
    tokens = tokens_of(doc)
    return [tokens[i] for i in numpy.flatnonzero(wanted).tolist()]


def _outermost(found: list[Found]) -> list[Found]:
    """The attributions whose cue is not inside another's content: news annotation (and a reader)
    takes "X said that Y hopes Z" as what X said, not also as a belief of Y's."""
    ranges = [(id(item), s, e) for item in found for s, e in item.content]
    return [
        item
        for item in found
        if item.cue is None or not any(owner != id(item) and s <= item.cue.idx < e for owner, s, e in ranges)
    ]


def _from_verb(verb: Token, lemma: str, lex: Lexicon, paragraph_of: list[int]) -> Found | None:
    """What a cue verb (its mended ``lemma``) attributes to its subject, or to no one when passive."""
    children = governed(verb, lex)
    if children and children[0].dep_ not in CLAUSE_DEPS and lemma in lex.clause_only:
        return None
    if lemma in lex.as_stance and not (
        any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.rights)
        or (children and _is_that_clause(children[0]))
    ):
        return None
    subject = subject_of(verb)
    if subject is None:
        return _passive(verb, children, paragraph_of)
    if not children and (slipped := _slipped_content(verb, lemma, lex)) is not None:
        return Found("indirect", [slipped], verb, subject, paragraph_of[slipped[0]])
    if not children:
        if _as_clause(verb) and lemma not in lex.speech:
            return None  # "as many expected, …" states a fact; only "as X noted, …" reports one
        return _parenthetical(verb, subject, paragraph_of)
    if _asked_of(verb):
        subject = None
    start, end = governed_bounds(children)
    end = _object_complement_end(verb, children, end)
    if end - start < MIN_CONTENT_CHARS and not _is_name(children):
        return None
    content = [(start, end)]
    if subject is not None and start <= subject.idx < end:
        content = _around_relative(verb, subject, start, end)
    if not content:
        return None
    return Found("indirect", content, verb, subject, paragraph_of[content[0][0]])


def _around_relative(verb: Token, subject: Token, start: int, end: int) -> list[tuple[int, int]]:
    """ "The changes, which officials said will apply in May, …": the clause's relative pronoun was
    moved before the reporting subject and verb, so the content is the pronoun and the rest of the
    clause, around them; no content when anything else stands before the subject."""
    if verb.dep_ not in {"relcl", "pcomp", "ccomp"}:
        return []
    before = [t for t in verb.subtree if start <= t.idx < subject.left_edge.idx and not t.is_punct]
    if len(before) != 1 or before[0].tag_ not in RELATIVE_TAGS:
        return []
    after = _trim(doc_text(verb), verb.idx + len(verb), end)
    if after[1] - after[0] < MIN_CONTENT_CHARS:
        return []
    return [(before[0].idx, before[0].idx + len(before[0])), after]


def _slipped_content(verb: Token, lemma: str, lex: Lexicon) -> tuple[int, int] | None:
    """The content of a cue the parser left without one, where it hung it elsewhere: "called for X to
    go" (a "for" clause), "said in a statement that …" (a clause on the noun), "talked to voters
    about Y" (the preposition on the listener)."""
    for child in verb.rights:
        if child.dep_ == "advcl" and f"{lemma} for" in lex.phrasal:
            mark = next((c for c in child.lefts if c.dep_ == "mark" and c.lower_ == "for"), None)
            if mark is not None:
                return _trim(doc_text(verb), mark.idx + len(mark), subtree_bounds(child)[1])
        if child.dep_ == "prep":
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                found = _on_prep_object(obj, lemma, lex)
                if found is not None:
                    return found
    return None


def _on_prep_object(obj: Token, lemma: str, lex: Lexicon) -> tuple[int, int] | None:
    """A that-clause on the object of the cue's preposition ("in a statement that …"), or the object
    of a preposition the cue takes ("talked to voters about Y")."""
    for inner in obj.rights:
        if _is_that_clause(inner):
            return subtree_bounds(inner)
        if inner.dep_ == "prep" and f"{lemma} {inner.lower_}" in lex.phrasal:
            target = preposition_object(inner)
            return subtree_bounds(target) if target is not None else None
    return None


def _asked_of(verb: Token) -> bool:
    """ "Asked whether …, Kim said …": a fronted past participle (often tagged as a past tense) with no
    subject of its own; the subject it leans on is who was asked, not who asked."""
    fronted = verb.dep_ == "advcl" and verb.i < verb.head.i and verb.tag_ in {"VBN", "VBD"}
    return fronted and not any(c.dep_.startswith("nsubj") for c in verb.children)


def _is_name(children: list[Token]) -> bool:
    """A lone name as the object ("endorsed Kim"): short, yet the whole content."""
    return len(children) == 1 and children[0].pos_ == "PROPN"


def _object_complement_end(verb: Token, children: list[Token], end: int) -> int:
    """Where an object's content ends when a preposition after it says what the object is blamed or
    praised for ("accused the mayor of lying"): the prepositional phrase belongs to the content."""
    if [c.dep_ for c in children] != ["dobj"]:
        return end
    for prep in verb.rights:
        if prep.i > children[0].i and prep.dep_ == "prep" and prep.lower_ in OBJECT_COMPLEMENT_PREPS:
            end = max(end, subtree_bounds(prep)[1])
            break
    return end


def _parenthetical(verb: Token, subject: Token, paragraph_of: list[int]) -> Found | None:
    """ "In the end, X said, voters …", "As X noted, voters …": a cue set inside the clause it reports,
    which is its head."""
    head = verb.head
    if not (verb.dep_ == "parataxis" or _as_clause(verb)) or head.pos_ not in {"VERB", "AUX"}:
        return None
    start, end = subtree_bounds(head)
    cut_start, cut_end = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    text = doc_text(verb)
    content = [_trim(text, s, e) for s, e in ((start, cut_start), (cut_end, end))]
    content = [(s, e) for s, e in content if e - s >= MIN_CONTENT_CHARS]
    if not content:
        return None
    return Found("indirect", content, verb, subject, paragraph_of[content[0][0]])


def _as_clause(verb: Token) -> bool:
    """ "As the Post reported, …", "…, as critics point out": an adverbial "as" clause of a cue."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _passive(verb: Token, children: list[Token], paragraph_of: list[int]) -> Found | None:
    """ "X is expected to win": an attribution with no source, its content the subject and the rest."""
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        return _by_agent(verb, patient, agent, children, paragraph_of)
    if patient is None or not children:
        return None
    content = [subtree_bounds(patient), governed_bounds(children)]
    if content[1][1] - content[1][0] < MIN_CONTENT_CHARS:
        return None
    if patient.pos_ == "PRON" or verb.lemma_.lower() in LISTENER_VERBS:
        content = content[1:]  # "she was asked if …", "it is expected to …": the patient is no content
    return Found("indirect", content, verb, None, paragraph_of[content[0][0]])


def _by_agent(
    verb: Token, patient: Token | None, agent: Token, children: list[Token], paragraph_of: list[int]
) -> Found | None:
    """ "The plan was backed by the union": the agent is the source, the patient the content."""
    source = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if patient is None or source is None:
        return None
    content = [subtree_bounds(patient)] + ([governed_bounds(children)] if children else [])
    return Found("indirect", content, verb, source, paragraph_of[content[0][0]])


def _light_verb(verb: Token, lex: Lexicon, paragraph_of: list[int]) -> Found | None:
    """ "X made (it) clear that …", "X made the case for Y", "X raised questions about Y", "X took a
    swipe at Y": a statement named by a light verb and its object (pairs from the lexicon), its content
    the clause or prepositional object that the noun (or the verb after it) takes."""
    subject = subject_of(verb)
    if subject is None:
        return None
    lemma = verb.lemma_.lower()
    for child in verb.rights:
        if (lemma == "make" and child.lower_ == "clear") or (
            child.dep_ == "dobj" and f"{lemma} {child.lemma_.lower()}" in lex.light
        ):
            content = _said_by_noun(child) or _said_by_noun(verb, after=child.i)
            if content is not None and content[1] - content[0] >= MIN_CONTENT_CHARS:
                return Found("indirect", [content], verb, subject, paragraph_of[content[0]])
    return None


def _said_by_noun(head: Token, after: int = -1) -> tuple[int, int] | None:
    """The that-clause, infinitive or prepositional object a statement noun takes ("the case that …",
    "the case to grant …", "questions about Y"), among the dependents after token ``after``."""
    for child in head.rights:
        if child.i <= after:
            continue
        if _is_that_clause(child) or (child.dep_ in {"acl", "xcomp"} and child.tag_ == "VB"):
            return subtree_bounds(child)
        if child.dep_ == "prep" and child.lower_ in LIGHT_PREPS:
            obj = preposition_object(child)
            return subtree_bounds(obj) if obj is not None else None
    return None


def _stance_adjective(adjective: Token, paragraph_of: list[int]) -> Found | None:
    """ "X was critical of Y", "X is convinced that …", "X is willing to …": a view held by the subject
    of "be", its content what the adjective takes (the object of its preposition, or its clause)."""
    subject = subject_of(adjective.head)
    if subject is None or subject.lower_ in EMPTY_SUBJECTS:
        return None
    for child in adjective.rights:
        if child.dep_ in {"ccomp", "xcomp"}:
            start, end = subtree_bounds(child)
        elif child.dep_ == "prep" and child.lower_ in ADJECTIVE_PREPS:
            obj = preposition_object(child)
            if obj is None:
                return None
            start, end = subtree_bounds(obj)
        else:
            continue
        if end - start < MIN_CONTENT_CHARS:
            return None
        return Found("indirect", [(start, end)], adjective, subject, paragraph_of[start])
    return None


def _is_that_clause(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


def _raising(verb: Token, paragraph_of: list[int]) -> Found | None:
    """ "The plan seems unlikely to pass": no one holds the view, which is the subject and its complement."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    complements = [c for c in verb.rights if c.dep_ in RAISING_COMPLEMENT_DEPS]
    if subject is None or not complements or subject.lower_ == "it":
        return None
    start, end = subtree_bounds(complements[0])[0], subtree_bounds(complements[-1])[1]
    if end - start < MIN_CONTENT_CHARS:
        return None
    content = [subtree_bounds(subject), (start, end)]
    return Found("indirect", content, verb, None, paragraph_of[content[0][0]])


def _colon_sentences(doc: Doc) -> list[tuple[Span, Token]]:
    """Sentences shaped "Name …: claim" (headline style), with their colon."""
    found = []
    tokens = tokens_of(doc)
    for sentence in sentences_of(doc):
        colon = next((t for t in tokens[sentence.start : sentence.end] if t.text == ":"), None)
        if colon is not None and 0 < colon.i - sentence.start <= MAX_COLON_SOURCE_TOKENS:
            found.append((sentence, colon))
    return found


def _colon_headline(sentence: Span, colon: Token, paragraph_of: list[int]) -> Found | None:
    """ "Former AG Mukasey at RNC: Clinton email scandal disqualifies her": left names, right claims."""
    left = [t for t in sentence if t.i < colon.i]
    right = [t for t in sentence if t.i > colon.i and not t.is_space]
    names = [t for t in left if t.pos_ == "PROPN"]
    if not names or any(t.pos_ == "VERB" for t in left) or len(right) < MIN_COLON_CLAIM_TOKENS:
        return None
    if right[0].text[:1] in "\"“'‘":
        return None  # a quotation after a colon is a direct quote, found elsewhere
    while right and right[-1].is_punct:
        right.pop()
    start, end = right[0].idx, right[-1].idx + len(right[-1])
    return Found("indirect", [(start, end)], colon, names[-1], paragraph_of[start])


def _according(token: Token, paragraph_of: list[int]) -> Found | None:
    """ "According to X, …": X is the source, the rest of the clause the content; "X is reportedly …":
    the clause the adverb modifies, attributed to no one."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return _clause_around(token, None, paragraph_of) if token.dep_ == "advmod" else None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None:  # "That's according to X", parsed with "according" as the verb
        start, end = subtree_bounds(subject)
        return Found("indirect", [(start, end)], token, source, paragraph_of[start])
    return _clause_around(token, source, paragraph_of)


def _clause_around(token: Token, source: Token | None, paragraph_of: list[int]) -> Found | None:
    """The clause holding ``token``'s phrase, less the phrase itself, attributed to ``source``."""
    clause = token.head
    while clause.dep_ not in {"ROOT", "ccomp", "conj"} and clause.head is not clause:
        clause = clause.head
    start, end = subtree_bounds(clause)
    cut_start, cut_end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    ranges = [(start, cut_start), (cut_end, end)]
    content = [_trim(doc_text(token), s, e) for s, e in ranges]
    long = [(s, e) for s, e in content if e - s >= MIN_CONTENT_CHARS]
    content = long or [(s, e) for s, e in content if e > s]  # "That's according to X": "That"
    if not content:
        return None
    return Found("indirect", content, token, source, paragraph_of[content[0][0]])


def doc_text(token: Token) -> str:
    return text_of(token.doc)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a range past spaces and commas at either end."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in ranges)


def _quoted_share(content: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> float:
    """How much of a content lies inside direct quotations (then it is that quotation, not a report)."""
    total = sum(e - s for s, e in content) or 1
    inside = sum(max(0, min(e, qe) - max(s, qs)) for s, e in content for qs, qe in quoted)
    return inside / total
