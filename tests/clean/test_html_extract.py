"""The HTML extractor on fictional pages: main text, paragraph kinds, metadata, and bad pages."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta, timezone

import pytest
from html_pages import AFTER_SECTION, HEADLINE, JSON_LD, OUTLET, PARAGRAPHS, SECTION, page, raw

from newsfuse.clean.html import extract_html_document, quiet_page_warnings
from newsfuse.errors import InputError
from newsfuse.model import DateSource, ParagraphKind

OG_TAGS = (
    f'<meta property="og:title" content="{HEADLINE}">'
    f'<meta property="og:site_name" content="{OUTLET}">'
    '<meta property="article:published_time" content="2025-04-02T08:00:00Z">'
    '<meta name="author" content="Tamsin Quayle">'
)


def test_main_text_keeps_article_paragraphs_and_drops_boilerplate() -> None:
    """Every article paragraph is kept; navigation, sidebar, comments and footer are not."""
    article = extract_html_document(raw(page(f"<title>{HEADLINE} | {OUTLET}</title>")))
    body = article.body_text()
    for paragraph in (*PARAGRAPHS, *AFTER_SECTION):
        assert paragraph in body
    for boilerplate in ("Subscribe", "Most read", "nightmare all week", "All rights reserved", "Privacy"):
        assert boilerplate not in article.text


def test_title_is_first_paragraph_and_headings_are_marked() -> None:
    """The title opens the text as a TITLE paragraph, section headings are HEADING, the rest BODY."""
    article = extract_html_document(raw(page(OG_TAGS)))
    kinds = [paragraph.kind for paragraph in article.paragraphs]
    texts = article.paragraph_texts()
    assert kinds[0] is ParagraphKind.TITLE and texts[0] == HEADLINE
    assert texts[kinds.index(ParagraphKind.HEADING)] == SECTION
    assert texts.count(HEADLINE) == 1
    assert all(kind is ParagraphKind.BODY for kind in kinds[1:] if kind is not ParagraphKind.HEADING)


def test_site_suffix_is_cut_from_the_html_title() -> None:
    """A " | Outlet" suffix on <title> is removed when the outlet is known from og:site_name."""
    head = f'<title>{HEADLINE} | {OUTLET}</title><meta property="og:site_name" content="{OUTLET}">'
    html = page(head).replace(f"<h1>{HEADLINE}</h1>", "")
    article = extract_html_document(raw(html))
    assert article.title == HEADLINE
    assert article.outlet == OUTLET


def test_site_suffix_naming_the_host_is_cut() -> None:
    """A " - Marlow Ledger" suffix is cut because it names the host, even without og:site_name."""
    html = page(f"<title>{HEADLINE} - Marlow Ledger</title>").replace(f"<h1>{HEADLINE}</h1>", "")
    article = extract_html_document(raw(html))
    assert article.title == HEADLINE
    assert article.outlet == "marlowledger.example"


def test_colon_inside_a_headline_is_kept() -> None:
    """A separator that does not name the site stays part of the headline."""
    headline = "Port Vessing: ferries sail again"
    html = page(f"<title>{headline}</title>").replace(f"<h1>{HEADLINE}</h1>", "")
    assert extract_html_document(raw(html)).title == headline


def test_meta_tags_give_date_authors_and_language() -> None:
    """article:published_time, meta author and <html lang> fill the metadata; the date is METADATA."""
    article = extract_html_document(raw(page(OG_TAGS)))
    assert article.published == datetime(2025, 4, 2, 8, 0, tzinfo=UTC)
    assert article.published_source is DateSource.METADATA
    assert article.authors == ("Tamsin Quayle",)
    assert article.language == "en"


def test_json_ld_wins_over_meta_tags() -> None:
    """JSON-LD's datePublished, authors and publisher are used before meta tags."""
    article = extract_html_document(raw(page(OG_TAGS + JSON_LD)))
    assert article.published == datetime(2025, 4, 2, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert article.authors == ("Tamsin Quayle", "Idris Fenwick")
    assert article.outlet == OUTLET


def test_date_found_in_the_page_is_html_and_beats_a_crawl_date() -> None:
    """Without date metadata, a date written in the page is used (HTML) rather than the WARC date."""
    html = page("").replace(
        '<p class="byline">', '<p class="date">Published 2 April 2025</p><p class="byline">'
    )
    crawled = datetime(2025, 5, 1)
    article = extract_html_document(
        raw(
            html,
            url="https://marlowledger.example/ferry",
            published=crawled,
            published_source=DateSource.WARC,
        )
    )
    assert article.published is not None and article.published.date() == datetime(2025, 4, 2).date()
    assert article.published_source is DateSource.HTML


def test_crawl_date_hint_is_kept_when_the_page_has_no_date() -> None:
    """A WARC date hint survives when neither metadata nor the page give a date."""
    crawled = datetime(2025, 5, 1)
    article = extract_html_document(
        raw(
            page(""),
            url="https://marlowledger.example/ferry",
            published=crawled,
            published_source=DateSource.WARC,
        )
    )
    assert (article.published, article.published_source) == (crawled, DateSource.WARC)


def test_paragraph_offsets_point_into_the_text() -> None:
    """Each paragraph's offsets cut exactly its text out of the article's clean text."""
    article = extract_html_document(raw(page(OG_TAGS)))
    for paragraph, text in zip(article.paragraphs, article.paragraph_texts(), strict=True):
        assert article.text[paragraph.start : paragraph.end] == text
        assert text == text.strip() and "  " not in text


@pytest.mark.parametrize("html", ["", "   \n", "<html><body></body></html>", "<html><head></head></html>"])
def test_empty_page_is_an_input_error(html: str) -> None:
    """An empty page raises InputError rather than yielding an empty article."""
    with pytest.raises(InputError):
        extract_html_document(raw(html))


def test_navigation_only_page_has_no_article_text() -> None:
    """A page of nothing but menus and a footer raises InputError("no article text found ...")."""
    html = f"<html><body>{page('').split('<main>')[0].split('<body>')[1]}</body></html>"
    with pytest.raises(InputError, match="no article text found"):
        extract_html_document(raw(html))


def test_broken_markup_still_yields_the_text() -> None:
    """Unclosed tags and stray closing tags do not stop the extraction."""
    broken = page(OG_TAGS).replace("</p>", "", 3).replace("</article>", "</div></span></article>")
    article = extract_html_document(raw(broken[: len(broken) - 30]))
    assert PARAGRAPHS[1] in article.body_text()


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>" + "<div>" * 5000 + "deep",
        "\x00\x01<html>\x02",
        "<?xml version='1.0'?><x/>",
        "<<<>>>",
    ],
)
def test_malformed_input_raises_only_input_error(html: str) -> None:
    """Garbage and pathological markup either extract or raise InputError, nothing else."""
    try:
        article = extract_html_document(raw(html))
    except InputError as error:
        assert str(error)
    else:
        assert article.text


