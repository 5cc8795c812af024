"""``newsfuse token create|list|revoke``: the bearer tokens the API's write endpoints ask for."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from newsfuse.api.tokens import create_token
from newsfuse.cli.app import app, settings
from newsfuse.store import ApiToken

stdout = Console(highlight=False)
token_app = typer.Typer(
    no_args_is_help=True,
    help="API tokens: writes (posting articles) always need one; reads when the server requires it.",
)
app.add_typer(token_app, name="token")

JsonOutput = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def _token_dict(token: ApiToken) -> dict[str, Any]:
    return {
        "id": token.id,
        "name": token.name,
        "created_at": token.created_at.isoformat(),
        "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
    }


@token_app.command("create")
def create_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="What the token is for, e.g. 'newsroom importer'.")],
    json_output: JsonOutput = False,
) -> None:
    """Create a token and print its secret, once: only a hash of it is stored.

    Example: newsfuse --db news.db token create "newsroom importer"
    """
    with settings(ctx).store(create=True) as store:
        created = create_token(store, name)
    if json_output:
        typer.echo(json.dumps({**_token_dict(created.token), "secret": created.secret}, indent=2))
        return
    stdout.print(f"created {created.token.id} ({created.token.name}); its secret, shown only now:")
    typer.echo(created.secret)
    stdout.print("send it as: Authorization: Bearer <secret>", style="dim")


@token_app.command("list")
def list_command(ctx: typer.Context, json_output: JsonOutput = False) -> None:
    """List tokens (ids, names, when created and revoked; never secrets).

    Example: newsfuse --db news.db token list
    """
    with settings(ctx).store() as store:
        tokens = store.list_tokens()
    if json_output:
        typer.echo(json.dumps([_token_dict(t) for t in tokens], indent=2))
        return
    table = Table(caption=f"{len(tokens)} token(s)", caption_justify="left")
    for column in ("id", "name", "created", "revoked"):
        table.add_column(column)
    for t in tokens:
        revoked = t.revoked_at.isoformat(timespec="seconds") if t.revoked_at else "—"
        table.add_row(t.id, t.name, t.created_at.isoformat(timespec="seconds"), revoked)
    stdout.print(table)


@token_app.command("revoke")
def revoke_command(
    ctx: typer.Context,
    token_id: Annotated[str, typer.Argument(metavar="ID", help="The token's id (newsfuse token list).")],
    json_output: JsonOutput = False,
) -> None:
    """Revoke a token: requests with it are refused from now on.

    Example: newsfuse --db news.db token revoke tok-3f2a9c1e0b7d
    """
    with settings(ctx).store() as store:
        token = store.revoke_token(token_id)
    if json_output:
        typer.echo(json.dumps(_token_dict(token), indent=2))
    else:
        stdout.print(f"revoked {token.id} ({token.name})")
