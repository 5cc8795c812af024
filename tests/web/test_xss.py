"""Article text, titles and outlet names holding HTML or script are shown as text and never run.

The hostile article is ingested like any other (plain text and JSON Lines), then every page that shows it is
opened in Chromium: no script runs (``window.__pwned`` stays undefined, no dialog opens) and the markup
appears literally on the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page
from web_support import build_store, serve

pytestmark = pytest.mark.slow

SCRIPT = '<script>window.__pwned = "script"; alert("script ran")</script>'
IMG = "<img src=x onerror=\"window.__pwned='img'; alert('img ran')\">"
LINK = "<a href=\"javascript:window.__pwned='link'; alert('link ran')\">open the report</a>"
TEXT = f"""Harbour board meeting ends in uproar over {SCRIPT} tags

By Ada Quill

PORT ELLERY — The harbour board's Tuesday meeting ended early after members argued over a vendor web page \
that held {SCRIPT} in its footer.

"Nobody should paste {IMG} into a public notice," board chair Miriam Osterholt said after the vote.

The minutes link the report as {LINK}, which members were told not to click. The board will meet again \
next month to review its web publishing rules.
"""
RECORD = {
    "title": f"Ferry fares rise {IMG}",
    "outlet": f"{SCRIPT} Gazette",
    "url": "https://gazette.example/fares",
    "published": "2026-03-05T09:00:00Z",
    "text": "Ferry fares on the Port Ellery line will rise in April, the harbour board said on Tuesday.\n\n"
    '"The increase pays for a new landing stage," board chair Miriam Osterholt said.',
}


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a store holding the hostile articles, over HTTP."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "harbour-board.txt").write_text(TEXT)
    (folder / "gazette.jsonl").write_text(json.dumps(RECORD) + "\n")
    yield from serve(build_store(tmp_path_factory.mktemp("hostile-db") / "hostile.db", [folder]))


def _assert_inert(page: Page) -> None:
    """Nothing ran and nothing active was created from the article's markup."""
    assert page.evaluate("typeof window.__pwned") == "undefined"
    active = "script:not([src='/static/highlight.js']), img, iframe, [onerror], a[href^='javascript']"
    assert page.locator(active).count() == 0


def test_hostile_text_is_shown_literally_and_never_runs(page: Page, hostile_url: str) -> None:
    """Story list, story pages, article pages (with a highlight) and search show the markup as text only."""
    page.goto(hostile_url + "/")
    _assert_inert(page)
    assert "<img src=x onerror=" in page.locator("main").inner_text()
    for story in [str(a.get_attribute("href")) for a in page.locator("a.story-title").all()]:
        page.goto(hostile_url + story)
        _assert_inert(page)
        for article in [str(a.get_attribute("href")) for a in page.locator("ol.articles a").all()]:
            page.goto(hostile_url + article)
            _assert_inert(page)
    page.goto(hostile_url + "/search?q=harbour+board&speaker=Osterholt")
    _assert_inert(page)
    assert page.locator(".quote-results li").count() >= 1
    page.locator(".article-results a").filter(has_text="uproar").first.click()
    _assert_inert(page)
    text = str(page.locator(".clean").text_content())
    assert SCRIPT in text and IMG in text and LINK in text
    start = text.index(LINK)
    page.goto(f"{page.url.split('?')[0]}?start={start}&end={start + len(LINK)}")
    _assert_inert(page)
    page.locator("mark#hl").click()
    assert page.locator("mark#hl").text_content() == LINK
    _assert_inert(page)
