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


def render_json(comparison: StoryComparison, articles: Sequence[Article]) -> str:
    """JSON following docs/comparison-schema.md."""
    texts = SpanText(articles)
    data = _with_text(comparison.to_dict(), texts)
    data["article_meta"] = [
        {"id": a.id, "outlet": a.outlet, "title": a.title, "url": a.url, "source": a.source.describe()}
        for a in articles
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)
