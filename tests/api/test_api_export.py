"""``/api/export/{kind}``: every table streamed as JSON Lines or CSV, rows citing their source text."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from newsfuse.export import COLUMNS


@pytest.mark.parametrize("kind", ["stories", "articles", "quotes", "claims"])
def test_jsonl_and_csv_hold_the_same_rows(client: TestClient, kind: str) -> None:
    """Both formats stream the table's documented columns, the same rows in the same order."""
    jsonl = client.get(f"/api/export/{kind}", params={"format": "jsonl"})
    assert jsonl.status_code == 200 and jsonl.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in jsonl.text.splitlines()]
    assert rows and all(list(row) == list(COLUMNS[kind]) for row in rows)
    table = list(
        csv.DictReader(io.StringIO(client.get(f"/api/export/{kind}", params={"format": "csv"}).text))
    )
    first = COLUMNS[kind][0]
    assert len(table) == len(rows)
    assert [r[first] for r in table] == [str(r[first]) for r in rows]


def test_quote_rows_cite_their_article(client: TestClient) -> None:
    """An exported quote's offsets point at its text in the article."""
    rows = [json.loads(line) for line in client.get("/api/export/quotes").text.splitlines()]
    row = rows[0]
    article = client.get(f"/api/articles/{row['article_id']}").json()
    assert article["text"][row["start"] : row["end"]] == row["text"]


def test_unknown_kind_or_format_is_a_422(client: TestClient) -> None:
    """A kind or format that does not exist is refused in the one error shape."""
    assert client.get("/api/export/people").json()["error"]["code"] == "invalid_request"
    assert client.get("/api/export/stories", params={"format": "xml"}).status_code == 422
