"""Tokens: created once with a secret, stored as a hash, revocable; reads can be made to need one."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsfuse.api.app import create_app
from newsfuse.api.config import ServerConfig
from newsfuse.cli import app

runner = CliRunner()


def _cli(db: Path, *args: str) -> str:
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_token_cli_creates_lists_and_revokes(db: Path) -> None:
    """create prints the secret once; the store keeps only its hash; list never shows it; revoke ends it."""
    created = json.loads(_cli(db, "token", "create", "importer", "--json"))
    secret = created["secret"]
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT secret_hash FROM api_tokens WHERE id = ?", (created["id"],)).fetchone()[
            0
        ]
    assert stored == hashlib.sha256(secret.encode()).hexdigest() and secret not in stored
    listed = _cli(db, "token", "list", "--json")
    assert created["id"] in listed and secret not in listed
    with TestClient(create_app(ServerConfig(str(db)))) as client:
        auth = {"Authorization": f"Bearer {secret}"}
        assert client.post("/api/ingest/articles", json={"text": ""}, headers=auth).status_code == 422
        assert json.loads(_cli(db, "token", "revoke", created["id"], "--json"))["revoked_at"]
        revoked = client.post("/api/ingest/articles", json={"text": ""}, headers=auth)
        assert revoked.status_code == 401 and "revoked" in revoked.json()["error"]["message"]


def test_revoking_an_unknown_token_fails_clearly(db: Path) -> None:
    """Revoking an id that does not exist exits non-zero with the reason."""
    result = runner.invoke(app, ["--db", str(db), "token", "revoke", "tok-nope"])
    assert result.exit_code == 3 and "no API token" in result.output


def test_reads_are_open_by_default(client: TestClient) -> None:
    """Without --require-token-for-reads a read needs no token."""
    assert client.get("/api/stories").status_code == 200


def test_reads_can_require_a_token(db: Path, token: str) -> None:
    """With require_token_for_reads, every read endpoint and web page refuses a request without a live
    token."""
    with TestClient(create_app(ServerConfig(str(db), require_token_for_reads=True))) as client:
        for path in ("/api", "/api/articles", "/api/stories", "/api/quotes?speaker=x", "/api/ingest/jobs/x"):
            response = client.get(path)
            assert response.status_code == 401, path
            assert response.json()["error"]["code"] == "unauthorized"
        answered = client.get("/api/stories", headers={"Authorization": f"Bearer {token}"})
        assert answered.status_code == 200
        assert client.get("/").status_code == 401  # the web pages show the same data: guarded alike
        assert client.get("/", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert client.get("/api").status_code == 401
