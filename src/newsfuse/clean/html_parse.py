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
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS, load_html

from newsfuse.errors import InputError

# never text, and trafilatura deletes them anyway: pruned once, before the tree is copied for extraction
_INERT_TAGS = ("style", "svg", "template")
# what libxml2 rejects and trafilatura's repair deletes: C0 controls but tab and newlines, U+FFFE, U+FFFF
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_HEAD = 4096  # characters in which trafilatura looks for a self-closing <html/>
_NONCHARACTERS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")


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
        tree = fromstring(repaired_bytes(html), parser=_parser())
    except (etree.LxmlError, ValueError, TypeError):
        tree = None
    if tree is None:
        tree = _parse_leniently(html)
    return tree


def repaired_bytes(html: str) -> bytes:
    """The page as UTF-8, repaired as trafilatura's ``repair_faulty_html`` does.

    Its deletion of invalid characters is a regular expression over the whole text, a millisecond on an
    average page; deleting the bytes from the encoded page costs a fraction of that.
    """
    if INVALID_XML_CHARS.search(html, 0, _HEAD):  # rare: the repairs of the head must not see them
        html = INVALID_XML_CHARS.sub("", html)
    if "doctype" in html[:50].lower():  # libxml2 stumbles on a doctype with a slash in it
        first, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", first, count=1) + "\n" + rest
    for line in html[:_HEAD].splitlines()[:4]:  # and on a self-closing <html/>
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    data = html.encode("utf-8", "surrogatepass").translate(None, _CONTROL_BYTES)
    for sequence in _NONCHARACTERS:
        if sequence in data:
            data = data.replace(sequence, b"")
    return data


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
