"""The full cascade bound to our extractor gives what trafilatura's own balanced mode gives."""

from __future__ import annotations

import pytest
from html_pages import PARAGRAPHS, page
from lxml import etree  # type: ignore[import-untyped]  # no stubs installed
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed
from trafilatura.core import bare_extraction
from trafilatura.settings import Extractor

from newsfuse.clean.html_full import full_extraction
from newsfuse.clean.html_parse import parse_html
from newsfuse.clean.html_prune import extraction_tree

# a listing-like page: little paragraph text, so readability, jusText and the recall retry all run
SHORT = "".join(f'<div class="teaser"><a href="/{n}">{text}</a></div>' for n, text in enumerate(PARAGRAPHS))


def _work(html: str) -> HtmlElement:
    return extraction_tree(parse_html(html), lambda: parse_html(html))


@pytest.mark.parametrize("body", [None, SHORT], ids=["article", "short"])
def test_full_extraction_matches_bare_extraction(body: str | None) -> None:
    """Same body, element for element, as ``bare_extraction`` in balanced mode on the same copy."""
    html = page(body=body)
    options = Extractor(output_format="txt", fast=False, comments=False, tables=True)
    theirs = bare_extraction(_work(html), options=options)
    ours = full_extraction(_work(html), None)
    assert theirs is not None and ours is not None and not isinstance(theirs, dict)
    assert etree.tostring(ours) == etree.tostring(theirs.body)
    assert PARAGRAPHS[0] in " ".join(ours.itertext())
