"""The SQLite store: one file, WAL, one writer under ``BEGIN IMMEDIATE``, FTS5 for search.

The connection runs in autocommit mode and every write opens its own ``BEGIN IMMEDIATE`` transaction, so
a batch is either wholly committed or absent, and a killed process leaves the file readable.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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

_PARAMS_PER_QUERY = 900  # stay well under SQLite's bound-parameter limit
_WORD = re.compile(r"\w+")
_INSERT = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in ARTICLE_COLUMNS)}) ON CONFLICT (id) DO NOTHING"
)


def _chunks(items: Sequence[Any], size: int = _PARAMS_PER_QUERY) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query of quoted terms (all must match), immune to FTS5 syntax."""
    words = _WORD.findall(text)
    if not words:
        raise UsageError(f"search query {text!r} has no words to search for")
    return " ".join(f'"{w}"' for w in words)


def split_statements(script: str) -> list[str]:
    """A SQL script as single statements (``executescript`` would commit the migration transaction)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip() and not all(part.startswith("--") for part in current.split()):
        statements.append(current.strip())
    return statements


class _SqliteTx:
    """:class:`~newsfuse.store.tables.Tx` on a connection inside ``BEGIN IMMEDIATE``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._conn.execute(sql, tuple(params)).rowcount

    def run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._conn.executemany(sql, rows)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self._conn.execute(sql, tuple(params))]


class SqliteStore(AnalysisTables, StoryTables, ApiTables, JobTables):
    """:class:`~newsfuse.store.base.Store` on one SQLite file."""

    backend = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # A store is used by one thread at a time, not always the one that opened it: the API lends
            # stores from a pool to whichever request thread asks (see newsfuse.api.stores).
            self._conn = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.Error as error:
            raise StoreError(f"cannot open SQLite store {path}: {error}") from error

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front so concurrent writers queue instead of deadlocking."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self._conn.execute(sql, tuple(params))]

    @contextmanager
    def _transaction(self) -> Iterator[_SqliteTx]:
        with self._write() as conn:
            yield _SqliteTx(conn)

    def _migrate(self) -> None:
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
        )
        if not pending(self.backend, set(self.applied_migrations())):
            return
        with self._write() as conn:
            # Re-read under the write lock: another process may have migrated meanwhile.
            for migration in pending(self.backend, set(self.applied_migrations())):
                for statement in split_statements(migration.sql):
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations (name) VALUES (?)", (migration.name,))

    def applied_migrations(self) -> list[str]:
        rows = self._conn.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()
        return [row["name"] for row in rows]

    def add_articles(self, items: Sequence[NewArticle]) -> list[AddResult]:
        results: list[AddResult] = []
        with self._write() as conn:
            for item in items:
                added = conn.execute(_INSERT, article_to_row(item.article)).rowcount == 1
                results.append(AddResult(item.article.id, added))
                if added and item.sketch is not None:
                    conn.execute(
                        "INSERT INTO dedup_signatures (article_id, signature) VALUES (?, ?)",
                        (item.article.id, item.sketch.signature),
                    )
                    conn.executemany(
                        "INSERT OR IGNORE INTO dedup_bands (band_key, article_id) VALUES (?, ?)",
                        [(key, item.article.id) for key in item.sketch.band_keys],
                    )
        return results

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", tuple(chunk))
            found.update(row["id"] for row in rows)
        return found

    def get_article(self, id_or_prefix: str) -> Article:
        key = id_prefix_key(id_or_prefix)
        rows = self._conn.execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (key, key + "g"),
        ).fetchall()
        return single_article([dict(row) for row in rows], id_or_prefix)

    def list_articles(
        self, limit: int = 20, offset: int = 0, outlet: str | None = None
    ) -> list[ArticleSummary]:
        where, params = ("WHERE a.outlet = ?", [outlet]) if outlet else ("", [])
        rows = self._conn.execute(
            f"{SUMMARY_SELECT} FROM articles a {where} "
            "ORDER BY a.published_utc DESC, a.seq DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [row_to_summary(dict(row)) for row in rows]

    def search(
        self, query: str, limit: int = 20, offset: int = 0, outlet: str | None = None
    ) -> list[SearchHit]:
        match = fts_query(query)
        version = self._conn.execute("SELECT max(seq) FROM articles").fetchone()[0]
        key = (self.backend, str(self.path), version, match, limit, offset, outlet)
        return SEARCHES.get_or_compute(key, lambda: self._search(match, limit, offset, outlet))

    def _search(self, match: str, limit: int, offset: int, outlet: str | None) -> list[SearchHit]:
        snippet = f"snippet(articles_fts, 1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 16)"
        if outlet:
            rows = self._conn.execute(
                f"{SUMMARY_SELECT}, {snippet} AS snippet FROM articles_fts "
                "JOIN articles a ON a.seq = articles_fts.rowid "
                "WHERE articles_fts MATCH ? AND a.outlet = ? "
                "ORDER BY articles_fts.rank, a.seq LIMIT ? OFFSET ?",
                (match, outlet, limit, offset),
            )
        else:
            # FTS5 ranks inside its own query only when ordered by rank alone; snippets are then cut
            # for the page's rows only (4-8x less CPU than one joined query on a 100k-article store)
            rows = self._conn.execute(
                "WITH page AS (SELECT rowid AS seq, rank FROM articles_fts WHERE articles_fts MATCH ? "
                f"ORDER BY rank LIMIT ? OFFSET ?) {SUMMARY_SELECT}, {snippet} AS snippet FROM page "
                "JOIN articles a ON a.seq = page.seq JOIN articles_fts ON articles_fts.rowid = page.seq "
                "WHERE articles_fts MATCH ? ORDER BY page.rank, page.seq",
                (match, limit, offset, match),
            )
        return [SearchHit(row_to_summary(dict(row)), row["snippet"]) for row in rows]

    def count(self, outlet: str | None = None) -> int:
        if outlet:
            row = self._conn.execute("SELECT count(*) FROM articles WHERE outlet = ?", (outlet,)).fetchone()
        else:
            row = self._conn.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0])

    def near_duplicates_of(self, article_id: str) -> list[str]:
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE near_duplicate_of = ? ORDER BY seq", (article_id,)
        )
        return [row["id"] for row in rows]

    def band_matches(self, band_keys: Sequence[int]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        for chunk in _chunks(list(dict.fromkeys(band_keys))):
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                "SELECT DISTINCT s.article_id, s.signature FROM dedup_bands b "
                "JOIN dedup_signatures s ON s.article_id = b.article_id "
                f"WHERE b.band_key IN ({marks})",
                tuple(chunk),
            )
            found.update((row["article_id"], bytes(row["signature"])) for row in rows)
        return found

    def close(self) -> None:
        self._conn.close()
