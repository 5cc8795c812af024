"""The fast pass: our one-walk raw prunes select what trafilatura's XPaths select, and the text is kept."""

from __future__ import annotations

import pytest
from html_pages import PARAGRAPHS, page
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

from newsfuse.clean.html_fast import fast_extraction, raw_prune_targets
from newsfuse.clean.html_parse import parse_html
from newsfuse.clean.html_prune import extraction_tree

TEXT = PARAGRAPHS[0]
CONTAINERS = (
    '<div class="infinite-scroll"><p>Next story teaser.</p></div>',
    '<section id="infinitescroll"><h1>The page headline</h1><p>Kept: it holds the h1.</p></section>',
    '<aside class="mvp-post-add-box"><h1>Appended</h1><p>Dropped though it holds an h1.</p></aside>',
    '<div class="elementor-share-buttons elementor-widget"><a href="/s">Share</a></div>',
    '<div id="comments"><p>A reader writes in.</p></div>',
    '<div id="commentary"><p>Kept: commentary is not comments.</p></div>',
    '<section class="post-comments"><p>Another reader.</p></section>',
    '<ul class="comment-list"><li>First!</li></ul>',
    '<ol id="disqus_thread"><li>Kept: a list needs a comment id or class.</li></ol>',
    '<div id="disqus_thread"><p>Dropped: a Disqus container.</p></div>',
    '<details class="Comments-block"><summary>Show</summary><p>Hidden talk.</p></details>',
    '<div class="article-comments"><div class="comment"><p>Nested.</p></div></div>',
)
FORUM = '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'


def _xpath_targets(tree: HtmlElement, forum: bool = False) -> list[HtmlElement]:
    """What trafilatura's own raw-tree prunes select, expression by expression."""
    expressions = [*RAW_TREE_PRUNE_XPATH, *([] if forum else REMOVE_COMMENTS_AND_LISTS_XPATH)]
    return [element for expression in expressions for element in expression(tree)]


@pytest.mark.parametrize("head", ["", FORUM])
def test_raw_prune_targets_agree_with_trafilaturas_xpaths(head: str) -> None:
    """Every container case selects the same elements, in the same order, as the XPaths do."""
    tree = parse_html(page(head, body=f"<p>{TEXT}</p>{''.join(CONTAINERS)}"))
    targets = raw_prune_targets(tree)
    assert targets == _xpath_targets(tree, forum=bool(head))
    kept = " ".join(" ".join(element.itertext()) for element in targets)
    assert "Kept" not in kept and ("Hidden talk" in kept) is not bool(head)


def test_raw_prune_targets_agree_on_the_test_page() -> None:
    """The standard fictional page (its comment section included) prunes alike."""
    tree = parse_html(page())
    assert raw_prune_targets(tree) == _xpath_targets(tree) != []


def test_fast_extraction_keeps_the_article_and_drops_comments() -> None:
    """The fast pass returns every article paragraph and none of the comment section."""
    html = page()
    body = fast_extraction(
        extraction_tree(parse_html(html), lambda: parse_html(html)), None, lambda: parse_html(html)
    )
    assert body is not None
    text = " ".join(body.itertext())
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert "nightmare all week" not in text


def test_short_page_falls_back_to_the_baseline_on_a_fresh_page() -> None:
    """A page too short for the main extractor still yields its text, from a fresh page."""
    html = "<html><body><div><span>Ferry crews returned to work on Wednesday.</span></div></body></html>"
    copies: list[HtmlElement] = []

    def fresh() -> HtmlElement:
        copies.append(parse_html(html))
        return copies[-1]

    body = fast_extraction(extraction_tree(parse_html(html), fresh), None, fresh)
    assert body is not None and "Ferry crews returned" in " ".join(body.itertext())
    assert len(copies) == 1
