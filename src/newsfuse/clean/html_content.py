"""trafilatura's main-content extractor with its XPath tests on class and id done as walks of the tree.

Most of the fast pass is ``extract_content``, and most of that its ``OVERALL_DISCARD_XPATH`` and
``BODY_XPATH``: XPaths whose ``re:test`` calls back into Python several times for every element, even
where the first match is all that is used. Here the same tests are walks with compiled expressions over
the same attributes, selecting the same elements in the same order (tests hold them to agreement), the
body frames stopping at their first match. trafilatura's own functions are used unchanged: copies of them
are made that look these names and each other up in a namespace of our own, so trafilatura's module, and
anyone else calling it in the process, is left untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from types import FunctionType
from typing import Any

from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed
from trafilatura import main_extractor
from trafilatura.xpaths import (
    _ARTICLE_CONTENT_CLASS_TOKENS,
    _ARTICLE_CONTENT_ID_TOKENS,
    _MAIN_CONTENT_CLASS_TOKENS,
    _MAIN_CONTENT_ID_TOKENS,
    _OVERALL_DISCARD_BOTH_TOKENS,
    _OVERALL_DISCARD_CLASS_TOKENS,
    _OVERALL_DISCARD_ID_TOKENS,
    _STORY_CLASS_TOKENS,
    _STORY_ID_TOKENS,
)

_CACHED_VALUES = 1 << 14
_SECTION_TAGS = frozenset({"div", "item", "list", "p", "section", "span"})
_ID = re.compile("|".join(_OVERALL_DISCARD_BOTH_TOKENS + _OVERALL_DISCARD_ID_TOKENS))
_CLASS = re.compile("|".join(_OVERALL_DISCARD_BOTH_TOKENS + _OVERALL_DISCARD_CLASS_TOKENS))
_HIDDEN_ID = re.compile("reader-comments|akismet")
_HIDDEN_CLASS = re.compile(
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print| hidden| hide"
    "|noprint|notloaded"
)

_FRAME_TAGS = ("article", "div", "main", "section")
_ARTICLE_ID = re.compile("|".join(_ARTICLE_CONTENT_ID_TOKENS))
_ARTICLE_CLASS = re.compile("|".join(_ARTICLE_CONTENT_CLASS_TOKENS))
_STORY_ID = re.compile("|".join(_STORY_ID_TOKENS))
_STORY_CLASS = re.compile("|".join(_STORY_CLASS_TOKENS))
_FULLTEXT = re.compile("fulltext", re.IGNORECASE)
_STORY_CLASSES = frozenset({"postarea", "art-postcontent", "text", "cell", "story"})
_MAIN_ID = re.compile("|".join(_MAIN_CONTENT_ID_TOKENS))
_MAIN_CLASS = re.compile("|".join(_MAIN_CONTENT_CLASS_TOKENS))


def discard_targets(tree: HtmlElement) -> list[HtmlElement]:
    """What the two ``OVERALL_DISCARD_XPATH`` expressions select: navigation, ads, share bars, hidden parts.

    In trafilatura's order: the first expression's matches, then the second's not already taken.
    """
    sections: list[HtmlElement] = []
    hidden: list[HtmlElement] = []
    for element in tree.iterdescendants("*"):
        names = element.keys()
        if not names:
            continue
        if element.tag in _SECTION_TAGS and _is_section(element, names):
            sections.append(element)
        elif _is_hidden(element, names):
            hidden.append(element)
    return sections + hidden


def _is_section(element: HtmlElement, names: list[str]) -> bool:
    ident, classes = element.get("id") or "", element.get("class") or ""
    if _section_id(ident) or _section_class(classes) or "data-lp-replacement-content" in names:
        return True
    role, component = element.get("role") or "", element.get("data-component") or ""
    if "nav" in role.replace("N", "n") or "MostPopularStories" in component:
        return True
    return ("cookie" in ident or "cookie" in classes) and "cookie" in _first_of(element, names, "id", "class")


def _is_hidden(element: HtmlElement, names: list[str]) -> bool:
    ident, classes, style = element.get("id") or "", element.get("class") or "", element.get("style") or ""
    if classes == "comments-title" or element.get("aria-hidden") == "true":
        return True
    if _HIDDEN_ID.search(ident) or _hidden_class(classes):
        return True
    if "display:none" in style or "display: none" in style:
        return True
    if (ident.startswith("reply-") or classes.startswith("reply-")) and _first_of(
        element, names, "id", "class"
    ).startswith("reply-"):
        return True
    return ("hidden" in ident or "hidden" in style) and "hidden" in _first_of(element, names, "id", "style")


# class values repeat across a page's elements (and a site's pages): each is tested once
@lru_cache(maxsize=_CACHED_VALUES)
def _section_class(classes: str) -> bool:
    return bool(_CLASS.search(classes))


@lru_cache(maxsize=_CACHED_VALUES)
def _section_id(ident: str) -> bool:
    return bool(_ID.search(ident))


@lru_cache(maxsize=_CACHED_VALUES)
def _hidden_class(classes: str) -> bool:
    return bool(_HIDDEN_CLASS.search(classes))


def _first_of(element: HtmlElement, names: list[str], first: str, second: str) -> str:
    """XPath's string value of ``@first|@second``: whichever of the two comes first in the tag."""
    name = next((name for name in names if name in (first, second)), None)
    return str(element.get(name)) if name else ""


