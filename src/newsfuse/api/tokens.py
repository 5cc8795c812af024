"""Bearer tokens for the API: created once (the secret is shown then and never again), checked by hash.

A secret is 32 random bytes, so a plain SHA-256 of it is enough to store: it cannot be guessed from the
hash, and looking a token up by its hash takes one indexed read per request.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from newsfuse.errors import UsageError
from newsfuse.store import ApiToken, Store

SECRET_PREFIX = "nf_"
_MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class CreatedToken:
    """A new token and its secret, which exists only here: the store keeps its hash."""

    token: ApiToken
    secret: str


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> CreatedToken:
    """A new token named ``name`` (what it is for, e.g. ``"newsroom importer"``)."""
    name = name.strip()
    if not name or len(name) > _MAX_NAME:
        raise UsageError(f"a token needs a name of 1 to {_MAX_NAME} characters, not {name!r}")
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken("tok-" + secrets.token_hex(6), name, datetime.now(UTC))
    store.add_token(token, secret_hash(secret))
    return CreatedToken(token, secret)


def check_token(store: Store, secret: str) -> ApiToken | None:
    """The live token with this secret, or ``None`` for an unknown or revoked one."""
    token = store.token_by_hash(secret_hash(secret))
    return token if token is not None and token.revoked_at is None else None
