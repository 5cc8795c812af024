"""The main text of a parsed page as headings and body paragraphs, via trafilatura.

Speed comes from running trafilatura's fast mode first and paying for its slow comparison with
readability and jusText only when the fast result is suspiciously small: on the WCXB dev pages the
fast result falls below a fifth of the page's text on about a quarter of the pages, and those pages
hold nearly all of the slow mode's gain.
"""

from __future__ import annotations

from lxml.etree import _Element  # type: ignore[import-untyped]  # no stubs installed
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed
from trafilatura.core import bare_extraction
from trafilatura.settings import Extractor
from trafilatura.xml import xmltotxt

from newsfuse.model import ParagraphKind

Block = tuple[str, ParagraphKind]

# below this share of the page's visible text, the fast result is re-done in trafilatura's full mode
_FULL_MODE_BELOW_SHARE = 0.25
_HEADING_TAG = "head"
_INVISIBLE = ("script", "style", "noscript", "template")


def extract_blocks(tree: HtmlElement, url: str | None) -> list[Block]:
    """Headings and paragraphs of the page's main text, in order (empty when none is found)."""
    blocks = _run(tree, url, fast=True)
    page_length = _visible_length(tree)
    if _length(blocks) < _FULL_MODE_BELOW_SHARE * page_length:
        slow = _run(tree, url, fast=False)
        if _length(slow) > _length(blocks):
            blocks = slow
    return blocks


def _run(tree: HtmlElement, url: str | None, *, fast: bool) -> list[Block]:
    options = Extractor(output_format="python", fast=fast, comments=False, tables=True, url=url)
    document = bare_extraction(tree, options=options)  # works on its own copy
    if document is None or isinstance(document, dict) or document.body is None:
        return []
    return list(_blocks(document.body))


def _blocks(body: _Element) -> list[Block]:
    """One block per line of trafilatura's text rendering of each top-level element."""
    found: list[Block] = []
    for element in body:
        kind = ParagraphKind.HEADING if element.tag == _HEADING_TAG else ParagraphKind.BODY
        for line in xmltotxt(element, False).splitlines():
            text = " ".join(line.split())
            if text:
                found.append((text, kind))
    return found


def _length(blocks: list[Block]) -> int:
    return sum(len(text) for text, _ in blocks)


def _visible_length(tree: HtmlElement) -> int:
    """Characters of visible text in the page body (an upper bound on any extraction), scripts left out."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    total = root.xpath("string-length(normalize-space(.))")
    hidden = sum(len(" ".join(e.text.split())) for e in root.iter(*_INVISIBLE) if e.text)
    return int(total) - hidden if isinstance(total, float) else 0
