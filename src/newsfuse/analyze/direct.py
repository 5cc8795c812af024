"""Direct quotations: which quoted segments are quotes, and which cue and speaker each belongs to.

A segment is a quotation (not a scare-quoted phrase) when it opens a sentence, follows a colon or a
comma, runs across a paragraph break, or is a long stretch ending in punctuation. Its cue is a cue
verb in the same sentence(s) outside the marks, nearest first. With no cue there, it continues the
quote before it in the paragraph, borrows the cue of the sentence before ("Kim revealed to her
family that … . “She's …”"), or carries on the previous paragraph's quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsfuse.analyze.lexicon import Lexicon
from newsfuse.analyze.marks import CLOSING, STRAIGHT, Segment, inner_text, is_quotation, starts_with_mark
from newsfuse.analyze.syntax import (
    DATELINE_DASHES,
    LISTENER_VERBS,
    cue_lemma,
    is_cue,
    preposition_object,
    sentence_of,
    subject_of,
    subtree_bounds,
    text_of,
    tokens_of,
)

CLAUSE_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = ("dobj", "oprd")
OBJECT_PREPS = frozenset({"for", "against", "about"})
# A dash, then a capitalised name of up to six words, then the end of the line: a signed quotation.
_SIGNED = re.compile(
    r"[^\S\n]*[―—–-][^\S\n]*(?P<name>[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,5})[^\S\n]*\.?[^\S\n]*(?:\n|$)"
)
SPEAKER_AND_CUE = 3  # “Really,” she added: the tokens after a short utterance that may report it
FRAGMENT_SHARE = 0.8  # a quotation this much inside a reported clause …
CLAUSE_GROWTH = 1.5  # … that is this much longer is a fragment of it
MAX_CLIMB = 3  # "punctuated his list by saying": how far up a participle cue looks for its verb
TAIL_TOKENS = 6  # “…,” Trump barked: a verb this close after a quotation is its cue


@dataclass
class Found:
    """An attribution under construction (character ranges; tokens of the parse)."""

    kind: str
    content: list[tuple[int, int]]
    cue: Token | None
    speaker: Token | None
    paragraph: int = 0
    open_end: bool = False
    segments: list[Segment] = field(default_factory=list)


def outside_reports(quotes: list[Found], reports: list[Found]) -> list[Found]:
    """The quotations less their leading parts that are a fragment of a longer reported clause.

    In “I held and hugged” the families, he said or she called it “a stiff”, the attribution is the
    clause with the marks inside it, which the reported-speech rules find with its own cue and source.
    When more quotations carry the first on (Fares rose ''because of fuel,'' Bo said. ''And …''), they
    stay, to join the clause's report by their shared cue.
    """
    clauses = [(r.content[0][0], r.content[-1][1]) for r in reports]

    def fragment(start: int, end: int) -> bool:
        return any(
            min(end, c_end) - max(start, c_start) >= FRAGMENT_SHARE * (end - start)
            and c_end - c_start > CLAUSE_GROWTH * (end - start)
            for c_start, c_end in clauses
        )

    kept = []
    for quote in quotes:
        while quote.content and fragment(*quote.content[0]):
            quote.content.pop(0)
        if quote.content:
            kept.append(quote)
    return kept


def _heads_a_mention(token: Token) -> bool:
    """Not a possessive or a name's first part; a "compound" hanging on a verb is a parse slip (“…,”
    Trump barked: the name tagged as part of the verb)."""
    return token.dep_ != "poss" and (token.dep_ != "compound" or token.head.pos_ == "VERB")


def _nearest_subject(subject: Token) -> Token:
    """Of two subjects the parser gave one verb ("In Salem, New Hampshire, Trump went …"), the one
    nearest the verb: the place set off by commas before it is no speaker."""
    verb = subject.head
    rivals = [c for c in verb.children if c.dep_ == subject.dep_ and c.i < verb.i]
    return max(rivals, key=lambda t: t.i, default=subject) if subject.i < verb.i else subject


def _name_like(token: Token) -> bool:
    """A proper noun, or a capitalised noun the tagger took for a common one ("Pew Research")."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())


def _after_name(verb: Token) -> bool:
    """Whether a verb comes right after a proper name (“…,” Trump barked), whatever the parser made of it."""
    return verb.i > 0 and tokens_of(verb.doc)[verb.i - 1].pos_ == "PROPN"


