"""Parsing: the page bytes handed to libxml2 are repaired exactly as trafilatura's own repair does it."""

from __future__ import annotations

import pytest
from html_pages import PARAGRAPHS, page
from trafilatura.utils import repair_faulty_html

from newsfuse.clean.html_parse import parse_html, repaired_bytes

FAULTY = (
    page(),
    "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN'/>\n<html><body><p>a slash in the doctype</p></body>",
    '<html lang="en"/>\n<body><p>self-closing html</p></body>',
    f"<html><body><p>{PARAGRAPHS[0]}\x0c\x00 and a bell\x07 \ufffe\uffff</p></body></html>",
    "\x0b<!doctype html PUBLIC '-//W3C//DTD/x'>\n<p>a control character before the doctype</p>",
    "<p>café – “quoted” text, \ud800 a lone surrogate</p>",
)


@pytest.mark.parametrize("html", FAULTY)
def test_repaired_bytes_equal_trafilaturas_repair(html: str) -> None:
    """Doctype, self-closing ``<html/>`` and invalid characters are repaired byte for byte alike."""
    expected = repair_faulty_html(html, html[:50].lower()).encode("utf-8", "surrogatepass")
    assert repaired_bytes(html) == expected


def test_control_characters_do_not_stop_the_parse() -> None:
    """A page with form feeds and NULs in its text still parses, its text intact."""
    tree = parse_html(FAULTY[3])
    assert PARAGRAPHS[0] in tree.text_content()
