"""Cutting an article's clean text into marked pieces, so overlapping spans render without nesting.

Entities sit inside quotes, quotes inside claims, and a requested highlight may cross them all. Rather than
nest elements (which crossing spans cannot), the text is cut at every span boundary into pieces that each
carry the kinds of mark covering them. The pieces, joined, are the text character for character; the
highlight is returned as its own run of pieces, so the page can wrap exactly ``text[start:end]`` in one
``<mark>``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from newsfuse.errors import UsageError


@dataclass(frozen=True, slots=True)
class Mark:
    """A kind of mark over ``[start, end)``: ``kind`` is its CSS class, ``note`` says what it is, and
    ``target`` (a claim id) makes the covered text a link to that claim's entry on the page."""

    start: int
    end: int
    kind: str
    note: str = ""
    target: str | None = None


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text under the same marks."""

    text: str
    kinds: tuple[str, ...] = ()
    note: str = ""
    target: str | None = None


@dataclass(frozen=True, slots=True)
class MarkedText:
    """The text as pieces before, inside and after the highlight (all of it in ``before`` if none)."""

    before: tuple[Piece, ...]
    highlighted: tuple[Piece, ...]
    after: tuple[Piece, ...]
    highlight: tuple[int, int] | None


def check_highlight(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """The requested highlight range, or a clear error when it is half given or outside the text."""
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise UsageError("a highlight needs both start and end")
    if not 0 <= start <= end <= len(text):
        raise UsageError(f"highlight {start}..{end} is outside the article's {len(text)} characters")
    return start, end


def _piece(text: str, start: int, end: int, active: Iterable[Mark]) -> Piece:
    marks = sorted(active, key=lambda m: (m.kind, m.start))
    kinds = tuple(dict.fromkeys(m.kind for m in marks))
    note = "; ".join(dict.fromkeys(m.note for m in marks if m.note))
    target = next((m.target for m in marks if m.target), None)
    return Piece(text[start:end], kinds, note, target)


def mark_text(text: str, marks: Iterable[Mark], highlight: tuple[int, int] | None = None) -> MarkedText:
    """Cut ``text`` at every mark boundary (and the highlight's) into pieces with their marks."""
    kept = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = {0, len(text)} | {m.start for m in kept} | {m.end for m in kept}
    if highlight:
        cuts |= set(highlight)
    starting: dict[int, list[Mark]] = {}
    for m in kept:
        starting.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    parts: tuple[list[Piece], list[Piece], list[Piece]] = ([], [], [])
    points = sorted(cuts)
    for start, end in pairwise(points):
        active = [m for m in active if m.end > start] + starting.get(start, [])
        piece = _piece(text, start, end, active)
        if highlight is None or end <= highlight[0]:
            parts[0].append(piece)
        elif start >= highlight[1]:
            parts[2].append(piece)
        else:
            parts[1].append(piece)
    return MarkedText(tuple(parts[0]), tuple(parts[1]), tuple(parts[2]), highlight)
