"""Building story members for the comparison tests: clean, analyse, and attach the manifest's metadata."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from newsfuse.analyze import analyze_articles
from newsfuse.clean import clean_document
from newsfuse.ingest import ReadOptions, Skipped, discover_sources, read_source
from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef, Span, build_article
from newsfuse.model.comparison import StoryComparison, StoryMember


def members_of(articles: list[Article]) -> list[StoryMember]:
    """Analyse articles with the real analyzer and pair each with its analysis."""
    return [StoryMember(a, x) for a, x in zip(articles, analyze_articles(articles), strict=True)]


@cache
def seed_members(seeds_dir: Path) -> tuple[StoryMember, ...]:
    """The two seed articles, cleaned and analysed (they carry no outlet and no publication date)."""
    raws = [
        RawDocument(SourceRef(SourceKind.FILE, str(path)), text=path.read_text(encoding="utf-8"))
        for path in sorted(seeds_dir.glob("*.txt"))
    ]
    return tuple(members_of([clean_document(raw) for raw in raws]))


def _matches(article: Article, entry: dict[str, Any]) -> bool:
    if not article.source.path.endswith(entry["file"]):
        return False
    if entry["format"] == "warc":
        return article.url == entry["url"]
    return entry["item"] is None or article.source.item == entry["item"]


@cache
def example_articles(examples_dir: Path) -> dict[str, Article]:
    """Manifest id → clean article, with the manifest's outlet, date and copy status where it has none."""
    manifest = json.loads((examples_dir / "expected.json").read_text(encoding="utf-8"))
    options = ReadOptions()
    cleaned = [
        clean_document(item)
        for source in discover_sources([str(examples_dir)], options)
        for item in read_source(source, options)
        if not isinstance(item, Skipped)
    ]
    by_id: dict[str, Article] = {}
    for entry in manifest["articles"]:
        article = next(a for a in cleaned if _matches(a, entry))
        by_id[entry["id"]] = replace(
            article,
            outlet=article.outlet or entry["outlet"],
            published=article.published or datetime.fromisoformat(entry["published"]),
        )
    for copy in manifest["near_duplicates"]:
        by_id[copy["copy"]] = by_id[copy["copy"]].with_near_duplicate_of(by_id[copy["original"]].id)
    return by_id


@cache
def example_members(examples_dir: Path) -> dict[str, StoryMember]:
    articles = example_articles(examples_dir)
    members = members_of(list(articles.values()))
    return dict(zip(articles, members, strict=True))


def manifest(examples_dir: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((examples_dir / "expected.json").read_text(encoding="utf-8"))
    return loaded


def event_members(examples_dir: Path, event: str) -> list[StoryMember]:
    entries = [a["id"] for a in manifest(examples_dir)["articles"] if a["event"] == event]
    members = example_members(examples_dir)
    return [members[i] for i in entries]


def locate(article: Article, text: str) -> Span:
    """Where a manifest phrase sits in an article's clean text (whitespace may differ from the source)."""
    start = article.text.find(text)
    assert start >= 0, f"{text!r} not in the clean text of {article.id}"
    return Span(article.id, start, start + len(text))


def claims_over(comparison: StoryComparison, where: Span) -> list[int]:
    """Indexes of the facts holding a claim that overlaps ``where``."""
    return [n for n, f in enumerate(comparison.facts) if any(c.span.overlaps(where) for c in f.claims)]


def article(name: str, outlet: str, day: int, *paragraphs: str) -> Article:
    """A hand-written fictional article of May 2031, one paragraph per argument."""
    raw = RawDocument(SourceRef(SourceKind.FILE, f"{name}.txt"), text="\n\n".join(paragraphs))
    return build_article(
        raw,
        [(p, ParagraphKind.BODY) for p in paragraphs],
        outlet=outlet,
        published=datetime(2031, 5, day, 9, tzinfo=UTC),
    )
