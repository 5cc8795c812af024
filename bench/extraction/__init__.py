"""Extraction benchmark: the HTML path and the plain-text cleaner on ../shared/data/extraction."""
