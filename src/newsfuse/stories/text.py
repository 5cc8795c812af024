"""The words of an article that say which story it belongs to: content words, light-stemmed, title apart."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d[\d,.]*\d%?")
_SUFFIXES = ("ies", "es", "s", "ing", "ed")
_CLITICS = frozenset({"s", "d", "ll", "m", "re", "ve"})


@cache
def stop_words() -> frozenset[str]:
    """The shipped stop-word list (package data), read once."""
    lines = resources.files("newsfuse.stories").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in lines.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1 << 17)
def _stem(word: str) -> str:
    """A crude suffix strip: enough to make "protests", "protesters" and "protested" meet often."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _without_clitic(word: str) -> str:
    """The word without a possessive or contracted ending ("cnn's", "he's", "didn't" → "cnn", "he",
    "did"): the ending says nothing about the story, and short stems would keep a stray apostrophe."""
    if word.endswith("n't"):
        return word[:-3]
    head, mark, tail = word.rpartition("'")
    return head if mark and tail in _CLITICS else word


@lru_cache(maxsize=1 << 18)
def _content_term(token: str) -> str | None:
    """The term a lower-cased token counts as, or ``None`` for a stop word or a word under three letters."""
    word = _without_clitic(token.replace("’", "'"))
    if word in stop_words() or len(word) < 3:
        return None
    return _stem(word)


def terms(text: str) -> dict[str, int]:
    """Content-word counts of ``text``: lower-cased, stop words dropped, suffixes stripped. Numbers of
    three characters or more are kept ("136,000", "5.4%", "2013"): they tell one jobs report or one
    earthquake from the next. Each distinct token is looked up once (the per-token work is the cost)."""
    counts: dict[str, int] = {}
    for token, count in Counter(_WORD.findall(text.lower())).items():
        term = _content_term(token)
        if term is not None:
            counts[term] = counts.get(term, 0) + count
    return counts
