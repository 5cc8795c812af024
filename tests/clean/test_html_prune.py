"""The page handed to trafilatura: boilerplate containers gone, article text intact."""

from __future__ import annotations

from html_pages import PARAGRAPHS, page
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed

from newsfuse.clean.html_parse import parse_html
from newsfuse.clean.html_prune import extraction_tree


def _unused() -> HtmlElement:
    raise AssertionError("no fresh page is needed here")


def test_navigation_aside_and_footer_are_dropped_from_the_page() -> None:
    """nav, aside and footer leave the page, in place, with their text; the article stays."""
    tree = parse_html(page())
    work = extraction_tree(tree, _unused)
    assert work is tree
    assert not work.xpath("//nav | //aside | //footer")
    text = work.text_content()
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert "Most read" not in text and "All rights reserved" not in text


def test_page_whose_only_paragraphs_are_in_an_aside_is_handed_over_whole() -> None:
    """When dropping would leave no paragraph, a fresh page goes whole, as trafilatura's recall mode does."""
    html = f"<html><body><aside><p>{PARAGRAPHS[0]}</p></aside></body></html>"
    work = extraction_tree(parse_html(html), lambda: parse_html(html))
    assert work.find(".//aside/p") is not None


def test_one_article_holding_most_text_is_all_that_is_handed_over() -> None:
    """A page whose single <article> holds most of its text is reduced to that article."""
    work = extraction_tree(parse_html(page()), _unused)
    body = work.find("body")
    assert [child.tag for child in body] == ["article"]
    assert all(paragraph in body.text_content() for paragraph in PARAGRAPHS)
    assert "Comments" not in body.text_content()


def test_listing_with_several_articles_is_not_focused() -> None:
    """Two article cards side by side: neither stands for the page, both stay."""
    cards = "".join(f"<article><p>{text}</p></article>" for text in PARAGRAPHS[:2])
    work = extraction_tree(parse_html(f"<html><body><div>{cards}</div></body></html>"), _unused)
    assert len(work.xpath("//article")) == 2
