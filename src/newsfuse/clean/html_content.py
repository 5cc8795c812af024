"""trafilatura's main-content extractor with its boilerplate-section test done in one walk of the tree.

Most of the fast pass is ``extract_content``, and most of that its ``OVERALL_DISCARD_XPATH``: two XPaths
whose ``re:test`` calls back into Python three times for every element of the candidate subtree. Here the
same test is one walk with compiled expressions over the same attributes, selecting the same elements in
the same order (a test holds the two to agreement). trafilatura's own functions are used unchanged: copies
of them are made that look up ``OVERALL_DISCARD_XPATH`` and each other in a namespace of our own, so
trafilatura's module, and anyone else calling it in the process, is left untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import FunctionType
from typing import Any

from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed
from trafilatura import main_extractor
from trafilatura.xpaths import (
    _OVERALL_DISCARD_BOTH_TOKENS,
    _OVERALL_DISCARD_CLASS_TOKENS,
    _OVERALL_DISCARD_ID_TOKENS,
)

_SECTION_TAGS = frozenset({"div", "item", "list", "p", "section", "span"})
_ID = re.compile("|".join(_OVERALL_DISCARD_BOTH_TOKENS + _OVERALL_DISCARD_ID_TOKENS))
_CLASS = re.compile("|".join(_OVERALL_DISCARD_BOTH_TOKENS + _OVERALL_DISCARD_CLASS_TOKENS))
_HIDDEN_ID = re.compile("reader-comments|akismet")
_HIDDEN_CLASS = re.compile(
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print| hidden| hide"
    "|noprint|notloaded"
)


def discard_targets(tree: HtmlElement) -> list[HtmlElement]:
    """What the two ``OVERALL_DISCARD_XPATH`` expressions select: navigation, ads, share bars, hidden parts.

    In trafilatura's order: the first expression's matches, then the second's not already taken.
    """
    sections: list[HtmlElement] = []
    hidden: list[HtmlElement] = []
    for element in tree.iterdescendants("*"):
        attributes = element.attrib
        if not attributes:
            continue
        if element.tag in _SECTION_TAGS and _is_section(attributes):
            sections.append(element)
        elif _is_hidden(attributes):
            hidden.append(element)
    return sections + hidden


def _is_section(attributes: Any) -> bool:
    ident, classes = attributes.get("id"), attributes.get("class")
    if (ident and _ID.search(ident)) or (classes and _CLASS.search(classes)):
        return True
    if "data-lp-replacement-content" in attributes:
        return True
    role, component = attributes.get("role"), attributes.get("data-component")
    if (role and "nav" in role.replace("N", "n")) or (component and "MostPopularStories" in component):
        return True
    return "cookie" in _first_of(attributes, "id", "class")


def _is_hidden(attributes: Any) -> bool:
    ident, classes, style = attributes.get("id"), attributes.get("class"), attributes.get("style")
    if classes == "comments-title" or attributes.get("aria-hidden") == "true":
        return True
    if _first_of(attributes, "id", "class").startswith("reply-") or "hidden" in _first_of(
        attributes, "id", "style"
    ):
        return True
    if style and ("display:none" in style or "display: none" in style):
        return True
    return bool((ident and _HIDDEN_ID.search(ident)) or (classes and _HIDDEN_CLASS.search(classes)))


def _first_of(attributes: Any, first: str, second: str) -> str:
    """XPath's string value of ``@first|@second``: whichever of the two comes first in the tag."""
    for name, value in attributes.items():
        if name in (first, second):
            return str(value)
    return ""


def _rebound(function: Callable[..., Any], **names: Any) -> Callable[..., Any]:
    """A copy of one of trafilatura's functions that finds ``names`` in place of its module's globals."""
    code = function.__code__
    namespace = {**function.__globals__, **names}
    copy = FunctionType(code, namespace, function.__name__, function.__defaults__)
    copy.__kwdefaults__ = function.__kwdefaults__
    return copy


_prune_sections = _rebound(main_extractor.prune_unwanted_sections, OVERALL_DISCARD_XPATH=[discard_targets])
extract_content = _rebound(
    main_extractor.extract_content,
    _extract=_rebound(main_extractor._extract, prune_unwanted_sections=_prune_sections),
    recover_wild_text=_rebound(main_extractor.recover_wild_text, prune_unwanted_sections=_prune_sections),
)
