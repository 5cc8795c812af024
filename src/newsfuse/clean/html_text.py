"""The main text of a parsed page as headings and body paragraphs, via trafilatura.

Speed comes from one fast pass in recall mode and paying for trafilatura's full mode (its comparison with
readability and jusText) only when the fast result is suspiciously small against the page's visible
text: on the WCXB dev pages that is about one page in fourteen, and those pages hold nearly all of the
full mode's gain. The recall-leaning fast pass scores higher than the balanced one on those pages
(0.944 against 0.937 bag-of-words F1 for the whole path) and is no slower.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml.etree import _Element  # type: ignore[import-untyped]  # no stubs installed
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed

from newsfuse.clean.html_fast import fast_extraction
from newsfuse.clean.html_full import full_extraction
from newsfuse.clean.html_prune import extraction_tree
from newsfuse.model import ParagraphKind

Block = tuple[str, ParagraphKind]

# below this share of the page's visible text, the fast result is re-done in trafilatura's full mode
_FULL_MODE_BELOW_SHARE = 0.25
_HEADING_TAG = "head"
_CELL_TAG = "cell"
# trafilatura's output elements that start a new line
_LINE_TAGS = frozenset(
    {"p", "head", "item", "row", "quote", "list", "table", "code", "lb", "div", "ab", "graphic"}
)
_INVISIBLE = ("script", "style", "noscript", "template")


def extract_blocks(page: HtmlElement, url: str | None, fresh_page: Callable[[], HtmlElement]) -> list[Block]:
    """Headings and paragraphs of the page's main text, in order (empty when none is found).

    The page is taken over and changed; the rare pages that need a second look get a fresh one from
    ``fresh_page`` (parsing again costs less, over all pages, than copying every page first).
    """
    visible = _visible_length(page)

    def fresh_work() -> HtmlElement:
        return extraction_tree(fresh_page(), fresh_page)

    fast = fast_extraction(extraction_tree(page, fresh_page), url, fresh_work)
    blocks = _blocks(fast) if fast is not None else []
    if _length(blocks) < _FULL_MODE_BELOW_SHARE * visible:
        full_body = full_extraction(fresh_work(), url)
        full = _blocks(full_body) if full_body is not None else []
        if _length(full) > _length(blocks):
            blocks = full
    return blocks


def _blocks(body: _Element) -> list[Block]:
    """One block per line of each top-level element of trafilatura's result (a heading or a body block)."""
    found: list[Block] = []
    for element in body:
        kind = ParagraphKind.HEADING if element.tag == _HEADING_TAG else ParagraphKind.BODY
        parts: list[str] = []
        _flatten(element, parts)
        for line in "".join(parts).split("\n"):
            text = " ".join(line.split())
            if text:
                found.append((text, kind))
    return found


def _flatten(element: _Element, parts: list[str]) -> None:
    """The element's text with a line break around each paragraph-like element and a bar between cells.

    A lighter stand-in for trafilatura's ``xmltotxt``, which costs several percent of the page time.
    """
    tag = element.tag
    if tag in _LINE_TAGS:
        parts.append("\n")
    elif tag == _CELL_TAG:
        parts.append(" | ")
    if element.text:
        parts.append(element.text)
    for child in element:
        _flatten(child, parts)
        if child.tail:
            parts.append(child.tail)
    if tag in _LINE_TAGS:
        parts.append("\n")


def _length(blocks: list[Block]) -> int:
    return sum(len(text) for text, _ in blocks)


def _visible_length(tree: HtmlElement) -> int:
    """Characters of visible text in the page body (an upper bound on any extraction), scripts left out."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    total = root.xpath("string-length(normalize-space(.))")
    hidden = sum(len(" ".join(e.text.split())) for e in root.iter(*_INVISIBLE) if e.text)
    return int(total) - hidden if isinstance(total, float) else 0
