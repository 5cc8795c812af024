"""Direct quotations: which quoted segments are quotes, and which cue and speaker each belongs to.

A segment is a quotation (not a scare-quoted phrase) when it opens a sentence, follows a colon or a
comma, runs across a paragraph break, or is a long stretch ending in punctuation. Its cue is a cue
verb in the same sentence(s) outside the marks, nearest first. With no cue there, it continues the
quote before it in the paragraph, borrows the cue of the sentence before ("Kim revealed to her
family that … . “She's …”"), or carries on the previous paragraph's quotation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsfuse.analyze.lexicon import Lexicon
from newsfuse.analyze.marks import Segment
from newsfuse.analyze.syntax import is_cue, subject_of

MIN_QUOTE_WORDS = 2
LONG_QUOTE_WORDS = 4


@dataclass
class Found:
    """An attribution under construction (character ranges; tokens of the parse)."""

    kind: str
    content: list[tuple[int, int]]
    cue: Token | None
    speaker: Token | None
    paragraph: int = 0
    open_end: bool = False
    segments: list[Segment] = field(default_factory=list)


def is_quotation(text: str, seg: Segment, sentence_start: int) -> bool:
    """Whether a quoted segment is a quotation rather than a quoted word or title."""
    if seg.open_start or seg.open_end:
        return True
    inner = text[seg.start + 1 : seg.end - 1].strip()
    words = len(inner.split())
    if words < MIN_QUOTE_WORDS:
        return False
    before = text[sentence_start : seg.start].rstrip()
    if not before or before[-1] in ":,":
        return True
    return words >= LONG_QUOTE_WORDS and inner[-1:] in ".?!,"


class DirectQuotes:
    """Finds the direct quotations of one parsed document."""

    def __init__(self, doc: Doc, lex: Lexicon, paragraph_of: list[int]) -> None:
        self.doc, self.lex, self.paragraph_of = doc, lex, paragraph_of
        self.char_token: list[int] = [-1] * (len(doc.text) + 1)
        for token in doc:
            for i in range(token.idx, token.idx + len(token)):
                self.char_token[i] = token.i

    def token_at(self, offset: int) -> Token:
        offset = min(max(offset, 0), len(self.doc.text) - 1)
        while offset > 0 and self.char_token[offset] < 0:
            offset -= 1
        return self.doc[max(self.char_token[offset], 0)]

    def quotations(self, segments: list[Segment]) -> list[Segment]:
        """The segments that are quotations."""
        return [s for s in segments if is_quotation(self.doc.text, s, self.token_at(s.start).sent.start_char)]

    def find(self, quotations: list[Segment]) -> list[Found]:
        """One attribution per cue: segments sharing a cue, or continuing one, are merged."""
        inside = {t.i for s in quotations for t in self.doc.char_span(s.start, s.end, alignment_mode="expand")}
        found: list[Found] = []
        by_cue: dict[int, Found] = {}
        for seg in quotations:
            paragraph = self.paragraph_of[seg.start]
            cue = self._cue_in_frame(seg, inside)
            if cue is not None and cue.i in by_cue and by_cue[cue.i].paragraph == paragraph:
                self._extend(by_cue[cue.i], seg)
                continue
            previous = found[-1] if found else None
            if cue is None and previous is not None and self._continues(previous, seg, paragraph):
                self._extend(previous, seg)
                continue
            if cue is None:
                cue = self._cue_before(seg, inside)
            speaker = subject_of(cue) if cue is not None else None
            if cue is None and previous is not None and previous.paragraph >= paragraph - 1:
                cue, speaker = previous.cue, previous.speaker
            item = Found("direct", [(seg.start, seg.end)], cue, speaker, paragraph, seg.open_end, [seg])
            found.append(item)
            if cue is not None:
                by_cue.setdefault(cue.i, item)
        return found

    def _extend(self, item: Found, seg: Segment) -> None:
        item.content.append((seg.start, seg.end))
        item.segments.append(seg)
        item.open_end = seg.open_end

    def _continues(self, previous: Found, seg: Segment, paragraph: int) -> bool:
        """A cue-less quotation continues the previous one in its paragraph, or across an open paragraph."""
        if previous.paragraph == paragraph:
            return True
        return previous.open_end and paragraph == previous.paragraph + 1 and self._opens_paragraph(seg)

    def _opens_paragraph(self, seg: Segment) -> bool:
        return seg.open_start or self.token_at(seg.start).is_sent_start or seg.start == 0

    def _frame(self, seg: Segment) -> list[Token]:
        first = self.token_at(seg.start).sent
        last = self.token_at(seg.end - 1).sent
        return list(self.doc[first.start : last.end])

    def _cue_in_frame(self, seg: Segment, inside: set[int]) -> Token | None:
        """The nearest cue verb outside the marks in the quotation's own sentences, after it first."""
        frame = [t for t in self._frame(seg) if t.i not in inside and is_cue(t, self.lex)]
        after = [t for t in frame if t.idx >= seg.end]
        before = [t for t in frame if t.idx < seg.start]
        if after:
            return after[0]
        return before[-1] if before else None

    def _cue_before(self, seg: Segment, inside: set[int]) -> Token | None:
        """A cue with a subject in the sentence just before, in the same or the previous paragraph."""
        sent = self.token_at(seg.start).sent
        if sent.start == 0:
            return None
        previous = self.doc[sent.start - 1].sent
        if previous.start > 0 and all(t.is_space for t in previous):
            previous = self.doc[previous.start - 1].sent
        same_paragraph = self.paragraph_of[previous.start_char] == self.paragraph_of[seg.start]
        if not same_paragraph and not previous.text.rstrip().endswith(":"):
            return None
        cues = [t for t in previous if t.i not in inside and is_cue(t, self.lex) and subject_of(t)]
        return cues[0] if cues else None