def test_non_article_page_is_rejected() -> None:
    """A product listing made of short link labels has no article text."""
    items = "".join(f'<li><a href="/p/{n}">Rope, {n} m</a> <span>£{n}.00</span></li>' for n in range(3, 30))
    html = f"<html><body><nav><a href='/'>Shop</a></nav><ul class='products'>{items}</ul></body></html>"
    with pytest.raises(InputError):
        extract_html_document(raw(html))


def test_same_page_twice_gives_the_same_id() -> None:
    """Extraction is deterministic: the same page gives the same content-hash id."""
    first = extract_html_document(raw(page(OG_TAGS)))
    second = extract_html_document(raw(page(OG_TAGS), url=None))
    assert first.id == second.id


def test_copyright_year_is_not_a_publication_date() -> None:
    """A bare "© 2025" in the footer does not become 1 January as the publication date."""
    article = extract_html_document(raw(page(""), url="https://marlowledger.example/ferry"))
    assert article.published is None
    assert article.published_source is DateSource.NONE


def test_quiet_page_warnings_leaves_only_errors_of_the_extraction_libraries() -> None:
    """After quiet_page_warnings, trafilatura and htmldate log errors but no warnings."""
    quiet_page_warnings()
    for name in ("trafilatura", "htmldate"):
        logger = logging.getLogger(name)
        assert not logger.isEnabledFor(logging.WARNING) and logger.isEnabledFor(logging.ERROR)
