"""Contradictions between related claims of different outlets, typed, and updates told apart from them.

Two claims are related when the aligner put them in one fact or their similarity passes
``RELATED_THRESHOLD``. Rules, in order: a different number for the same measure (age, count, money), a
different date, a different name for the same thing, a different place in the same slot ("taken to …"),
and a negation present on one side only. A difference counts only between claims about the same thing
(:func:`judge`): not about different people, a number among the same words, a negated verb said of the
same subject or object, one date a side. A difference between an earlier article that speaks of the
future ("upcoming", "scheduled") and a later one that speaks of the past is an :class:`Update` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsfuse.compare.claims import ClaimText
from newsfuse.compare.details import NamePhrase, NumberMention, distinctive, number_text
from newsfuse.compare.text import cue_hits, cues, key_of
from newsfuse.model.analysis import TemporalExpression
from newsfuse.model.article import Span
from newsfuse.model.comparison import ConflictType, Contradiction, Update

RELATED_THRESHOLD = 0.3
NEGATION_THRESHOLD = 0.45
DATE_THRESHOLD = 0.45
ALIGNED_DATE_FLOOR = 0.2  # aligned by paraphrase yet sharing few words: two dates of two things
MIN_VARIANT_LENGTH = 6  # "Recognised"/"Recognized"; shorter words one letter apart are other words
MAX_RATIO = 2.0
NUMBER_THRESHOLD = 0.15  # loosely related claims: two numbers must also stand among the same words
NEAR_WORDS = 3  # content words either side of a number that say what it counts
VERB_WORDS = 2  # content words either side of a negated verb: its subject and object
UNIT_WORDS = 2  # content words after a number that name its unit ("nautical miles")
_NAME_START = re.compile(r"\s+[A-Z][a-z]")  # a capitalised word right after a year: part of a name
_PLACE_PREPOSITIONS = frozenset({"to", "at", "in", "from", "near", "into"})
LOOSE_THRESHOLD = 0.12  # same topic at least: enough for an update or two names of one thing


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's verdict on a pair: the type, subtype and the differing ranges on each side."""

    type: ConflictType
    subtype: str | None
    a: tuple[int, int]
    b: tuple[int, int]


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """What the rules need beyond the two claims: dates and people's names per article."""

    dates: dict[str, tuple[TemporalExpression, ...]]
    people: dict[str, frozenset[str]]  # folded words of PERSON names and aliases, per article
    names: dict[str, frozenset[tuple[str, ...]]]  # every name phrase of each article
    standalone: frozenset[tuple[str, ...]]  # one-word names used alone in two articles or more
    outlets: frozenset[tuple[str, ...]]  # the story's outlet names, as name-phrase words
    families: dict[str, int]  # word → how many different names of the story contain it


def _age_pairs(claims: list[ClaimText]) -> set[tuple[int, int]]:
    """Claims giving an age of the same named person, however different the rest of them is."""
    by_person: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        for unit in {n.unit for n in claim.numbers if n.unit.startswith("age:") and len(n.unit) > 4}:
            by_person.setdefault(unit, []).append(index)
    return {(a, b) for found in by_person.values() for a in found for b in found if a < b}


def related_pairs(
    claims: list[ClaimText], similarity: npt.NDArray[np.float32], groups: list[list[int]]
) -> Iterator[tuple[int, int]]:
    """Pairs of claims from different articles and outlets on one topic, earlier first."""
    same_group = {(a, b) for group in groups for a in group for b in group if a < b}
    rows, cols = np.nonzero(np.triu(similarity, k=1) >= LOOSE_THRESHOLD)
    candidates = same_group | _age_pairs(claims) | {(int(a), int(b)) for a, b in zip(rows, cols, strict=True)}
    for a, b in sorted(candidates):
        first, second = claims[a], claims[b]
        if first.article.id == second.article.id or first.claim.credited == second.claim.credited:
            continue
        yield (a, b) if (first.rank, a) <= (second.rank, b) else (b, a)


