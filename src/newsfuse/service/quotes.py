"""Finding quotes: by speaker (any part of the name) or by words, each with its source characters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsfuse.errors import UsageError
from newsfuse.model import Article
from newsfuse.store import QuoteHit, Store

_WORD = re.compile(r"\w+")
_CANDIDATE_ARTICLES = 200  # articles a word search looks in, best full-text matches first


@dataclass(frozen=True, slots=True)
class QuoteResult:
    """A stored quote with the article it is in; ``text`` is the article's characters start..end."""

    hit: QuoteHit
    text: str
    outlet: str | None
    title: str | None
    published: str | None

    def to_dict(self) -> dict[str, Any]:
        h = self.hit
        return {
            "article_id": h.article_id,
            "position": h.position,
            "kind": h.kind,
            "speaker": h.speaker,
            "content": {"article_id": h.article_id, "start": h.start, "end": h.end, "label": "quote"}
            | {"text": self.text},
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class QuotePage:
    """One page of quotes; ``more`` says whether another page follows."""

    items: list[QuoteResult]
    more: bool

    def to_dict(self) -> dict[str, Any]:
        return {"items": [q.to_dict() for q in self.items], "more": self.more}


def quote_results(store: Store, hits: list[QuoteHit]) -> list[QuoteResult]:
    """The hits with their text and articles' metadata (one read of the articles)."""
    articles = {a.id: a for a in store.get_articles(list(dict.fromkeys(h.article_id for h in hits)))}
    return [_result(h, articles[h.article_id]) for h in hits if h.article_id in articles]


def _result(hit: QuoteHit, article: Article) -> QuoteResult:
    published = article.published.isoformat() if article.published else None
    return QuoteResult(hit, article.text[hit.start : hit.end], article.outlet, article.title, published)


def search_quotes(
    store: Store, speaker: str | None = None, words: str | None = None, limit: int = 20, offset: int = 0
) -> QuotePage:
    """Quotes whose speaker's name contains ``speaker`` and/or whose words include every word of ``words``.

    A speaker search reads the quote index; a word search looks at the quotes of the best full-text
    matches, so it finds quotes in the most relevant articles first.
    """
    speaker = (speaker or "").strip() or None
    words = (words or "").strip() or None
    if speaker is None and words is None:
        raise UsageError("give a speaker, words to look for, or both")
    if words is None:
        assert speaker is not None
        hits = store.find_quotes(speaker, limit + 1, offset)
        results = quote_results(store, hits[:limit])
        return QuotePage(results, len(hits) > limit)
    wanted = [w.casefold() for w in _WORD.findall(words)]
    if not wanted:
        raise UsageError(f"search words {words!r} hold no word to look for")
    found: list[QuoteResult] = []
    ids = [hit.summary.id for hit in store.search(words, _CANDIDATE_ARTICLES)]
    rank = {article_id: i for i, article_id in enumerate(ids)}
    hits = sorted(store.quotes_in(ids), key=lambda h: (rank[h.article_id], h.position))
    if speaker is not None:
        key = speaker.casefold()
        hits = [h for h in hits if h.speaker is not None and key in h.speaker.casefold()]
    for result in quote_results(store, hits):
        said = {w.casefold() for w in _WORD.findall(result.text)}
        if all(w in said for w in wanted):
            found.append(result)
            if len(found) > offset + limit:
                break
    return QuotePage(found[offset : offset + limit], len(found) > offset + limit)
