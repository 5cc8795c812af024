"""Finding the title: a hint or the first headline-like line, its repeats dropped, a glued copy split off.

Scrapers print the headline twice (once with stray whitespace or a small difference) and sometimes glue
it to the first sentence with no space ("…Over Prison ReformKim Kardashian has revealed…").
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from newsfuse.clean.resources import word_set
from newsfuse.clean.shape import ends_sentence, is_prose, is_title_like

_SEPARATORS = " \t-–—:|·•"
_REPEAT_WINDOW = 3
_SAME_RATIO = 0.9
_MIN_GLUED_WORDS = 3
_CASE_BOUNDARY = re.compile(r"[a-z][A-Z]")
_NOT_ALNUM = re.compile(r"[\W_]+")
_MAX_LENGTH_RATIO = 1.5


def title_key(text: str) -> str:
    """Letters and digits only, case-folded: two prints of one headline share this key."""
    return _NOT_ALNUM.sub("", text).casefold()


def same_title(text: str, title: str) -> bool:
    """``text`` is ``title`` printed again, allowing for whitespace, quotes and small differences."""
    if max(len(text), len(title)) > _MAX_LENGTH_RATIO * min(len(text), len(title)):
        return False
    a, b = title_key(text), title_key(title)
    if not a or not b:
        return False
    if a == b:
        return True
    if abs(len(a) - len(b)) > max(len(a), len(b)) * (1 - _SAME_RATIO):
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= _SAME_RATIO


def _prefix_end(text: str, title: str) -> int | None:
    """Where ``title`` ends when ``text`` starts with it (compared on :func:`title_key`), else None."""
    key = title_key(title)
    if not key:
        return None
    matched = 0
    for index, char in enumerate(text):
        if not char.isalnum():
            continue
        if matched >= len(key):
            return index
        folded = char.casefold()
        if not key.startswith(folded, matched):
            return None
        matched += len(folded)
    return None


def strip_title_prefix(text: str, title: str) -> str | None:
    """The rest of ``text`` after a copy of ``title`` at its start, or None when there is no such copy.

    The copy counts only when it is glued to the next word or printed in the title's exact letters
    before a capitalised word, so a first sentence that merely begins with the headline's words stays.
    """
    end = _prefix_end(text, title)
    if end is None:
        return None
    rest = text[end:].lstrip(_SEPARATORS)
    if not rest or not (rest[0].isupper() or not rest[0].isalnum()):
        return None
    glued = text[end - 1].isalpha() and text[end].isalpha()
    exact = " ".join(text[:end].split()) == " ".join(title.split()) and len(title.split()) >= 3
    return rest if glued or exact else None


def _is_capitalised(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return bool(letters) and (letters[0].isupper() or word.lower() in word_set("title_minor_words.txt"))


def split_glued_headline(text: str) -> tuple[str, str] | None:
    """``(headline, first sentence)`` when a title-cased run ends in a word glued to the next sentence."""
    tokens = text.split(" ")
    run_end = next((i for i, token in enumerate(tokens) if not _is_capitalised(token)), len(tokens))
    for index in range(min(run_end, len(tokens)) - 1, _MIN_GLUED_WORDS - 2, -1):
        boundary = _CASE_BOUNDARY.search(tokens[index])
        if boundary is None or boundary.start() < 2:
            continue
        head = " ".join([*tokens[:index], tokens[index][: boundary.start() + 1]])
        rest = " ".join([tokens[index][boundary.start() + 1 :], *tokens[index + 1 :]])
        if is_title_like(head) and is_prose(rest):
            return head, rest
    return None


def _matches_hint(text: str, hint: str) -> bool:
    return same_title(text, hint) or (is_title_like(text) and title_key(text) in title_key(hint))


def _is_copy(text: str, title: str) -> bool:
    """A second print of the title: headline-like itself (a sentence ending in "." is never a copy)."""
    return is_title_like(text) and same_title(text, title)


def _starts_article(text: str) -> bool:
    """Prose, or any sentence ending in a full stop: nothing from here on is masthead or headline."""
    return is_prose(text) or (ends_sentence(text) and not is_title_like(text))


def _title_index(leading: list[str], first_prose: str | None, hint: str | None) -> int | None:
    """Which of the units before the article starts is the headline (mastheads and taglines come first).

    In order of trust: the source's title hint; a line printed twice in a row (same letters); a line
    glued to the start of the first paragraph; else the first headline-like line.
    """
    candidates = [i for i, text in enumerate(leading) if is_title_like(text)]
    if hint:
        return next((i for i in candidates if _matches_hint(leading[i], hint)), None)
    keys = dict.fromkeys(range(len(leading)), "") | {i: title_key(leading[i]) for i in candidates}
    repeated = (i for i in candidates if keys[i] in (keys.get(i + 1), keys.get(i + 2)))
    glued = (i for i in candidates if first_prose and strip_title_prefix(first_prose, leading[i]) is not None)
    for found in (next(repeated, None), next(glued, None)):
        if found is not None:
            return found
    return candidates[0] if candidates else None


def _drop_copies(body: list[str], title: str) -> list[str]:
    """Repeats of the title near the top go; a copy glued to the first paragraph is cut off it."""
    kept = [text for i, text in enumerate(body) if i >= _REPEAT_WINDOW or not _is_copy(text, title)]
    for index, text in enumerate(kept[:_REPEAT_WINDOW]):
        rest = strip_title_prefix(text, title)
        if rest is not None:
            kept[index] = rest
            break
    return kept


def split_title(texts: list[str], hint: str | None) -> tuple[str | None, list[str]]:
    """The title and the body units after it (leading furniture, repeats and a glued copy removed)."""
    hint = " ".join(hint.split()) if hint and hint.strip() else None
    lead = next((i for i, text in enumerate(texts) if _starts_article(text)), len(texts))
    index = _title_index(texts[:lead], texts[lead] if lead < len(texts) else None, hint)
    title, body = (texts[index], texts[index + 1 :]) if index is not None else (hint, list(texts))
    if title is not None:
        return title, _drop_copies(body, title)
    glued = split_glued_headline(body[0]) if body else None
    if glued is not None:
        return glued[0], [glued[1], *body[1:]]
    return None, body
