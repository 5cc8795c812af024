"""Page metadata read from meta tags and JSON-LD, and the headline with the site name cut."""

from __future__ import annotations

from datetime import datetime

import pytest
from lxml.html import fromstring

from newsfuse.clean.html_meta import read_page_meta
from newsfuse.clean.html_title import page_title, site_keys, strip_site_name


def test_json_ld_graph_is_searched_for_the_article() -> None:
    """An article object nested in @graph gives headline, date, authors and publisher."""
    head = """<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Site"},
      {"@type": ["NewsArticle"], "headline": "Quay reopens", "datePublished": "2024-06-01",
       "author": "Tamsin Quayle and Idris Fenwick", "publisher": {"name": "The Marlow Ledger"}}]}</script>"""
    meta = read_page_meta(fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>"))
    assert (meta.title, meta.site_name) == ("Quay reopens", "The Marlow Ledger")
    assert meta.published == datetime(2024, 6, 1)
    assert meta.authors == ("Tamsin Quayle", "Idris Fenwick")


def test_broken_json_ld_falls_back_to_meta_tags() -> None:
    """Unparsable JSON-LD is skipped and the meta tags are used."""
    head = '<script type="application/ld+json">{"@type": "NewsArticle", </script>'
    head += '<meta property="og:title" content="Gulls return"><meta name="pubdate" content="2023-11-05">'
    meta = read_page_meta(fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>"))
    assert meta.title == "Gulls return"
    assert meta.published == datetime(2023, 11, 5)


@pytest.mark.parametrize("value", ["yesterday", "0001-01-01", "9999-12-31", "12"])
def test_implausible_dates_are_no_date(value: str) -> None:
    """Dates without a plausible year are ignored rather than stored."""
    head = f'<meta property="article:published_time" content="{value}">'
    assert (
        read_page_meta(fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>")).published is None
    )


@pytest.mark.parametrize(("lang", "expected"), [("en-GB", "en"), ("de_AT", "de"), ("FR", "fr"), ("??", None)])
def test_language_is_the_primary_subtag(lang: str, expected: str | None) -> None:
    """<html lang> is reduced to its lower-case primary language subtag."""
    html = f'<html lang="{lang}"><head></head><body><p>x</p></body></html>'
    assert read_page_meta(fromstring(html)).language == expected


def test_author_values_that_are_links_are_dropped() -> None:
    """A profile URL in article:author is not taken for a name."""
    head = '<meta property="article:author" content="https://social.example/tquayle">'
    head += '<meta name="author" content="By Tamsin Quayle">'
    meta = read_page_meta(fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>"))
    assert meta.authors == ("Tamsin Quayle",)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ferry strike ends | The Marlow Ledger", "Ferry strike ends"),
        ("The Marlow Ledger - Ferry strike ends", "Ferry strike ends"),
        ("Ferry strike ends – Marlow Ledger News | Marlowledger", "Ferry strike ends"),
        ("Port Vessing: ferries sail again", "Port Vessing: ferries sail again"),
        ("Strike - what it means for you", "Strike - what it means for you"),
    ],
)
def test_site_name_segments_are_cut(title: str, expected: str) -> None:
    """Leading and trailing segments naming the site or its host are cut; others stay."""
    keys = site_keys("The Marlow Ledger", "https://www.marlowledger.example/x")
    assert strip_site_name(title, keys) == expected


def test_h1_is_the_headline_when_it_agrees_with_og_title() -> None:
    """The visible <h1> wording wins over a shortened og:title that shares its words."""
    meta = read_page_meta(
        fromstring(
            '<html><head><meta property="og:title" content="Ferry strike ends"></head>'
            "<body><h1>Ferry strike ends after nine days</h1><p>x</p></body></html>"
        )
    )
    assert page_title(meta, None, None) == "Ferry strike ends after nine days"


def test_logo_h1_is_not_taken_for_the_headline() -> None:
    """An <h1> holding the site's logo text, unrelated to og:title, is ignored."""
    meta = read_page_meta(
        fromstring(
            '<html><head><meta property="og:title" content="Gulls return to the east cliffs"></head>'
            "<body><h1>Marlow Ledger</h1><p>x</p></body></html>"
        )
    )
    assert page_title(meta, None, None) == "Gulls return to the east cliffs"


def test_html_entities_in_metadata_are_decoded() -> None:
    """A doubly escaped dash or ampersand in a meta tag comes out as the character."""
    head = '<meta property="og:title" content="Quay &amp;#8211; reopened &amp;#038; repaired">'
    meta = read_page_meta(fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>"))
    assert meta.title == "Quay – reopened & repaired"
