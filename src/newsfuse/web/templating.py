"""The Jinja2 environment of the web UI: autoescaped, strict about missing names, templates in the package.

Autoescape is on for every template, so article text, titles and names (which may hold ``<script>`` or
``onerror=``) always reach the browser as text. The only markup passed through unescaped is the SVG the
report package draws, which escapes every name it writes.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES_DIR = Path(__file__).parent / "templates"


def _when(value: datetime | None) -> str:
    """A publication time as the pages show it (UTC when the source gave a zone)."""
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "undated"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = _when
    return env


templates = Jinja2Templates(env=_environment())
