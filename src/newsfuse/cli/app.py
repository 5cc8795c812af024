"""The Typer application: the global ``--db`` option and one place where errors become exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from newsfuse.errors import NewsfuseError
from newsfuse.store import Store, open_store

DEFAULT_DB = "newsfuse.db"

stderr = Console(stderr=True, highlight=False)


class _Group(TyperGroup):
    """Turns a :class:`NewsfuseError` from any command into one clear line and its exit code."""

    def invoke(self, ctx: Any) -> Any:  # Any: typer's vendored click Context is private API
        try:
            return super().invoke(ctx)
        except NewsfuseError as error:
            stderr.print(f"[bold red]error:[/] {error}", markup=True, soft_wrap=True)
            raise typer.Exit(error.exit_code) from error


app = typer.Typer(
    cls=_Group,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    help=(
        "newsfuse turns news articles from many outlets into stories: who said what, what several "
        "outlets corroborate, what only one says and where they contradict, each statement linked to "
        "the exact characters of its sources.\n\n"
        "Start by ingesting articles (text, HTML, JSONL, RSS/Atom, WARC), then list, search and read "
        "them.\n\n"
        "Example: newsfuse --db news.db ingest examples/ && newsfuse --db news.db articles"
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Options every command shares."""

    db: str

    @contextmanager
    def store(self, create: bool = False) -> Iterator[Store]:
        """The store, open for one command and closed after it; only ingestion creates a new one."""
        store = open_store(self.db, create=create)
        try:
            yield store
        finally:
            store.close()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str,
        typer.Option(
            "--db",
            envvar="NEWSFUSE_DB",
            help="The store: a SQLite file path (or sqlite:///path) or a postgresql:// URL.",
        ),
    ] = DEFAULT_DB,
) -> None:
    """Options shared by every command."""
    ctx.obj = Settings(db)


def settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_object(Settings)
    return obj if obj is not None else Settings(DEFAULT_DB)
