"""Quotation marks → quoted segments, found on the raw text before any parsing.

Straight and curly marks are both handled. A segment left open at the end of a paragraph runs to
the paragraph's end (``open_end``); a closing mark with no opening one in its paragraph starts the
segment at the paragraph's beginning (``open_start``): both are how a quotation carries on into the
next paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = "“„‟«"
CLOSING = "”»"
STRAIGHT = '"'
ALL_MARKS = OPENING + CLOSING + STRAIGHT


@dataclass(frozen=True, slots=True)
class Segment:
    """A quoted stretch ``[start, end)`` of the text, quotation marks included."""

    start: int
    end: int
    open_start: bool = False
    open_end: bool = False


def _opens(text: str, i: int, para_start: int) -> bool:
    """Whether a straight mark at ``i`` reads as an opening one (start of paragraph or after a space)."""
    return i == para_start or text[i - 1].isspace() or text[i - 1] in "([{—–-/"


def paragraph_segments(text: str, start: int, end: int) -> list[Segment]:
    """The quoted segments of one paragraph ``text[start:end]``."""
    segments: list[Segment] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in ALL_MARKS:
            continue
        is_open = ch in OPENING or (ch == STRAIGHT and open_at is None and _opens(text, i, start))
        if ch == "”" and open_at is None and i + 1 < end and _opens(text, i, start):
            is_open = not text[i + 1].isspace()  # a reversed mark used as an opening one
        if is_open:
            if open_at is not None and ch in OPENING:
                segments.append(Segment(open_at, i, open_end=True))
            open_at = i
        elif open_at is not None:
            segments.append(Segment(open_at, i + 1))
            open_at = None
        elif not segments:
            segments.append(Segment(start, i + 1, open_start=True))
    if open_at is not None:
        segments.append(Segment(open_at, end, open_end=True))
    return segments


def quoted_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """Every quoted segment of the text, paragraph by paragraph, in order."""
    found: list[Segment] = []
    for start, end in paragraphs:
        found.extend(paragraph_segments(text, start, end))
    return found