def governed(verb: Token, lex: Lexicon) -> list[Token]:
    """The dependents of a cue verb that hold what is said or believed.

    A clause or an object; else, for a verb that takes its content after a preposition ("talked
    about", "called for", "referred to"), the object of that preposition.
    """
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    if clauses:
        return clauses
    lemma = verb.lemma_.lower()
    if lemma in LISTENER_VERBS:
        return []
    objects = [c for c in verb.rights if c.dep_ in OBJECT_DEPS]
    if objects:
        return objects
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        if f"{lemma} {prep.lower_}" in lex.phrasal or (lemma in lex.stance and prep.lower_ in OBJECT_PREPS):
            taken = preposition_object(prep)
            return [taken] if taken is not None else []
    return []


def governed_bounds(children: list[Token]) -> tuple[int, int]:
    """Character bounds of the content dependents together (a leading "that" kept, as news annotation
    takes it as part of what was said).

    A trailing participle clause after a comma (“…, saying …”, “…, implicitly putting …”) is the
    reporter's addition, not part of what was said, so the content ends before it; a comma inside
    a closing mark (he has “won the party,” claiming …) ends it after the mark.
    """
    subtrees = [list(c.subtree) for c in children]  # walked twice: made once
    spans = [subtree_bounds(c, subtree) for c, subtree in zip(children, subtrees, strict=True)]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    tokens = tokens_of(children[0].doc)
    for subtree in subtrees:
        for token in subtree:
            if token.dep_ != "advcl" or token.tag_ != "VBG" or (first := token.left_edge).i < 2:
                continue
            before, mark = tokens[first.i - 2], tokens[first.i - 1]
            if mark.text == "," and start < mark.idx < end:
                end = mark.idx
            elif before.text == "," and mark.text in CLOSING + STRAIGHT and start < mark.idx < end:
                end = mark.idx + len(mark)
    return start, end


