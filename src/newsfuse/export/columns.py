"""The export tables: one fixed, documented column list per kind, declared once.

CSV headers, the Parquet schema, the API's streamed rows and the README table all come from
:data:`TABLES`, so a column cannot be added in one output and forgotten in another. Rows are flat: lists
(outlets, authors, content ranges) are joined with ``"; "``; times are ISO 8601 strings; a missing value
is ``None`` (an empty CSV cell, a Parquet null).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Kind = Literal["stories", "articles", "quotes", "claims"]
KINDS: tuple[Kind, ...] = get_args(Kind)
ColumnType = Literal["string", "int", "bool", "float"]
LIST_SEPARATOR = "; "


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, its type (every column may be null) and what it holds."""

    name: str
    type: ColumnType
    doc: str


TABLES: dict[Kind, tuple[Column, ...]] = {
    "stories": (
        Column("id", "string", "story id"),
        Column("title", "string", "the story's current label (a member's title)"),
        Column("size", "int", "number of member articles"),
        Column("outlets", "string", "outlets of its articles, joined with '; '"),
        Column("first_published", "string", "earliest member publication time (ISO 8601)"),
        Column("last_published", "string", "latest member publication time (ISO 8601)"),
        Column("hot", "bool", "still inside the clusterer's time window (may grow)"),
    ),
    "articles": (
        Column("id", "string", "article id (content hash)"),
        Column("story_id", "string", "the story it belongs to, if clustered"),
        Column("title", "string", "title"),
        Column("outlet", "string", "publishing outlet"),
        Column("url", "string", "URL"),
        Column("published", "string", "publication time (ISO 8601)"),
        Column("published_source", "string", "where the date came from (metadata, html, text, …)"),
        Column("authors", "string", "authors, joined with '; '"),
        Column("language", "string", "language code"),
        Column("near_duplicate_of", "string", "the first-seen original when this is a syndicated copy"),
        Column("source", "string", "where the raw input was: kind and locator"),
        Column("length", "int", "characters of clean text"),
        Column("text", "string", "the clean text every offset in the other tables points into"),
    ),
    "quotes": (
        Column("story_id", "string", "story of the article, if clustered"),
        Column("article_id", "string", "article carrying the quote"),
        Column("outlet", "string", "the article's outlet"),
        Column("position", "int", "index of the quote in the article's analysis"),
        Column("kind", "string", "direct, mixed or indirect"),
        Column("speaker", "string", "resolved speaker (the entity's name), else the literal mention"),
        Column("speaker_mention", "string", "the words naming the speaker: text[speaker_start:speaker_end]"),
        Column("speaker_start", "int", "offset of the speaker mention"),
        Column("speaker_end", "int", "end offset of the speaker mention"),
        Column("cue", "string", "the cue verb's lemma (said, told, …)"),
        Column("via_outlet", "string", "outlet the words were first given to, when named"),
        Column("start", "int", "start of the first content range"),
        Column("end", "int", "end of the last content range"),
        Column("text", "string", "text[start:end], verbatim (a quote split by its cue keeps the cue inside)"),
        Column("content_ranges", "string", "the exact content ranges 'start-end', joined with '; '"),
        Column("analyzer", "string", "versioned analyzer name"),
    ),
    "claims": (
        Column("story_id", "string", "story compared"),
        Column("fact_id", "string", "the aligned fact the claim belongs to"),
        Column("claim_id", "string", "claim id"),
        Column("article_id", "string", "article the claim is a span of"),
        Column("outlet", "string", "publishing outlet"),
        Column("credited", "string", "outlet whose reporting it is (a copy's origin…)"),
        Column("start", "int", "start offset in the article's clean text"),
        Column("end", "int", "end offset"),
        Column("text", "string", "text[start:end], verbatim"),
        Column("in_quote", "bool", "the claim lies inside a quotation"),
        Column("corroborated", "bool", "the fact has more than one independent outlet"),
        Column("fact_outlets", "string", "the fact's independent outlets, joined with '; '"),
        Column("fact_score", "float", "alignment score of the fact"),
        Column("conflicts", "string", "contradiction types this claim is a side of, joined with '; '"),
        Column("comparer", "string", "versioned comparer name"),
    ),
}

COLUMNS: dict[Kind, tuple[str, ...]] = {kind: tuple(c.name for c in cols) for kind, cols in TABLES.items()}
