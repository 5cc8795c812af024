"""HTML page → all its visible text lines: what a scraper without an extractor hands over."""

from __future__ import annotations

import re

from lxml import etree, html

_INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "option", "p", "pre",
    "section", "select", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
_SPACES = re.compile(r"\s+")


def _tag(node: etree._Element) -> str:
    return node.tag.lower() if isinstance(node.tag, str) else ""


def _walk(node: etree._Element, out: list[str]) -> None:
    """Append the visible text under ``node``, with a line break around every block-level element."""
    tag = _tag(node)
    block = tag in _BLOCK
    if block:
        out.append("\n")
    if node.text and isinstance(node.tag, str):
        out.append(node.text)
    for child in node:
        if _tag(child) not in _INVISIBLE and isinstance(child.tag, str):
            _walk(child, out)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append("\n")


def visible_lines(page: str) -> list[str]:
    """The page's visible text, one line per block, whitespace collapsed, empty lines dropped."""
    try:
        root = html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    pieces: list[str] = []
    _walk(root, pieces)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return [line for line in lines if line]
