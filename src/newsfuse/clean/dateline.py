"""Publication dates from a plain-text dateline ("Published March 3, 2026 | By …"), a furniture line.

Scraper text keeps no metadata, but most pages print the date under the headline. Without it an article
cannot be placed in time: relative dates ("last Tuesday") stay unresolved and stories cannot be streamed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from dateutil import parser as date_parser

_MAX_DATELINE_CHARS = 120
_DATELINE = re.compile(
    r"^\s*(?:published|posted|updated|last updated)(?:\s+on)?\s*:?\s*(?P<date>[^|•·]+?)\s*(?:[|•·]|$)",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def dateline_date(line: str) -> datetime | None:
    """The date a short dateline line states, taken as UTC (zone names vary too much to trust); else None."""
    if len(line) > _MAX_DATELINE_CHARS:
        return None
    match = _DATELINE.match(line)
    if match is None or not _HAS_YEAR.search(match.group("date")):
        return None
    try:
        value = date_parser.parse(match.group("date"), fuzzy=True, ignoretz=True)
    except (ValueError, OverflowError):
        return None
    return value.replace(tzinfo=UTC)
