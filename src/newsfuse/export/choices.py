"""Turning a user's string into one of a fixed set of names (a table, a format), or a clear error."""

from __future__ import annotations

from typing import TypeVar

from newsfuse.errors import UsageError

Name = TypeVar("Name", bound=str)


def choose(name: str, choices: tuple[Name, ...], what: str) -> Name:
    """``name`` as one of ``choices``, or a :class:`UsageError` saying what was asked and what there is."""
    for choice in choices:
        if choice == name:
            return choice
    raise UsageError(f"unknown {what} {name!r}: use one of {', '.join(choices)}")
