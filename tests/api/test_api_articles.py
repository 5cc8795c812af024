"""``/api/articles``: lists with cursors, search, one article with its spans, copies."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_list_pages_through_every_article_once(client: TestClient) -> None:
    """Following next_cursor visits every article exactly once, newest first, and stops."""
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 5} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/articles", params=params).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == page["total"] == 12


def test_outlet_filter_keeps_only_that_outlet(client: TestClient) -> None:
    """An outlet filter returns that outlet's articles and counts only them."""
    page = client.get("/api/articles", params={"outlet": "Bayside Record"}).json()
    assert page["total"] == len(page["items"]) >= 1
    assert {item["outlet"] for item in page["items"]} == {"Bayside Record"}


def test_cursor_of_another_query_is_refused(client: TestClient) -> None:
    """A cursor only continues the query it came from: with another filter it is a 400, not wrong data."""
    cursor = client.get("/api/articles", params={"limit": 2}).json()["next_cursor"]
    response = client.get("/api/articles", params={"limit": 2, "cursor": cursor, "outlet": "Tidewire"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"


def test_search_finds_words_and_marks_them_in_the_snippet(client: TestClient) -> None:
    """Search results carry a snippet whose highlight ranges cover the searched word."""
    page = client.get("/api/articles/search", params={"q": "warehouse"}).json()
    assert page["items"]
    for item in page["items"]:
        marked = [item["snippet"][s:e].casefold() for s, e in item["highlights"]]
        assert any(m.startswith("warehouse") for m in marked)


def test_search_pages_with_cursor(client: TestClient) -> None:
    """Search pages follow each other without repeats."""
    first = client.get("/api/articles/search", params={"q": "fire", "limit": 1}).json()
    second = client.get(
        "/api/articles/search", params={"q": "fire", "limit": 1, "cursor": first["next_cursor"]}
    ).json()
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_article_spans_cite_their_text(client: TestClient) -> None:
    """Every span of an article's analysis carries exactly the characters its offsets point at."""
    item = client.get("/api/articles", params={"limit": 1}).json()["items"][0]
    article = client.get(f"/api/articles/{item['id'][:8]}").json()
    assert article["id"] == item["id"]
    analysis = article["analysis"]
    assert analysis["quotes"] and analysis["entities"]
    spans = [m for e in analysis["entities"] for m in e["mentions"]]
    spans += [c for q in analysis["quotes"] for c in q["content"]]
    spans += [d["span"] for d in analysis["dates"]]
    for span in spans:
        assert span["text"] == article["text"][span["start"] : span["end"]]


def test_copies_link_both_ways(client: TestClient) -> None:
    """A near-copy names its original, and the original's copies list holds the copy."""
    items = client.get("/api/articles", params={"limit": 100}).json()["items"]
    copy = next(i for i in items if i["near_duplicate_of"])
    original = client.get(f"/api/articles/{copy['near_duplicate_of']}/copies").json()
    assert copy["id"] in [c["id"] for c in original["copies"]]
    assert (
        client.get(f"/api/articles/{copy['id']}/copies").json()["near_duplicate_of"] == original["article_id"]
    )


def test_unknown_article_is_a_404_with_the_error_body(client: TestClient) -> None:
    """An unknown id answers 404 in the one error shape, naming the id."""
    response = client.get("/api/articles/abcdef0123456789")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert "abcdef0123456789" in response.json()["error"]["message"]