def _article_frame(element: HtmlElement) -> bool:
    attributes = element.attrib
    ident, classes = attributes.get("id") or "", attributes.get("class") or ""
    return (
        classes in ("post", "entry")
        or attributes.get("itemprop") == "articleBody"
        or ident == "articleContent"
        or bool(_ARTICLE_ID.search(ident) or _ARTICLE_CLASS.search(classes))
    )


def _story_frame(element: HtmlElement) -> bool:
    attributes = element.attrib
    ident, classes = attributes.get("id") or "", attributes.get("class") or ""
    return (
        attributes.get("role") == "article"
        or ident in ("article", "story")
        or classes in _STORY_CLASSES
        or bool(_STORY_ID.search(ident) or _FULLTEXT.search(classes) or _STORY_CLASS.search(classes))
    )


def _content_frame(element: HtmlElement) -> bool:
    attributes = element.attrib
    ident, classes = attributes.get("id") or "", attributes.get("class") or ""
    return (
        ident == "content"
        or classes == "content"
        or bool(_MAIN_ID.search(ident) or _MAIN_CLASS.search(classes))
        or "main-content" in ident.replace("C", "c").replace("M", "m")
        or "main-content" in classes.replace("C", "c").replace("M", "m")
        or "page-content" in classes.replace("C", "c").replace("P", "p")
    )


def _main_frame(element: HtmlElement) -> bool:
    attributes = element.attrib
    return element.tag == "main" or any(
        (attributes.get(name) or "").startswith("main") for name in ("class", "id", "role")
    )


def _first_frame(
    tags: tuple[str, ...], test: Callable[[HtmlElement], bool]
) -> Callable[[HtmlElement], list[Any]]:
    """One of ``BODY_XPATH``'s expressions: the first element in page order of those tags passing the test."""

    def select(tree: HtmlElement) -> list[HtmlElement]:
        return next(([element] for element in tree.iterdescendants(*tags) if test(element)), [])

    return select


# trafilatura's BODY_XPATH, tried in this order: article-body classes, the first <article>, story
# classes, content classes, then "main" classes or the first <main>
BODY_FRAMES = [
    _first_frame(_FRAME_TAGS, _article_frame),
    _first_frame(("article",), lambda element: True),
    _first_frame(_FRAME_TAGS, _story_frame),
    _first_frame(_FRAME_TAGS, _content_frame),
    _first_frame(_FRAME_TAGS, _main_frame),
]


def rebound(function: Callable[..., Any], **names: Any) -> Callable[..., Any]:
    """A copy of one of trafilatura's functions that finds ``names`` in place of its module's globals."""
    code = function.__code__
    namespace = {**function.__globals__, **names}
    copy = FunctionType(code, namespace, function.__name__, function.__defaults__)
    copy.__kwdefaults__ = function.__kwdefaults__
    return copy


_prune_sections = rebound(main_extractor.prune_unwanted_sections, OVERALL_DISCARD_XPATH=[discard_targets])
extract_content = rebound(
    main_extractor.extract_content,
    _extract=rebound(
        main_extractor._extract, prune_unwanted_sections=_prune_sections, BODY_XPATH=BODY_FRAMES
    ),
    recover_wild_text=rebound(main_extractor.recover_wild_text, prune_unwanted_sections=_prune_sections),
)
