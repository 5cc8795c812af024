"""Named entities of one article, with their mentions gathered into one entity each.

"Gypsy Rose Blanchard", "Blanchard", "Gypsy" and the typo "Gypsey" become one person: a mention
joins an entity when its name tokens are a part of that entity's name (or one letter away from a
token of it). The type is a vote over all mentions, so one mistagged mention does not split it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsfuse.analyze.marks import ALL_MARKS
from newsfuse.analyze.syntax import entities_of, text_of, tokens_of

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT"})
PERSONISH = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # labels the small model confuses on surnames
POSSESSIVE = ("'s", "’s", "'", "’")
RUN_ON = ALL_MARKS + "\n"  # an entity holding one of these ran on across a quotation or a paragraph
FULL_NAME_VOTE = 2.0  # a full name tells more about the type than a bare surname the tagger guessed
PART_NAME_VOTE = 0.5
MAX_GIVEN_NAMES = 2
MIN_TYPO_LENGTH = 4  # shorter tokens match only exactly


@dataclass(eq=False)
class Cluster:
    """An entity being built: its name tokens, label votes and mention offsets.

    The label and whether it may be a person are worked out once per vote, not on every read: every
    mention added to the article asks them of every cluster.
    """

    index: int
    tokens: tuple[str, ...]
    name: str
    votes: dict[str, float] = field(default_factory=dict)  # label → weighted votes
    names: Counter[str] = field(default_factory=Counter)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    changes: list[int] = field(default_factory=lambda: [0], repr=False)  # the index's change count
    _label: str = field(default="PERSON", init=False, repr=False)
    _may_be_person: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        self._count_votes()

    def vote(self, label: str, weight: float) -> None:
        self.votes[label] = self.votes.get(label, 0.0) + weight
        before = (self._label, self._may_be_person)
        self._count_votes()
        if (self._label, self._may_be_person) != before:
            self.changes[0] += 1

    def _count_votes(self) -> None:
        self._label = max(self.votes, key=self.votes.__getitem__) if self.votes else "PERSON"
        self._may_be_person = self.votes.get("PERSON", 0.0) > 0

    @property
    def label(self) -> str:
        return self._label

    @property
    def is_person(self) -> bool:
        return self._label == "PERSON"

    @property
    def may_be_person(self) -> bool:
        """Whether any mention was tagged as a person (surnames are often tagged ORG or NORP)."""
        return self._may_be_person


@lru_cache(maxsize=1 << 16)  # the same name pairs recur for every proper noun of an article
def one_edit_apart(a: str, b: str) -> bool:
    """Whether two tokens differ by one insertion, deletion or substitution (long tokens only)."""
    if min(len(a), len(b)) < MIN_TYPO_LENGTH or abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if a.rstrip("s") == b.rstrip("s"):
        return False  # "Kardashians" is the family or the show, not a typo of "Kardashian"
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=1 << 14)  # the same few names are looked up for every proper noun of an article
def name_tokens(text: str) -> tuple[str, ...]:
    """The lower-cased name tokens of a mention, without a possessive ending."""
    for ending in POSSESSIVE:
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    return tuple(t for t in text.lower().replace("-", " ").split() if t.isalnum() or t.rstrip(".").isalnum())


@lru_cache(maxsize=1 << 14)
def typo_keys(token: str) -> frozenset[str]:
    """The token and, if long enough for typos, each way of dropping one letter: two tokens one letter
    apart (:func:`one_edit_apart`) always share a key, so clusters sharing none with a mention are skipped."""
    if len(token) < MIN_TYPO_LENGTH:
        return frozenset({token})
    return frozenset({token, *(token[:i] + token[i + 1 :] for i in range(len(token)))})


def _token_matches(token: str, names: tuple[str, ...]) -> bool:
    """Whether the token is one of the names or one letter away from one (lengths screened first)."""
    if token in names:
        return True
    size = len(token)
    return size >= MIN_TYPO_LENGTH and any(one_edit_apart(token, n) for n in names if abs(len(n) - size) <= 1)


def _compatible(tokens: tuple[str, ...], label: str, cluster: Cluster) -> bool:
    """Whether a mention can be another name for the cluster (part of its name, allowing one typo)."""
    names = cluster.tokens
    if tokens == names:
        return True
    other = cluster.label
    if label != other and not (label in PERSONISH and other in PERSONISH):
        return False
    if len(tokens) < len(names):
        return all(_token_matches(t, names) for t in tokens)
    if label != "PERSON":
        return False
    if len(tokens) > len(names):
        return all(_token_matches(t, tokens) for t in names)
    return all(_token_matches(t, names) for t in tokens)


class EntityIndex:
    """Clusters of mentions for one document, queried by the speaker resolver.

    Every proper noun of an article asks which cluster its name fits, and the same names recur; the
    answers are kept until a cluster is made or changes its name tokens, label or personhood (all a
    fit reads), and :meth:`at` looks among the mentions sorted by start, not through them all.
    """

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.by_offset: dict[tuple[int, int], Cluster] = {}
        self._changes = [0]  # shared with every cluster, which counts its own label and personhood flips
        self._answered_at = 0
        self._answers: dict[tuple[object, ...], Cluster | None] = {}
        self._by_key: dict[str, set[Cluster]] = {}  # every typo key of a cluster's name tokens
        self._spans: list[tuple[int, int, int, Cluster]] | None = None  # by start: start, end, order, cluster
        self._starts: list[int] = []
        self._longest = 0

    def _recall(self, question: tuple[object, ...], answer: Callable[[], Cluster | None]) -> Cluster | None:
        """The answer to a question about the clusters, worked out once while none of them changes."""
        if self._answered_at != self._changes[0]:
            self._answers.clear()
            self._answered_at = self._changes[0]
        if question not in self._answers:
            self._answers[question] = answer()
        return self._answers[question]

    def _file(self, cluster: Cluster) -> None:
        """Make the cluster found by the typo keys of its name tokens (keys of a shorter name stay)."""
        for name in cluster.tokens:
            for key in typo_keys(name):
                self._by_key.setdefault(key, set()).add(cluster)

    def _candidates(self, tokens: tuple[str, ...]) -> list[Cluster]:
        """The clusters that may fit a mention (sharing a typo key with it), the most recent first."""
        found = {c for token in tokens for key in typo_keys(token) for c in self._by_key.get(key, ())}
        return sorted(found, key=lambda cluster: cluster.index, reverse=True)

    def add(self, start: int, end: int, text: str, label: str) -> Cluster | None:
        """Add one mention, joining the most recent compatible cluster or starting a new one."""
        tokens = name_tokens(text)
        if not tokens:
            return None
        match = self._recall(
            ("mention", tokens, label),
            lambda: next((c for c in self._candidates(tokens) if _compatible(tokens, label, c)), None),
        )
        if match is None:
            match = Cluster(len(self.clusters), tokens, text, changes=self._changes)
            self.clusters.append(match)
            self._changes[0] += 1
            self._file(match)
        elif len(tokens) > len(match.tokens) and label in {"PERSON", match.label}:
            match.tokens = tokens
            self._changes[0] += 1
            self._file(match)
        match.names[_strip_possessive(text)] += 1
        match.name = _canonical(match)
        match.vote(label, FULL_NAME_VOTE if len(tokens) > 1 else PART_NAME_VOTE)
        match.mentions.append((start, end))
        match.surfaces.append(_strip_possessive(text))
        self.by_offset[(start, end)] = match
        self._spans = None
        return match

    def at(self, start: int, end: int) -> Cluster | None:
        """The cluster with a mention overlapping ``[start, end)``, the closest one first."""
        if self._spans is None:
            self._spans = sorted((s, e, order, c) for order, ((s, e), c) in enumerate(self.by_offset.items()))
            self._starts = [span[0] for span in self._spans]
            self._longest = max((e - s for s, e, _, _ in self._spans), default=0)
        first = bisect_left(self._starts, start - self._longest + 1)  # no mention starting earlier reaches it
        last = bisect_left(self._starts, end, first)
        overlapping = [span for span in self._spans[first:last] if start < span[1]]
        return min(overlapping, key=lambda span: span[2])[3] if overlapping else None

    def name_token(self, text: str) -> Cluster | None:
        """The person-like entity (a label the tagger confuses with person) whose name holds this token."""
        return self._holding_token("name", text, lambda cluster: cluster.label in PERSONISH)

    def person_token(self, text: str) -> Cluster | None:
        """The person whose name holds this single token (exactly or one letter away)."""
        return self._holding_token("person", text, lambda cluster: cluster.may_be_person)

    def _holding_token(self, kind: str, text: str, fits: Callable[[Cluster], bool]) -> Cluster | None:
        """The most recent cluster that ``fits`` and whose name holds the single token ``text``."""
        tokens = name_tokens(text)
        if len(tokens) != 1:
            return None
        return self._recall(
            (kind, tokens[0]),
            lambda: next(
                (c for c in self._candidates(tokens) if fits(c) and _token_matches(tokens[0], c.tokens)),
                None,
            ),
        )


def _canonical(cluster: Cluster) -> str:
    """The name to show: the most frequent full name; on a tie the shorter (NER over-extends titles)."""
    if not cluster.names:
        return cluster.name
    full = [item for item in cluster.names.items() if " " in item[0]] or list(cluster.names.items())
    return max(full, key=lambda item: (item[1], -len(item[0])))[0]


def _strip_possessive(text: str) -> str:
    for ending in POSSESSIVE:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text


def _ent_bounds(ent: Span, titles: frozenset[str]) -> tuple[int, int, str]:
    """Offsets and text of an entity without possessive, determiner, spaces or a leading title."""
    tokens = [t for t in ent if t.tag_ != "POS" and t.lower_ not in {"the"} and not t.is_space]
    while len(tokens) > 1 and ent.label_ == "PERSON" and tokens[0].lower_.rstrip(".") in titles:
        tokens.pop(0)
    if not tokens:
        return ent.start_char, ent.end_char, ent.text
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return start, end, text_of(ent.doc)[start:end]


def build_entity_index(doc: Doc, titles: frozenset[str] = frozenset()) -> EntityIndex:
    """Cluster the document's named entities, then add untagged proper nouns that match a person."""
    index = EntityIndex()  # entities holding quotation marks or line breaks are tagger run-ons: skipped
    tokens, text = tokens_of(doc), text_of(doc)
    ents = entities_of(doc)
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    for ent in ents:
        surface = text[ent.start_char : ent.end_char]
        if ent.label_ in NAMED_LABELS and not any(mark in surface for mark in RUN_ON):
            start, end, name = _ent_bounds(_with_given_names(ent, tokens, covered), titles)
            index.add(start, end, _strip_possessive(name), ent.label_)
    name_like = [_name_like(token, titles) for token in tokens]  # asked three times of every token
    _add_untagged_names(doc, index, covered, name_like)
    _add_name_chains(doc, index, covered, name_like)
    for token in tokens:
        if token.i in covered or not name_like[token.i] or not token.text[:1].isupper():
            continue
        cluster = index.person_token(token.text)
        if cluster is not None:
            index.add(token.idx, token.idx + len(token), token.text, "PERSON")
    return index


