"""The command line: ``ingest``, ``analyze``, ``articles``, ``show``, ``stories``, ``story``, ``cluster``,
``report``, ``export``, ``serve`` and ``token``.

Commands parse arguments, call one service function and print; errors become one line and an exit code.
"""

from newsfuse.cli import (
    analyze_cmd,
    articles_cmd,
    export_cmd,
    ingest_cmd,
    report_cmd,
    serve_cmd,
    stories_cmd,
    token_cmd,
)
from newsfuse.cli.app import app

__all__ = [
    "analyze_cmd",
    "app",
    "articles_cmd",
    "export_cmd",
    "ingest_cmd",
    "main",
    "report_cmd",
    "serve_cmd",
    "stories_cmd",
    "token_cmd",
]


def main() -> None:
    """Console-script entry point."""
    app()
