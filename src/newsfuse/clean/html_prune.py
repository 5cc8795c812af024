"""A smaller copy of the page for trafilatura: its XPath passes cost time in proportion to the tree's size.

trafilatura deletes navigation, asides, footers, embeds and form controls in its own cleaning, but only
after several whole-tree passes (forum detection, comment and infinite-scroll pruning, the tree copies);
dropping them from our copy first gives the same result on a smaller tree.
"""

from __future__ import annotations

from copy import copy

from lxml import etree  # type: ignore[import-untyped]  # no stubs installed
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed

from newsfuse.clean.html_meta import meta_keys


def extraction_tree(tree: HtmlElement) -> HtmlElement:
    """A copy of the page without the elements trafilatura would delete first anyway.

    When every paragraph sits inside such elements, trafilatura's recall mode keeps them, so then the
    page is handed over whole.
    """
    work = copy(tree)
    etree.strip_elements(work, *meta_keys()["dropped_before_extraction"], with_tail=False)
    if work.find(".//p") is None and tree.find(".//p") is not None:
        return tree
    return work
