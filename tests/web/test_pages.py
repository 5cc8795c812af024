"""Each page through the in-process client (no browser): status, key content, exact statements, errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_support import elements

from newsfuse.store import open_store


def _story_ids(client: TestClient) -> list[str]:
    page = client.get("/?sort=largest")
    return [attrs["href"].removeprefix("/stories/") for attrs, _ in elements(page.text, "a", "story-title")]


def test_story_list_sorts_and_refuses_an_unknown_sort(client: TestClient) -> None:
    """The list shows every story under each sort; an unknown sort is a 400 page naming the choices."""
    for sort in ("newest", "largest", "contested"):
        page = client.get(f"/?sort={sort}")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert len(elements(page.text, "a", "story-title")) == 3
    bad = client.get("/?sort=loudest")
    assert bad.status_code == 400 and "loudest" in bad.text and "contested" in bad.text


def test_story_page_statements_are_the_exact_source_characters(client: TestClient, examples_db: str) -> None:
    """Every statement on every story page shows exactly the characters it cites, and links to them."""
    store = open_store(examples_db, create=False)
    try:
        for story_id in _story_ids(client):
            page = client.get(f"/stories/{story_id}")
            assert page.status_code == 200
            for heading in ("Brief", "Outlets × facts", "Contradictions", "Who said what", "Timeline"):
                assert f">{heading}</h2>" in page.text
            statements = elements(page.text, "a", "stmt")
            assert statements
            for attrs, text in statements:
                start, end = int(attrs["data-start"]), int(attrs["data-end"])
                assert text == store.get_article(attrs["data-article"]).text[start:end]
                assert attrs["href"].startswith(f"/articles/{attrs['data-article']}?start={start}&end={end}")
    finally:
        store.close()


def test_story_page_shows_contradictions_with_both_sides(client: TestClient) -> None:
    """A contradiction shows two sides from two outlets, the differing words stressed in each."""
    pages = [client.get(f"/stories/{story_id}").text for story_id in _story_ids(client)]
    conflicts = [c for html in pages for c in html.split('<div class="conflict">')[1:]]
    assert conflicts
    for conflict in conflicts:
        sides = [side.split("</blockquote>")[0] for side in conflict.split('<blockquote class="side">')[1:3]]
        assert len(sides) == 2
        assert all(elements(side, "p", "outlet") and elements(side, "strong", "detail") for side in sides)


def test_article_page_text_and_exact_highlight(client: TestClient, examples_db: str) -> None:
    """The article text is the clean text character for character; the highlight is exactly start..end;
    opened without its story (or with a stale one), the page finds the story and links the claims across."""
    story_id = _story_ids(client)[0]
    story = client.get(f"/stories/{story_id}").text
    attrs, quote = elements(story, "a", "stmt")[0]
    page = client.get(attrs["href"].removesuffix("#hl"))
    assert page.status_code == 200
    store = open_store(examples_db, create=False)
    try:
        text = store.get_article(attrs["data-article"]).text
    finally:
        store.close()
    assert elements(page.text, "div", "clean")[0][1] == text
    assert elements(page.text, "mark", id_="hl")[0][1] == quote
    assert any(a["href"].startswith("/entities/") for a, _ in elements(page.text, "a", "entity"))
    assert elements(page.text, "li", "claims") or elements(page.text, "ol", "claims")
    plain = client.get(f"/articles/{attrs['data-article']}")
    assert plain.status_code == 200 and not elements(plain.text, "mark", id_="hl")
    assert f'href="/stories/{story_id}"' in plain.text and elements(plain.text, "ol", "claims")


@pytest.mark.parametrize(
    ("query", "status", "reason"),
    [
        ("?start=5", 400, "both start and end"),
        ("?start=9&end=2", 400, "outside"),
        ("?start=-1&end=2", 400, "outside"),
        ("?start=0&end=999999", 400, "outside"),
    ],
)
def test_article_page_refuses_a_bad_highlight(
    client: TestClient, query: str, status: int, reason: str
) -> None:
    """A half-given, reversed or out-of-text highlight is an error page saying why."""
    article_id = elements(client.get(f"/stories/{_story_ids(client)[0]}").text, "a", "stmt")[0][0][
        "data-article"
    ]
    page = client.get(f"/articles/{article_id}{query}")
    assert page.status_code == status and reason in page.text


@pytest.mark.parametrize(
    "path", ["/stories/story-0000000000000000", "/articles/ffffffffffffffff", "/entities/nobody"]
)
def test_unknown_items_are_404_pages(client: TestClient, path: str) -> None:
    """An unknown story, article or entity is an HTML 404 page that says what was not found."""
    page = client.get(path)
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "Not found" in page.text


def test_entity_page_lists_what_the_entity_said_by_story(client: TestClient) -> None:
    """A key entity's page names it and lists its stories with its quotes linked to their characters."""
    said = []
    for story_id in _story_ids(client):
        for attrs, name in elements(client.get(f"/stories/{story_id}").text, "a", "entity"):
            page = client.get(attrs["href"])
            assert page.status_code == 200 and name in page.text
            said += elements(page.text, "a", "stmt")
    assert said and all("?start=" in attrs["href"] for attrs, _ in said)


