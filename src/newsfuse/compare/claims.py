"""Split each article into check-worthy statements: clauses of its sentences, boilerplate and questions out.

A claim is a span of the clean text, so it can always be shown at its source. Sentences are cut at clause
boundaries (``;``, dashes, ", which/who/with/while …") so that one statement can be aligned with another
outlet's even when the two outlets pack different facts into one sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from newsfuse.compare.details import NamePhrase, NumberMention, name_phrases_in, numbers_in
from newsfuse.compare.text import Token, cue_hits, key_counts, tokenize
from newsfuse.model.analysis import Quote
from newsfuse.model.article import Article, Span
from newsfuse.model.comparison import Claim, StoryMember

_CLAUSE_BREAK = re.compile(
    r";\s+|\s+[—–]\s+|—|,\s+(?=(?:which|who|whose|with|while|where|but|after|as|although|though)\b)"
)
_EDGE = " \n\t,;:—–-"
MIN_CONTENT_WORDS = 2
MIN_TOKENS = 3
MAX_NAME_LINE = 4


@dataclass(frozen=True, slots=True)
class ClaimText:
    """A claim with the words the comparer reads (kept out of the model: they are derived, not results)."""

    claim: Claim
    article: Article
    tokens: tuple[Token, ...]
    keys: Counter[str]
    quote: Quote | None
    rank: int  # position of the article in publication order
    numbers: tuple[NumberMention, ...]
    names: tuple[NamePhrase, ...]

    @property
    def text(self) -> str:
        return self.claim.span.text_in(self.article.text)


def outlet_of(article: Article) -> str:
    """The name an article is shown under: its outlet, else its web host, else its file name."""
    if article.outlet:
        return article.outlet
    if article.url and urlsplit(article.url).hostname:
        return str(urlsplit(article.url).hostname)
    return PurePath(article.source.path).name or article.id


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in " \n\t,;:—–":
        end -= 1
    return start, end


def clause_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]``, trimmed of edge spaces and punctuation."""
    ranges: list[tuple[int, int]] = []
    cursor = start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        ranges.append(_trim(text, cursor, match.start()))
        cursor = match.end()
    ranges.append(_trim(text, cursor, end))
    return [(s, e) for s, e in ranges if e > s]


def sentence_units(sentences: tuple[Span, ...], quotes: tuple[Quote, ...]) -> list[tuple[int, int]]:
    """Sentences, joined where one quotation runs on across a sentence break (a bracket, an ellipsis)."""
    parts = [part for quote in quotes if quote.kind != "indirect" for part in quote.content]
    units: list[tuple[int, int]] = []
    for sentence in sentences:
        crosses = any(p.start < sentence.start < p.end for p in parts)
        if units and crosses:
            units[-1] = (units[-1][0], sentence.end)
        else:
            units.append((sentence.start, sentence.end))
    return units


def _quote_at(quotes: tuple[Quote, ...], start: int, end: int) -> Quote | None:
    for quote in quotes:
        if any(part.start < end and start < part.end for part in quote.content):
            return quote
    return None


def _checkable(text: str, tokens: list[Token]) -> bool:
    """Leave out questions, fragments and pure opinion (an opinion cue and nothing checkable)."""
    if text.rstrip("”\"’' ").endswith("?") or "|" in text or len(tokens) < MIN_TOKENS:
        return False
    content = [t for t in tokens if t.key]
    plain = [t for t in content if t.is_number or not t.is_capitalised]
    if len(content) < MIN_CONTENT_WORDS or (len(content) == MIN_CONTENT_WORDS and not plain):
        return False
    if len(tokens) <= MAX_NAME_LINE and all(t.is_capitalised for t in tokens):
        return False  # a name on its own: a byline, an outlet, a dateline
    concrete = any(t.is_number or (t.is_capitalised and i > 0) for i, t in enumerate(tokens))
    return concrete or not cue_hits(tokens, "opinion")


def credited_outlet(member: StoryMember, quote: Quote | None, origins: dict[str, str]) -> str:
    """Whose reporting a claim is: a copy's origin, else the outlet a quote was given to, else its own."""
    origin = member.article.near_duplicate_of
    if origin is not None and origin in origins:
        return origins[origin]
    if quote is not None and quote.via_outlet_name:
        return quote.via_outlet_name
    return outlet_of(member.article)


def extract_claims(member: StoryMember, rank: int, origins: dict[str, str]) -> list[ClaimText]:
    """The claims of one article, in text order; ``origins`` maps article ids of the story to outlets."""
    article = member.article
    quotes = member.analysis.quotes
    claims: list[ClaimText] = []
    for unit_start, unit_end in sentence_units(member.analysis.sentences, quotes):
        for start, end in clause_ranges(article.text, unit_start, unit_end):
            tokens = tokenize(article.text, start, end)
            if not _checkable(article.text[start:end], tokens):
                continue
            quote = _quote_at(quotes, start, end)
            claim = Claim(
                id=f"{article.id}:{start}",
                span=Span(article.id, start, end, "claim"),
                outlet=outlet_of(article),
                credited=credited_outlet(member, quote, origins),
                in_quote=quote is not None and quote.kind != "indirect",
            )
            keys = key_counts(tokens)
            words = tuple(tokens)
            claims.append(
                ClaimText(claim, article, words, keys, quote, rank, numbers_in(words), name_phrases_in(words))
            )
    return claims
