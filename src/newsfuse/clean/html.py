"""HTML → article (being written)."""

from newsfuse.model import Article, RawDocument


def extract_html_document(raw: RawDocument) -> Article:
    """Extract the main text and metadata of an HTML page."""
    raise NotImplementedError
