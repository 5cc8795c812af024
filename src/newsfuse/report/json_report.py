"""The comparison as JSON: the model's ``to_dict`` with the cited text beside every span."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsfuse.model.article import Article, Span
from newsfuse.model.comparison import StoryComparison
from newsfuse.report.spans import SpanText

_SPAN_KEYS = frozenset({"article_id", "start", "end", "label"})


def _with_text(value: Any, texts: SpanText) -> Any:
    if isinstance(value, dict):
        if value.keys() >= _SPAN_KEYS:
            span = Span(value["article_id"], value["start"], value["end"], value["label"])
            return {**value, "text": texts.text(span)}
        return {key: _with_text(item, texts) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_text(item, texts) for item in value]
    return value


def comparison_document(comparison: StoryComparison, articles: Sequence[Article]) -> dict[str, Any]:
    """The documented JSON (docs/comparison-schema.md) as a dict: every span with its ``text``, plus
    ``article_meta``; the API encodes it once, compactly."""
    data: dict[str, Any] = _with_text(comparison.to_dict(), SpanText(articles))
    data["article_meta"] = [
        {"id": a.id, "outlet": a.outlet, "title": a.title, "url": a.url, "source": a.source.describe()}
        for a in articles
    ]
    return data


def render_json(comparison: StoryComparison, articles: Sequence[Article]) -> str:
    """JSON following docs/comparison-schema.md."""
    return json.dumps(comparison_document(comparison, articles), ensure_ascii=False, indent=2)
