"""The API's routers, each over one service module; mounted under ``/api`` by the app."""

from fastapi import APIRouter

from newsfuse.api.routes import articles, entities, export, ingest, meta, stories

API_ROUTERS: tuple[APIRouter, ...] = (
    meta.router,
    articles.router,
    stories.router,
    entities.router,
    ingest.router,
    export.router,
)

__all__ = ["API_ROUTERS"]
