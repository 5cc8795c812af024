"""One error body on every endpoint: ``{"error": {"code", "message", "detail"}}`` for each 4xx and 5xx."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsfuse.api.app import create_app
from newsfuse.api.config import ServerConfig


def _shape(body: Any) -> None:
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] and body["error"]["message"]


def _api_routes() -> list[tuple[str, str]]:
    """Every operation the OpenAPI spec declares."""
    spec = create_app(ServerConfig("unused.db")).openapi()
    return sorted((method.upper(), path) for path, item in spec["paths"].items() for method in item)


@pytest.mark.parametrize(("method", "path"), _api_routes())
def test_every_endpoint_refuses_a_missing_token_in_the_error_shape(db: Path, method: str, path: str) -> None:
    """With reads behind tokens, every endpoint answers a tokenless request 401 in the one shape."""
    url = re.sub(r"\{[^}]+\}", "x", path)
    with TestClient(create_app(ServerConfig(str(db), require_token_for_reads=True))) as client:
        response = client.request(method, url)
    assert response.status_code == 401, (method, url, response.text)
    _shape(response.json())


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", "/api/no-such-thing", 404),
        ("DELETE", "/api/stories", 405),
        ("GET", "/api/articles?limit=1000", 422),
        ("GET", "/api/articles/search?q=%21%21", 400),
        ("GET", "/api/stories?since=yesterday", 422),
        ("GET", "/api/stories/story-zz", 404),
        ("GET", "/api/articles/ab", 400),
    ],
)
def test_routing_validation_and_usage_errors_share_the_shape(
    client: TestClient, method: str, url: str, status: int
) -> None:
    """Unknown paths, wrong methods, invalid parameters and impossible requests all use the one body."""
    response = client.request(method, url)
    assert response.status_code == status, response.text
    _shape(response.json())
