"""What the API keeps in the store: the comparison cache (by story and etag) and its bearer tokens."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from newsfuse.errors import NotFoundError
from newsfuse.store.base import ApiToken, CachedComparison, ComparisonCounts
from newsfuse.store.tables import SqlTables, to_json

_SAVE_COMPARISON = (
    "INSERT INTO story_comparisons "
    "(story_id, etag, document, facts, corroborated, contradictions, quotes, compared_at) "
    "SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?) "
    "ON CONFLICT (story_id) DO UPDATE SET etag = excluded.etag, document = excluded.document, "
    "facts = excluded.facts, corroborated = excluded.corroborated, "
    "contradictions = excluded.contradictions, quotes = excluded.quotes, compared_at = excluded.compared_at"
)
_TOKEN_COLUMNS = "id, name, created_at, revoked_at"


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _token(row: dict[str, Any]) -> ApiToken:
    revoked = row["revoked_at"]
    return ApiToken(
        row["id"],
        row["name"],
        datetime.fromisoformat(row["created_at"]),
        datetime.fromisoformat(revoked) if revoked else None,
    )


class ApiTables(SqlTables):
    """The comparison cache and the API tokens, on any SQL backend."""

    def get_comparison(self, story_id: str, etag: str) -> CachedComparison | None:
        rows = self._read(
            "SELECT document, facts, corroborated, contradictions, quotes FROM story_comparisons "
            "WHERE story_id = ? AND etag = ?",
            (story_id, etag),
        )
        if not rows:
            return None
        row = rows[0]
        counts = ComparisonCounts(row["facts"], row["corroborated"], row["contradictions"], row["quotes"])
        return CachedComparison(story_id, etag, json.loads(row["document"]), counts)

    def save_comparison(self, cached: CachedComparison) -> None:
        c = cached.counts
        with self._transaction() as tx:
            tx.run(
                _SAVE_COMPARISON,
                (
                    cached.story_id,
                    cached.etag,
                    to_json(cached.document),
                    c.facts,
                    c.corroborated,
                    c.contradictions,
                    c.quotes,
                    _now(),
                    cached.story_id,
                ),
            )

    def uncompared_story_ids(self, limit: int = 20) -> list[str]:
        rows = self._read(
            "SELECT s.id FROM stories s LEFT JOIN story_comparisons c ON c.story_id = s.id "
            "WHERE c.story_id IS NULL ORDER BY s.last_published DESC NULLS LAST, s.id LIMIT ?",
            (limit,),
        )
        return [row["id"] for row in rows]

    def add_token(self, token: ApiToken, secret_hash: str) -> None:
        with self._transaction() as tx:
            tx.run(
                "INSERT INTO api_tokens (id, name, secret_hash, created_at) VALUES (?, ?, ?, ?)",
                (token.id, token.name, secret_hash, token.created_at.isoformat()),
            )

    def token_by_hash(self, secret_hash: str) -> ApiToken | None:
        rows = self._read(f"SELECT {_TOKEN_COLUMNS} FROM api_tokens WHERE secret_hash = ?", (secret_hash,))
        return _token(rows[0]) if rows else None

    def list_tokens(self) -> list[ApiToken]:
        return [_token(r) for r in self._read(f"SELECT {_TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at")]

    def revoke_token(self, token_id: str) -> ApiToken:
        with self._transaction() as tx:
            tx.run(
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", (_now(), token_id)
            )
            rows = tx.rows(f"SELECT {_TOKEN_COLUMNS} FROM api_tokens WHERE id = ?", (token_id,))
        if not rows:
            raise NotFoundError(f"no API token with id {token_id!r} (newsfuse token list shows them)")
        return _token(rows[0])
