"""A fresh PostgreSQL schema for tests that run on the server too (the suite's one place for it)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

PG_ADMIN_URL = os.environ.get("NEWSFUSE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@contextmanager
def postgres_schema_url(prefix: str) -> Iterator[str]:
    """A store URL on its own new schema, dropped after the block; a skip with the reason when no server
    answers, and a failure instead under CI=true (CI always has PostgreSQL)."""
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but PostgreSQL is unreachable at {PG_ADMIN_URL}: {error}")
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN_URL}: {error}")
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()
