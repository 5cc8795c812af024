"""The knobs of the online clusterer, declared once with their defaults (tuned on the training sets)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """Weights of the similarity terms, the join and merge thresholds, and the time window.

    An article joins the best candidate story when ``text_weight * cos(text) + entity_weight * cos(entities)
    + title_weight * cos(title) + meaning_weight * rescaled cos(lead embedding)`` (a weighted mean over
    the terms both sides have) ``- day_penalty * days_apart`` reaches ``join_threshold``; two stories an
    article both reaches are merged when their own similarity reaches ``merge_threshold``. A story closes
    ``window_days`` after its last article, or ``max_story_days`` after its first, whichever comes first
    (a later article on it starts a new story): that bounds the hot set.

    An outlet seldom runs two separate articles on one development of a story the same day: an article whose
    outlet already has a member in the story published within ``outlet_days`` of it (or either undated)
    counts ``outlet_penalty`` less, so it joins only on clearly stronger evidence than another outlet's
    article would need; a follow-up a day or more later joins as any article does.

    Greedy joins made early can be wrong: the best match for a member may arrive only later. So a new
    article that matches one member of a small story (at most ``rehome_max_story`` originals) better than
    it matches any story, and better than that member fits the rest of its own story, takes the member
    out into a new story of the two (both comparisons by the same weighted terms, a member keeping its
    text's ``member_terms`` heaviest terms). From the article's own best story a member is split off only
    when the pair beats that story by ``rehome_split_margin``; otherwise the article simply joins it.
    Likewise, an article kept out of the story it matches best only by the same-outlet penalty takes the
    place of its outlet's member there when it fits the rest of the story better (by ``swap_margin``): that
    member was the weak early join, and is placed again as if it had just arrived.

    The embedding cosine of two unrelated news leads is far from zero, so it counts from ``meaning_floor``
    (``(cos - floor) / (1 - floor)``, clipped at 0). While fewer than ``warm_documents`` articles have been
    seen, the online word frequencies are unreliable, so the embedding weighs more: ``cold_meaning_weight``
    at the first article, sliding linearly down to ``meaning_weight``. It stays light even then: an
    embedding tells the kind of event (a pirate raid, a DUI arrest), not which one, so leaning on it merges
    twin events of one kind (ECB+).
    """

    text_weight: float = 0.75
    entity_weight: float = 0.10
    title_weight: float = 0.15
    meaning_weight: float = 0.0
    meaning_floor: float = 0.6
    cold_meaning_weight: float = 0.5
    warm_documents: int = 25
    join_threshold: float = 0.25
    linkage: float = 0.0
    merge_threshold: float = 0.6
    day_penalty: float = 0.02
    outlet_penalty: float = 0.3
    outlet_days: float = 1.0
    rehome_max_story: int = 4
    rehome_split_margin: float = 0.3
    swap_margin: float = 0.0
    member_terms: int = 100
    window_days: float = 7.0
    max_story_days: float = 14.0
    query_terms: int = 8
    max_candidates: int = 5
    max_posting: int = 20
    centroid_terms: int = 300
    key_entities: int = 10

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClusterOptions:
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})
