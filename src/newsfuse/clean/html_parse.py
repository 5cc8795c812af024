"""Parsing a page once, into the tree every later step reads, and dropping what no step needs.

The parser gives every element the plain ``HtmlElement`` class: lxml.html's default per-tag class lookup
(form, input, label classes) runs Python code for every element proxy trafilatura creates, about a tenth
of the extraction time, and nothing here uses those classes.
"""

from __future__ import annotations

from functools import cache

from lxml import etree  # type: ignore[import-untyped]  # no stubs installed
from lxml.html import (  # type: ignore[import-untyped]  # no stubs installed
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)
from trafilatura.utils import load_html, repair_faulty_html

from newsfuse.errors import InputError

# never text, and trafilatura deletes them anyway: pruned once, before the tree is copied for extraction
_INERT_TAGS = ("style", "svg", "template")


@cache
def _parser() -> HTMLParser:
    parser = HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    lookup = etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
    parser.set_element_class_lookup(lookup)
    return parser


def parse_html(html: str) -> HtmlElement:
    """Parse a page (repairing what libxml2 chokes on); an unparsable or empty page is an ``InputError``."""
    if not html.strip():
        raise InputError("the page is empty")
    try:
        repaired = repair_faulty_html(html, html[:50].lower())
        tree = fromstring(repaired.encode("utf-8", "surrogatepass"), parser=_parser())
    except (etree.LxmlError, ValueError, TypeError):
        tree = None
    if tree is None:
        tree = _parse_leniently(html)
    return tree


def _parse_leniently(html: str) -> HtmlElement:
    """trafilatura's loader, with its own fallbacks, for pages our strict first attempt rejects."""
    try:
        tree = load_html(html)
    except (etree.LxmlError, ValueError, TypeError) as error:
        raise InputError(f"the page could not be parsed: {error}") from error
    if tree is None:
        raise InputError("the page could not be parsed as HTML")
    return tree


def drop_inert(tree: HtmlElement) -> None:
    """Remove scripts (but JSON-LD), styles, SVG drawings and templates, keeping the text after them."""
    for script in list(tree.iter("script")):
        if "ld+json" not in (script.get("type") or ""):
            script.drop_tree()
    etree.strip_elements(tree, *_INERT_TAGS, with_tail=False)
