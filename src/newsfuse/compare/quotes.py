"""Quotations across outlets: one entry per quotation, variants flagged, misattributions found.

Two quotations are the same when most of the words of the shorter one occur in the longer
(``SAME_QUOTE``); different quotes from different interviews share few words and stay apart. Wording
that differs from the earliest version is listed word by word as spans of the later article.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from newsfuse.compare.claims import credited_outlet, outlet_of
from newsfuse.compare.text import Token, tokenize
from newsfuse.model.analysis import Quote
from newsfuse.model.article import Span
from newsfuse.model.comparison import ConflictType, Contradiction, QuoteEntry, QuoteOccurrence, StoryMember

SAME_QUOTE = 0.6
MIN_WORDS = 4
MIN_SHARED = 3


@dataclass(frozen=True, slots=True)
class Carried:
    """A quotation in one article, with its words and its speaker's name and mention."""

    member: StoryMember
    quote: Quote
    rank: int
    words: tuple[Token, ...]
    speaker: str | None
    person: str | None  # the speaker's name when it resolves to a person: attribution compares these

    def folded(self) -> list[str]:
        return [t.text.casefold() for t in self.words]


def _person(member: StoryMember, quote: Quote) -> str | None:
    entity = member.analysis.entity(quote.speaker_entity) if quote.speaker_entity else None
    return entity.name if entity is not None and entity.type == "PERSON" else None


def _speaker_name(member: StoryMember, quote: Quote) -> str | None:
    if quote.speaker_entity is not None:
        entity = member.analysis.entity(quote.speaker_entity)
        if entity is not None:
            return entity.name
    return quote.speaker.text_in(member.article.text) if quote.speaker else None


def _carried(members: list[StoryMember]) -> list[Carried]:
    found: list[Carried] = []
    for rank, member in enumerate(members):
        for quote in member.analysis.quotes:
            if quote.kind == "indirect":
                continue
            words = tuple(
                t for part in quote.content for t in tokenize(member.article.text, part.start, part.end)
            )
            if len(words) >= MIN_WORDS:
                person = _person(member, quote)
                found.append(Carried(member, quote, rank, words, _speaker_name(member, quote), person))
    return found


def _same(a: Carried, b: Carried) -> bool:
    """Most content words of the shorter quotation occur in the longer one, and most of its words in
    the same order: two quotes about Ellen DeGeneres hosting the Oscars share words, not wording."""
    left, right = {t.key for t in a.words if t.key}, {t.key for t in b.words if t.key}
    shared = len(left & right)
    if shared < MIN_SHARED or shared / max(min(len(left), len(right)), 1) < SAME_QUOTE:
        return False
    matcher = SequenceMatcher(a=a.folded(), b=b.folded(), autojunk=False)
    in_order = sum(block.size for block in matcher.get_matching_blocks())
    return in_order / min(len(a.words), len(b.words)) >= SAME_QUOTE


def _changed(first: Carried, later: Carried) -> tuple[Span, ...]:
    """Words of ``later`` replaced or added with respect to the earliest version."""
    matcher = SequenceMatcher(a=first.folded(), b=later.folded(), autojunk=False)
    article_id = later.member.article.id
    spans: list[Span] = []
    for op, _, _, j1, j2 in matcher.get_opcodes():
        if op in {"replace", "insert"} and j1 > 0 and j2 < len(later.words):
            spans.append(Span(article_id, later.words[j1].start, later.words[j2 - 1].end, "changed"))
    return tuple(spans)


def _named(carried: Carried) -> bool:
    """Whether the speaker is named where the quote is, not only resolved from "he" or "the officer"."""
    mention = carried.quote.speaker
    if mention is None or carried.person is None:
        return False
    words = set(mention.text_in(carried.member.article.text).casefold().split())
    return bool(words & set(carried.person.casefold().split()))


def _different_speakers(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return not set(a.casefold().split()) & set(b.casefold().split())


def group_quotes(
    members: list[StoryMember], origins: dict[str, str]
) -> tuple[list[QuoteEntry], list[Contradiction]]:
    """Quote entries, earliest carrier first, and attribution conflicts (same words, other speaker)."""
    groups: list[list[Carried]] = []
    for item in sorted(_carried(members), key=lambda c: (c.rank, c.quote.start)):
        home = next((g for g in groups if _same(g[0], item)), None)
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    entries: list[QuoteEntry] = []
    conflicts: list[Contradiction] = []
    for number, group in enumerate(groups):
        first = group[0]
        occurrences = tuple(
            QuoteOccurrence(
                content=c.quote.content,
                speaker=c.speaker,
                outlet=outlet_of(c.member.article),
                credited=credited_outlet(c.member, c.quote, origins),
                changed=_changed(first, c) if c is not first else (),
            )
            for c in group
        )
        entries.append(QuoteEntry(f"q{number}", first.speaker, occurrences))
        conflicts.extend(
            _attribution(first, c)
            for c in group[1:]
            if _named(first) and _named(c) and _different_speakers(first.person, c.person)
        )
    return entries, conflicts


def _attribution(a: Carried, b: Carried) -> Contradiction:
    def speaker_span(c: Carried) -> Span:
        return c.quote.speaker or c.quote.content[0]

    return Contradiction(
        type=ConflictType.ATTRIBUTION,
        subtype=None,
        a=a.quote.content[0],
        b=b.quote.content[0],
        a_detail=speaker_span(a),
        b_detail=speaker_span(b),
        a_outlet=outlet_of(a.member.article),
        b_outlet=outlet_of(b.member.article),
    )
