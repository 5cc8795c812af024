"""trafilatura's fast pass (recall focus, no comments) on a page it may change, without its tree copies.

``bare_extraction`` copies the tree it is given, copies it again before cleaning and once more as a backup
that only its full mode reads; the page handed over here is ours to change, so the cleaning runs on it in
place. The two raw-tree prunes that open trafilatura's cascade (infinite-scroll containers and
share bars; comment sections and comment lists) are regular-expression XPaths whose ``re:test`` calls back
into Python for every element: one walk over the candidate elements with the same expressions selects the
same elements for a fraction of the time (a test holds the two to agreement).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.etree import _Element  # type: ignore[import-untyped]  # no stubs installed
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed
from trafilatura.baseline import baseline
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import Extractor
from trafilatura.xml import delete_element

from newsfuse.clean.html_content import extract_content

# the expressions of trafilatura 2.3's RAW_TREE_PRUNE_XPATH and REMOVE_COMMENTS_AND_LISTS_XPATH
_SCROLL_TAGS = frozenset({"div", "section", "aside"})
_SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED_POST = re.compile(r"mvp-post-add-(?:box|wrap)")
_SCROLL_HINT, _APPENDED_HINT = "scroll", "mvp-post-add-"  # substrings every match contains
_SHARE_BUTTONS = "elementor-share-buttons"
_COMMENT_TAGS = frozenset({"div", "list", "section", "details", "ol", "ul"})
_LIST_TAGS = frozenset({"ol", "ul"})
_COMMENT_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENT_LIST_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")
_COMMENT_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")
_COMMENT_ID_STARTS = ("Comment", "comment", "comol", "disqus_thread", "dsq-comments")
_COMMENT_HINT = "omment"
_CANDIDATE_TAGS = tuple(_SCROLL_TAGS | _COMMENT_TAGS)
# trafilatura's thread-forum test: there the comment containers hold the posts and are kept
_FORUM_POSTING = re.compile(
    r'"@type"\s*:\s*"DiscussionForumPosting"|"@type"\s*:\s*\[[^\]]*"DiscussionForumPosting"'
)


def fast_extraction(
    work: HtmlElement, url: str | None, page_copy: Callable[[], HtmlElement]
) -> _Element | None:
    """trafilatura's fast recall-mode result body for ``work``, a page it may change.

    ``page_copy`` gives a fresh page for the rare one whose result is too short, where trafilatura
    falls back to its baseline on the uncleaned tree. None when nothing at all is found.
    """
    options = Extractor(output_format="txt", fast=True, recall=True, comments=False, tables=True, url=url)
    prune_raw_tree(work)
    cleaned = convert_tags(tree_cleaning(work, options), options, url)
    body, text = extract_content(cleaned, options)
    if len(text) < options.min_extracted_size:
        raw = page_copy()
        prune_raw_tree(raw)
        fallback, fallback_text, fallback_length = baseline(raw)
        if fallback_length > len(text):
            body, text = fallback, fallback_text
    return body if len(text) >= options.min_output_size else None


def prune_raw_tree(tree: HtmlElement) -> None:
    """Delete what trafilatura's raw-tree prunes delete, in the same order, tails kept."""
    for element in raw_prune_targets(tree):
        delete_element(element)


def raw_prune_targets(tree: HtmlElement) -> list[HtmlElement]:
    """Infinite-scroll containers, then share bars, then comment sections (kept on a forum page)."""
    scroll: list[HtmlElement] = []
    share: list[HtmlElement] = []
    comments: list[HtmlElement] = []
    keep_comments = _is_forum(tree)
    for element in tree.iterdescendants(_CANDIDATE_TAGS):
        ident, classes = element.get("id") or "", element.get("class") or ""
        if not ident and not classes:
            continue
        tag = element.tag
        if tag in _SCROLL_TAGS:
            if _is_scroll(element, ident, classes):
                scroll.append(element)
            if _SHARE_BUTTONS in classes:
                share.append(element)
        if not keep_comments and tag in _COMMENT_TAGS and _is_comments(tag, ident, classes):
            comments.append(element)
    return scroll + share + comments


def _is_scroll(element: HtmlElement, ident: str, classes: str) -> bool:
    """A container of appended follow-up articles (unless it holds the page's ``<h1>``)."""
    if not (
        _SCROLL_HINT in ident
        or _SCROLL_HINT in classes
        or _APPENDED_HINT in ident
        or _APPENDED_HINT in classes
    ):
        return False
    if not (_SCROLL.search(ident) or _SCROLL.search(classes)):
        return False
    appended = _APPENDED_POST.search(ident) or _APPENDED_POST.search(classes)
    return bool(appended) or next(element.iter("h1"), None) is None


def _is_comments(tag: str, ident: str, classes: str) -> bool:
    """A comment section; an ``ol``/``ul`` only by a comment id or class, not a Disqus id."""
    if not (ident.startswith(_COMMENT_ID_STARTS) or _COMMENT_HINT in classes):
        return False
    if not (_COMMENT_ID.search(ident) or _COMMENT_CLASS.search(classes)):
        return False
    return tag not in _LIST_TAGS or bool(_COMMENT_LIST_ID.search(ident) or _COMMENT_CLASS.search(classes))


def _is_forum(tree: HtmlElement) -> bool:
    return any(
        script.text and _FORUM_POSTING.search(script.text)
        for script in tree.iterfind('.//script[@type="application/ld+json"]')
    )
