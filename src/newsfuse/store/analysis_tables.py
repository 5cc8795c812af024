"""Analyses in the store: a JSON document per article tagged with its analyzer; quotes indexed by speaker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsfuse.model import ArticleAnalysis, Quote
from newsfuse.store.base import QuoteHit
from newsfuse.store.tables import SqlTables, from_json, to_json

_UPSERT = (
    "INSERT INTO analyses (article_id, analyzer, document) VALUES (?, ?, ?) "
    "ON CONFLICT (article_id) DO UPDATE SET analyzer = excluded.analyzer, document = excluded.document, "
    "analyzed_at = CURRENT_TIMESTAMP"
)
_QUOTE_HIT = "SELECT article_id, position, kind, speaker, start_offset, end_offset FROM analysis_quotes"
_QUOTE = (
    "INSERT INTO analysis_quotes "
    "(article_id, position, kind, speaker, speaker_key, start_offset, end_offset) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def speaker_name(analysis: ArticleAnalysis, quote: Quote, text: str) -> str | None:
    """The speaker as the analysis resolved it (the entity's name), else the literal mention in ``text``."""
    entity = analysis.entity(quote.speaker_entity) if quote.speaker_entity else None
    if entity is not None:
        return entity.name
    return text[quote.speaker.start : quote.speaker.end] if quote.speaker is not None else None


def _quote_rows(analysis: ArticleAnalysis, text: str) -> list[tuple[Any, ...]]:
    rows = []
    for position, quote in enumerate(analysis.quotes):
        name = speaker_name(analysis, quote, text)
        key = name.casefold() if name else None
        start, end = quote.content[0].start, quote.content[-1].end
        rows.append((analysis.article_id, position, quote.kind, name, key, start, end))
    return rows


def _hit(row: dict[str, Any]) -> QuoteHit:
    return QuoteHit(
        row["article_id"],
        row["position"],
        row["kind"],
        row["speaker"],
        row["start_offset"],
        row["end_offset"],
    )


class AnalysisTables(SqlTables):
    """The analysis half of the store contract, on any SQL backend."""

    def save_analyses(self, analyses: Sequence[ArticleAnalysis]) -> None:
        rows = self._read_in(
            "SELECT id, text FROM articles WHERE id IN ({marks})", [a.article_id for a in analyses]
        )
        texts = {row["id"]: row["text"] for row in rows}
        with self._transaction() as tx:
            for analysis in analyses:
                tx.run(_UPSERT, (analysis.article_id, analysis.analyzer, to_json(analysis.to_dict())))
                tx.run("DELETE FROM analysis_quotes WHERE article_id = ?", (analysis.article_id,))
                tx.run_many(_QUOTE, _quote_rows(analysis, texts.get(analysis.article_id, "")))

    def get_analyses(self, ids: Sequence[str]) -> dict[str, ArticleAnalysis]:
        rows = self._read_in("SELECT article_id, document FROM analyses WHERE article_id IN ({marks})", ids)
        return {row["article_id"]: ArticleAnalysis.from_dict(from_json(row["document"])) for row in rows}

    def stale_analysis_ids(self, analyzer: str) -> list[str]:
        rows = self._read(
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
            "WHERE n.analyzer IS NULL OR n.analyzer <> ? ORDER BY a.seq",
            (analyzer,),
        )
        return [row["id"] for row in rows]

    def quotes_by_speaker(self, name: str, limit: int = 50) -> list[QuoteHit]:
        rows = self._read(
            f"{_QUOTE_HIT} WHERE speaker_key = ? ORDER BY article_id, position LIMIT ?",
            (name.strip().casefold(), limit),
        )
        return [_hit(r) for r in rows]

    def quotes_in(self, article_ids: Sequence[str]) -> list[QuoteHit]:
        rows = self._read_in(f"{_QUOTE_HIT} WHERE article_id IN ({{marks}})", article_ids)
        return sorted((_hit(r) for r in rows), key=lambda q: (q.article_id, q.position))

    def find_quotes(self, speaker: str, limit: int = 50, offset: int = 0) -> list[QuoteHit]:
        escaped = speaker.strip().casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._read(
            f"{_QUOTE_HIT} WHERE speaker_key LIKE ? ESCAPE '\\' "
            "ORDER BY article_id, position LIMIT ? OFFSET ?",
            (f"%{escaped}%", limit, offset),
        )
        return [_hit(r) for r in rows]
