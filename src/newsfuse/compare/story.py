"""Compare one story's coverage: the stage's entry function.

Order of articles: by publication time when known. Articles without one are placed by the updates
between them (an article that says "upcoming" comes before one that says it aired), else they keep the
order they were given in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

from newsfuse.compare.align import AlignOptions, group_statements, score_statements
from newsfuse.compare.brief import build_brief
from newsfuse.compare.claims import ClaimText, extract_claims, outlet_of
from newsfuse.compare.conflicts import (
    StoryFacts,
    find_updates,
    judge,
    moves_on,
    related_pairs,
    to_contradiction,
)
from newsfuse.compare.quotes import group_quotes
from newsfuse.errors import InputError
from newsfuse.model.article import Span
from newsfuse.model.comparison import (
    COMPARER_NAME,
    ArticleEntry,
    Contradiction,
    DatedEvent,
    Fact,
    StoryComparison,
    StoryMember,
    Update,
)

_NEVER = datetime.max.replace(tzinfo=UTC)


def _when(member: StoryMember) -> datetime:
    published = member.article.published
    if published is None:
        return _NEVER
    return published if published.tzinfo else published.replace(tzinfo=UTC)


def _claims(members: Sequence[StoryMember]) -> list[ClaimText]:
    origins = {m.article.id: outlet_of(m.article) for m in members}
    found: list[ClaimText] = []
    for rank, member in enumerate(members):
        found.extend(extract_claims(member, rank, origins))
    return found


def _facts(
    claims: list[ClaimText], groups: list[list[int]], similarity: npt.NDArray[np.float32]
) -> list[Fact]:
    facts: list[Fact] = []
    for group in groups:
        ordered = sorted(group, key=lambda i: (claims[i].rank, claims[i].claim.span.start))
        score = max((float(similarity[a, b]) for a in group for b in group if a != b), default=0.0)
        outlets = tuple(dict.fromkeys(claims[i].claim.credited for i in ordered))
        facts.append(Fact("", tuple(claims[i].claim for i in ordered), outlets, score))
    facts.sort(key=lambda f: (-len(f.outlets), _first_position(f, claims)))
    return [Fact(f"f{n}", f.claims, f.outlets, f.score) for n, f in enumerate(facts)]


def _first_position(fact: Fact, claims: list[ClaimText]) -> tuple[int, int]:
    rank = {c.claim.span.article_id: c.rank for c in claims}
    first = fact.claims[0]
    return rank[first.span.article_id], first.span.start


def _story_facts(members: Sequence[StoryMember], claims: list[ClaimText]) -> StoryFacts:
    people: dict[str, frozenset[str]] = {}
    for member in members:
        words = {
            word.casefold()
            for entity in member.analysis.entities
            if entity.type == "PERSON"
            for name in (entity.name, *entity.aliases)
            for word in name.split()
        }
        people[member.article.id] = frozenset(words)
    names: dict[str, set[tuple[str, ...]]] = {m.article.id: set() for m in members}
    for claim in claims:
        names[claim.article.id].update(p.words for p in claim.names)
    every = {words for found in names.values() for words in found}
    singles = Counter(words for found in names.values() for words in found if len(words) == 1)
    return StoryFacts(
        dates={m.article.id: m.analysis.dates for m in members},
        people=people,
        names={k: frozenset(v) for k, v in names.items()},
        standalone=frozenset(words for words, count in singles.items() if count > 1),
        families=Counter(word for words in every for word in set(words)),
        outlets=frozenset(
            tuple(w.casefold() for w in outlet_of(m.article).split() if w.casefold() != "the")
            for m in members
        ),
    )


def _differences(
    claims: list[ClaimText], similarity: npt.NDArray[np.float32], groups: list[list[int]], facts: StoryFacts
) -> tuple[list[Contradiction], list[Update]]:
    contradictions: dict[tuple[str, ...], Contradiction] = {}
    group_of = {i: n for n, group in enumerate(groups) for i in group}
    for a, b in related_pairs(claims, similarity, groups):
        first, second = claims[a], claims[b]
        if _dated(first, second) and moves_on(first, second) is not None:
            continue  # the later article reports what happened since: news moving on
        for finding in judge(first, second, float(similarity[a, b]), facts, group_of[a] == group_of[b]):
            found = to_contradiction(finding, first, second)
            key = (
                found.type,
                first.claim.credited,
                second.claim.credited,
                _detail(found.a_detail, first),
                _detail(found.b_detail, second),
            )
            contradictions.setdefault(key, found)
    return list(contradictions.values()), find_updates(claims, similarity)


def _detail(span: Span, claim: ClaimText) -> str:
    """The folded words of a differing detail: one disagreement is reported once per article pair."""
    return " ".join(span.text_in(claim.article.text).casefold().split())


def _dated(first: ClaimText, second: ClaimText) -> bool:
    """Whether both articles carry a publication time, so a difference between them may be news moving on."""
    return first.article.published is not None and second.article.published is not None


def _article_order(members: Sequence[StoryMember], updates: list[Update]) -> list[tuple[StoryMember, str]]:
    later_count = {m.article.id: 0 for m in members}
    for update in updates:
        later_count[update.later.article_id] += 1
    ordered = sorted(
        enumerate(members),
        key=lambda p: (_when(p[1]), later_count[p[1].article.id] if _when(p[1]) == _NEVER else 0, p[0]),
    )
    result: list[tuple[StoryMember, str]] = []
    for _, member in ordered:
        if member.article.published is not None:
            basis = "published"
        elif any(member.article.id in (u.earlier.article_id, u.later.article_id) for u in updates):
            basis = "update cue"
        else:
            basis = "input order"
        result.append((member, basis))
    return result


def _events(members: Sequence[StoryMember], claims: list[ClaimText]) -> list[DatedEvent]:
    events: list[DatedEvent] = []
    for member in members:
        for date in member.analysis.dates:
            if not date.value:
                continue
            home = next(
                (
                    c.claim.span
                    for c in claims
                    if c.article.id == member.article.id
                    and c.claim.span.start <= date.span.start < c.claim.span.end
                ),
                date.span,
            )
            events.append(DatedEvent(date.value, date.span, home))
    return sorted(events, key=lambda e: (e.value, e.date.article_id, e.date.start))


def compare_story(members: Sequence[StoryMember], options: AlignOptions | None = None) -> StoryComparison:
    """Compare the coverage of one story: facts, contradictions, updates, quotes, timeline and brief."""
    if not members:
        raise InputError("a story to compare needs at least one article")
    for member in members:
        if member.analysis.article_id != member.article.id:
            raise InputError(
                f"analysis of {member.analysis.article_id} given for article {member.article.id}"
            )
    provisional = sorted(members, key=_when)
    claims = _claims(provisional)
    owners = [c.article.id for c in claims]
    options = options or AlignOptions()
    texts = {m.article.id: m.article.text for m in provisional}
    scores = score_statements([c.text for c in claims], [c.tokens for c in claims], owners, texts, options)
    groups = group_statements(owners, scores.aligned, options, scores.statement)
    # the conflict rules' thresholds are set on the word similarity: the embedding, which rates any two
    # sentences of one story as somewhat alike, would make every pair "related"
    contradictions, updates = _differences(claims, scores.lexical, groups, _story_facts(provisional, claims))
    ordered = _article_order(provisional, updates)
    rank = {m.article.id: n for n, (m, _) in enumerate(ordered)}
    claims = [replace(c, rank=rank[c.article.id]) for c in claims]
    facts = _facts(claims, groups, scores.statement)
    origins = {m.article.id: outlet_of(m.article) for m, _ in ordered}
    quotes, misattributed = group_quotes([m for m, _ in ordered], origins)
    contradictions.extend(misattributed)
    articles = tuple(
        ArticleEntry(
            m.article.id, outlet_of(m.article), m.article.published, basis, m.article.near_duplicate_of
        )
        for m, basis in ordered
    )
    return StoryComparison(
        comparer=COMPARER_NAME,
        articles=articles,
        facts=tuple(facts),
        contradictions=tuple(contradictions),
        updates=tuple(updates),
        quotes=tuple(quotes),
        events=tuple(_events([m for m, _ in ordered], claims)),
        brief=tuple(build_brief(facts, contradictions, quotes)),
    )
