"""Our boilerplate-section walk selects what trafilatura's XPaths select: the extracted body is the same."""

from __future__ import annotations

from copy import deepcopy

from html_pages import page
from lxml import etree  # type: ignore[import-untyped]  # no stubs installed
from trafilatura import main_extractor
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import Extractor
from trafilatura.xpaths import BODY_XPATH, OVERALL_DISCARD_XPATH

from newsfuse.clean.html_content import BODY_FRAMES, discard_targets, extract_content
from newsfuse.clean.html_parse import parse_html

SECTIONS = (
    '<div class="cookie-banner" id="consent-a"><p>Class first: a cookie notice.</p></div>',
    '<div id="main" class="cookies"><p>Kept: the id comes first and names no section.</p></div>',
    '<div id="site-nav"><p>Navigation by id.</p></div>',
    '<span class="share-tools">Share this</span>',
    '<p class="byline">By a reporter</p>',
    '<section role="Navigation"><p>Navigation by role.</p></section>',
    '<div data-component="MostPopularStories"><p>Most popular.</p></div>',
    '<div data-lp-replacement-content=""><p>Replaced.</p></div>',
    '<aside style="display: none"><p>Hidden aside.</p></aside>',
    '<em class="hide-mobile">hidden on phones</em>',
    '<b id="x1" style="visibility:hidden">Kept: the id comes before the style.</b>',
    '<b style="visibility:hidden" id="x2">Hidden by style.</b>',
    '<a id="reply-3" href="/r">Reply</a>',
    '<a aria-hidden="true" href="/i">icon</a>',
    '<h3 class="comments-title">3 comments</h3>',
    '<div class="content"><p>Kept: plain content.</p></div>',
    '<div class="article-body"><p>Kept: the article body.</p></div>',
    '<div class="sidebar"><p class="meta">Nested: both go.</p><p>Inside the sidebar.</p></div>',
    '<div class="sidebar hidden"><p>Matches both expressions, listed once.</p></div>',
)


def _xpath_targets(tree: etree._Element) -> list[etree._Element]:
    """trafilatura's selection: first expression's matches, then the second's new ones."""
    return list(
        dict.fromkeys(element for expression in OVERALL_DISCARD_XPATH for element in expression(tree))
    )


def test_discard_targets_agree_with_trafilaturas_xpaths() -> None:
    """Each attribute case is selected, or kept, exactly as the XPaths decide, in the same order."""
    tree = parse_html(page(body="".join(SECTIONS)))
    targets = discard_targets(tree)
    assert targets == _xpath_targets(tree)
    selected = " ".join(" ".join(element.itertext()) for element in targets)
    assert "Kept" not in selected and "Hidden by style" in selected and "Nested" in selected


FRAMES = (
    '<section class="post">post</section>',
    '<div itemprop="articleBody">item</div>',
    '<main id="articleContent">id</main>',
    '<div id="entry-content-1">id token</div>',
    '<section class="single post-body">class token</section>',
    "<article>first article</article>",
    '<div role="article">role</div>',
    '<div id="story">story id</div>',
    '<section class="cell">cell</section>',
    '<div id="primary-col">primary</div>',
    '<div class="FullText">any case</div>',
    '<article class="story-content">story class</article>',
    '<div id="content">content</div>',
    '<section id="contentBody">content body</section>',
    '<div class="content__body">class body</div>',
    '<div id="Main-Content">translated id</div>',
    '<div class="Page-Content">translated class</div>',
    '<div role="main-area">main role</div>',
    '<section id="mainstage">main id</section>',
    "<main>main element</main>",
    '<span class="post">not a frame tag</span>',
)


def test_body_frames_agree_with_trafilaturas_xpaths() -> None:
    """For each frame on its own and for pages holding later frames first, the same element is chosen."""
    pages = [f"<div>{frame}</div>" for frame in FRAMES]
    pages += ["".join(FRAMES[start:]) for start in range(len(FRAMES))]
    pages += ["".join(reversed(FRAMES[:end])) for end in range(1, len(FRAMES) + 1)]
    for html in pages:
        tree = parse_html(f"<html><body>{html}</body></html>")
        for frame, expression in zip(BODY_FRAMES, BODY_XPATH, strict=True):
            theirs = next((element for element in expression(tree) if element is not None), None)
            assert frame(tree) == ([theirs] if theirs is not None else []), html


def test_extract_content_gives_trafilaturas_body() -> None:
    """On the converted test page, our copy of ``extract_content`` returns trafilatura's result exactly."""
    options = Extractor(output_format="txt", fast=True, recall=True, comments=False, tables=True)
    cleaned = convert_tags(tree_cleaning(parse_html(page(body="".join(SECTIONS) * 2)), options), options)
    ours, ours_text = extract_content(deepcopy(cleaned), options)
    theirs, theirs_text = main_extractor.extract_content(cleaned, options)
    assert etree.tostring(ours) == etree.tostring(theirs)
    assert ours_text == theirs_text and "Kept: plain content." in ours_text
