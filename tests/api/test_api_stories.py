"""``/api/stories``: filters, sorts, cursors; one story with its comparison, ETag and 304."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from newsfuse.api.schemas import StoryOut


def _stories(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get("/api/stories", params=params).json()["items"]
    return items


def test_sorts_order_the_list(client: TestClient) -> None:
    """newest orders by latest article, largest by size, contested by contradictions found."""
    newest = _stories(client, sort="newest")
    assert [s["last_published"] for s in newest] == sorted(
        (s["last_published"] for s in newest), reverse=True
    )
    largest = _stories(client, sort="largest")
    assert [s["size"] for s in largest] == sorted((s["size"] for s in largest), reverse=True)
    contested = _stories(client, sort="contested")
    counts = [s["counts"]["contradictions"] for s in contested]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    assert len(newest) == len(largest) == len(contested) == 3


def test_cursor_pages_cover_the_list(client: TestClient) -> None:
    """Pages of one story each, followed by cursor, give the whole list in order."""
    whole = [s["id"] for s in _stories(client, sort="largest")]
    seen, cursor = [], None
    while True:
        page = client.get(
            "/api/stories", params={"sort": "largest", "limit": 1} | ({"cursor": cursor} if cursor else {})
        ).json()
        seen += [s["id"] for s in page["items"]]
        if (cursor := page["next_cursor"]) is None:
            break
    assert seen == whole


def test_outlet_and_entity_filters(client: TestClient) -> None:
    """An outlet keeps the stories it covered; an entity keeps the stories naming it."""
    story = _stories(client)[0]
    outlet = story["outlets"][0]
    assert all(outlet in s["outlets"] for s in _stories(client, outlet=outlet))
    assert _stories(client, outlet="No Such Outlet") == []
    detail = client.get(f"/api/stories/{story['id']}").json()
    entity = detail["key_entities"][0]["global_id"]
    assert story["id"] in [s["id"] for s in _stories(client, entity=entity)]


def test_time_filters(client: TestClient) -> None:
    """since keeps stories still running then; until keeps stories begun by then."""
    everything = _stories(client)
    latest = max(s["last_published"] for s in everything)
    running = {s["id"] for s in everything if s["last_published"] == latest}
    assert {s["id"] for s in _stories(client, since=latest)} == running
    earliest = min(s["first_published"] for s in everything)
    begun = {s["id"] for s in everything if s["first_published"] == earliest}
    assert {s["id"] for s in _stories(client, until=earliest)} == begun
    assert len(begun) < len(everything)


def test_story_carries_its_comparison_with_cited_text(client: TestClient) -> None:
    """A story's comparison spans cite their articles' characters; contradictions have both sides."""
    story_id = _stories(client, sort="contested")[0]["id"]
    story = client.get(f"/api/stories/{story_id}").json()
    StoryOut.model_validate(story)  # the response is what the OpenAPI spec says, field by field
    comparison = story["comparison"]
    assert comparison["schema"] == "newsfuse-comparison/1"
    assert {m["article_id"] for m in story["members"]} == {a["article_id"] for a in comparison["articles"]}
    texts = {
        m["article_id"]: client.get(f"/api/articles/{m['article_id']}").json()["text"]
        for m in story["members"]
    }
    contradiction = comparison["contradictions"][0]
    for side in ("a", "b"):
        span = contradiction[side]
        assert span["text"] == texts[span["article_id"]][span["start"] : span["end"]]
    assert contradiction["a_outlet"] != contradiction["b_outlet"] or contradiction["a"] != contradiction["b"]


def test_etag_and_not_modified(client: TestClient) -> None:
    """The story answers with an ETag; If-None-Match with it gets 304 and no body, another tag 200."""
    story_id = _stories(client)[0]["id"]
    first = client.get(f"/api/stories/{story_id}")
    etag = first.headers["etag"]
    assert etag.strip('"') == first.json()["etag"]
    again = client.get(f"/api/stories/{story_id}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    other = client.get(f"/api/stories/{story_id}", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200


def test_story_by_prefix_and_unknown_story(client: TestClient) -> None:
    """A unique prefix of the hex part finds the story; an unknown id is a 404 error body."""
    story_id = _stories(client)[0]["id"]
    assert client.get(f"/api/stories/{story_id[len('story-') :][:8]}").json()["id"] == story_id
    missing = client.get("/api/stories/story-ffffffffffffffff")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_bad_sort_is_a_validation_error_body(client: TestClient) -> None:
    """An unknown sort is a 422 in the one error shape, saying which parameter."""
    response = client.get("/api/stories", params={"sort": "loudest"})
    assert response.status_code == 422
    assert response.json()["error"]["detail"][0]["where"] == "query.sort"