class DirectQuotes:
    """Finds the direct quotations of one parsed document."""

    def __init__(self, doc: Doc, lex: Lexicon, paragraph_of: list[int]) -> None:
        self.doc, self.lex, self.paragraph_of = doc, lex, paragraph_of
        self.char_token: list[int] = [-1] * (len(text_of(doc)) + 1)
        for token in tokens_of(doc):
            for i in range(token.idx, token.idx + len(token)):
                self.char_token[i] = token.i

    def token_at(self, offset: int) -> Token:
        offset = min(max(offset, 0), len(text_of(self.doc)) - 1)
        while offset > 0 and self.char_token[offset] < 0:
            offset -= 1
        return tokens_of(self.doc)[max(self.char_token[offset], 0)]

    def opening_sentence(self, seg: Segment) -> Span:
        """The sentence the quotation opens in; an opening mark the parser left at the end of the
        sentence before (as it often does with two apostrophes, ''…'') belongs to the next one."""
        mark = self.token_at(seg.start)
        sentence = sentence_of(mark)
        if mark.i + 1 == sentence.end < len(self.doc) and seg.end > mark.idx + len(mark):
            return sentence_of(tokens_of(self.doc)[mark.i + 1])
        return sentence

    def quotations(self, segments: list[Segment]) -> list[Segment]:
        """The segments that are quotations: of any length right after a speech verb (he yelled, “Out!”)."""
        return [
            s
            for s in segments
            if self._spoken(s)
            or is_quotation(
                text_of(self.doc),
                s,
                self.opening_sentence(s).start_char,
                headline=self.paragraph_of[s.start] == 0,
            )
        ]

    def _spoken(self, seg: Segment) -> bool:
        """Whether the segment is a whole utterance (capitalised, ending in punctuation) and the word
        before its opening mark (past a comma or colon) is a speech verb, or the words after its
        closing mark are one (“Out,” yelled X) or a pronoun and one (“Really,” she added)."""
        inner = inner_text(text_of(self.doc), seg.start, seg.end)
        if not inner[:1].isupper() or inner[-1:] not in ".?!,":
            return False
        tokens = tokens_of(self.doc)
        at = self._word_before(seg)
        before = [tokens[at]] if at >= 0 else []
        after = [t for t in tokens[self.token_at(seg.end - 1).i + 1 :][:SPEAKER_AND_CUE] if not t.is_space]
        if after and after[0].pos_ == "PRON":  # “Really,” she added (a name after a title is its subject)
            after = after[1:]
        return any(self._speech(t) for t in [*before, *after[:1]])

    def _speech(self, token: Token) -> bool:
        """Whether the token is a verb of speech (not of belief): "said", "yelled", "added"."""
        return is_cue(token, self.lex) and cue_lemma(token, self.lex) in self.lex.speech

    def _word_before(self, seg: Segment) -> int:
        """The index of the token before the opening mark, past spaces, a comma or a colon (-1: none)."""
        tokens = tokens_of(self.doc)
        at = self.token_at(seg.start).i - 1
        while at >= 0 and (tokens[at].is_space or tokens[at].text in {",", ":"}):
            at -= 1
        return at

    def find(self, quotations: list[Segment]) -> list[Found]:
        """One attribution per cue: segments sharing a cue, or continuing one, are merged."""
        inside = {t.i for s in quotations for t in self._tokens(s)}
        found: list[Found] = []
        by_cue: dict[int, Found] = {}
        for seg in quotations:
            paragraph = self.paragraph_of[seg.start]
            signer = self._signer(seg)
            if signer is not None:  # “…” ― Name: signed, so neither cued nor a continuation
                found.append(Found("direct", [(seg.start, seg.end)], None, signer, paragraph, False, [seg]))
                continue
            cue = self._cue_in_frame(seg, inside)
            heading = self._heading(seg, cue)
            if heading is not None:  # “Pollsters agree - Ana Ruiz: “…””: the name before the colon speaks
                name, colon = heading
                found.append(
                    Found("direct", [(seg.start, seg.end)], colon, name, paragraph, seg.open_end, [seg])
                )
                continue
            if cue is not None and cue.i in by_cue and by_cue[cue.i].paragraph == paragraph:
                self._extend(by_cue[cue.i], seg)
                continue
            previous = found[-1] if found else None
            if cue is None and previous is not None and self._continues(previous, seg, paragraph):
                self._extend(previous, seg)
                continue
            if cue is None:
                cue = self._cue_before(seg, inside)
                carried = by_cue.get(cue.i) if cue is not None else previous
                if carried is not None and carried.paragraph >= paragraph - 1:
                    self._extend(carried, seg)  # “…,” X said. ¶ “…”: the next paragraph carries it on
                    carried.paragraph = paragraph
                    continue
            speaker = self._speaker(cue, seg, inside) if cue is not None else None
            item = Found("direct", [(seg.start, seg.end)], cue, speaker, paragraph, seg.open_end, [seg])
            found.append(item)
            if cue is not None:
                by_cue.setdefault(cue.i, item)
        for item in found:
            self._widen_mixed(item)
        return found

    def _signer(self, seg: Segment) -> Token | None:
        """The name after a dash ending the quotation's line (“…” ― Ana Ruiz), as a testimonial is signed."""
        text = text_of(self.doc)
        match = _SIGNED.match(text, seg.end)
        if match is None:
            return None
        span = self.doc.char_span(*match.span("name"), alignment_mode="expand")
        names = [t for t in span if t.pos_ == "PROPN" or t.text[:1].isupper()] if span is not None else []
        return names[-1] if names else None

    def _heading(self, seg: Segment, cue: Token | None) -> tuple[Token, Token] | None:
        """The name, and its colon, that a quotation opening right after "Name:" is headed by.

        A name set off by a dash ("Pollsters agree - Ana Ruiz: “…”", a digest's way of citing) speaks
        whatever verb comes before it; otherwise the name speaks when no cue verb was found and it is not
        the object of a preposition ("… doesn't surprise pollster Ana Ruiz: “…”", but not "X told CNN:
        “…”", cued, or "Here is X in Ohio: “…”").
        """
        tokens = tokens_of(self.doc)
        colon = self.token_at(seg.start - 1)
        while colon.i > 0 and colon.is_space:
            colon = tokens[colon.i - 1]
        if colon.text != ":" or colon.i == 0 or colon.idx + len(colon) > seg.start:
            return None
        name = tokens[colon.i - 1]
        if not _name_like(name):
            return None
        first = name  # back over the names ("- Ana Ruiz and Bo Lind:")
        while first.i > 1 and (
            _name_like(tokens[first.i - 1])
            or (tokens[first.i - 1].lower_ in {"and", "&"} and _name_like(tokens[first.i - 2]))
        ):
            first = tokens[first.i - 1]
        if first.i > 0 and tokens[first.i - 1].text in DATELINE_DASHES:
            return name, colon
        if cue is not None and is_cue(cue, self.lex):
            return None
        phrase = name
        while phrase.dep_ in {"appos", "conj", "compound", "flat"} and phrase.head is not phrase:
            phrase = phrase.head  # "to the newspaper Ana Ruiz": the phrase the name stands in
        return None if phrase.dep_ == "pobj" else (name, colon)

    def _widen_mixed(self, item: Found) -> None:
        """A quotation embedded in what its cue verb governs (X said that her “long road” …) is a mixed
        quote: its content is the whole governed clause or object, marks and all."""
        cue, first = item.cue, item.segments[0]
        if cue is None or not is_cue(cue, self.lex) or cue.idx >= first.start or not self._embedded(first):
            return
        children = governed(cue, self.lex)
        if not children:
            return
        start, end = governed_bounds(children)
        inside = [(s, e) for s, e in item.content if start <= s < end]
        if not inside or start >= first.start:
            return
        outside = [(s, e) for s, e in item.content if not start <= s < end]
        item.content = [(start, max(end, inside[-1][1])), *outside]
        item.kind = "mixed"

    def _speaker(self, cue: Token, seg: Segment, inside: set[int]) -> Token | None:
        """The cue's subject, else the nearest noun beside the cue outside the marks (“…,” X, who …, says).

        A subject inside a quotation is the parser mistaking the quoted words for the speaker.
        """
        subject = subject_of(cue)
        if subject is None or subject.i in inside:
            subject = self._clause_subject(cue, inside)
        if cue.lower_ in self.lex.according:  # "According to the newspaper, “…”"
            subject = next((o for p in cue.children for o in p.children if o.dep_ == "pobj"), None)
        if subject is not None and subject.i not in inside:
            return _nearest_subject(subject)
        sent = sentence_of(cue)
        outside = [t for t in sent if t.i not in inside and t.i != cue.i]
        nouns = [t for t in outside if t.pos_ in {"PROPN", "NOUN", "PRON"} and _heads_a_mention(t)]
        between = [t for t in nouns if seg.end <= t.idx < cue.idx]
        if between:  # “…,” Ramos, 58, told AFP: the name between the quotation and its cue
            return between[0]
        return min(nouns, key=lambda t: abs(t.i - cue.i), default=None)

    def _clause_subject(self, cue: Token, inside: set[int]) -> Token | None:
        """For a participle cue (“…, adding “…””, "by saying:"), the subject of the verb it hangs on.

        The parser often hangs the participle on a verb of the quotation after it (X riffed, telling
        the crowd, “Some people get …”): the verbs inside the marks are passed over.
        """
        if cue.tag_ != "VBG":
            return None
        outside = [a for a in cue.ancestors if a.i not in inside]
        for ancestor in outside[:MAX_CLIMB]:
            if ancestor.pos_ in {"VERB", "AUX"}:
                return subject_of(ancestor)
        return None

    def _tokens(self, seg: Segment) -> list[Token]:
        span = self.doc.char_span(seg.start, seg.end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _extend(self, item: Found, seg: Segment) -> None:
        item.content.append((seg.start, seg.end))
        item.segments.append(seg)
        item.open_end = seg.open_end

    def _continues(self, previous: Found, seg: Segment, paragraph: int) -> bool:
        """A cue-less quotation continues the previous one in its paragraph, or across an open paragraph."""
        if previous.paragraph == paragraph:
            return True
        return previous.open_end and paragraph == previous.paragraph + 1 and self._opens_paragraph(seg)

    def _opens_paragraph(self, seg: Segment) -> bool:
        return seg.open_start or self.opening_sentence(seg).start_char >= seg.start

    def _frame(self, seg: Segment, extend: bool = True) -> list[Token]:
        """The quotation's sentences, plus the next one when the quote ends a sentence (“…!” he said)."""
        first = self.opening_sentence(seg)
        last = sentence_of(self.token_at(seg.end - 1))
        end = last.end
        if extend and end < len(self.doc) and last.end_char <= seg.end + 1:
            following = sentence_of(tokens_of(self.doc)[end])
            if self.paragraph_of[following.start_char] == self.paragraph_of[seg.start]:
                starts_with_quote = starts_with_mark(following.text)
                if not starts_with_quote:
                    end = following.end
        return tokens_of(self.doc)[first.start : end]

    def _cue_in_frame(self, seg: Segment, inside: set[int]) -> Token | None:
        """The cue of a quotation in its own sentence(s).

        A quotation opening its sentence (or after a colon or comma) takes the cue just before its
        mark (“…,” X said, “…”), else the nearest cue after it (“…,” X said), else before it; one
        embedded mid-sentence (X says Y “…”) takes the nearest cue before it, and falls back to the
        first verb after it only when it opens the sentence.
        """
        sent = self.opening_sentence(seg)
        before_text = text_of(self.doc)[sent.start_char : seg.start].rstrip()
        embedded = self._embedded(seg)
        frame = [t for t in self._frame(seg, extend=not embedded) if t.i not in inside]
        last = sentence_of(self.token_at(seg.end - 1))
        # a verb of the next sentence that governs content of its own reports that, not this quotation
        frame = [t for t in frame if t.i < last.end or not governed(t, self.lex)]
        cues = [t for t in frame if is_cue(t, self.lex) or t.lower_ in self.lex.according]
        after = [t for t in cues if t.idx >= seg.end]
        before = [t for t in cues if t.idx < seg.start]
        if embedded:
            return before[-1] if before else (after[0] if after else None)
        if before and self._cue_just_before(before[-1], seg):  # “A,” X said, “and B.”
            return before[-1]
        if after:  # “…,” X said, according to Y: Y is the source the article gives
            sentence = sentence_of(after[0])
            source = (
                t for t in after if t.lower_ in self.lex.according and sentence.start <= t.i < sentence.end
            )
            return next(source, after[0])
        leading = self._verb_just_before(seg, inside)
        if leading is not None:  # "After X criticized Y, Ana shot back, “…”": not the farther cue
            return leading
        if before:
            return before[-1]
        if before_text.endswith(":") and subject_of(sent.root) is not None:
            return sent.root
        tail = [t for t in frame if t.idx >= seg.end][:TAIL_TOKENS]
        return next((t for t in tail if t.pos_ == "VERB" and (subject_of(t) or _after_name(t))), None)

    def _verb_just_before(self, seg: Segment, inside: set[int]) -> Token | None:
        """A verb with a subject of its own right before the opening mark (past a comma or colon and a
        particle: "Ana shot back, “…”"), a cue whatever the lexicon says."""
        tokens = tokens_of(self.doc)
        at = self._word_before(seg)
        while at > 0 and tokens[at].dep_ in {"prt", "advmod"} and tokens[at].head.i == tokens[at - 1].i:
            at -= 1
        if at < 0 or at in inside or tokens[at].pos_ != "VERB" or tokens[at].tag_ == "VBG":
            return None
        subject = subject_of(tokens[at])
        named = subject is not None and subject.i not in inside and subject.pos_ in {"PROPN", "PRON"}
        return tokens[at] if named else None

    def _cue_just_before(self, cue: Token, seg: Segment) -> bool:
        """Whether only a comma or a colon stands between the cue and the opening mark."""
        return not text_of(self.doc)[cue.idx + len(cue) : seg.start].strip(" ,:\n")

    def _embedded(self, seg: Segment) -> bool:
        """Whether a quotation sits inside its sentence (X says Y “…”), not opening it or after a colon."""
        sent = self.opening_sentence(seg)
        before_text = text_of(self.doc)[sent.start_char : seg.start].rstrip()
        return bool(before_text) and before_text[-1] not in ":,—–-.?!" and not seg.open_start

    def _cue_before(self, seg: Segment, inside: set[int]) -> Token | None:
        """A cue with a subject in the sentence just before, in the same or the previous paragraph."""
        sent = self.opening_sentence(seg)
        if sent.start == 0:
            return None
        previous = sentence_of(tokens_of(self.doc)[sent.start - 1])
        if previous.start > 0 and all(t.is_space for t in previous):
            previous = sentence_of(tokens_of(self.doc)[previous.start - 1])
        same_paragraph = self.paragraph_of[previous.start_char] == self.paragraph_of[seg.start]
        announces = previous.text.rstrip().endswith(":")
        if not same_paragraph and not announces and not self._opens_paragraph(seg):
            return None
        cues = [t for t in previous if t.i not in inside and is_cue(t, self.lex) and subject_of(t)]
        if cues:
            return cues[0]
        if announces:  # "Stated Stone:" — the announcing sentence's verb, its speaker found beside it
            return next((t for t in previous if is_cue(t, self.lex)), previous.root)
        return None
