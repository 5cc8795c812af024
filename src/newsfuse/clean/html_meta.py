"""Page metadata read straight from ``<meta>`` tags and JSON-LD: title, outlet, authors, date, language.

Reading these ourselves from the already parsed tree is much cheaper than trafilatura's metadata pass,
and publishers fill them in for search engines and social cards, so they are usually right.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from dateutil import parser as date_parser
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed

_DATA_PACKAGE = "newsfuse.clean"
_DATA_FILE = "html_meta.json"
_MAX_AUTHOR_LENGTH = 60
_EARLIEST_YEAR = 1990
_MAX_DATE_LENGTH = 64
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|/)\s*", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?=$|[-_])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page says about itself; every field may be missing."""

    title: str | None = None
    site_name: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    language: str | None = None
    h1: str | None = None
    html_title: str | None = None


@cache
def meta_keys() -> dict[str, Any]:
    """The meta-key lists of ``data/html_meta.json``, read once per process."""
    text = resources.files(_DATA_PACKAGE).joinpath("data", _DATA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def read_page_meta(tree: HtmlElement) -> PageMeta:
    """Collect the page's own metadata; JSON-LD wins over meta tags, which win over ``<title>``/``<h1>``."""
    keys = meta_keys()
    tags = _meta_tags(tree)
    ld = _jsonld_article(tree, frozenset(keys["jsonld_article_types"]))
    return PageMeta(
        title=_text(ld.get("headline")) or _first(tags, keys["title"]),
        site_name=_publisher_name(ld) or _first(tags, keys["site_name"]),
        authors=_authors(ld.get("author")) or _split_authors(_all(tags, keys["author"])),
        published=_date(_text(ld.get("datePublished"))) or _first_date(_all(tags, keys["published"])),
        language=_language(tree.get("lang") or _text(ld.get("inLanguage")) or _first(tags, keys["language"])),
        h1=_element_text(tree, "h1"),
        html_title=_element_text(tree, "title"),
    )


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        key = key or element.get("http-equiv")
        content = element.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), []).append(" ".join(html.unescape(content).split()))
    return values


def _first(tags: dict[str, list[str]], names: list[str]) -> str | None:
    return next(iter(_all(tags, names)), None)


def _all(tags: dict[str, list[str]], names: list[str]) -> list[str]:
    return [value for name in names for value in tags.get(name, ())]


def _jsonld_article(tree: HtmlElement, types: frozenset[str]) -> dict[str, Any]:
    """The first JSON-LD object of an article-like type (broken JSON is skipped, not fatal)."""
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "") or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _jsonld_objects(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k in types for k in kinds):
                return item
    return {}


def _jsonld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _jsonld_objects(data.get("@graph"))


def _text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str) and value.strip():
        return " ".join(html.unescape(value).split())  # "&#8211;" is often escaped twice
    return None


def _publisher_name(ld: dict[str, Any]) -> str | None:
    publisher = ld.get("publisher")
    if isinstance(publisher, list) and publisher:
        publisher = publisher[0]
    return _text(publisher.get("name")) if isinstance(publisher, dict) else _text(publisher)


def _authors(value: Any) -> tuple[str, ...]:
    """Author names from JSON-LD: a string, a Person object, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names = [_text(item.get("name")) if isinstance(item, dict) else _text(item) for item in items]
    return _split_authors([name for name in names if name])


def _split_authors(values: list[str]) -> tuple[str, ...]:
    """Split "A, B and C" into names, dropping URLs, handles and sentence-length strings."""
    names: dict[str, None] = {}
    for value in values:
        if "://" in value or value.startswith("www."):
            continue
        for part in _AUTHOR_SPLIT.split(value.removeprefix("By ").removeprefix("by ")):
            name = part.strip(" .")
            if name and len(name) <= _MAX_AUTHOR_LENGTH and not any(c in name for c in "@:/"):
                names.setdefault(name, None)
    return tuple(names)


def _first_date(values: list[str]) -> datetime | None:
    return next((found for value in values if (found := _date(value))), None)


def _date(value: str | None) -> datetime | None:
    """Parse an ISO or free-form date; implausible years count as no date."""
    if not value or len(value) > _MAX_DATE_LENGTH or not _YEAR.search(value):
        return None
    try:
        parsed = date_parser.isoparse(value)
    except (ValueError, OverflowError):
        try:
            with warnings.catch_warnings():  # "CEST" and the like: parsed without a zone, that is fine
                warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
                parsed = date_parser.parse(value)
        except (ValueError, OverflowError):
            return None
    return parsed if _EARLIEST_YEAR <= parsed.year <= datetime.now().year + 1 else None


def _language(value: str | None) -> str | None:
    """The primary language subtag, lower-cased: ``en-US`` and ``en_US`` become ``en``."""
    match = _LANGUAGE.match(value.strip()) if value else None
    return match.group(0).lower() if match else None


def _element_text(tree: HtmlElement, tag: str) -> str | None:
    element = next(tree.iter(tag), None)
    return _text(element.text_content()) if element is not None else None
