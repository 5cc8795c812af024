"""Words of a claim as the comparer sees them: tokens with offsets, stems, synonyms, numbers and names.

Comparison must not re-parse articles (a 50-article story compares in well under 2 s), so it reads the
analysis' spans and works on the text with a light tokenizer and a suffix-stripping stemmer; word lists
live in ``compare/data``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

_TOKEN = re.compile(
    r"\$?\d[\d,.:]*\d(?:-year-old)?|\$?\d(?:-year-old)?|[A-Za-z][A-Za-z’'\-.]*[A-Za-z]|[A-Za-z]"
)
_NUMBER = re.compile(r"^\$?\d")
_POSSESSIVE = re.compile(r"[’']s?$")
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ion", ""), ("ed", ""), ("es", ""), ("s", ""))
_MIN_STEM = 3
_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
}


@dataclass(frozen=True, slots=True)
class Token:
    """A word of an article's clean text: ``text[start:end]`` and its key (``""`` for a stop word)."""

    start: int
    end: int
    text: str
    key: str

    @property
    def is_number(self) -> bool:
        head = self.text[1:2] if self.text[:1] == "$" else self.text[:1]
        return head.isdigit()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def _data_lines(name: str) -> list[str]:
    raw = resources.files("newsfuse.compare").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_data_lines("stopwords.txt"))


@cache
def cues() -> dict[str, frozenset[str]]:
    """Cue-word groups (future, past, negation, opinion); multi-word cues joined by ``_``."""
    groups: dict[str, frozenset[str]] = {}
    for line in _data_lines("cues.txt"):
        name, _, words = line.partition(":")
        groups[name.strip()] = frozenset(words.split())
    return groups


@cache
def abbreviations() -> dict[str, str]:
    """Folded abbreviation → its expansion ("mt" → "mount"), for telling one name written two ways."""
    return dict(line.split(maxsplit=1) for line in _data_lines("abbreviations.txt"))


@cache
def synonyms() -> dict[str, str]:
    """Stem → the canonical stem of its synonym group."""
    table: dict[str, str] = {}
    for line in _data_lines("synonyms.txt"):
        words = [stem(w) for w in line.split()]
        for word in words:
            table.setdefault(word, words[0])
    return table


def stem(word: str) -> str:
    """A crude suffix-stripping stem, enough to meet "meeting"/"meet" and "firefighters"/"firefighter"."""
    word = _POSSESSIVE.sub("", word.lower()).replace("’", "'")
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM and not word.endswith("ss"):
            word = word[: -len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) > _MIN_STEM + 1:
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def key_of(word: str) -> str:
    """The comparison key of a word: its synonym-group stem, ``""`` for a stop word."""
    lowered = word.lower().replace("’", "'")
    if lowered in stopwords() or lowered.partition("'")[0] in stopwords():
        return ""
    if _NUMBER.match(word):
        return word.replace(",", "").rstrip(".")
    base = stem(lowered)
    return synonyms().get(base, base)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [
        Token(m.start(), m.end(), m.group(), key_of(m.group())) for m in _TOKEN.finditer(text, start, stop)
    ]


def cue_hits(tokens: list[Token], group: str) -> list[tuple[int, int]]:
    """Character ranges of the cues of ``group`` among ``tokens`` (two-word cues included)."""
    words = cues()[group]
    hits: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        lowered = token.text.lower().replace("’", "'")
        if lowered in words or (lowered.endswith("n't") and "n't" in words):
            hits.append((token.start, token.end))
        elif _split_negation(tokens, index) and "n't" in words:
            hits.append((token.start, tokens[index + 1].end))
        elif index + 1 < len(tokens):
            pair = f"{lowered}_{tokens[index + 1].text.lower()}"
            if pair in words:
                hits.append((token.start, tokens[index + 1].end))
    return hits


def _split_negation(tokens: list[Token], index: int) -> bool:
    """ "didn ’ t": a negation the source's tokenisation spaced out ("didn" then a lone "t")."""
    if index + 1 >= len(tokens) or not tokens[index].text.lower().endswith("n"):
        return False
    following = tokens[index + 1]
    return following.text.lower() == "t" and following.start - tokens[index].end <= 3


def name_keys(token_lists: Iterable[Iterable[Token]]) -> frozenset[str]:
    """Keys written only with a capital: proper names, which the aligner weighs less."""
    capitalised: set[str] = set()
    lowercase: set[str] = set()
    for tokens in token_lists:
        for token in tokens:
            if token.key and not token.is_number:
                (capitalised if token.is_capitalised else lowercase).add(token.key)
    return frozenset(capitalised - lowercase)


def key_counts(tokens: Iterable[Token]) -> Counter[str]:
    """How often each word key occurs among ``tokens`` (keyless tokens, such as punctuation, left out)."""
    return Counter(t.key for t in tokens if t.key)


def text_keys(texts: Sequence[str]) -> tuple[list[Counter[str]], frozenset[str]]:
    """The word keys of each text, and which keys are proper names across them (see :func:`name_keys`)."""
    tokens = [tokenize(text) for text in texts]
    return [key_counts(found) for found in tokens], name_keys(tokens)
