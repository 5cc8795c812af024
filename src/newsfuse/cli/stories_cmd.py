"""``newsfuse stories``, ``newsfuse story`` and ``newsfuse cluster``: list, read and rebuild stories."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from newsfuse.cli.app import app, settings
from newsfuse.cli.progress import Bars
from newsfuse.service.story_views import StoryPage, StoryView, list_stories, show_story

stdout = Console(highlight=False)


class Sort(StrEnum):
    newest = "newest"
    largest = "largest"


def _day(value: object) -> str:
    return value.date().isoformat() if hasattr(value, "date") else "—"


def _page_table(page: StoryPage) -> Table:
    table = Table(caption=f"{len(page.items)} of {page.total} stories", caption_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("latest", no_wrap=True)
    table.add_column("n", justify="right")
    table.add_column("title and outlets")
    for s in page.items:
        title = Text(s.title or "(untitled)", style="bold")
        title.append("\n" + (", ".join(s.outlets) or "outlet unknown"), style="dim")
        table.add_row(s.id, _day(s.last_published), str(s.size), title)
    return table


@app.command("stories")
def stories_command(
    ctx: typer.Context,
    sort: Annotated[Sort, typer.Option(help="newest (latest article first) or largest (most articles).")] = (
        Sort.newest
    ),
    limit: Annotated[int, typer.Option(min=1, help="How many stories to show.")] = 20,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first (for paging).")] = 0,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List the stories the stored articles form.

    Example: newsfuse stories --sort largest --limit 10
    """
    with settings(ctx).store() as store:
        page = list_stories(store, "largest" if sort is Sort.largest else "newest", limit, offset)
    if json_output:
        typer.echo(json.dumps(page.to_dict(), indent=2, ensure_ascii=False))
    else:
        stdout.print(_page_table(page))


def _story(view: StoryView) -> Group:
    story = view.stored.story
    head = Text(story.title or "(untitled)", style="bold")
    head.append(f"\n{story.id} · {len(view.members)} article(s) · {', '.join(story.outlets) or 'no outlet'}")
    members = Table(title="articles by outlet and time", title_justify="left")
    for column in ("outlet", "published", "id", "title"):
        members.add_column(column)
    for m in view.members:
        title = Text(m.title or "(untitled)")
        if m.copy_of:
            title.append(f"  ≈ copy of {m.copy_of}", style="dim")
        published = m.published.isoformat() if m.published else "—"
        members.add_row(m.outlet or "—", published, m.article_id, title)
    entities = Table(title="key entities", title_justify="left")
    for column in ("name", "type", "articles", "also called", "entity id"):
        entities.add_column(column)
    for e in view.key_entities:
        entities.add_row(e.name, e.type, str(len(e.mentions)), ", ".join(e.aliases), view.global_id(e))
    parts: list[Text | Table] = [head, members, entities]
    if len(story.label_history) > 1:
        labels = "\n".join(f"  {c.title}  (after {c.article_id})" for c in story.label_history)
        parts.append(Text("title history\n" + labels))
    for merge in view.stored.merges:
        parts.append(
            Text(f"merged {merge.absorbed} into it (at {merge.article_id}, score {merge.score:.2f})")
        )
    return Group(*parts)


@app.command("story")
def story_command(
    ctx: typer.Context,
    story_id: Annotated[
        str, typer.Argument(metavar="ID", help="A story id, or a unique prefix of its hex part.")
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show one story: its articles by outlet and time (copies marked), key entities, title history, merges.

    Example: newsfuse story story-3f2a9c1e
    """
    with settings(ctx).store() as store:
        view = show_story(store, story_id)
    if json_output:
        typer.echo(json.dumps(view.to_dict(), indent=2, ensure_ascii=False))
    else:
        stdout.print(_story(view))


@app.command("cluster")
def cluster_command(
    ctx: typer.Context,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Forget every story and re-cluster all articles from scratch.")
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Place articles that are in no story yet into stories (ingest does this by itself); --rebuild
    re-clusters everything in publication order, as streaming the same articles would.

    Example: newsfuse --db news.db cluster --rebuild
    """
    from newsfuse.service.stories import rebuild_stories, update_stories

    with settings(ctx).store() as store, Bars(enabled=not json_output) as bars:
        report = rebuild_stories(store, bars) if rebuild else update_stories(store, bars)
    if json_output:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        stdout.print(
            f"clustered {report.clustered} article(s): {report.created} stories created, "
            f"{report.updated} updated, {report.merged} merged, {report.moved} moved, "
            f"in {report.seconds:.1f} s"
        )
