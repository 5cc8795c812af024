"""Recognising page-furniture lines (taglines, comment prompts, sharing, cookies, ads, copyright).

The patterns live in ``data/boilerplate.txt``; each must match a whole line, so an article sentence that
merely mentions cookies or newsletters is never taken for furniture.
"""

from __future__ import annotations

import re
from functools import cache

from newsfuse.clean.resources import data_lines

_MAX_FURNITURE_CHARS = 400

# A bare "Related posts"-style marker: the short lines after it are a trail of teasers.
_TRAIL_MARKER = re.compile(
    r"(related|similar|recommended|more|recent|popular|trending)"
    r"( posts?| articles?| stories| news| content| reading| coverage| links)?\W{0,3}"
    r"|you (may|might) (also )?(like|enjoy)\W{0,3}|read (this )?next\W{0,3}|recommended for you\W{0,3}",
    re.IGNORECASE,
)


@cache
def _furniture() -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{pattern})" for pattern in data_lines("boilerplate.txt"))
    return re.compile(alternatives, re.IGNORECASE)


def normalise_line(line: str) -> str:
    """Whitespace collapsed and trimmed, the form patterns are matched against."""
    return " ".join(line.split())


def is_boilerplate(line: str, normalised: bool = False) -> bool:
    """Whether the whole line is page furniture rather than article text.

    ``normalised=True`` skips collapsing whitespace for lines that already went through it.
    """
    text = line if normalised else normalise_line(line)
    return len(text) <= _MAX_FURNITURE_CHARS and _furniture().fullmatch(text) is not None


def is_trail_marker(line: str, normalised: bool = False) -> bool:
    """Whether the line announces a trail of related-story teasers ("Related posts", "You may also like")."""
    text = line if normalised else normalise_line(line)
    return len(text) <= _MAX_FURNITURE_CHARS and _TRAIL_MARKER.fullmatch(text) is not None
