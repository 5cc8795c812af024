"""Only attribution sentences go through the parser, yet the Doc stays exact to the character."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from newsfuse.analyze import analyze_article
from newsfuse.analyze.focus import runs, sentence_pieces
from newsfuse.analyze.lexicon import lexicon
from newsfuse.analyze.pipeline import focused_docs
from newsfuse.model import Article

TEXT = (
    "Harbour of Brindlemoor reopens\n\n"
    "The ferry pier was rebuilt over the winter. Gulls crowd the new railings.\n\n"
    "Mayor Odile Ferrant said the pier would carry twice the traffic. "
    "“We waited long enough,” she told reporters on Tuesday.\n\n"
    "Tickets go on sale in March. The first crossing leaves at dawn."
)


def test_pieces_cover_the_text_exactly() -> None:
    """Sentence pieces are contiguous, in order, and cover every character."""
    pieces = sentence_pieces(TEXT)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(TEXT)
    assert all(a[1] == b[0] for a, b in pairwise(pieces))


def test_a_title_before_a_name_ends_no_sentence() -> None:
    """A title before a name ("Lt. Mara Quill", "Sen. Ivo Brandt") ends no sentence; other full stops do."""
    text = "One deckhand, Lt. Mara Quill, was treated on board. Sen. Ivo Brandt visited the pier. It rained."
    assert [text[a:b].strip() for a, b in sentence_pieces(text)] == [
        "One deckhand, Lt. Mara Quill, was treated on board.",
        "Sen. Ivo Brandt visited the pier.",
        "It rained.",
    ]


def test_only_attribution_runs_are_parsed() -> None:
    """Sentences with no mark and no cue word are left out of the parse; quotes and cues are kept."""
    plan = runs(TEXT, lexicon())
    parsed = " ".join(TEXT[r.start : r.end] for r in plan if r.parse)
    skipped = " ".join(TEXT[r.start : r.end] for r in plan if not r.parse)
    assert "said the pier" in parsed and "We waited" in parsed
    assert "Gulls crowd" in skipped and "Tickets go on sale" in skipped


def test_focused_doc_keeps_text_and_sentences(nlp: Any) -> None:
    """The assembled Doc has the article's exact text, and skipped sentences stay sentences of their own."""
    (doc,) = focused_docs(nlp, [TEXT], batch_size=4)
    assert doc.text == TEXT
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert "Tickets go on sale in March." in sentences
    assert "The first crossing leaves at dawn." in sentences


def test_quotes_found_with_partial_parse(make_article: Callable[..., Article]) -> None:
    """Who-said-what still finds the speaker and the quote when most sentences are only tokenised."""
    article = make_article(
        "Harbour of Brindlemoor reopens",
        "The ferry pier was rebuilt over the winter. Gulls crowd the new railings.",
        "“We waited long enough,” said Mayor Odile Ferrant on Tuesday.",
        "Tickets go on sale in March. The first crossing leaves at dawn.",
    )
    analysis = analyze_article(article)
    speakers = {article.text[q.speaker.start : q.speaker.end] for q in analysis.quotes if q.speaker}
    assert any("Ferrant" in s for s in speakers)
    assert any(
        "We waited long enough" in article.text[q.content[0].start : q.content[-1].end]
        for q in analysis.quotes
    )
