"""``/api/export/{kind}``: a whole table (stories, articles, quotes, claims) streamed as JSON Lines or CSV."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import StreamingResponse

from newsfuse.api.deps import require_read
from newsfuse.api.errors import ERROR_RESPONSES
from newsfuse.api.stores import StorePool
from newsfuse.export import COLUMNS, Kind, csv_chunks, iter_rows, jsonl_chunks

router = APIRouter(tags=["exports"], dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)

StreamFormat = Literal["jsonl", "csv"]
_MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}


def _chunks(pool: StorePool, kind: Kind, fmt: StreamFormat) -> Iterator[bytes]:
    """The table's bytes, read with a store of its own for as long as the response streams."""
    with pool.borrow() as store:
        rows = iter_rows(store, kind)
        yield from (jsonl_chunks(rows) if fmt == "jsonl" else csv_chunks(rows, COLUMNS[kind]))


@router.get(
    "/export/{kind}",
    summary="Stream a table as JSON Lines or CSV",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The rows, one JSON object a line or CSV with a header (columns as `newsfuse "
            "export` documents them).",
            "content": {"application/x-ndjson": {}, "text/csv": {}},
        }
    },
)
def export(
    request: Request,
    kind: Annotated[Kind, Path(description="stories, articles, quotes or claims")],
    format: Annotated[StreamFormat, Query(description="jsonl (JSON Lines) or csv")] = "jsonl",
) -> StreamingResponse:
    """Every row of one table, streamed as it is read (a story at a time), so a large store never sits in
    memory. Claims come from each story's comparison (cached after the first time)."""
    pool: StorePool = request.app.state.stores
    filename = f"newsfuse-{kind}.{format}"
    return StreamingResponse(
        _chunks(pool, kind, format),
        media_type=_MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
