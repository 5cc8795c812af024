"""A reader's path through the web UI in headless Chromium, over the bundled examples.

Open the story list, open a story, see a planted contradiction with both outlets' sentences, click a quote
and land on its exact characters, search for a speaker. The story and article pages are saved to
``docs/screenshots/`` (linked from the README).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from newsfuse.store import open_store

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def expected(examples_dir: Path) -> dict[str, Any]:
    """What is planted in the examples."""
    data: dict[str, Any] = json.loads((examples_dir / "expected.json").read_text())
    return data


def _source_text(db: str, article_id: str, start: int, end: int) -> str:
    """The characters start..end of the stored article, read from the store, not from the page."""
    store = open_store(db, create=False)
    try:
        return store.get_article(article_id).text[start:end]
    finally:
        store.close()


def _lands_on_source(page: Page, link: Locator, db: str) -> str:
    """Click a cited statement; the article page must highlight exactly its characters, in view."""
    article_id, start, end = (link.get_attribute(k) for k in ("data-article", "data-start", "data-end"))
    assert article_id and start and end
    text = link.text_content()
    link.click()
    page.wait_for_url(f"**/articles/{article_id}?*")
    mark = page.locator("mark#hl")
    expect(mark).to_be_in_viewport()
    assert mark.text_content() == text == _source_text(db, article_id, int(start), int(end))
    return text


def _open_story_of(page: Page, base_url: str, titles: set[str]) -> None:
    page.goto(base_url + "/")
    links = page.locator("a.story-title")
    expect(links.first).to_be_visible()
    link = next(link for link in links.all() if link.text_content() in titles)
    link.click()
    page.wait_for_url("**/stories/story-*")


def test_reader_path_story_contradiction_quote_and_speaker(
    page: Page, base_url: str, examples_db: str, expected: dict[str, Any]
) -> None:
    """Story list → story → a contradiction with both sources → a quote at its characters → speaker search."""
    conflict = next(c for c in expected["conflicts"] if c["id"] == "A-owner-age")
    titles = {a["title"] for a in expected["articles"] if a["event"] == conflict["event"]}
    _open_story_of(page, base_url, titles)

    shown = (
        page.locator(".conflict")
        .filter(has_text=conflict["a"]["text"])
        .filter(has_text=conflict["b"]["text"])
    )
    expect(shown).to_have_count(1)
    sides = shown.locator(".side")
    outlets = sides.locator(".outlet").all_text_contents()
    assert len(set(outlets)) == 2
    details = shown.locator("strong.detail").all_text_contents()
    assert len(details) == 2 and details[0] != details[1]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "story.png")
    page.evaluate("document.getElementById('contradictions').scrollIntoView()")
    page.screenshot(path=SCREENSHOTS / "story-contradictions.png")

    quote = page.locator("table.quotes a.stmt").first
    _lands_on_source(page, quote, examples_db)
    page.screenshot(path=SCREENSHOTS / "article.png")

    speaker = next(q["speaker"] for q in expected["quotes"] if q["speaker_form"] == "full_name")
    surname = speaker.split()[-1]
    page.goto(base_url + "/search")
    page.fill("#speaker", surname)
    page.click("form.search button")
    results = page.locator(".quote-results li")
    expect(results.first).to_be_visible()
    assert all(surname in name for name in page.locator(".quote-results .speaker-name").all_text_contents())
    _lands_on_source(page, results.first.locator("a.stmt"), examples_db)


def test_every_story_statement_kind_opens_its_source(page: Page, base_url: str, examples_db: str) -> None:
    """A brief line, a contradiction side and a grid cell each open their exact characters."""
    page.goto(base_url + "/")
    story_url = page.locator("a.story-title").first.get_attribute("href")
    for selector in ("ul.brief a.stmt", ".conflict a.stmt", "table.grid th a.stmt"):
        page.goto(base_url + str(story_url))
        _lands_on_source(page, page.locator(selector).first, examples_db)


def test_claim_links_to_other_outlets(page: Page, base_url: str, examples_db: str) -> None:
    """Within its story, a claim in an article's text jumps to its entry, which cites the other outlets."""
    page.goto(base_url + "/")
    page.locator("a.story-title").first.click()
    page.locator("ol.articles a").first.click()
    claim = page.locator(".clean a.claim").first
    target = str(claim.get_attribute("href"))
    claim.click()
    entry = page.locator(target)
    expect(entry).to_be_in_viewport()
    other = page.locator("ol.claims li ul a.stmt").first
    _lands_on_source(page, other, examples_db)


def test_phone_width_reads_without_sideways_scrolling(browser: Browser, base_url: str) -> None:
    """At phone width the story and article pages fit the screen; only wide tables scroll inside."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(base_url + "/")
        page.locator("a.story-title").first.click()
        page.wait_for_url("**/stories/story-*")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.screenshot(path=SCREENSHOTS / "story-phone.png")
        page.locator("ol.articles a").first.click()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()


def test_reading_works_without_javascript(browser: Browser, base_url: str, examples_db: str) -> None:
    """With JavaScript off, the pages render and a quote still opens at its characters."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "/")
        page.locator("a.story-title").first.click()
        _lands_on_source(page, page.locator("table.quotes a.stmt").first, examples_db)
    finally:
        context.close()


def test_highlight_link_without_fragment_still_scrolls_to_the_characters(page: Page, base_url: str) -> None:
    """``/articles/{id}?start=&end=`` typed without ``#hl`` still brings the highlight into view."""
    page.goto(base_url + "/")
    page.locator("a.story-title").first.click()
    link = page.locator("ol.articles a").last
    href = str(link.get_attribute("href")).split("?")[0]
    page.goto(base_url + href)
    length = len(str(page.locator(".clean").text_content()))
    start = max(length - 40, 0)
    page.set_viewport_size({"width": 1280, "height": 300})
    page.goto(f"{base_url}{href}?start={start}&end={length}")
    expect(page.locator("mark#hl")).to_be_in_viewport()