def _name_like(token: Token, titles: frozenset[str]) -> bool:
    """A proper noun; in a sentence left untagged (no cue there), any capitalised word but a title."""
    if token.tag_:
        return token.pos_ == "PROPN"
    return token.is_title and token.lower_.rstrip(".") not in titles


def _add_untagged_names(doc: Doc, index: EntityIndex, covered: set[int], name_like: list[bool]) -> None:
    """In untagged sentences, runs of capitalised words that name a known person ("Orla Venter")."""
    run: list[Token] = []
    for token in [*tokens_of(doc), None]:
        if token is not None and name_like[token.i] and not token.tag_ and token.i not in covered:
            run.append(token)
            continue
        if run and _names_known_person(run, index):
            start, end = run[0].idx, run[-1].idx + len(run[-1])
            index.add(start, end, text_of(doc)[start:end], "PERSON")
            covered.update(t.i for t in run)
        run = []


def _names_known_person(run: list[Token], index: EntityIndex) -> bool:
    """All words are parts of one person's name, or given names before a known surname."""
    clusters = {index.person_token(t.text) for t in run}
    if len(clusters) == 1 and None not in clusters:
        return True
    return 1 < len(run) <= MAX_GIVEN_NAMES + 1 and index.name_token(run[-1].text) is not None