def _comparable(x: NumberMention, y: NumberMention) -> bool:
    """Same measure, and close enough in size to be two reports of one quantity (60 vs 45, not 38 vs 600)."""
    if x.unit != y.unit:
        return False
    if x.subtype == "age":
        return True
    small, large = sorted((x.amount, y.amount))
    return small > 0 and large / small < MAX_RATIO


def _number_conflict(a: ClaimText, b: ClaimText, loose: bool = False) -> Finding | None:
    """A different number for the same measure: a named person's age, a count of the same thing, money.

    A number the other claim also states is shared, whatever it is attached to there ("23 Somali and
    Yemeni" against "23 pirates (12 Somali and 11 Yemeni)"); a bound ("more than 100") conflicts only
    with a number outside it. ``loose``: the claims are only loosely related, so the two numbers must
    also stand among the same words ("60 firefighters from Dunmore Falls" / "45 firefighters from
    Dunmore Falls"), not merely count the same unit ("13 nautical miles away" / "extend to 12 nautical
    miles").
    """
    left, right = a.numbers, b.numbers
    for x in left:
        same_unit = [y for y in right if _comparable(x, y)]
        if not same_unit or _states(b, x):
            continue
        y = same_unit[0]
        if _states(a, y) or not _outside(x, y):
            continue
        if _parts_of(x, right) or _parts_of(y, left):
            continue
        if loose and not _neighbours(a, x.start, x.end, UNIT_WORDS) & _neighbours(
            b, y.start, y.end, UNIT_WORDS
        ):
            continue
        return Finding(ConflictType.NUMBER, x.subtype, (x.start, x.end), (y.start, y.end))
    return None


def _neighbours(
    claim: ClaimText, start: int, end: int, skip: int = 0, names: bool = True, near: int = NEAR_WORDS
) -> set[str]:
    """Content keys of the words either side of ``text[start:end]``: what a number or a verb is said of.

    ``skip``: words right after it that belong to it (a number's unit, "nautical miles"); ``names``:
    whether proper names count (they do not for a negated verb: "Cheeks did not meet them" and "he met
    with Cheeks" share the name, not the meeting).
    """
    words = [t for t in claim.tokens if t.key and not t.is_number and (names or not t.is_capitalised)]
    before = [t for t in words if t.end <= start][-near:]
    after = [t for t in words if t.start >= end][skip : skip + near]
    return {t.key for t in (*before, *after)}


def _states(claim: ClaimText, number: NumberMention) -> bool:
    """Whether the claim writes this number too, whatever it counts there."""
    digits = number.value.partition(" ")[0]
    return any(t.is_number and number_text(t) == digits for t in claim.tokens)


def _outside(x: NumberMention, y: NumberMention) -> bool:
    """Whether two numbers cannot both hold: a bound is broken, or two plain numbers differ."""
    if x.bound and y.bound:
        return False  # "more than 100" and "up to 120" can both be true
    if x.bound or y.bound:
        limit, value = (x, y) if x.bound else (y, x)
        return value.amount <= limit.amount if limit.bound == ">" else value.amount >= limit.amount
    return True


def _parts_of(total: NumberMention, numbers: tuple[NumberMention, ...]) -> bool:
    """Whether the other claim's counts add up to this one: "23 pirates" against "12 Somali and 11 Yemeni"."""
    counts = [n.amount for n in numbers if n.subtype == "count"]
    return len(counts) > 1 and abs(sum(counts) - total.amount) < 1e-9


def _dates_in(claim: ClaimText, facts: StoryFacts) -> list[TemporalExpression]:
    span = claim.claim.span
    return [
        d
        for d in facts.dates.get(span.article_id, ())
        if d.value and span.start <= d.span.start and d.span.end <= span.end
    ]


def _event_dates(claim: ClaimText, facts: StoryFacts) -> list[TemporalExpression]:
    text = claim.article.text
    return [d for d in _dates_in(claim, facts) if not _NAME_START.match(text, d.span.end)]


