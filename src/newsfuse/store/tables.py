"""What the analysis and story tables need from a backend: reads, and writes inside one transaction.

The SQL of those tables is written once, with ``?`` placeholders, in :mod:`newsfuse.store.analysis_tables`
and :mod:`newsfuse.store.story_tables`; each backend adapts it to its driver through these two methods.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from newsfuse.model import Article
from newsfuse.store.rows import ARTICLE_COLUMNS, row_to_article

PARAMS_PER_QUERY = 900  # stay well under SQLite's bound-parameter limit


class Tx(Protocol):
    """Statements inside one open write transaction."""

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Execute one statement; returns the number of rows it changed."""
        ...

    def run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...


class SqlTables(ABC):
    """Base of the table mixins: a backend supplies :meth:`_read` and :meth:`_transaction`."""

    @abstractmethod
    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of one read query, as dicts."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Tx]:
        """One write transaction: committed when the block ends, rolled back when it raises."""

    def _read_in(self, sql: str, ids: Sequence[str]) -> Iterator[dict[str, Any]]:
        """``sql`` with its ``{marks}`` filled for each chunk of ``ids``; rows of every chunk."""
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), PARAMS_PER_QUERY):
            chunk = unique[start : start + PARAMS_PER_QUERY]
            yield from self._read(sql.format(marks=", ".join("?" * len(chunk))), chunk)

    def get_articles(self, ids: Sequence[str]) -> list[Article]:
        sql = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id IN ({{marks}})"
        found = {row["id"]: row_to_article(row) for row in self._read_in(sql, ids)}
        return [found[i] for i in ids if i in found]

    def article_ids(self, chronological: bool = False, unclustered: bool = False) -> list[str]:
        join = (
            "LEFT JOIN story_members m ON m.article_id = a.id WHERE m.article_id IS NULL "
            if unclustered
            else ""
        )
        order = "a.published_utc IS NULL, a.published_utc, a.seq" if chronological else "a.seq"
        return [row["id"] for row in self._read(f"SELECT a.id FROM articles a {join}ORDER BY {order}")]


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def from_json(value: Any) -> Any:
    """Decode a JSON column; PostgreSQL's JSONB arrives already decoded."""
    return json.loads(value) if isinstance(value, str) else value