def _add_name_chains(doc: Doc, index: EntityIndex, covered: set[int], name_like: list[bool]) -> None:
    """Untagged "Gypsy Rose Blanchard" (a title-case headline) ending in a known surname: a full name."""
    tokens = tokens_of(doc)
    for token in tokens:
        if token.i in covered or not name_like[token.i] or token.i < 1:
            continue
        cluster = index.person_token(token.text)
        if cluster is None or len(cluster.tokens) > 1:
            continue
        first = token.i
        while (
            first > token.i - MAX_GIVEN_NAMES
            and first > 0
            and name_like[first - 1]
            and tokens[first - 1].is_title
            and first - 1 not in covered
        ):
            first -= 1
        if first < token.i:
            start, end = tokens[first].idx, token.idx + len(token)
            index.add(start, end, text_of(doc)[start:end], "PERSON")
            covered.update(range(first, token.i + 1))


def _given_name(token: Token, covered: set[int]) -> bool:
    return _name_like(token, frozenset()) and token.is_title and token.i not in covered


def _with_given_names(ent: Span, tokens: list[Token], taken: set[int]) -> Span:
    """A person entity the tagger started too late ("Laura [Bennett]") extended over given names before it.

    ``taken`` holds the indices of every entity's tokens (built once per document, not per entity).
    """
    if ent.label_ != "PERSON":
        return ent
    start = ent.start
    while start > max(ent.start - MAX_GIVEN_NAMES, 0) and _given_name(tokens[start - 1], taken):
        start -= 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label_)