def _same_date(x: TemporalExpression, y: TemporalExpression) -> bool:
    """Equal, or one within the other ("2013" and "2013-08")."""
    first, second = x.value or "", y.value or ""
    return first.startswith(second) or second.startswith(first)


def _date_conflict(a: ClaimText, b: ClaimText, facts: StoryFacts) -> Finding | None:
    """One date on each side, different at the same grain, and neither year written out on the other side.

    A claim with several dates is a chronology, not the date of one thing; a year that begins a name
    ("the 2014 Academy Awards") dates the name, not the event.
    """
    left, right = _event_dates(a, facts), _event_dates(b, facts)
    if len({d.value for d in left}) != 1 or len({d.value for d in right}) != 1:
        return None
    x, y = left[0], right[0]
    if _same_date(x, y) or x.value in {t.text for t in b.tokens} or y.value in {t.text for t in a.tokens}:
        return None
    if len(x.value or "") != len(y.value or "") or "W" in (x.value or "") + (y.value or ""):
        return None  # "Tuesday" against "this past week" is a different grain, not a different date
    return Finding(ConflictType.DATE, None, (x.span.start, x.span.end), (y.span.start, y.span.end))


def _usable(phrase: NamePhrase, claim: ClaimText, facts: StoryFacts, people: frozenset[str]) -> bool:
    """A phrase that can name a thing: not a lone capitalised first word, a person, a date or an outlet."""
    if not phrase.words or (phrase.start == claim.claim.span.start and len(phrase.words) == 1):
        return False
    calendar = cues()["calendar"]
    if all(word in calendar for word in phrase.words) or phrase.words in facts.outlets:
        return False
    text = claim.article.text[phrase.start : phrase.end]
    if len(phrase.words) > 1 and text.isupper():
        return False  # a headline in capitals, not a name
    return not any(word in people for word in phrase.words)


def _name_conflict(a: ClaimText, b: ClaimText, facts: StoryFacts) -> Finding | None:
    """Two names sharing a distinctive word, neither used by the other article: one thing, two names.

    The shared word must not stand alone as a name across the story: "Harborview" alone is the town,
    so "Harborview Ledger" and "Harborview City Council" are two things, not two names of one.
    """
    people = facts.people.get(a.article.id, frozenset()) | facts.people.get(b.article.id, frozenset())
    names_a, names_b = facts.names[a.article.id], facts.names[b.article.id]
    for x in a.names:
        if not _usable(x, a, facts, people) or x.words in names_b:
            continue
        for y in b.names:
            if not _usable(y, b, facts, people) or y.words in names_a or _variant_spelling(x, y):
                continue
            if _kinds_differ(x, y):
                continue
            shared = set(x.words) & set(y.words)
            if any(_names_one_thing(word, facts) for word in shared):
                return Finding(ConflictType.NAME, None, (x.start, x.end), (y.start, y.end))
    return None


def _variant_spelling(x: NamePhrase, y: NamePhrase) -> bool:
    """One name written two ways, or one name inside another that names something else.

    Equal up to stems ("Picture"/"Pictures"), one beginning the other ("Bayou La Batre" / "Bayou La
    Batre Rural Health Clinic"), or one ending the other ("Bruce Township" / "Macomb County's Bruce
    Township") — except a title with its article ("The Kardashians") ending a longer title, which is the
    title of another work.
    """
    first, second = _spelled(x.words), _spelled(y.words)
    if len(first) == len(second) and all(map(_one_word, first, second)):
        return True
    if "".join(first) == "".join(second):
        return True  # "M/S Columbus" and "MS Columbus"
    (shorter, short), (_, long) = sorted(((x, first), (y, second)), key=lambda p: len(p[1]))
    if long[: len(short)] == short:
        return True
    return long[-len(short) :] == short and not shorter.titled


def _kinds_differ(x: NamePhrase, y: NamePhrase) -> bool:
    """Two names ending in different generic nouns name two things: "Tasman Glacier", "Tasman Saddle Hut"."""
    generic = cues()["generic"]
    last_x, last_y = x.words[-1], y.words[-1]
    return last_x != last_y and last_x in generic and last_y in generic


