"""The PostgreSQL store (psycopg 3): the same contract as SQLite, with tsvector + GIN for search.

The URL may carry libpq options, e.g. ``?options=-csearch_path%3Dmy_schema`` to keep a store in its
own schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from newsfuse.errors import StoreError, UsageError
from newsfuse.model import Article
from newsfuse.store.analysis_tables import AnalysisTables
from newsfuse.store.api_tables import ApiTables
from newsfuse.store.base import (
    HIGHLIGHT_CLOSE,
    HIGHLIGHT_OPEN,
    AddResult,
    ArticleSummary,
    NewArticle,
    SearchHit,
)
from newsfuse.store.job_tables import JobTables
from newsfuse.store.migrate import pending
from newsfuse.store.rows import (
    ARTICLE_COLUMNS,
    SUMMARY_SELECT,
    article_to_row,
    id_prefix_key,
    row_to_summary,
    single_article,
)
from newsfuse.store.search_cache import SEARCHES
from newsfuse.store.story_tables import StoryTables

_MIGRATION_LOCK = 0x6E657773  # advisory lock id: "news"
_INSERT = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join(f'%({c})s' for c in ARTICLE_COLUMNS)}) ON CONFLICT (id) DO NOTHING"
)
_HEADLINE_OPTIONS = (
    f"StartSel={HIGHLIGHT_OPEN}, StopSel={HIGHLIGHT_CLOSE}, MaxWords=24, MinWords=8, "
    "MaxFragments=1, FragmentDelimiter=…"
)


def _pg(sql: str) -> bytes:
    """The shared tables' ``?`` placeholders in psycopg's style (their SQL holds no other ``?`` or ``%``)."""
    return sql.replace("?", "%s").encode("utf-8")


class _PgTx:
    """:class:`~newsfuse.store.tables.Tx` on a cursor inside one transaction."""

    def __init__(self, cur: psycopg.Cursor[dict[str, Any]]) -> None:
        self._cur = cur

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        self._cur.execute(_pg(sql), params)
        return self._cur.rowcount

    def run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = list(rows)
        if batch:
            self._cur.executemany(_pg(sql), batch)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self._cur.execute(_pg(sql), params).fetchall()


class PostgresStore(AnalysisTables, StoryTables, ApiTables, JobTables):
    """:class:`~newsfuse.store.base.Store` on a PostgreSQL database."""

    backend = "postgres"

    def __init__(self, url: str) -> None:
        self._url = url
        try:
            self._conn: psycopg.Connection[dict[str, Any]] = psycopg.connect(
                url, row_factory=dict_row, connect_timeout=5, autocommit=True
            )
            self._migrate()
        except psycopg.Error as error:
            raise StoreError(f"cannot open PostgreSQL store: {error}") from error

    def _migrate(self) -> None:
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            for migration in pending(self.backend, set(self.applied_migrations())):
                self._conn.execute(migration.sql.encode("utf-8"))
                self._conn.execute("INSERT INTO schema_migrations (name) VALUES (%s)", (migration.name,))

    def _rows(self, query: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Run a read query in its own short transaction, so a long-lived store never holds a snapshot."""
        with self._conn.transaction():
            return self._conn.execute(query.encode("utf-8"), params).fetchall()

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self._rows(sql.replace("?", "%s"), params)

    @contextmanager
    def _transaction(self) -> Iterator[_PgTx]:
        with self._conn.transaction(), self._conn.cursor() as cur:
            yield _PgTx(cur)

    def applied_migrations(self) -> list[str]:
        return [row["name"] for row in self._rows("SELECT name FROM schema_migrations ORDER BY name")]

    def add_articles(self, items: Sequence[NewArticle]) -> list[AddResult]:
        results: list[AddResult] = []
        with self._conn.transaction(), self._conn.cursor() as cur:
            for item in items:
                cur.execute(_INSERT.encode("utf-8"), article_to_row(item.article))
                added = cur.rowcount == 1
                results.append(AddResult(item.article.id, added))
                if added and item.sketch is not None:
                    cur.execute(
                        "INSERT INTO dedup_signatures (article_id, signature) VALUES (%s, %s)",
                        (item.article.id, item.sketch.signature),
                    )
                    cur.executemany(
                        "INSERT INTO dedup_bands (band_key, article_id) VALUES (%s, %s) "
                        "ON CONFLICT DO NOTHING",
                        [(key, item.article.id) for key in item.sketch.band_keys],
                    )
        return results

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        rows = self._rows("SELECT id FROM articles WHERE id = ANY(%s)", (list(ids),))
        return {row["id"] for row in rows}

    def get_article(self, id_or_prefix: str) -> Article:
        key = id_prefix_key(id_or_prefix)
        rows = self._rows(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles "
            "WHERE id >= %s AND id < %s ORDER BY id LIMIT 2",
            (key, key + "g"),
        )
        return single_article(rows, id_or_prefix)

    def list_articles(
        self, limit: int = 20, offset: int = 0, outlet: str | None = None
    ) -> list[ArticleSummary]:
        where, params = ("WHERE a.outlet = %s", [outlet]) if outlet else ("", [])
        rows = self._rows(
            f"{SUMMARY_SELECT} FROM articles a {where} "
            "ORDER BY a.published_utc DESC NULLS LAST, a.seq DESC LIMIT %s OFFSET %s",
            (*params, limit, offset),
        )
        return [row_to_summary(row) for row in rows]

    def search(
        self, query: str, limit: int = 20, offset: int = 0, outlet: str | None = None
    ) -> list[SearchHit]:
        if not re.search(r"\w", query):
            raise UsageError(f"search query {query!r} has no words to search for")
        version = self._rows("SELECT max(seq) AS v FROM articles")[0]["v"]
        key = (self.backend, self._url, version, query, limit, offset, outlet)
        return SEARCHES.get_or_compute(key, lambda: self._search(query, limit, offset, outlet))

    def _search(self, query: str, limit: int, offset: int, outlet: str | None) -> list[SearchHit]:
        where, params = ("AND a.outlet = %s", [outlet]) if outlet else ("", [])
        rows = self._rows(
            f"{SUMMARY_SELECT}, ts_headline('english', a.text, q, %s) AS snippet "
            "FROM articles a, plainto_tsquery('english', %s) q "
            f"WHERE a.search @@ q {where} ORDER BY ts_rank(a.search, q) DESC, a.seq LIMIT %s OFFSET %s",
            (_HEADLINE_OPTIONS, query, *params, limit, offset),
        )
        return [SearchHit(row_to_summary(row), row["snippet"]) for row in rows]

    def count(self, outlet: str | None = None) -> int:
        if outlet:
            rows = self._rows("SELECT count(*) AS n FROM articles WHERE outlet = %s", (outlet,))
        else:
            rows = self._rows("SELECT count(*) AS n FROM articles")
        return int(rows[0]["n"])

    def near_duplicates_of(self, article_id: str) -> list[str]:
        rows = self._rows("SELECT id FROM articles WHERE near_duplicate_of = %s ORDER BY seq", (article_id,))
        return [row["id"] for row in rows]

    def band_matches(self, band_keys: Sequence[int]) -> dict[str, bytes]:
        rows = self._rows(
            "SELECT DISTINCT s.article_id, s.signature FROM dedup_bands b "
            "JOIN dedup_signatures s ON s.article_id = b.article_id WHERE b.band_key = ANY(%s)",
            (list(band_keys),),
        )
        return {row["article_id"]: bytes(row["signature"]) for row in rows}

    def close(self) -> None:
        self._conn.close()
