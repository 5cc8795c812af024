"""What the clusterer compares about an article: weighted words of the text and title, and its entities."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import chain

import numpy as np
import numpy.typing as npt

from newsfuse.embed import embedder
from newsfuse.model.story import EntityRef, StoryCandidate
from newsfuse.stories.entities import entity_keys, surname_key
from newsfuse.stories.text import terms
from newsfuse.stories.vectors import DocumentFrequency, Vector, normalised, weighted

ENTITY_PREFIX = "e:"
LEAD_SENTENCES = 3
LEAD_CHARS = 600
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

Meaning = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """Unit-length vectors of one article, plus its time in days (``None`` when undated)."""

    article_id: str
    text: Vector
    title: Vector
    entities: Vector
    day: float | None
    meaning: Meaning | None = field(default=None, compare=False)


def to_day(moment: datetime | None) -> float | None:
    """Days since the epoch, the unit of the time window (naive times are taken as UTC)."""
    if moment is None:
        return None
    return (
        moment.timestamp() / 86400.0
        if moment.tzinfo
        else (moment - datetime(1970, 1, 1)).total_seconds() / 86400.0
    )


@lru_cache(maxsize=1 << 16)
def _vector_keys(name: str, label: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The vector keys of an entity: its name keys and a person's surname. Cached on the strings, as
    :func:`entity_keys` is (the same entities recur; a C hash, nothing for the collector to walk)."""
    entity = EntityRef(name, label, aliases)
    surname = surname_key(entity)
    keys = set(entity_keys(entity)) | ({surname} if surname else set())
    return tuple(ENTITY_PREFIX + key for key in sorted(keys))


def _entity_counts(candidate: StoryCandidate) -> dict[str, float]:
    counts: dict[str, float] = {}
    for entity in candidate.entities:
        for name in _vector_keys(entity.name, entity.type, entity.aliases):
            counts[name] = max(counts.get(name, 0.0), float(entity.mentions))
    return counts


def lead(candidate: StoryCandidate) -> str:
    """Title and first sentences: where a news article says what happened, before background dilutes it."""
    body = candidate.text
    if candidate.title and body.startswith(candidate.title):
        body = body[len(candidate.title) :]
    sentences = _SENTENCE_END.split(body.strip()[: LEAD_CHARS * 2], maxsplit=LEAD_SENTENCES)
    opening = " ".join(sentences[:LEAD_SENTENCES])[:LEAD_CHARS]
    return f"{candidate.title}. {opening}" if candidate.title else opening


def meaning(candidate: StoryCandidate) -> Meaning:
    """Unit static sentence embedding of the lead: paraphrases meet where words do not."""
    row: Meaning = embedder().encode([lead(candidate)])[0]
    return row


def extract(candidate: StoryCandidate, df: DocumentFrequency, embed: bool = True) -> ArticleFeatures:
    """The article's features, counting its terms into ``df`` first so its own words have a weight."""
    title_counts = terms(candidate.title or "")
    text_counts = terms(candidate.text)
    if candidate.title and candidate.title not in candidate.text:
        for term, count in title_counts.items():
            text_counts[term] = text_counts.get(term, 0) + count
    entity_counts = _entity_counts(candidate)
    # distinct terms (entity keys carry a prefix); a headline word is normally in the text already
    idf = df.observe(chain(text_counts.keys() | title_counts.keys(), entity_counts))
    text_vector = weighted(text_counts, idf)
    for term in title_counts:  # a headline word is worth more than a body word
        if term in text_vector:
            text_vector[term] *= 1.0 + math.log(2.0)
    return ArticleFeatures(
        candidate.article_id,
        normalised(text_vector),
        normalised(weighted(title_counts, idf)),
        normalised(weighted(entity_counts, idf)),
        to_day(candidate.published),
        meaning(candidate) if embed else None,
    )
