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
_NEAR = 3  # characters between two numbers of one time, date, score or range ("18 : 50", "8 / 2", "40-42")
_BOUNDS = {"more_than": ">", "over": ">", "at_least": ">", "up_to": "<", "under": "<", "less_than": "<"}
_BOUNDS |= {"fewer_than": "<", "nearly": "<", "almost": "<"}


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number in a claim: its value, what it measures ("firefighter", "age:halvorsen", "money")."""

    value: str
    unit: str
    start: int
    end: int
    bound: str = ""  # ">" for "more than 60", "<" for "up to 120": a limit, not the quantity itself

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


def number_text(token: Token) -> str:
    """A number as written, without thousands commas, an age suffix or a full stop ("$4.2", "61")."""
    return token.text.replace(",", "").removesuffix("-year-old").rstrip(".")


def _number_value(tokens: tuple[Token, ...], index: int) -> tuple[str, int]:
    """The value of a number token with its scale word ("$4.2 million"), and the index after it."""
    value = number_text(tokens[index])
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
    found = next((n for n in range(after, min(after + 2, len(tokens))) if tokens[n].key), None)
    if found is None or tokens[found].is_number or tokens[found].key in _durations():
        return ""  # "32 years", "11 hours": ages and spans of what?
    unit = tokens[found].key
    joined = tokens[found + 1 : found + 3]
    if len(joined) == 2 and joined[0].text.lower() == "and" and joined[1].key and not joined[1].is_number:
        unit += "+" + joined[1].key  # "420 passengers and crew" counts more than "246 passengers"
    return unit


def _bound(tokens: tuple[Token, ...], index: int) -> str:
    """ "more than 60": the number is a lower bound; "up to 120", "nearly 50": an upper bound."""
    before = [t.text.lower() for t in tokens[max(index - 2, 0) : index]]
    pair = "_".join(before[-2:]) if len(before) == 2 else ""
    return _BOUNDS.get(pair) or _BOUNDS.get(before[-1] if before else "", "")


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
            end = tokens[after - 1].end
            found.append(NumberMention(value, unit, token.start, end, _bound(tokens, index)))
    return tuple(found)


def _folded(word: str) -> str:
    folded = _POSSESSIVE.sub("", word).casefold()
    return abbreviations().get(folded, folded)  # "Mt Cook" and "Mount Cook": one name


def _not_a_quantity(tokens: tuple[Token, ...], index: int) -> bool:
    """A time ("6 p.m.", "9:45"), an ordinal or code ("112th", "11am"), a day of a month ("July 13")."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    previous = tokens[index - 1] if index > 0 else None
    if ":" in token.text or token.text.startswith("0"):
        return True
    if previous is not None and (
        previous.text.lower() in cues()["calendar"]
        or (previous.is_number and token.start - previous.end <= _NEAR)
    ):
        return True  # "July 13"; the second part of "20 : 09", "8 / 2 / 13", "40-42"
    if following is None:
        return False
    if following.is_number and following.start - token.end <= _NEAR:
        return True
    word = following.text.lower()
    then = tokens[index + 2].text.lower() if index + 2 < len(tokens) else "m"
    glued = following.start == token.end and following.text[:1].isalpha()
    return (
        glued
        or word.startswith(("a.m", "p.m", "o'clock"))
        or word in {"am", "pm"}
        or (word in {"a", "p"} and then == "m")  # "7 p . m .", as some sources space it out
        or word in cues()["calendar"]
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
            if word.lower() in cues()["calendar"]:
                break  # "Accidents on Wednesday", "Murder Published April": a name, then a date
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
