"""Raw documents → clean articles: main text, title, paragraphs and metadata, boilerplate removed.

Entry point: :func:`clean_document`. HTML goes through the HTML extractor, plain text through the
plain-text cleaner; both return an :class:`Article` or raise :class:`InputError` saying why not.
"""

from __future__ import annotations

from newsfuse.clean.html import extract_html_document
from newsfuse.clean.plaintext import clean_text_document
from newsfuse.model import Article, RawDocument

__all__ = ["clean_document"]


def clean_document(raw: RawDocument) -> Article:
    """Clean one raw document into an article (raises ``InputError`` if nothing article-like is left)."""
    if raw.html is not None:
        return extract_html_document(raw)
    return clean_text_document(raw)
