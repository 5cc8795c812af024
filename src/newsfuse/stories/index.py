"""The hot index: which stories share a rare word or an entity with a new article, within the time window.

Only the article's heaviest words and its entity keys are looked up, posting lists longer than a bound
are skipped (a word that common does not pick a story), and stories that fall out of the window are
removed, so the cost of one look-up does not grow with the number of articles seen.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

from newsfuse.stories.vectors import Vector


class CandidateIndex:
    """Inverted index from key (word or ``e:`` entity key) to the hot stories that have it."""

    def __init__(self, max_posting: int) -> None:
        self.max_posting = max_posting
        # a posting is a dict of story ids (to None), not a set: a dict of strings is left out of the
        # garbage collector's walks, a set never is, and most articles bring a new key or two
        self._postings: defaultdict[str, dict[str, None]] = defaultdict(dict)
        self._expiry: list[tuple[float, str]] = []

    def add(self, story_id: str, keys: set[str]) -> None:
        for key in keys:
            self._postings[key][story_id] = None

    def remove(self, story_id: str, keys: set[str]) -> None:
        for key in keys:
            posting = self._postings.get(key)
            if posting is not None:
                posting.pop(story_id, None)
                if not posting:
                    del self._postings[key]

    def candidates(self, query: Vector, limit: int) -> list[str]:
        """Stories sharing keys with ``query``, ranked by the summed weight of the shared keys."""
        votes: defaultdict[str, float] = defaultdict(float)
        for key, weight in query.items():
            posting = self._postings.get(key)
            if posting is None or len(posting) > self.max_posting:
                continue
            for story_id in posting:
                votes[story_id] += weight
        if len(votes) > 4 * limit:  # keep only the front-runners before the exact, tie-broken ranking
            floor = heapq.nlargest(limit, votes.values())[-1]
            votes = defaultdict(float, {s: v for s, v in votes.items() if v >= floor})
        return sorted(votes, key=lambda s: (-votes[s], s))[:limit]

    def schedule(self, story_id: str, due: float) -> None:
        """Note the day the story's window counts from; :meth:`expired` returns it once the window passed."""
        heapq.heappush(self._expiry, (due, story_id))

    def expired(self, cutoff: float) -> list[tuple[float, str]]:
        """Pop the (due day, story id) entries older than ``cutoff``; the caller checks they are current."""
        out = []
        while self._expiry and self._expiry[0][0] < cutoff:
            out.append(heapq.heappop(self._expiry))
        return out