def test_search_finds_articles_by_words_and_quotes_by_speaker(client: TestClient) -> None:
    """Words find articles with the words stressed; a speaker's name finds that speaker's quotes."""
    assert client.get("/search").status_code == 200
    page = client.get("/search", params={"q": "warehouse fire", "speaker": "Vantongeren"})
    assert page.status_code == 200
    assert elements(page.text, "ol", "article-results")[0][1].count("warehouse") >= 1
    speakers = [name for _, name in elements(page.text, "span", "speaker-name")]
    assert speakers and all("Vantongeren" in name for name in speakers)


def test_pages_link_the_stylesheet_and_set_a_phone_viewport(client: TestClient) -> None:
    """Every page uses the one stylesheet (served at /static) and scales to a phone's width."""
    page = client.get("/")
    assert '<link rel="stylesheet" href="/static/site.css">' in page.text
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page.text
    assert client.get("/static/site.css").status_code == 200
    assert "<script" not in page.text


def test_story_and_article_pages_link_their_json_twins(client: TestClient) -> None:
    """The story and article pages link the API's JSON of the same item, and the link answers."""
    story_id = _story_ids(client)[0]
    story = client.get(f"/stories/{story_id}").text
    article_href = elements(story, "a", "stmt")[0][0]["href"]
    article = client.get(article_href.removesuffix("#hl")).text
    for html, twin in ((story, f"/api/stories/{story_id}"), (article, "/api/articles/")):
        href = next(a["href"] for a, text in elements(html, "a") if "as JSON" in text)
        assert href.startswith(twin)
        answer = client.get(href)
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/json")


def test_story_page_has_an_etag_and_answers_304_when_unchanged(client: TestClient) -> None:
    """A story page carries its version as ETag; asking again with it gets 304 and no body."""
    story_id = _story_ids(client)[0]
    first = client.get(f"/stories/{story_id}")
    etag = first.headers["etag"]
    again = client.get(f"/stories/{story_id}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content and again.headers["etag"] == etag
    assert client.get(f"/stories/{story_id}").text == first.text


def test_search_pages_through_more_results(client: TestClient) -> None:
    """A search with more results than a page links the next page, which shows the following results."""
    first = client.get("/search", params={"speaker": "e"}).text
    following = [a["href"] for a, _ in elements(first, "a") if a.get("rel") == "next"]
    assert following
    second = client.get(following[0]).text
    hrefs = [{a["href"] for a, _ in elements(html, "a", "stmt")} for html in (first, second)]
    assert hrefs[0] and hrefs[1] and not hrefs[0] & hrefs[1]
    assert any(a.get("rel") == "prev" for a, _ in elements(second, "a"))


def test_story_list_keeps_an_outlets_or_an_entitys_stories(client: TestClient) -> None:
    """An outlet link on the list keeps the stories with an article by it; an entity page links the list of
    the stories naming it; the order tabs keep the filter."""
    listing = client.get("/").text
    outlet_href = elements(listing, "a", "outlet-filter")[0][0]["href"]
    outlet = elements(listing, "a", "outlet-filter")[0][1]
    kept = client.get(outlet_href).text
    rows = [text for _, text in elements(kept, "div", "meta")]
    assert rows and all(outlet in row for row in rows)
    tabs = kept.split('<nav class="tabs"')[1].split("</nav>")[0]
    assert all("outlet=" in a["href"] for a, _ in elements(tabs, "a"))
    story_id = _story_ids(client)[0]
    entity_href = elements(client.get(f"/stories/{story_id}").text, "a", "entity")[0][0]["href"]
    entity_list = next(
        a["href"] for a, _ in elements(client.get(entity_href).text, "a") if a["href"].startswith("/?entity=")
    )
    named = client.get(entity_list).text
    assert f'href="/stories/{story_id}"' in named and "show all stories" in named
