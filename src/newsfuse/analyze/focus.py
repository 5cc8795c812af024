"""Which parts of an article need the neural pipeline: sentences that can hold an attribution.

The tagger, parser and NER are nearly all of the stage's time, yet most sentences of a news article
carry no quotation mark and no cue word, so nothing the stage reads comes from them. The text is cut
into sentences with a cheap splitter, the sentences with a mark or a cue word form (and the title) are
kept, and consecutive pieces of the same kind are merged into runs so the parser still sees whole
stretches of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsfuse.analyze.lexicon import Lexicon
from newsfuse.analyze.marks import ALL_MARKS, DOUBLED

# A sentence ends at a line break, or after . ! ? (and closing marks) before a space and a capital or mark.
# Titles and initials before a name ("Mr. Trump", "Lt. Daniel Osei", "Donald J. Trump") end no sentence.
_TITLES = (
    "Mr", "Ms", "Mrs", "Dr", "St", "Lt", "Sgt", "Capt", "Cpt", "Col", "Gen", "Maj", "Adm", "Cpl", "Det",
    "Insp", "Supt", "Gov", "Sen", "Rep", "Prof", "Rev", "Hon", "Jr", "Sr", "Mt", "Ft",
)  # fmt: skip
# The cheap test (a . ! or ? just before) comes first: the title tests then run at a few places only.
_BOUNDARY = re.compile(
    r"\n+\s*|(?<=[.!?])" + "".join(rf"(?<!\b{title}\.)" for title in _TITLES) + r"(?<!\b[A-Z]\.)"
    r"[\"”’')\]]*\s+(?=[A-Z\"“‘'(\[])"
)
_WORD = re.compile(r"[A-Za-z]+")
_MARKS = frozenset(ALL_MARKS)
_TRANSCRIPT = re.compile(r"[A-Z][A-Z .'’-]{1,40}: ")
# A sentence opening with a pronoun or a definite description ("The baker said") needs its antecedent.
_BACK_REFERENCE = re.compile(r"\s*[\"“]?(?:(?:He|She|They|It|We|I|His|Her|Their)\b|The [a-z])")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch ``[start, end)`` of the text (trailing spaces included) and whether to parse it."""

    start: int
    end: int
    parse: bool
    sentence_starts: tuple[int, ...]  # offsets where a sentence begins, used when not parsed


def _inflections(lemma: str) -> set[str]:
    """Regular word forms of a verb lemma; over-generating is harmless (it only widens the selection)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", stem + "ing", lemma + "ing"}
    forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


@cache
def _cue_forms(lex: Lexicon) -> frozenset[str]:
    forms: set[str] = set(lex.forms) | set(lex.according) | set(lex.stance_adjective)
    for lemma in lex.cues | lex.interview:
        forms |= _inflections(lemma)
    return frozenset(forms - lex.noun_forms)


def sentence_pieces(text: str) -> list[tuple[int, int]]:
    """Cut the text into sentence-like pieces covering it exactly, each keeping its trailing spaces."""
    pieces, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if match.end() > start and match.start() > start:
            pieces.append((start, match.end()))
            start = match.end()
    if start < len(text):
        pieces.append((start, len(text)))
    return pieces


def _wanted(text: str, forms: frozenset[str]) -> bool:
    """Whether a piece holds a quotation mark, a word form of a cue or a transcript lead ("TAPPER:")."""
    if any(ch in _MARKS for ch in text) or DOUBLED in text or _TRANSCRIPT.match(text):
        return True
    return any(w.lower() in forms for w in _WORD.findall(text))


def select(text: str, pieces: list[tuple[int, int]], lex: Lexicon) -> list[bool]:
    """For each sentence piece of the text, whether it goes through the parser and NER.

    A wanted piece pulls in the piece before it when it opens with a pronoun or a definite description
    (its antecedent), and the first piece (the title) is always kept: names are usually introduced there.
    """
    forms = _cue_forms(lex)
    wanted = [_wanted(text[s:e], forms) for s, e in pieces]
    keep = list(wanted)
    for i, (start, end) in enumerate(pieces):
        if wanted[i] and i > 0 and _BACK_REFERENCE.match(text, start, end):
            keep[i - 1] = True
    if keep:
        keep[0] = True
    return keep


def runs(text: str, lex: Lexicon) -> list[Run]:
    """Consecutive pieces with the same decision merged into runs covering the whole text in order."""
    pieces = sentence_pieces(text)
    keep = select(text, pieces, lex)
    merged: list[Run] = []
    for (start, end), parse in zip(pieces, keep, strict=True):
        if merged and merged[-1].parse == parse:
            last = merged[-1]
            merged[-1] = Run(last.start, end, parse, (*last.sentence_starts, start))
        else:
            merged.append(Run(start, end, parse, (start,)))
    return merged
