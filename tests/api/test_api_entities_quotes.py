"""``/api/entities/{id}``: what an entity said across stories; ``/api/quotes``: by speaker or words."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from newsfuse.stories.names import name_key


def _speakers(client: TestClient) -> list[dict[str, Any]]:
    """Every key entity of every story that has quotes attributed to it."""
    found = []
    for story in client.get("/api/stories").json()["items"]:
        for entity in client.get(f"/api/stories/{story['id']}").json()["key_entities"]:
            data = client.get(f"/api/entities/{entity['global_id']}").json()
            if any(s["quotes"] for s in data["stories"]):
                found.append(data)
    return found


def test_entity_quotes_are_its_own_and_cite_their_text(client: TestClient) -> None:
    """An entity's quotes have a speaker known by one of its names, and their text is the source's."""
    speakers = _speakers(client)
    assert speakers
    for entity in speakers:
        for story in entity["stories"]:
            for quote in story["quotes"]:
                span = quote["content"]
                article = client.get(f"/api/articles/{span['article_id']}").json()
                assert span["text"] == article["text"][span["start"] : span["end"]]
                assert name_key(quote["speaker"]) in set(entity["keys"]) | {name_key(entity["name"])}


def test_quotes_by_speaker_match_part_of_the_name(client: TestClient) -> None:
    """Part of a speaker's name, in any case, finds their quotes and only theirs."""
    quote = client.get("/api/quotes", params={"speaker": "a", "limit": 1}).json()["items"][0]
    surname = quote["speaker"].split()[-1]
    found = client.get("/api/quotes", params={"speaker": surname.upper()}).json()["items"]
    assert found and all(surname.casefold() in q["speaker"].casefold() for q in found)


def test_quotes_by_words_contain_every_word(client: TestClient) -> None:
    """A word search returns quotes whose own text holds every word asked for."""
    some = client.get("/api/quotes", params={"speaker": "e", "limit": 5}).json()["items"]
    word = max(some[0]["content"]["text"].split(), key=len).strip('.,"“”')
    found = client.get("/api/quotes", params={"q": word}).json()["items"]
    assert found and all(word.casefold() in q["content"]["text"].casefold() for q in found)


def test_quote_pages_do_not_repeat(client: TestClient) -> None:
    """Cursor pages of a speaker search hold different quotes."""
    first = client.get("/api/quotes", params={"speaker": "e", "limit": 2}).json()
    assert first["next_cursor"]
    second = client.get(
        "/api/quotes", params={"speaker": "e", "limit": 2, "cursor": first["next_cursor"]}
    ).json()
    key = lambda q: (q["article_id"], q["position"])  # noqa: E731
    assert not {key(q) for q in first["items"]} & {key(q) for q in second["items"]}


def test_quotes_need_a_speaker_or_words(client: TestClient) -> None:
    """Neither speaker nor words is a 400 saying what to give."""
    response = client.get("/api/quotes")
    assert response.status_code == 400
    assert "speaker" in response.json()["error"]["message"]


def test_unknown_entity_is_a_404(client: TestClient) -> None:
    """An unknown entity id answers 404 in the error shape."""
    response = client.get("/api/entities/person:nobody-at-all")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
