"""Entity names as keys: one normal form, and which names can stand for the same entity.

"Kim Kardashian", "Kardashian" and "Kardashian's" are one person; "the Pentagon" and "Pentagon" one
organisation. Matching is on these keys, never on raw strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_POSSESSIVE = re.compile(r"['’]s?$")
_NON_WORD = re.compile(r"[^\w\s-]+")
_SPACE = re.compile(r"\s+")
_LEADING = ("the ", "a ", "an ")

# spaCy's small model is unsure between these; what matters is person, group or place.
_TYPE_FAMILY = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "NORP": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
}


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The normal form of a name: NFKC, case-folded, no article, possessive or punctuation."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = _POSSESSIVE.sub("", text)
    text = _SPACE.sub(" ", _NON_WORD.sub(" ", text)).strip()
    for lead in _LEADING:
        if text.startswith(lead):
            text = text[len(lead) :]
    return text


def type_family(label: str) -> str:
    """PERSON, ORG, PLACE or OTHER: the coarse type cross-document matching compares."""
    return _TYPE_FAMILY.get(label.upper(), "OTHER")


def is_short_form(short: str, full: str) -> bool:
    """Whether key ``short`` can stand for key ``full``: its last word(s) ("kardashian" for "kim kardashian")
    or its first word for organisations named by their head ("boeing" for "boeing co")."""
    if not short or short == full or len(short) >= len(full):
        return False
    words, full_words = short.split(), full.split()
    if len(words) >= len(full_words):
        return False
    return full_words[-len(words) :] == words or full_words[: len(words)] == words
