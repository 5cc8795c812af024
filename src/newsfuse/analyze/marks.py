"""Quotation marks → quoted segments, found on the raw text before any parsing.

Straight and curly marks are both handled, and two apostrophes ('') stand for a straight mark. A
segment left open at the end of a paragraph runs to the paragraph's end (``open_end``); a closing
mark with no opening one in its paragraph starts the segment at the paragraph's beginning
(``open_start``): both are how a quotation carries on into the next paragraph. Whether a segment is
a quotation at all, rather than a quoted word or title, is read off the text too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“„‟«"
CLOSING = "”»"
STRAIGHT = '"'
ALL_MARKS = OPENING + CLOSING + STRAIGHT
DOUBLED = "''"  # two apostrophes standing for a straight double mark, as in some newspaper archives
ANY_MARK = re.compile("[" + re.escape(ALL_MARKS) + "]|" + DOUBLED)  # where ``mark_width`` is not 0
CLOSING_GAP = ",.?! "  # what may stand between a clause's last word and its closing mark
MAX_MARK_GAP = 2
MIN_QUOTE_WORDS = 2
LONG_QUOTE_WORDS = 4
MAX_ABBREVIATION = 4  # "Mr.", "Gov.", "Sept." end no sentence


def mark_width(text: str, i: int) -> int:
    """How many characters the quotation mark starting at ``i`` takes (0 when there is none)."""
    if text[i] in ALL_MARKS:
        return 1
    return len(DOUBLED) if text.startswith(DOUBLED, i) else 0


def starts_with_mark(text: str) -> bool:
    """Whether the text opens with a double quotation mark (after spaces)."""
    stripped = text.lstrip()
    return bool(stripped) and mark_width(stripped, 0) > 0


def inner_text(text: str, start: int, end: int) -> str:
    """A quoted segment's words without its marks."""
    if mark_width(text, start):
        start += mark_width(text, start)
    if end - start >= len(DOUBLED) and text.endswith(DOUBLED, start, end):
        end -= len(DOUBLED)
    elif end > start and text[end - 1] in ALL_MARKS:
        end -= 1
    return text[start:end].strip()


@dataclass(frozen=True, slots=True)
class Segment:
    """A quoted stretch ``[start, end)`` of the text, quotation marks included."""

    start: int
    end: int
    open_start: bool = False
    open_end: bool = False


def is_quotation(text: str, seg: Segment, sentence_start: int, headline: bool = False) -> bool:
    """Whether a quoted segment is a quotation rather than a quoted word or title."""
    if text[max(seg.start - 1, 0)] == "=" or "<" in text[seg.start : seg.end]:
        return False  # an attribute of markup left in the text, not speech
    if seg.open_start or seg.open_end:
        return True
    inner = inner_text(text, seg.start, seg.end)
    words = len(inner.split())
    if words < MIN_QUOTE_WORDS:
        return False
    if not headline and _looks_like_title(inner):
        return False
    before = text[sentence_start : seg.start].rstrip()
    if not before or before[-1] in ":,.?!":  # after a sentence's end: the parser put a mark astray
        return True
    return words >= LONG_QUOTE_WORDS and inner[-1:] in ".?!,"


def _looks_like_title(inner: str) -> bool:
    """ "Sunday Morning Futures," or “The Art of the Deal”: a name of a work, not words spoken.

    Words that end a sentence inside ("Like Oakland. Or Ferguson,") are speech; an abbreviation
    ("Mr. Smith Goes to Washington") ends none.
    """
    words = [w for w in inner.strip(" ,.").split() if w[:1].isalpha()]
    small = {"a", "an", "the", "of", "and", "in", "on", "for", "to", "with", "at", "by"}
    sentence_end = any(w.endswith(".") and len(w) > MAX_ABBREVIATION for w in words[:-1])
    return (
        bool(words)
        and all(w[:1].isupper() or w in small for w in words)
        and inner.rstrip(",")[-1:] not in "?!"
        and not sentence_end
    )


def _opens(text: str, i: int, para_start: int) -> bool:
    """Whether a straight mark at ``i`` reads as an opening one (start of paragraph or after a space)."""
    return i == para_start or text[i - 1].isspace() or text[i - 1] in "([{—–-/"


def _ends_word(text: str, i: int, end: int) -> bool:
    """Whether position ``i`` (just past a mark) is the paragraph's end, a space or punctuation."""
    return i >= end or text[i].isspace() or text[i] in ",.;:!?)"


def paragraph_segments(text: str, start: int, end: int) -> list[Segment]:
    """The quoted segments of one paragraph ``text[start:end]``."""
    segments: list[Segment] = []
    open_at: int | None = None
    i = start
    while i < end:
        found = ANY_MARK.search(text, i, end + 1)  # one past the end: a doubled mark may straddle it
        if found is None or found.start() >= end:
            break
        i = found.start()
        width = mark_width(text, i)
        ch = text[i]
        straight = ch == STRAIGHT or width > 1
        is_open = ch in OPENING or (straight and open_at is None and _opens(text, i, start))
        if ch == "”" and open_at is None and i + 1 < end and _opens(text, i, start):
            is_open = not text[i + 1].isspace()  # a reversed mark used as an opening one
        if ch == "“" and open_at is not None and not _opens(text, i, start) and _ends_word(text, i + 1, end):
            is_open = False  # “Wins“ that: a reversed mark used as a closing one
        if is_open:
            if open_at is not None and ch in OPENING:
                segments.append(Segment(open_at, i, open_end=True))
            open_at = i
        elif open_at is not None:
            segments.append(Segment(open_at, min(i + width, end)))
            open_at = None
        elif not segments and width == 1:
            segments.append(Segment(start, i + 1, open_start=True))
        i += width
    if open_at is not None:
        segments.append(Segment(open_at, end, open_end=True))
    return segments


def quoted_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """Every quoted segment of the text, paragraph by paragraph, in order."""
    found: list[Segment] = []
    for start, end in paragraphs:
        found.extend(paragraph_segments(text, start, end))
    return found


def balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """The range ``[start, end)`` widened to the partner of a quotation mark it holds alone.

    A reported clause cut from the parse often keeps one mark of a quoted phrase and drops the other
    (that waterboarding is “peanuts | ,” compared to …): the mark standing just outside, past spaces
    or the punctuation inside the quotation, is taken in, so a content holds both marks or neither.
    """
    unopened, unclosed = _unpaired(text, start, end)
    if unopened:
        before = start
        while before > 0 and text[before - 1].isspace():
            before -= 1
        if before > 0 and text[before - 1] in OPENING + STRAIGHT:
            start = before - 1
    if unclosed:
        after = end
        while after < len(text) and after - end < MAX_MARK_GAP and text[after] in CLOSING_GAP:
            after += 1
        if after < len(text) and text[after] in CLOSING + STRAIGHT:
            end = after + 1
    return start, end


def _unpaired(text: str, start: int, end: int) -> tuple[int, int]:
    """How many closing marks in the range have no opening one, and how many opening ones stay open."""
    unopened = unclosed = 0
    for i in range(start, end):
        ch = text[i]
        opening = ch in OPENING or (ch == STRAIGHT and unclosed == 0 and _opens(text, i, start))
        if opening:
            unclosed += 1
        elif ch in CLOSING or ch == STRAIGHT:
            if unclosed:
                unclosed -= 1
            else:
                unopened += 1
    return unopened, unclosed
