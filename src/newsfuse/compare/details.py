"""The checkable details of a claim: numbers with what they count, proper-name phrases, dates.

Contradiction rules compare these between two related claims, so they are read once per claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsfuse.compare.text import Token, abbreviations, cues, key_of

_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_SCALE_FACTOR = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "percent": 1.0}
_SCALE = frozenset(_SCALE_FACTOR)
_NAME_GLUE = frozenset({"of", "the", "and", "with", "up", "on", "for", "de"})
_NAME_WORD = re.compile(r"^[A-Z][\w’'.\-]*$")
_POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number in a claim: its value, what it measures ("firefighter", "age:halvorsen", "money")."""

    value: str
    unit: str
    start: int
    end: int

    @property
    def amount(self) -> float:
        """The value as a number, scale words applied ("4.2 million" → 4200000)."""
        digits, _, scale = self.value.partition(" ")
        try:
            number = float(digits.lstrip("$"))
        except ValueError:
            return 0.0
        return number * _SCALE_FACTOR.get(scale, 1.0)

    @property
    def subtype(self) -> str:
        if self.unit.startswith("age"):
            return "age"
        return "money" if self.unit.startswith("money") else "count"


@dataclass(frozen=True, slots=True)
class NamePhrase:
    """A maximal run of capitalised words ("Keeping Up With The Kardashians") and its folded words."""

    start: int
    end: int
    words: tuple[str, ...]
    context: str  # the two lower-case words before it ("taken to …"), else ""
    titled: bool = False  # written with its article, "The Kardashians": the title of a work


def _number_value(tokens: tuple[Token, ...], index: int) -> tuple[str, int]:
    """The value of a number token with its scale word ("$4.2 million"), and the index after it."""
    value = tokens[index].text.replace(",", "").removesuffix("-year-old").rstrip(".")
    following = index + 1
    if following < len(tokens) and tokens[following].text.lower() in _SCALE:
        return f"{value} {tokens[following].text.lower()}", following + 1
    return value, following


def _unit(tokens: tuple[Token, ...], index: int, after: int) -> str:
    token = tokens[index]
    if token.text.startswith("$"):
        return "money"
    if token.text.endswith("-year-old"):
        named = next((t.key for t in tokens[after : after + 2] if t.is_capitalised), "")
        if named:
            return "age:" + named
        # "a 66-year-old woman" and "the 36-year-old driver" are two people: the noun tells them apart
        return "age~" + next((t.key for t in tokens[after : after + 2] if t.key), "")
    previous = tokens[index - 1] if index > 0 else None
    if previous is not None and previous.is_capitalised and previous.end + 2 == token.start:
        return "age:" + previous.key  # "Nils Halvorsen, 61"
    unit = next((t.key for t in tokens[after : after + 2] if t.key and not t.is_number), "")
    return "" if unit in _durations() else unit  # "32 years", "11 hours": ages and spans of what?


@cache
def _durations() -> frozenset[str]:
    return frozenset(key_of(word) for word in cues()["duration"])


def numbers_in(tokens: tuple[Token, ...]) -> tuple[NumberMention, ...]:
    """The numbers of a claim (years left to the date rules), each with what it measures."""
    found: list[NumberMention] = []
    for index, token in enumerate(tokens):
        if not token.is_number or _YEAR.match(token.text) or _not_a_quantity(tokens, index):
            continue
        value, after = _number_value(tokens, index)
        unit = _unit(tokens, index, after)
        if unit:
            found.append(NumberMention(value, unit, token.start, tokens[after - 1].end))
    return tuple(found)


def _folded(word: str) -> str:
    folded = _POSSESSIVE.sub("", word).casefold()
    return abbreviations().get(folded, folded)  # "Mt Cook" and "Mount Cook": one name


def _not_a_quantity(tokens: tuple[Token, ...], index: int) -> bool:
    """A time ("6 p.m.", "9:45"), an ordinal or code ("112th", "11am"), a day of a month ("July 13")."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    previous = tokens[index - 1].text.lower() if index > 0 else ""
    if ":" in token.text or token.text.startswith("0") or previous in cues()["calendar"]:
        return True
    if following is None:
        return False
    if following.is_number and len(following.text) == 2 and following.start - token.end <= 3:
        return True  # "20 : 09", a time some sources space out
    glued = following.start == token.end and following.text[:1].isalpha()
    return (
        glued
        or following.text.lower().startswith(("a.m", "p.m", "o'clock"))
        or following.text.lower() in cues()["calendar"]
    )


def name_phrases_in(tokens: tuple[Token, ...]) -> tuple[NamePhrase, ...]:
    """Maximal capitalised phrases, glue words allowed inside ("Keeping Up With The Kardashians")."""
    phrases: list[NamePhrase] = []
    index = 0
    while index < len(tokens):
        if not _NAME_WORD.match(tokens[index].text) or tokens[index].is_number:
            index += 1
            continue
        end = index
        probe = index + 1
        while probe < len(tokens):
            word = tokens[probe].text
            if _NAME_WORD.match(word) and _adjacent(tokens, probe):
                end = probe
            elif word.lower() not in _NAME_GLUE or not _adjacent(tokens, probe):
                break
            probe += 1
        before = tokens[max(index - 2, 0) : index]
        context = (
            " ".join(t.text.lower() for t in before)
            if len(before) == 2 and not any(t.is_capitalised for t in before)
            else ""
        )
        words = tuple(_folded(t.text) for t in tokens[index : end + 1] if t.text.lower() != "the")
        titled = tokens[index].text == "The" and index > 0
        phrases.append(NamePhrase(tokens[index].start, tokens[end].end, words, context, titled))
        index = end + 1
    return tuple(phrases)


def _adjacent(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether a token follows the previous one with only a space (or an abbreviation's full stop)."""
    previous = tokens[index - 1]
    gap = tokens[index].start - previous.end
    return gap <= 1 or (gap == 2 and len(previous.text) <= 3 and previous.is_capitalised)


def distinctive(word: str) -> bool:
    return len(word) > 3 and key_of(word) != ""