def _spelled(words: tuple[str, ...]) -> list[str]:
    """Words as spelled for comparison: stems, letters and digits only ("M/S" and "MS" meet)."""
    return [key_of("".join(ch for ch in w if ch.isalnum())) or w for w in words]


def _one_word(first: str, second: str) -> bool:
    """Equal, or one letter apart in a longer word ("Recognised"/"Recognized")."""
    if first == second:
        return True
    if len(first) != len(second) or len(first) < MIN_VARIANT_LENGTH:
        return False
    return sum(a != b for a, b in zip(first, second, strict=True)) == 1


def _names_one_thing(word: str, facts: StoryFacts) -> bool:
    """A shared word that ties exactly two names in the story, and is not a name on its own."""
    if word in cues()["generic"] or (word,) in facts.standalone:
        return False
    return distinctive(word) and facts.families.get(word, 0) == 2


def _place_conflict(a: ClaimText, b: ClaimText, facts: StoryFacts) -> Finding | None:
    """Different names in the same slot of two related claims ("taken to X" / "taken to Y")."""
    for x in a.names:
        if x.context.rpartition(" ")[2] not in _PLACE_PREPOSITIONS or not _usable(x, a, facts, frozenset()):
            continue
        for y in b.names:
            if (
                y.context == x.context
                and _usable(y, b, facts, frozenset())
                and not set(x.words) & set(y.words)
            ):
                return Finding(ConflictType.PLACE, None, (x.start, x.end), (y.start, y.end))
    return None


def _negation_conflict(a: ClaimText, b: ClaimText, score: float) -> Finding | None:
    if score < NEGATION_THRESHOLD:
        return None
    left, right = cue_hits(list(a.tokens), "negation"), cue_hits(list(b.tokens), "negation")
    if bool(left) == bool(right):
        return None
    negated, plain = (a, b) if left else (b, a)
    cue = (left or right)[0]
    following = next(
        (t for t in negated.tokens if t.start > cue[1] and t.key and not t.key[0].isdigit()), None
    )
    if following is not None and following.is_capitalised:
        return None  # "not Sam Mitchell": a name, not a negated predicate
    match = next((t for t in plain.tokens if following is not None and t.key == following.key), None)
    if following is None or match is None or _another_mood(negated, cue, plain, match.start):
        return None
    negated_range = (cue[0], following.end)
    around = _neighbours(negated, *negated_range, names=False, near=VERB_WORDS)
    if not around & _neighbours(plain, match.start, match.end, names=False, near=VERB_WORDS):
        return None  # the same verb said of different things
    if negated is a:
        return Finding(ConflictType.NEGATION, None, negated_range, (match.start, match.end))
    return Finding(ConflictType.NEGATION, None, (match.start, match.end), negated_range)


def _another_mood(negated: ClaimText, cue: tuple[int, int], plain: ClaimText, at: int) -> bool:
    """ "would not pull over" / "pulled over", "will not be released until charged" / "released after":
    a refusal, a plan or a condition against a report of what happened, not its negation."""
    if any(t.text.lower() == "until" for t in negated.tokens if t.start >= cue[1]):
        return True
    return _modal(negated, cue[0], inside=cue) and not _modal(plain, at)


def _modal(claim: ClaimText, at: int, inside: tuple[int, int] | None = None) -> bool:
    """Whether a modal ("would", "will", "can't") comes right before ``at`` or is the cue itself."""
    modals = cues()["modal"]
    before = [t for t in claim.tokens if t.end <= at][-2:]
    own = [t for t in claim.tokens if inside is not None and inside[0] <= t.start < inside[1]]
    return any(t.text.lower().replace("’", "'") in modals for t in (*before, *own))


