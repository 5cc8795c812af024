"""JSON records → raw documents: the common field names of news exports mapped onto one shape.

The field names live in ``data/json_fields.json``; the first field holding a usable value wins.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from newsfuse.errors import InputError
from newsfuse.ingest.metadata import as_authors, looks_like_html, outlet_from_url, parse_date
from newsfuse.model import DateSource, RawDocument, SourceRef


@cache
def field_names() -> dict[str, tuple[str, ...]]:
    """The field names tried for each attribute, loaded once from the package data."""
    raw = json.loads(resources.files("newsfuse.ingest").joinpath("data/json_fields.json").read_text("utf-8"))
    return {key: tuple(names) for key, names in raw.items() if not key.startswith("_")}


def record_document(record: dict[str, Any], ref: SourceRef) -> RawDocument:
    """The raw document a JSON object describes, or ``InputError`` when it holds no article text."""
    names = field_names()
    body = _first_string(record, names["text"])
    if body is None:
        raise InputError(f"no article text (looked for {', '.join(names['text'])})")
    url = _first_string(record, names["url"])
    published = next(
        (date for name in names["published"] if (date := parse_date(record.get(name))) is not None), None
    )
    markup = looks_like_html(body)
    return RawDocument(
        source=ref,
        html=body if markup else None,
        text=None if markup else body.replace("\r\n", "\n").replace("\r", "\n"),
        title=_first_string(record, names["title"]),
        url=url,
        outlet=_first_string(record, names["outlet"]) or outlet_from_url(url),
        authors=next((a for name in names["authors"] if (a := as_authors(record.get(name)))), ()),
        published=published,
        published_source=DateSource.METADATA if published else DateSource.NONE,
        language=_first_string(record, names["language"]),
    )


def _first_string(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first non-blank string among the fields; an object counts by its ``name`` (NewsAPI sources)."""
    for name in names:
        value = record.get(name)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
