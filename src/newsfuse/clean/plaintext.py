"""Plain text → article: boilerplate lines dropped, title found, headings and paragraphs kept.

Text written as blank-line-separated paragraphs (what most scrapers hand over) keeps every unit that is
not page furniture. Text with one line per page block (a page flattened without an extractor) is also
scored line by line by a learned model; prose lines are kept whatever the score, so no article sentence
is ever dropped on a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsfuse.clean.boilerplate import is_boilerplate, is_trail_marker
from newsfuse.clean.byline import byline_authors
from newsfuse.clean.dateline import dateline_date
from newsfuse.clean.line_model import LineModel, default_model
from newsfuse.clean.shape import ends_sentence, is_prose, is_title_like
from newsfuse.clean.titles import split_title
from newsfuse.clean.units import Unit, is_paragraph_text, split_units
from newsfuse.errors import InputError
from newsfuse.model import Article, DateSource, ParagraphKind, RawDocument, build_article

__all__ = ["CleanText", "candidate_units", "clean_text", "clean_text_document"]


@dataclass(frozen=True, slots=True)
class CleanText:
    """The cleaner's result before it becomes an article: title, kept paragraphs, byline and dateline."""

    title: str | None
    paragraphs: list[tuple[str, ParagraphKind]]
    authors: tuple[str, ...] = ()
    published: datetime | None = None


def candidate_units(units: list[Unit]) -> list[Unit]:
    """The units that are not furniture lines nor headline teasers in a "Related posts" trail.

    A trail starts only after the article's first prose: above it, "Latest" or "Popular" is a menu item.
    """
    kept: list[Unit] = []
    seen_prose = in_trail = False
    for unit in units:
        if seen_prose and is_trail_marker(unit.text, normalised=True):
            in_trail = True
            continue
        if in_trail and is_title_like(unit.text) and not ends_sentence(unit.text):
            continue
        in_trail = False
        if not is_boilerplate(unit.text, normalised=True):
            kept.append(unit)
            seen_prose = seen_prose or is_prose(unit.text)
    return kept


def _keep_scored(units: list[Unit], model: LineModel) -> list[str]:
    texts = [unit.text for unit in units]
    scores = model.probabilities(texts)
    return [
        text for text, score in zip(texts, scores, strict=True) if score >= model.threshold or is_prose(text)
    ]


def _label(body: list[str]) -> list[tuple[str, ParagraphKind]]:
    """Short headline-like units followed by more text are section headings; the rest is body."""
    labelled: list[tuple[str, ParagraphKind]] = []
    for index, text in enumerate(body):
        heading = index + 1 < len(body) and is_title_like(text) and not is_prose(text)
        labelled.append((text, ParagraphKind.HEADING if heading else ParagraphKind.BODY))
    return labelled


def _above_prose(units: list[Unit]) -> list[str]:
    """The lines above the first paragraph of prose, where bylines and datelines stand."""
    lines: list[str] = []
    for unit in units:
        if is_prose(unit.text):
            break
        lines.append(unit.text)
    return lines


def _authors(header: list[str]) -> tuple[str, ...]:
    """Names from the first byline in the header lines."""
    return next((names for line in header if (names := byline_authors(line))), ())


def _published(header: list[str]) -> datetime | None:
    """The date of the first dateline in the header lines."""
    return next((date for line in header if (date := dateline_date(line)) is not None), None)


def clean_text(text: str, title_hint: str | None = None, model: LineModel | None = None) -> CleanText:
    """Clean scraper text; raises :class:`InputError` when nothing article-like is left."""
    units = split_units(text)
    if not units:
        raise InputError("the text is empty")
    candidates = candidate_units(units)
    if is_paragraph_text(units):
        kept = [unit.text for unit in candidates]
    else:
        kept = _keep_scored(candidates, model or default_model())
    title, body = split_title(kept, title_hint)
    if not body:
        reason = "only a title is left" if title else "every line is boilerplate"
        raise InputError(f"nothing article-like in the text: {reason}")
    header = _above_prose(units)
    return CleanText(title, _label(body), _authors(header), _published(header))


def clean_text_document(raw: RawDocument) -> Article:
    """Clean scraper text into an article: title first (TITLE), then HEADING and BODY paragraphs."""
    if raw.text is None:
        raise InputError("the document has no text to clean")
    cleaned = clean_text(raw.text, raw.title)
    paragraphs = [(cleaned.title, ParagraphKind.TITLE)] if cleaned.title else []
    published, published_source = raw.published, raw.published_source
    if cleaned.published is not None and published_source in (DateSource.NONE, DateSource.WARC):
        published, published_source = cleaned.published, DateSource.TEXT
    return build_article(
        raw,
        paragraphs + cleaned.paragraphs,
        title=cleaned.title or raw.title,
        authors=raw.authors or cleaned.authors,
        published=published,
        published_source=published_source,
    )