def judge(a: ClaimText, b: ClaimText, score: float, facts: StoryFacts, aligned: bool) -> list[Finding]:
    """Every disagreement the rules find between two claims (at most one of each kind).

    Claims only on the same topic are checked for two names of one thing and for a named person's age.
    Every other kind needs two claims about the same thing: not about different people ("LaSalle was
    taken to …" / "Johnson was taken to …"), and aligned or closely related (loosely related claims
    only for two numbers among the same words); dates only when closer still.
    """
    found = [_name_conflict(a, b, facts)]
    if _named_ages(a, b):
        return [f for f in (*found, _number_conflict(a, b)) if f is not None]
    if _other_people(a, b, facts):
        return [f for f in found if f is not None]
    if aligned or score >= RELATED_THRESHOLD:
        found += [_number_conflict(a, b), _place_conflict(a, b, facts), _negation_conflict(a, b, score)]
        if (aligned and score >= ALIGNED_DATE_FLOOR) or score >= DATE_THRESHOLD:
            found.append(_date_conflict(a, b, facts))
    elif score >= NUMBER_THRESHOLD:
        found.append(_number_conflict(a, b, loose=True))
    return [f for f in found if f is not None]


def _other_people(a: ClaimText, b: ClaimText, facts: StoryFacts) -> bool:
    """Both claims name people, and no one in common: they are about different people."""
    left, right = _people_in(a, facts), _people_in(b, facts)
    return bool(left) and bool(right) and not left & right


def _people_in(claim: ClaimText, facts: StoryFacts) -> set[str]:
    people = facts.people.get(claim.article.id, frozenset())
    return {t.text.casefold() for t in claim.tokens if t.is_capitalised and t.text.casefold() in people}


def _named_ages(a: ClaimText, b: ClaimText) -> bool:
    """Both claims give an age of the same named person: a different age conflicts however apart they are."""
    units = {n.unit for n in a.numbers if n.unit.startswith("age:") and len(n.unit) > 4}
    return any(n.unit in units for n in b.numbers)


def moves_on(earlier: ClaimText, later: ClaimText) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The cues when the earlier claim looks ahead and the later one looks back on the same news."""
    future = cue_hits(list(earlier.tokens), "future")
    past = cue_hits(list(later.tokens), "past")
    if not future or not past or cue_hits(list(later.tokens), "future"):
        return None
    if not {t.key for t in earlier.tokens if t.key and not t.is_capitalised} & set(later.keys):
        return None  # nothing but names in common: not the same news
    return future[0], past[0]


def find_updates(claims: list[ClaimText], similarity: npt.NDArray[np.float32]) -> list[Update]:
    """The best update per pair of articles: a look-ahead claim, then a look-back claim in a later article.

    When either article has no publication time, the cues alone set the direction.
    """
    ahead = [i for i, c in enumerate(claims) if cue_hits(list(c.tokens), "future")]
    back = [i for i, c in enumerate(claims) if cue_hits(list(c.tokens), "past")]
    best: dict[tuple[str, str], tuple[float, Update]] = {}
    for i in ahead:
        for j in back:
            earlier, later = claims[i], claims[j]
            if earlier.article.id == later.article.id or _out_of_order(earlier, later):
                continue
            cues_found = moves_on(earlier, later)
            key = (earlier.article.id, later.article.id)
            if cues_found is None or (key in best and best[key][0] >= similarity[i, j]):
                continue
            update = Update(
                earlier=earlier.claim.span,
                later=later.claim.span,
                earlier_cue=Span(earlier.article.id, *cues_found[0], "cue"),
                later_cue=Span(later.article.id, *cues_found[1], "cue"),
            )
            best[key] = (float(similarity[i, j]), update)
    return [update for _, update in best.values()]


def _out_of_order(earlier: ClaimText, later: ClaimText) -> bool:
    first, second = earlier.article.published, later.article.published
    return first is not None and second is not None and earlier.rank > later.rank


def to_contradiction(finding: Finding, a: ClaimText, b: ClaimText) -> Contradiction:
    return Contradiction(
        type=finding.type,
        subtype=finding.subtype,
        a=a.claim.span,
        b=b.claim.span,
        a_detail=Span(a.article.id, *finding.a, "detail"),
        b_detail=Span(b.article.id, *finding.b, "detail"),
        a_outlet=a.claim.outlet,
        b_outlet=b.claim.outlet,
    )
