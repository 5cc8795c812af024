"""Article ↔ database row, shared by the backends so both store exactly the same fields."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from newsfuse.errors import NotFoundError, UsageError
from newsfuse.model import Article, DateSource, Paragraph, ParagraphKind, SourceKind, SourceRef
from newsfuse.store.base import MIN_ID_PREFIX, ArticleSummary

ARTICLE_COLUMNS = (
    "id",
    "text",
    "paragraphs",
    "source_kind",
    "source_path",
    "source_offset",
    "source_item",
    "title",
    "url",
    "outlet",
    "authors",
    "published",
    "published_utc",
    "published_source",
    "language",
    "near_duplicate_of",
    "extra",
)
SUMMARY_SELECT = (
    "SELECT a.id, a.title, a.outlet, a.url, a.published, a.near_duplicate_of, length(a.text) AS length"
)
_HEX = re.compile(r"^[0-9a-f]+$")


def id_prefix_key(id_or_prefix: str) -> str:
    """The lower-case hex prefix to look up, or the error a user should see for this id."""
    key = id_or_prefix.strip().lower()
    if not _HEX.match(key):
        raise NotFoundError(f"no article with id {id_or_prefix!r} (ids are hexadecimal)")
    if len(key) < MIN_ID_PREFIX:
        raise UsageError(f"article id prefix {id_or_prefix!r} is too short: give at least {MIN_ID_PREFIX}")
    return key


def single_article(rows: Sequence[dict[str, Any]], id_or_prefix: str) -> Article:
    """The one article a prefix lookup found (fetched with LIMIT 2), else why not."""
    if not rows:
        raise NotFoundError(f"no article with id {id_or_prefix!r}")
    if len(rows) > 1:
        raise UsageError(f"article id prefix {id_or_prefix!r} matches several articles; give more of it")
    return row_to_article(rows[0])


def sort_key(published: datetime | None) -> str | None:
    """A UTC ISO timestamp that orders correctly as text; naive datetimes are taken as UTC."""
    if published is None:
        return None
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def article_to_row(article: Article) -> dict[str, Any]:
    """The column values of one article; structured fields become JSON text."""
    return {
        "id": article.id,
        "text": article.text,
        "paragraphs": json.dumps([[p.start, p.end, p.kind.value] for p in article.paragraphs]),
        "source_kind": article.source.kind.value,
        "source_path": article.source.path,
        "source_offset": article.source.offset,
        "source_item": article.source.item,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "authors": json.dumps(list(article.authors)),
        "published": article.published.isoformat() if article.published else None,
        "published_utc": sort_key(article.published),
        "published_source": article.published_source.value,
        "language": article.language,
        "near_duplicate_of": article.near_duplicate_of,
        "extra": json.dumps(article.extra, ensure_ascii=False, sort_keys=True),
    }


def _json(value: Any) -> Any:
    """Decode a JSON column; PostgreSQL's JSONB arrives already decoded."""
    return json.loads(value) if isinstance(value, str) else value


def row_to_article(row: dict[str, Any]) -> Article:
    """Rebuild the exact :class:`Article` that :func:`article_to_row` stored."""
    return Article(
        id=row["id"],
        text=row["text"],
        paragraphs=tuple(Paragraph(s, e, ParagraphKind(k)) for s, e, k in _json(row["paragraphs"])),
        source=SourceRef(
            SourceKind(row["source_kind"]), row["source_path"], row["source_offset"], row["source_item"]
        ),
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        authors=tuple(_json(row["authors"])),
        published=datetime.fromisoformat(row["published"]) if row["published"] else None,
        published_source=DateSource(row["published_source"]),
        language=row["language"],
        near_duplicate_of=row["near_duplicate_of"],
        extra=_json(row["extra"]),
    )


def row_to_summary(row: dict[str, Any]) -> ArticleSummary:
    return ArticleSummary(
        id=row["id"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=datetime.fromisoformat(row["published"]) if row["published"] else None,
        near_duplicate_of=row["near_duplicate_of"],
        length=row["length"],
    )
