"""Resolving a speaker mention ("she", "Kim", "the socialite") to an entity of the article.

Names resolve through the entity index. Pronouns and definite descriptions resolve to the most
salient person at that point: the person of the most recent subject before the mention, else the
most recently mentioned person.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from newsfuse.analyze.entities import Cluster, EntityIndex
from newsfuse.analyze.lexicon import Lexicon
from newsfuse.analyze.syntax import is_description, mention_bounds, text_of, tokens_of

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})


class SpeakerResolver:
    """Answers "which entity is this mention?" for one document, remembering what it resolved."""

    def __init__(self, doc: Doc, index: EntityIndex, lex: Lexicon) -> None:
        self.doc, self.index, self.lex = doc, index, lex
        self.resolved: dict[int, Cluster | None] = {}
        self._subjects: list[tuple[int, Cluster]] = []
        self._persons = sorted(
            (
                (start, cluster)
                for cluster in index.clusters
                if cluster.may_be_person
                for start, _ in cluster.mentions
            ),
            key=lambda pair: pair[0],
        )
        self._person_starts = [start for start, _ in self._persons]
        for token in tokens_of(doc):
            if token.dep_ in {"nsubj", "nsubjpass"}:
                cluster = self.resolve(token)
                if cluster is not None and cluster.may_be_person:
                    self._subjects.append((token.idx, cluster))

    def resolve(self, head: Token) -> Cluster | None:
        """The entity a mention headed by ``head`` refers to, or None."""
        if head.i in self.resolved:
            return self.resolved[head.i]
        start, end = mention_bounds(head)
        cluster = self.index.at(head.idx, head.idx + len(head))
        if cluster is None and head.pos_ != "NOUN":  # "the Velmont bridge" is no mention of Velmont
            cluster = self.index.at(start, end)
        if cluster is None and head.pos_ == "PROPN":
            cluster = self.index.person_token(head.text)
        if cluster is None and head.lower_ in PERSON_PRONOUNS:
            cluster = self.salient_person(start)
        elif cluster is None and is_description(head, self.lex):
            cluster = self.salient_person(start, exclude=self._clause_mates(head))
            if cluster is not None:
                cluster.mentions.append((start, end))
                cluster.surfaces.append(text_of(self.doc)[start:end])
        self.resolved[head.i] = cluster
        return cluster

    def resolve_speaker(self, head: Token) -> Cluster | None:
        """Like :meth:`resolve`, but a named speaker the tagger missed becomes an entity of its own."""
        cluster = self.resolve(head)
        if cluster is None and head.pos_ == "PROPN":
            start, end = mention_bounds(head)
            cluster = self.index.add(start, end, text_of(self.doc)[start:end], "PERSON")
            self.resolved[head.i] = cluster
        return cluster

    def salient_person(self, before: int, exclude: frozenset[int] = frozenset()) -> Cluster | None:
        """The most salient person before a character offset: the latest subject, else the latest mention.

        ``exclude`` holds clusters a description cannot be ("Blanchard seemed impressed by the socialite").
        """
        for position, cluster in reversed(self._subjects):
            if position < before and cluster.index not in exclude:
                return cluster
        at = bisect.bisect_left(self._person_starts, before)
        earlier = [c for _, c in self._persons[:at] if c.index not in exclude]
        return earlier[-1] if earlier else None

    def _clause_mates(self, head: Token) -> frozenset[int]:
        """Persons named as the subject of the description's own clause (they cannot be it)."""
        verb = head
        for _ in range(4):
            if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
                break
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        found = {self.index.at(t.idx, t.idx + len(t)) for s in subjects for t in s.subtree}
        return frozenset(c.index for c in found if c is not None)
