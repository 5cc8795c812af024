"""Compare a stored story: its members' articles and analyses in, a :class:`StoryComparison` out.

The CLI's ``report``, the API's story endpoint, the web UI's story page and the Python API all call
:func:`compare_stored_story`, so a story reads the same everywhere. Members with no stored analysis (or one
from an older analyzer) are analysed in memory for this comparison; those analyses are not stored.

Comparing a large story takes about a second, so each comparison is cached in the store under the story's
etag: a story whose members, copy links, analyzer or comparer change has a new etag and is compared anew,
and the store drops a story's entry whenever clustering changes the story.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsfuse.compare import COMPARER_NAME, StoryMember, compare_story
from newsfuse.model import Article, ArticleAnalysis
from newsfuse.model.article import Span
from newsfuse.model.comparison import (
    ArticleEntry,
    BriefItem,
    Claim,
    ConflictType,
    Contradiction,
    DatedEvent,
    Fact,
    QuoteEntry,
    QuoteOccurrence,
    StoryComparison,
    Update,
)
from newsfuse.report.json_report import comparison_document
from newsfuse.service.story_views import StoryView, show_story
from newsfuse.store import CachedComparison, ComparisonCounts, Store


@dataclass(frozen=True, slots=True)
class ComparedStory:
    """A story, the comparison of its coverage, and its member articles (for quoting spans).

    ``etag`` changes whenever the comparison could: a member joins or leaves, a copy link changes, or the
    comparer or analyzer version does; and when the story leaves the clusterer's window (so a response
    that shows whether the story may still grow is never served stale). ``cached`` says whether the
    comparison came from the cache.
    """

    view: StoryView
    comparison: StoryComparison
    articles: list[Article]
    etag: str
    cached: bool = False


def story_etag(view: StoryView, analyzer: str) -> str:
    """A strong validator for a story's comparison, computed without comparing."""
    parts = [COMPARER_NAME, analyzer, view.stored.story.id, "hot" if view.stored.hot else "closed"]
    parts += sorted(f"{m.article_id}:{m.copy_of or ''}" for m in view.members)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def compare_stored_story(store: Store, id_or_prefix: str) -> ComparedStory:
    """The comparison of the story with this id (or unique id prefix), from the cache when it is current."""
    return compare_view(store, show_story(store, id_or_prefix))


def current_etag(view: StoryView) -> str:
    """The etag the story's comparison has now, without comparing (for ``If-None-Match``)."""
    from newsfuse.analyze import ANALYZER_NAME  # imports spaCy: only once a story's etag is needed

    return story_etag(view, ANALYZER_NAME)


def compare_view(store: Store, view: StoryView) -> ComparedStory:
    """The comparison of a story already read with :func:`show_story`."""
    from newsfuse.analyze import ANALYZER_NAME

    etag = story_etag(view, ANALYZER_NAME)
    ids = [m.article_id for m in view.members]
    articles = store.get_articles(ids)
    cached = store.get_comparison(view.stored.story.id, etag)
    if cached is not None:
        return ComparedStory(view, comparison_from_dict(cached.document), articles, etag, cached=True)
    analyses = _analyses(articles, store.get_analyses(ids), ANALYZER_NAME)
    comparison = compare_story([StoryMember(article, analyses[article.id]) for article in articles])
    store.save_comparison(
        CachedComparison(view.stored.story.id, etag, comparison.to_dict(), comparison_counts(comparison))
    )
    return ComparedStory(view, comparison, articles, etag)


def comparison_json(compared: ComparedStory) -> dict[str, Any]:
    """The comparison as ``render_json`` writes it (schema ``newsfuse-comparison/1``), as a dict."""
    return comparison_document(compared.comparison, compared.articles)


def comparison_counts(comparison: StoryComparison) -> ComparisonCounts:
    """What story lists show and sort by."""
    return ComparisonCounts(
        facts=len(comparison.facts),
        corroborated=len(comparison.corroborated),
        contradictions=len(comparison.contradictions),
        quotes=len(comparison.quotes),
    )


def _analyses(
    articles: list[Article], stored: dict[str, ArticleAnalysis], analyzer: str
) -> dict[str, ArticleAnalysis]:
    """Stored analyses where current; the rest analysed now (spaCy loads only when something is missing)."""
    current = {i: a for i, a in stored.items() if a.analyzer == analyzer}
    missing = [a for a in articles if a.id not in current]
    if missing:
        from newsfuse.analyze import analyze_articles

        current.update((a.article_id, a) for a in analyze_articles(missing))
    return current


# ---- the cached JSON back into the model (the inverse of StoryComparison.to_dict) ---------------------


def _span(d: dict[str, Any]) -> Span:
    return Span(d["article_id"], d["start"], d["end"], d.get("label", ""))


def _spans(items: list[dict[str, Any]]) -> tuple[Span, ...]:
    return tuple(_span(d) for d in items)


def _claim(d: dict[str, Any]) -> Claim:
    return Claim(d["id"], _span(d["span"]), d["outlet"], d["credited"], d["in_quote"])


def _contradiction(d: dict[str, Any]) -> Contradiction:
    return Contradiction(
        type=ConflictType(d["type"]),
        subtype=d["subtype"],
        a=_span(d["a"]),
        b=_span(d["b"]),
        a_detail=_span(d["a_detail"]),
        b_detail=_span(d["b_detail"]),
        a_outlet=d["a_outlet"],
        b_outlet=d["b_outlet"],
    )


def _quote(d: dict[str, Any]) -> QuoteEntry:
    occurrences = tuple(
        QuoteOccurrence(_spans(o["content"]), o["speaker"], o["outlet"], o["credited"], _spans(o["changed"]))
        for o in d["occurrences"]
    )
    return QuoteEntry(d["id"], d["speaker"], occurrences)


def comparison_from_dict(d: dict[str, Any]) -> StoryComparison:
    """Rebuild the :class:`StoryComparison` whose ``to_dict`` this is."""
    return StoryComparison(
        comparer=d["comparer"],
        articles=tuple(
            ArticleEntry(
                a["article_id"],
                a["outlet"],
                datetime.fromisoformat(a["published"]) if a["published"] else None,
                a["order_basis"],
                a["copy_of"],
            )
            for a in d["articles"]
        ),
        facts=tuple(
            Fact(f["id"], tuple(_claim(c) for c in f["claims"]), tuple(f["outlets"]), f["score"])
            for f in d["facts"]
        ),
        contradictions=tuple(_contradiction(c) for c in d["contradictions"]),
        updates=tuple(
            Update(_span(u["earlier"]), _span(u["later"]), _span(u["earlier_cue"]), _span(u["later_cue"]))
            for u in d["updates"]
        ),
        quotes=tuple(_quote(q) for q in d["quotes"]),
        events=tuple(DatedEvent(e["value"], _span(e["date"]), _span(e["claim"])) for e in d["events"]),
        brief=tuple(BriefItem(b["section"], _span(b["span"]), tuple(b["outlets"])) for b in d["brief"]),
    )
