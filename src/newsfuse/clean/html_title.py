"""The headline, with the outlet's name cut off ("Storm hits coast | The Outlet" → "Storm hits coast").

A segment is cut only when it names the site (``og:site_name`` or the host), so a colon or dash that is
part of the headline itself stays.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsfuse.clean.html_meta import PageMeta, meta_keys

_NON_ALNUM = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")
_H1_AGREEMENT = 0.2  # share of words an <h1> must have in common with the metadata title to be used
_MIN_KEY = 3
_GENERIC_LABELS = frozenset(
    {"www", "m", "amp", "co", "com", "org", "net", "gov", "ac", "edu", "news", "blog"}
)


def site_of(meta: PageMeta, hint: str | None, url: str | None) -> str | None:
    """The outlet's name: ``og:site_name`` (or the JSON-LD publisher), else the hint, else the host."""
    if meta.site_name and not meta.site_name.startswith("@"):
        return meta.site_name
    return hint or _host(url) or None


def page_title(meta: PageMeta, hint: str | None, url: str | None) -> str | None:
    """The headline, site name cut: the page's ``<h1>`` when it agrees with the metadata title.

    The ``<h1>`` is what readers see and often carries the full wording, while ``og:title`` is written
    for social cards; but a page's first ``<h1>`` may be the site's logo, so it must share words with
    the metadata (or feed) title. Without either, ``<title>`` is used.
    """
    stated = meta.title or hint
    title = stated or meta.h1 or meta.html_title
    if stated and meta.h1 and _word_overlap(meta.h1, stated) >= _H1_AGREEMENT:
        title = meta.h1
    return strip_site_name(title, site_keys(meta.site_name, url)) if title else None


def _word_overlap(first: str, second: str) -> float:
    """Jaccard overlap of the two texts' lower-cased words."""
    one, two = set(_WORD.findall(first.lower())), set(_WORD.findall(second.lower()))
    return len(one & two) / len(one | two) if one | two else 0.0


def site_keys(site_name: str | None, url: str | None) -> frozenset[str]:
    """Ways the site may be named in a title: its name, and the distinctive labels of its host."""
    labels = _host(url).split(".")[:-1]
    keys = {_key(label) for label in labels if label not in _GENERIC_LABELS}
    if site_name:
        keys.add(_key(site_name))
    return frozenset(key for key in keys if len(key) >= _MIN_KEY)


def strip_site_name(title: str, keys: frozenset[str]) -> str:
    """Cut leading or trailing segments naming the site, as often as they occur."""
    title = " ".join(title.split())
    for separator in meta_keys()["title_separators"]:
        if separator not in title:
            continue
        head, _, tail = title.rpartition(separator)
        if head and _names_site(tail, keys):
            return strip_site_name(head, keys)
        head, _, tail = title.partition(separator)
        if tail and _names_site(head, keys):
            return strip_site_name(tail, keys)
    return title


def _names_site(segment: str, keys: frozenset[str]) -> bool:
    """True when the segment is the site's name or contains a label of its host ("BBC News", bbc.co.uk)."""
    segment_key = _key(segment)
    return bool(segment_key) and any(key == segment_key or key in segment_key for key in keys)


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _key(text: str) -> str:
    return _NON_ALNUM.sub("", text.casefold())
