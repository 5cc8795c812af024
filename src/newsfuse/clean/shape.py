"""What a line of text looks like: a prose sentence, a title, a heading."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]»]*$")
_TITLE_END_BAD = re.compile(r"[.,;:]$")
_MIN_PROSE_WORDS = 6
_MAX_TITLE_WORDS = 30
_MAX_TITLE_CHARS = 250


def words(text: str) -> list[str]:
    """The alphabetic words of ``text`` (digits and punctuation left out)."""
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    return _TERMINAL.search(text) is not None


def is_prose(text: str) -> bool:
    """A run of sentences: enough words, some in lower case, ending like a sentence.

    The cleaner never drops a prose unit on a learned score alone, which is how it keeps every
    article sentence.
    """
    if not ends_sentence(text):
        return False
    found = words(text)
    return len(found) >= _MIN_PROSE_WORDS and sum(word[0].islower() for word in found) * 3 >= len(found)


def is_title_like(text: str) -> bool:
    """Short enough for a headline and not ending like a clause (a final ?, ! or quote is fine)."""
    if len(text) > _MAX_TITLE_CHARS or _TITLE_END_BAD.search(text):
        return False
    return 0 < len(words(text)) <= _MAX_TITLE_WORDS
