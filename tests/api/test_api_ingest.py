"""``/api/ingest``: posting articles needs a token; jobs run like the CLI ingest and report progress."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from newsfuse.api.app import create_app
from newsfuse.api.config import ServerConfig
from newsfuse.api.jobs import submit_job
from newsfuse.store import open_store

ARTICLE = {
    "title": "Lighthouse keepers' cottage on Gull Point to become a museum",
    "text": (
        "Gull Point's old lighthouse keepers' cottage will open as a maritime museum next spring, the "
        "Gull Point Heritage Trust said on Monday.\n\n"
        '"We want children to stand where the keepers stood," said trust chair Imogen Salvesen. '
        "The trust raised 410,000 dollars from 2,300 donors, she said."
    ),
    "url": "https://www.gullpointgazette.example/2026/04/06/cottage-museum",
    "outlet": "Gull Point Gazette",
    "published": "2026-04-06T09:00:00Z",
}


def _wait(client: TestClient, location: str) -> dict[str, Any]:
    """The job once it has finished (the worker thread runs it in the background)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(location).json()
        if job["state"] in {"done", "failed"}:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {location} did not finish")


def test_posting_needs_a_token(client: TestClient) -> None:
    """Without a token, or with a wrong one, a post is a 401 error body and nothing is queued."""
    missing = client.post("/api/ingest/articles", json=ARTICLE)
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthorized"
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/ingest/articles", json=ARTICLE, headers={"Authorization": "Bearer nf_wrong"})
    assert wrong.status_code == 401


def test_posted_article_is_stored_analysed_and_placed_in_a_story(client: TestClient, token: str) -> None:
    """A posted JSON article is queued (202 + Location), then stored, analysed and clustered."""
    auth = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/ingest/articles", json=[ARTICLE], headers=auth)
    assert response.status_code == 202
    job = _wait(client, response.headers["location"])
    assert job["state"] == "done", job
    assert job["report"]["stored"] == 1 and job["report"]["stories"]["clustered"] == 1
    found = client.get("/api/articles/search", params={"q": "lighthouse museum"}).json()["items"]
    assert [a["outlet"] for a in found] == ["Gull Point Gazette"]
    quotes = client.get("/api/quotes", params={"speaker": "salvesen"}).json()["items"]
    assert any("keepers stood" in q["content"]["text"] for q in quotes)
    again = _wait(client, client.post("/api/ingest/articles", json=ARTICLE, headers=auth).headers["location"])
    assert again["report"]["stored"] == 0 and again["report"]["exact_duplicates"] == 1


def test_posted_html_page_is_extracted(client: TestClient, token: str) -> None:
    """A raw HTML page with url and outlet parameters becomes an article with that metadata."""
    page = (
        "<html><head><title>Gull Point ferry timetable changes</title></head><body><nav>Home | News</nav>"
        "<article><h1>Gull Point ferry timetable changes</h1>"
        "<p>The Gull Point ferry will leave twenty minutes earlier from May, the harbour office said.</p>"
        "<p>Commuters asked for the change at a meeting in March, the office said in a statement.</p>"
        "</article></body></html>"
    )
    response = client.post(
        "/api/ingest/html",
        params={"url": "https://www.gullpointgazette.example/ferry", "outlet": "Gull Point Gazette"},
        content=page.encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "text/html"},
    )
    assert response.status_code == 202
    assert _wait(client, response.headers["location"])["report"]["stored"] == 1
    found = client.get("/api/articles/search", params={"q": "ferry timetable"}).json()["items"]
    assert found[0]["url"] == "https://www.gullpointgazette.example/ferry"
    assert "Home | News" not in client.get(f"/api/articles/{found[0]['id']}").json()["text"]


def test_bad_records_are_refused_with_which_and_why(client: TestClient, token: str) -> None:
    """A record with no text, or a body that is not JSON, is a 422 naming the item; nothing is queued."""
    auth = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/ingest/articles", json=[ARTICLE, {"title": "no body"}], headers=auth)
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith("article 2: no article text")
    broken = client.post("/api/ingest/articles", content=b"{not json", headers=auth)
    assert broken.status_code == 422 and broken.json()["error"]["code"] == "bad_input"
    plain = client.post("/api/ingest/html", content=b"just words", headers=auth)
    assert plain.status_code == 422


def test_oversized_body_is_refused(db: Path, token: str) -> None:
    """A body over the server's cap is a 413 error body."""
    with TestClient(create_app(ServerConfig(str(db), max_ingest_bytes=1000))) as small:
        response = small.post(
            "/api/ingest/articles",
            json=ARTICLE | {"text": "word " * 1000},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"


def test_unknown_job_is_a_404(client: TestClient) -> None:
    """A job id the server never gave out is a 404."""
    response = client.get("/api/ingest/jobs/job-0000")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_job_queued_before_a_restart_runs_after_it(db: Path) -> None:
    """Jobs live in the store: one queued while no server ran is run when the app starts."""
    store = open_store(str(db))
    try:
        job = submit_job(store, [ARTICLE])
    finally:
        store.close()
    with TestClient(create_app(ServerConfig(str(db)))) as client:
        done = _wait(client, f"/api/ingest/jobs/{job.id}")
    assert done["state"] == "done" and done["report"]["stored"] == 1
