"""The outlet a quote was first given to: "in an exclusive interview with Entertainment Tonight",
"told CNN", "told the outlet in May" (the outlet named earlier in the article).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsfuse.analyze.lexicon import Lexicon
from newsfuse.analyze.syntax import entities_of, mention_bounds, sentence_of, text_of, tokens_of

PARTNER_PREPS = frozenset({"with", "to"})
OUTLET_LABELS = frozenset({"ORG", "WORK_OF_ART", "PERSON"})


@dataclass(frozen=True, slots=True)
class OutletMention:
    """Where an outlet is named: its bounds, its name, and the sentence it is named in."""

    start: int
    end: int
    name: str
    sentence_start: int


class Outlets:
    """Outlets named in one document and the lookups quotes make against them."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc, self.lex = doc, lex
        self.named: list[OutletMention] = []
        for token in tokens_of(doc):
            if token.lemma_.lower() in lex.interview:
                self._add_partner(token)

    def _add_partner(self, noun: Token) -> None:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in PARTNER_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                        start, end = _name_bounds(obj)
                        name = text_of(self.doc)[start:end]
                        self.named.append(OutletMention(start, end, name, sentence_of(noun).start_char))

    def for_cue(self, cue: Token, paragraph_start: int) -> tuple[tuple[int, int] | None, str | None]:
        """The outlet span and name for a quote with this cue, or (None, None)."""
        for child in cue.children:
            if child.dep_ in {"dative", "dobj"} and child.lemma_.lower() in self.lex.outlet:
                start, end = mention_bounds(child)
                return (start, end), self._last_named_before(start)
            if child.dep_ in {"dative", "dobj"} and child.ent_type_ in OUTLET_LABELS - {"PERSON"}:
                start, end = mention_bounds(child)
                return (start, end), text_of(self.doc)[start:end]
        sentence = sentence_of(cue)
        for named in reversed(self.named):
            if paragraph_start <= named.start < sentence.end_char:
                return (named.start, named.end), named.name
        return None, None

    def _last_named_before(self, offset: int) -> str | None:
        before = [n for n in self.named if n.start < offset]
        return before[-1].name if before else None


def _name_bounds(token: Token) -> tuple[int, int]:
    """The named entity holding the token ("Harbour Tonight"), else its noun phrase."""
    for ent in entities_of(token.doc):
        if ent.start <= token.i < ent.end:
            return ent.start_char, ent.end_char
    return mention_bounds(token)
