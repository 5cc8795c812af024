"""Numbered SQL migrations shipped as package data: ``migrations/<backend>/NNNN_name.sql``.

A later stage adds its tables by dropping a new file in the folder; the backend applies the files it has
not recorded in ``schema_migrations``, in name order, inside one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

from newsfuse.errors import StoreError

_NAME = re.compile(r"^\d{4}_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    sql: str


def migrations_for(backend: str) -> list[Migration]:
    """Every migration file of one backend, in the order it must be applied."""
    folder = files("newsfuse.store").joinpath("migrations", backend)
    found: list[Migration] = []
    for entry in folder.iterdir():
        if not entry.name.endswith(".sql"):
            continue
        if not _NAME.match(entry.name):
            raise StoreError(f"migration file {entry.name!r} is not named NNNN_name.sql")
        found.append(Migration(entry.name.removesuffix(".sql"), entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.name)


def pending(backend: str, applied: set[str]) -> list[Migration]:
    return [m for m in migrations_for(backend) if m.name not in applied]
