"""Articles, their raw form, and the span type every later stage uses.

An :class:`Article` owns its clean text; everything derived from it later (an entity mention, a quote,
a date, a claim, a brief sentence) is a :class:`Span` — ``(article_id, start, end, label)`` — that points
into that text and copies none of it. The title is part of the text (its first paragraph), so a quote in
a headline has offsets like any other.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

ARTICLE_ID_LENGTH = 16
PARAGRAPH_SEPARATOR = "\n\n"

_WHITESPACE = re.compile(r"\s+")


class ParagraphKind(StrEnum):
    """What a paragraph of clean text is."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"


class DateSource(StrEnum):
    """Where an article's publication date came from, most trusted first."""

    METADATA = "metadata"  # a field the source gave us (JSONL, feed item, HTML meta tag)
    HTML = "html"  # found in the page by htmldate
    TEXT = "text"  # a dateline in plain text ("Published March 3, 2026")
    WARC = "warc"  # the crawl date of the WARC record: an upper bound, not the publication date
    URL = "url"  # a date in the URL path
    NONE = "none"


class SourceKind(StrEnum):
    """Which kind of container the raw article came from."""

    FILE = "file"
    WARC = "warc"
    JSONL = "jsonl"
    FEED = "feed"
    URL = "url"
    STDIN = "stdin"


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character range ``[start, end)`` in one article's clean text."""

    article_id: str
    start: int
    end: int
    label: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")

    def text_in(self, text: str) -> str:
        """The characters this span covers in ``text`` (the article's clean text)."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.article_id == other.article_id and self.start < other.end and other.start < self.end

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "label": self.label}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of clean text: ``text[start:end]``, with what kind of paragraph it is."""

    start: int
    end: int
    kind: ParagraphKind = ParagraphKind.BODY


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where the raw bytes of an article can be found again.

    ``path`` is the file (or URL for fetched pages); ``offset`` the byte offset of the WARC record;
    ``item`` the line number in a JSONL file or the entry index in a feed.
    """

    kind: SourceKind
    path: str
    offset: int | None = None
    item: int | None = None

    def describe(self) -> str:
        """A short human-readable locator, used in error lines and `newsfuse show`."""
        if self.offset is not None:
            return f"{self.path}@{self.offset}"
        if self.item is not None:
            return f"{self.path}:{self.item}"
        return self.path


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader hands to cleaning: HTML or plain text plus whatever metadata the container gave.

    Exactly one of ``html`` and ``text`` is set. Metadata fields are hints: cleaning may improve on them
    (a title detected in the text, a date found in the page).
    """

    source: SourceRef
    html: str | None = None
    text: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    published_source: DateSource = DateSource.NONE
    language: str | None = None

    def __post_init__(self) -> None:
        if (self.html is None) == (self.text is None):
            raise ValueError("a RawDocument carries exactly one of html and text")


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: the system of record for everything derived from it."""

    id: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    source: SourceRef
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    published_source: DateSource = DateSource.NONE
    language: str | None = None
    near_duplicate_of: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def span(self, start: int, end: int, label: str = "") -> Span:
        """A span of this article, checked against its text."""
        if end > len(self.text):
            raise ValueError(f"span end {end} is past the article's {len(self.text)} characters")
        return Span(self.id, start, end, label)

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]

    def body_text(self) -> str:
        """The text without its title paragraph."""
        return PARAGRAPH_SEPARATOR.join(
            self.text[p.start : p.end] for p in self.paragraphs if p.kind is not ParagraphKind.TITLE
        )

    def with_near_duplicate_of(self, original_id: str | None) -> Article:
        return replace(self, near_duplicate_of=original_id)


def normalise_for_identity(text: str) -> str:
    """The form of a text that decides article identity: NFKC, case-folded, whitespace collapsed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id_for(text: str) -> str:
    """Content hash of the normalised text, so the same article from two inputs has one id."""
    digest = hashlib.sha256(normalise_for_identity(text).encode("utf-8")).hexdigest()
    return digest[:ARTICLE_ID_LENGTH]


def build_article(
    raw: RawDocument,
    paragraphs: list[tuple[str, ParagraphKind]],
    **metadata: Any,
) -> Article:
    """Join cleaned paragraphs into an :class:`Article`, computing offsets and the content id.

    ``metadata`` overrides the raw document's hints (title, outlet, authors, published, …).
    """
    pieces: list[str] = []
    spans: list[Paragraph] = []
    cursor = 0
    for text, kind in paragraphs:
        if not text:
            continue
        if pieces:
            cursor += len(PARAGRAPH_SEPARATOR)
        spans.append(Paragraph(cursor, cursor + len(text), kind))
        pieces.append(text)
        cursor += len(text)
    clean_text = PARAGRAPH_SEPARATOR.join(pieces)
    fields: dict[str, Any] = {
        "title": raw.title,
        "url": raw.url,
        "outlet": raw.outlet,
        "authors": raw.authors,
        "published": raw.published,
        "published_source": raw.published_source,
        "language": raw.language,
    }
    fields.update(metadata)
    return Article(
        id=article_id_for(clean_text),
        text=clean_text,
        paragraphs=tuple(spans),
        source=raw.source,
        **fields,
    )
