"""Rows of the export tables, read from the store a few whole stories at a time so memory stays bounded.

Articles and quotes follow the stories (newest first; small stories share one read of about 200 articles),
then come the articles in no story yet; claims come from each story's comparison
(:func:`compare_stored_story`, the same call the report and the API make). Every offset is into the
article's clean text, and every ``text`` column is the article's characters at those offsets. Stories
are paged by offset: rows written while ingestion changes the stories may miss or repeat a story.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from newsfuse.export.choices import choose
from newsfuse.export.columns import COLUMNS, KINDS, LIST_SEPARATOR, Kind
from newsfuse.model import Article, ArticleAnalysis, Span
from newsfuse.model.analysis import Quote
from newsfuse.model.comparison import StoryComparison
from newsfuse.store import Store, StorySummary
from newsfuse.store.analysis_tables import speaker_name

Row = dict[str, Any]
STORY_PAGE = 1000
ARTICLE_CHUNK = 200


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


def export_kind(name: str) -> Kind:
    """``name`` as an export kind, or a :class:`UsageError` naming the kinds there are."""
    return choose(name, KINDS, "export kind")


def iter_rows(store: Store, kind: Kind) -> Iterator[Row]:
    """The rows of one export table, each a flat dict with exactly the keys ``COLUMNS[kind]``, in order."""
    rows = {"stories": _story_rows, "articles": _article_rows, "quotes": _quote_rows, "claims": _claim_rows}
    columns = COLUMNS[export_kind(kind)]
    for row in rows[kind](store):
        yield {name: row[name] for name in columns}


def iter_stories(store: Store) -> Iterator[StorySummary]:
    """Every story, newest first, a page at a time."""
    offset = 0
    while page := store.list_stories("newest", STORY_PAGE, offset):
        yield from page
        offset += len(page)


def _story_chunks(store: Store) -> Iterator[dict[str, str | None]]:
    """Article ids mapped to their story, in chunks of about ``ARTICLE_CHUNK`` (a story is never split, so
    small stories share a read): the stories' members, newest story first, then unclustered articles."""
    chunk: dict[str, str | None] = {}
    for summary in iter_stories(store):
        chunk.update((m.article_id, summary.id) for m in store.get_story(summary.id).story.members)
        if len(chunk) >= ARTICLE_CHUNK:
            yield chunk
            chunk = {}
    for article_id in store.article_ids(unclustered=True):
        chunk[article_id] = None
        if len(chunk) >= ARTICLE_CHUNK:
            yield chunk
            chunk = {}
    if chunk:
        yield chunk


def _story_rows(store: Store) -> Iterator[Row]:
    for s in iter_stories(store):
        yield {
            "id": s.id,
            "title": s.title,
            "size": s.size,
            "outlets": _joined(s.outlets),
            "first_published": _iso(s.first_published),
            "last_published": _iso(s.last_published),
            "hot": s.hot,
        }


def _article_rows(store: Store) -> Iterator[Row]:
    for stories in _story_chunks(store):
        for a in store.get_articles(list(stories)):
            yield {
                "id": a.id,
                "story_id": stories[a.id],
                "title": a.title,
                "outlet": a.outlet,
                "url": a.url,
                "published": _iso(a.published),
                "published_source": a.published_source.value,
                "authors": _joined(a.authors),
                "language": a.language,
                "near_duplicate_of": a.near_duplicate_of,
                "source": f"{a.source.kind.value} {a.source.describe()}",
                "length": len(a.text),
                "text": a.text,
            }


def _quote_rows(store: Store) -> Iterator[Row]:
    for stories in _story_chunks(store):
        ids = list(stories)
        analyses = store.get_analyses(ids)
        for article in store.get_articles(ids):
            analysis = analyses.get(article.id)
            if analysis is None:
                continue
            for position, quote in enumerate(analysis.quotes):
                if quote.content:
                    yield _quote_row(stories[article.id], article, analysis, position, quote)


def _quote_row(
    story_id: str | None, article: Article, analysis: ArticleAnalysis, position: int, quote: Quote
) -> Row:
    start, end = quote.content[0].start, quote.content[-1].end
    mention = quote.speaker
    return {
        "story_id": story_id,
        "article_id": article.id,
        "outlet": article.outlet,
        "position": position,
        "kind": quote.kind,
        "speaker": speaker_name(analysis, quote, article.text),
        "speaker_mention": mention.text_in(article.text) if mention else None,
        "speaker_start": mention.start if mention else None,
        "speaker_end": mention.end if mention else None,
        "cue": quote.cue_lemma,
        "via_outlet": quote.via_outlet_name,
        "start": start,
        "end": end,
        "text": article.text[start:end],
        "content_ranges": _joined([f"{c.start}-{c.end}" for c in quote.content]),
        "analyzer": analysis.analyzer,
    }


def _claim_rows(store: Store) -> Iterator[Row]:
    from newsfuse.service.comparisons import compare_stored_story

    for summary in iter_stories(store):
        compared = compare_stored_story(store, summary.id)
        texts = {a.id: a.text for a in compared.articles}
        conflicts = _conflicts(compared.comparison)
        for fact in compared.comparison.facts:
            for claim in fact.claims:
                span = claim.span
                yield {
                    "story_id": summary.id,
                    "fact_id": fact.id,
                    "claim_id": claim.id,
                    "article_id": span.article_id,
                    "outlet": claim.outlet,
                    "credited": claim.credited,
                    "start": span.start,
                    "end": span.end,
                    "text": span.text_in(texts[span.article_id]),
                    "in_quote": claim.in_quote,
                    "corroborated": fact.corroborated,
                    "fact_outlets": _joined(fact.outlets),
                    "fact_score": round(fact.score, 3),
                    "conflicts": _joined(conflicts.get(_place(span), [])),
                    "comparer": compared.comparison.comparer,
                }


def _place(span: Span) -> tuple[str, int, int]:
    return span.article_id, span.start, span.end


def _conflicts(comparison: StoryComparison) -> dict[tuple[str, int, int], list[str]]:
    """The contradiction types each statement is a side of, by its place (article and offsets)."""
    found: dict[tuple[str, int, int], list[str]] = {}
    for c in comparison.contradictions:
        for side in (c.a, c.b):
            types = found.setdefault(_place(side), [])
            if c.type.value not in types:
                types.append(c.type.value)
    return found
