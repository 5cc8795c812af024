"""Opaque cursors: a page's ``next_cursor`` says where the next page starts, for this same query only.

A cursor is URL-safe base64 of a small JSON object holding the position and a digest of the query it
belongs to, so a cursor passed with other filters is refused instead of silently skipping results.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Annotated, Any

from fastapi import Query

from newsfuse.errors import UsageError

MAX_LIMIT = 100

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items a page holds.")]
Cursor = Annotated[
    str | None,
    Query(
        max_length=200,
        pattern=r"^[A-Za-z0-9_-]*$",
        description="The `next_cursor` of the previous page; omit for the first.",
    ),
]


def _scope(query: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(query, sort_keys=True, default=str).encode()).hexdigest()[:12]


def encode_cursor(offset: int, query: dict[str, Any]) -> str:
    raw = json.dumps({"o": offset, "q": _scope(query)}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, query: dict[str, Any]) -> int:
    """The offset a cursor points at (0 for none); ``UsageError`` for a malformed or foreign cursor."""
    if not cursor:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset = data["o"]
        scope = data["q"]
    except (binascii.Error, ValueError, TypeError, KeyError) as error:
        raise UsageError(f"cursor {cursor!r} is not one this API gave out") from error
    if not isinstance(offset, int) or offset < 0 or scope != _scope(query):
        raise UsageError(f"cursor {cursor!r} belongs to another query: start again without a cursor")
    return offset


def next_cursor(offset: int, limit: int, more: bool, query: dict[str, Any]) -> str | None:
    """The cursor of the page after ``[offset, offset + limit)``, or ``None`` on the last page."""
    return encode_cursor(offset + limit, query) if more else None
