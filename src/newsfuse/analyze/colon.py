"""Headline and transcript attributions by colon: "Sanders: Brexit's message could draw support",
"TAPPER: Do you think …". The name before the colon is the speaker, the rest of the line what they said.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfuse.analyze.direct import Found
from newsfuse.analyze.marks import ALL_MARKS
from newsfuse.model import Article

# A short name-like lead (capitalised, no sentence punctuation), a colon, then the statement.
_LEAD = re.compile(r"(?P<lead>[A-Z][^\n:.!?\"“”]{0,60}?(?:\.[^\n:!?\"“”]{0,40}?)?):[ \t]+(?P<said>\S[^\n]*)")
MAX_LEAD_WORDS = 6


def colon_attributions(doc: Doc, article: Article, taken: list[tuple[int, int]]) -> list[Found]:
    """One attribution per title line (or all-capitals transcript line) shaped "Name: statement"."""
    found = []
    for number, paragraph in enumerate(article.paragraphs):
        match = _LEAD.fullmatch(article.text, paragraph.start, paragraph.end)
        if match is None or len(match["lead"].split()) > MAX_LEAD_WORDS:
            continue
        if number > 0 and not match["lead"].isupper():
            continue
        start, end = match.span("said")
        if any(s < end and start < e for s, e in taken):
            continue
        lead = doc.char_span(*match.span("lead"), alignment_mode="expand")
        colon = doc.char_span(match.end("lead"), match.end("lead") + 1, alignment_mode="expand")
        if lead is None or colon is None:
            continue
        kind = "direct" if article.text[start] in ALL_MARKS + "‘" else "indirect"
        cue = colon[0] if colon[0].tag_ else None
        found.append(Found(kind, [(start, end)], cue, lead[-1], paragraph=number))
    return found
