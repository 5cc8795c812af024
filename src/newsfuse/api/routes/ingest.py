"""``/api/ingest``: post articles as JSON records or one raw HTML page; queued, processed like the CLI."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from newsfuse.api.deps import StoreDep, require_read, require_write
from newsfuse.api.errors import ERROR_RESPONSES
from newsfuse.api.jobs import JobWorker, submit_job
from newsfuse.api.schemas import JobOut
from newsfuse.errors import InputError, NewsfuseError
from newsfuse.ingest.metadata import looks_like_html
from newsfuse.ingest.records import record_document
from newsfuse.model import SourceKind, SourceRef
from newsfuse.store import IngestJob, Store

router = APIRouter(tags=["ingestion"], responses=ERROR_RESPONSES)

MAX_RECORDS = 1000
_ACCEPTED: dict[int | str, dict[str, Any]] = {
    202: {"model": JobOut, "description": "Queued: poll the job's URL (Location) for progress."}
}
_TOO_LARGE: dict[int | str, dict[str, Any]] = {
    413: {"description": "The body is larger than the server accepts."}
}
_RECORD_SCHEMA = {
    "type": "object",
    "description": "An article as in a JSONL export: text (or content/body/…, HTML allowed), title, url, "
    "outlet, published, author, language — the field names `newsfuse ingest` maps.",
    "additionalProperties": True,
}


class TooLargeError(NewsfuseError):
    """A posted body over the server's size cap."""

    http_status = 413
    code = "too_large"


def _job_out(job: IngestJob) -> dict[str, Any]:
    data = asdict(job)
    for key in ("submitted_at", "started_at", "finished_at"):
        value = data[key]
        data[key] = value.isoformat() if isinstance(value, datetime) else None
    return data


async def _body(request: Request) -> bytes:
    """The request body, refused past the server's cap without reading it all."""
    cap: int = request.app.state.config.max_ingest_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > cap:
        raise TooLargeError(f"the body is {declared} bytes; this server accepts at most {cap}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise TooLargeError(f"the body is over {cap} bytes, the most this server accepts")
        chunks.append(chunk)
    return b"".join(chunks)


def _records(body: bytes) -> list[dict[str, Any]]:
    """The posted records: one object, an array of objects, or ``{"articles": [...]}``; every one checked
    as ``newsfuse ingest`` reads it, so a bad one is refused now with its position and reason."""
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise InputError(f"the body is not JSON: {error}") from error
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    records = value if isinstance(value, list) else [value]
    if not records:
        raise InputError("no articles posted: send an object, or an array of objects")
    if len(records) > MAX_RECORDS:
        raise InputError(f"{len(records)} articles in one request; post at most {MAX_RECORDS} at a time")
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise InputError(f"article {number}: not a JSON object but {type(record).__name__}")
        try:
            record_document(record, SourceRef(SourceKind.JSONL, "request", item=number))
        except InputError as error:
            raise InputError(f"article {number}: {error}") from error
    return records


async def _queue(request: Request, store: Store, records: list[dict[str, Any]]) -> JSONResponse:
    """Queue the records as a job, wake this process's worker, answer 202 with where to poll."""
    job = await run_in_threadpool(submit_job, store, records)
    jobs: JobWorker = request.app.state.jobs
    jobs.wake()
    location = str(request.url_for("ingest_job", job_id=job.id).path)
    return JSONResponse(_job_out(job), status_code=202, headers={"Location": location})


@router.post(
    "/ingest/articles",
    status_code=202,
    summary="Post articles as JSON",
    dependencies=[Depends(require_write)],
    responses={**_ACCEPTED, **_TOO_LARGE},
    response_model=None,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "oneOf": [
                            _RECORD_SCHEMA,
                            {"type": "array", "items": _RECORD_SCHEMA, "maxItems": MAX_RECORDS},
                        ]
                    }
                }
            },
        }
    },
)
async def post_articles(request: Request, store: StoreDep) -> JSONResponse:
    """Queue articles for ingestion (clean, de-duplicate, store, analyse, place in stories), exactly as
    `newsfuse ingest` does for a JSONL file. Returns 202 with the job; every record is checked first."""
    return await _queue(request, store, _records(await _body(request)))


@router.post(
    "/ingest/html",
    status_code=202,
    summary="Post one raw HTML page",
    dependencies=[Depends(require_write)],
    responses={**_ACCEPTED, **_TOO_LARGE},
    response_model=None,
    openapi_extra={
        "requestBody": {"required": True, "content": {"text/html": {"schema": {"type": "string"}}}}
    },
)
async def post_html(
    request: Request,
    store: StoreDep,
    url: Annotated[str | None, Query(max_length=2000, description="Where the page was published.")] = None,
    outlet: Annotated[
        str | None, Query(max_length=200, description="Its outlet (else the URL's host).")
    ] = None,
    title: Annotated[
        str | None, Query(max_length=1000, description="Its title, if the page's is wrong.")
    ] = None,
    published: Annotated[str | None, Query(max_length=100, description="Publication time, ISO 8601.")] = None,
) -> JSONResponse:
    """Queue one HTML page: its main text and metadata are extracted as for an `.html` file."""
    body = await _body(request)
    try:
        html = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"the page is not UTF-8 text: {error}") from error
    if not looks_like_html(html):
        raise InputError("the body holds no HTML markup: post plain text as JSON to /api/ingest/articles")
    record = {"content": html, "url": url, "outlet": outlet, "title": title, "published": published}
    return await _queue(request, store, [record])


@router.get(
    "/ingest/jobs/{job_id}",
    name="ingest_job",
    response_model=JobOut,
    summary="An ingest job's progress and result",
    dependencies=[Depends(require_read)],
)
def ingest_job(
    store: StoreDep, job_id: Annotated[str, Path(max_length=100, description="The id a POST returned.")]
) -> dict[str, Any]:
    """Queued, running (with counts so far), done (with the ingest report) or failed (with why)."""
    return _job_out(store.get_job(job_id))
