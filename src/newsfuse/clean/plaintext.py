"""Plain text → article (being written)."""

from newsfuse.model import Article, RawDocument


def clean_text_document(raw: RawDocument) -> Article:
    """Clean scraper text into an article."""
    raise NotImplementedError
