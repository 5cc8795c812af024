"""The cleaner's data files (patterns, word lists, learned weights), read once per process on first use."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

_DATA = "newsfuse.clean"


def _read(name: str) -> str:
    return resources.files(_DATA).joinpath("data", name).read_text(encoding="utf-8")


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a ``data/*.txt`` file."""
    lines = (line.strip() for line in _read(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def word_set(name: str) -> frozenset[str]:
    """A ``data/*.txt`` word list as a set of lower-case words."""
    return frozenset(word.lower() for word in data_lines(name))


def data_json(name: str) -> dict[str, Any]:
    """A ``data/*.json`` file, parsed (callers cache what they build from it)."""
    loaded: dict[str, Any] = json.loads(_read(name))
    return loaded
