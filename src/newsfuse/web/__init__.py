"""The server-rendered web UI: HTML pages at `/` over the same service functions the CLI and API call.

`router` holds the HTML routes; `STATIC_DIR` holds the stylesheet and one small progressive script (scrolling
to a highlight when a link lacks `#hl`), which the app mounts at `/static`.
Pages are Jinja2 templates with autoescape, readable without JavaScript.
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.web.routes import router

STATIC_DIR: Path = Path(__file__).parent / "static"

__all__ = ["STATIC_DIR", "router"]
