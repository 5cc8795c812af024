"""Authors from a byline ("By Ann Lee and Tom Berg, Staff Writers"), a line the cleaner drops as furniture."""

from __future__ import annotations

import re

from newsfuse.clean.resources import word_set

_MAX_BYLINE_CHARS = 160
_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}"
_BYLINE = re.compile(rf"(?:^|\|\s*)[Bb]y:? ({_NAME}(?:(?:, | and | & ){_NAME})*)")
_SEPARATOR = re.compile(r", | and | & ")


def byline_authors(line: str) -> tuple[str, ...]:
    """The names in a short byline line, roles left out; empty when the line is not a byline."""
    if len(line) > _MAX_BYLINE_CHARS:
        return ()
    match = _BYLINE.search(line)
    if match is None:
        return ()
    roles = word_set("byline_roles.txt")
    pieces = _SEPARATOR.split(match.group(1))
    return tuple(piece for piece in pieces if not any(word.lower() in roles for word in piece.split()))
