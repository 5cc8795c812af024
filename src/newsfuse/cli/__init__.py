"""The command line: ``newsfuse ingest``, ``newsfuse articles``, ``newsfuse show``.

Commands parse arguments, call one service function and print; errors become one line and an exit code.
"""

from newsfuse.cli import articles_cmd, ingest_cmd
from newsfuse.cli.app import app

__all__ = ["app", "articles_cmd", "ingest_cmd", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
