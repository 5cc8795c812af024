"""Metadata hints from containers: dates, outlets from URLs, author lists, HTML-or-text.

Dates are returned timezone-aware (naive values are taken as UTC) so later stages can compare any two.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from dateutil import parser as date_parser

_HTML_TAG = re.compile(
    r"<(?:!doctype|html|head|body|p|div|br|article|section|span|a|h[1-6]|ul|li)[\s>/]", re.IGNORECASE
)
_BYLINE_PREFIX = re.compile(r"^\s*by\s+", re.IGNORECASE)
_MILLISECOND_EPOCH = 10**11


def parse_date(value: object) -> datetime | None:
    """A date from a metadata field (ISO, RFC 822, free text, or epoch seconds/milliseconds), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > _MILLISECOND_EPOCH else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())  # the common case, and ten times faster
    except ValueError:
        try:
            parsed = date_parser.parse(value.strip())
        except (ValueError, OverflowError):
            return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def outlet_from_url(url: str | None) -> str | None:
    """The host name of a URL without a leading ``www.``: the outlet when nothing better is known."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def as_authors(value: object) -> tuple[str, ...]:
    """Author names from a string, a list of strings, or a list of ``{"name": …}`` objects."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(_BYLINE_PREFIX.sub("", name).strip())
    return tuple(names)


def looks_like_html(text: str) -> bool:
    """True when a text field carries markup (common in JSONL exports), so cleaning treats it as HTML."""
    return _HTML_TAG.search(text[:4096]) is not None
