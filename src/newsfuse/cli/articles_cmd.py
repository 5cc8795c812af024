"""``newsfuse articles`` and ``newsfuse show``: list, search and read stored articles."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from newsfuse.cli.app import app, settings
from newsfuse.cli.marked import date_list, marked_text, quote_list
from newsfuse.service import ArticlePage, ArticleView, list_articles, search_articles, show_article

stdout = Console(highlight=False)


def _page_table(page: ArticlePage) -> Table:
    caption = f"{len(page.items)} of {page.total}" if page.query is None else f"{page.total} match(es)"
    table = Table(caption=caption, caption_justify="left", show_lines=page.query is not None)
    table.add_column("id", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet")
    table.add_column("title")
    for item in page.items:
        s = item.summary
        title = Text(s.title or "(untitled)", style="bold")
        if s.near_duplicate_of:
            title.append(f"\n≈ copy of {s.near_duplicate_of}", style="dim")
        if item.snippet is not None:
            snippet = Text("\n" + item.snippet)
            for start, end in item.highlights:
                snippet.stylize("bold yellow", start + 1, end + 1)
            title.append_text(snippet)
        published = s.published.date().isoformat() if s.published else "—"
        table.add_row(s.id, published, s.outlet or "—", title)
    return table


@app.command("articles")
def articles_command(
    ctx: typer.Context,
    query: Annotated[
        str | None, typer.Argument(help="Words to search for; omit to list newest first.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many articles to show.")] = 20,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first (for paging).")] = 0,
    outlet: Annotated[str | None, typer.Option(help="Only articles from this outlet.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List stored articles newest first, or search their titles and text.

    Example: newsfuse articles "ferry pier" --outlet "Harbourvale Courier" --limit 5
    """
    with settings(ctx).store() as store:
        if query is None:
            page = list_articles(store, limit, offset, outlet)
        else:
            page = search_articles(store, query, limit, offset, outlet)
    if json_output:
        typer.echo(json.dumps(page.to_dict(), indent=2, ensure_ascii=False))
    else:
        stdout.print(_page_table(page))


def _view(view: ArticleView) -> Group:
    a = view.article
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column()
    published = f"{a.published.isoformat()} (from {a.published_source.value})" if a.published else "unknown"
    rows = [
        ("id", a.id),
        ("outlet", a.outlet or "—"),
        ("url", a.url or "—"),
        ("authors", ", ".join(a.authors) or "—"),
        ("published", published),
        ("source", f"{a.source.kind.value} {a.source.describe()}"),
    ]
    if a.near_duplicate_of:
        rows.append(("near-duplicate of", a.near_duplicate_of))
    if view.copies:
        rows.append(("near-duplicate copies", ", ".join(view.copies)))
    for name, value in rows:
        meta.add_row(name, Text(value))
    parts: list[Text | Table] = [meta, Text(""), marked_text(a, view.analysis), Text("")]
    if view.analysis is None:
        parts.append(Text("not analysed yet: run newsfuse analyze " + a.id, style="dim"))
    else:
        parts.extend([quote_list(a, view.analysis), Text(""), date_list(a, view.analysis)])
    return Group(*parts)


@app.command("show")
def show_command(
    ctx: typer.Context,
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="An article id, or a unique prefix of one.")
    ],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print JSON: every paragraph and analysis span with its offsets.")
    ] = False,
) -> None:
    """Show one article's clean text with its metadata, source and near-duplicate links, and its analysis:
    entities, quotes (highlighted), speakers (bold, with the resolved name) and cues (underlined), then the
    quotes and dates listed below the text.

    Example: newsfuse show 3f2a9c1e
    """
    with settings(ctx).store() as store:
        view = show_article(store, article_id)
    if json_output:
        typer.echo(json.dumps(view.to_dict(), indent=2, ensure_ascii=False))
    else:
        stdout.print(_view(view))
