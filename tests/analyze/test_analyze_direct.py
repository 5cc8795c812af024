"""DirectQuotes on parses written by hand (``parses/``), so a rule for a parser slip meets that very slip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from newsfuse.analyze.direct import DirectQuotes, Found
from newsfuse.analyze.lexicon import lexicon
from newsfuse.analyze.marks import quoted_segments

PARSES = Path(__file__).parent / "parses"


def _found(nlp: Any, name: str) -> list[Found]:
    """The quotations of one sentence read from lines of word, part of speech, dependency, head index,
    lemma and (optionally) fine tag."""
    lines = (PARSES / name).read_text("utf-8").splitlines()
    rows = [line.split() for line in lines if line and not line.startswith("#")]
    spaces = [
        i + 1 < len(rows) and rows[i + 1][0] not in {",", ".", ":", "”"} and r[0] != "“"
        for i, r in enumerate(rows)
    ]
    doc = Doc(
        nlp.vocab,
        words=[r[0] for r in rows],
        spaces=spaces,
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[int(r[3]) for r in rows],
        lemmas=[r[4] for r in rows],
        tags=[r[5] if len(r) > 5 else "" for r in rows],
    )
    direct = DirectQuotes(doc, lexicon(), [0] * (len(doc.text) + 1))
    return direct.find(direct.quotations(quoted_segments(doc.text, [(0, len(doc.text))])))


@pytest.mark.parametrize(
    ("parse", "speaker"),
    [("name_as_modifier.txt", "Holm"), ("name_as_compound_of_verb.txt", "Brisk")],
)
def test_name_right_after_the_quotation_speaks(nlp: Any, parse: str, speaker: str) -> None:
    """“…,” Name … cue: the name between the quotation and its cue speaks, however the parser hung it."""
    assert [f.speaker.text if f.speaker else None for f in _found(nlp, parse)] == [speaker]


@pytest.mark.parametrize("parse", ["cue_before_second_part.txt", "next_sentence_reports_its_own.txt"])
def test_second_part_keeps_the_first_parts_cue(nlp: Any, parse: str) -> None:
    """“A,” X said, “b.” / “A,” X said. “B.”, then a sentence reporting something else: one quotation
    of X, not a second one cued by the next sentence's verb."""
    found = _found(nlp, parse)
    assert [(len(f.content), f.speaker.text if f.speaker else None) for f in found] == [(2, "Holm")]


def test_participle_cue_borrows_its_verbs_subject(nlp: Any) -> None:
    """X punctuated her list by saying “…”: the speaker is X, not the object beside the participle."""
    assert [f.speaker.text if f.speaker else None for f in _found(nlp, "participle_cue.txt")] == ["Ana"]


def test_participle_hung_inside_the_quotation_borrows_the_outer_subject(nlp: Any) -> None:
    """X seemed ready to riff, telling the crowd, “Some people get …”: the parser hung the participle
    on the quoted verb; the speaker is X, not a word of the quotation nor the nearest noun."""
    found = _found(nlp, "participle_hung_inside_quote.txt")
    assert [f.speaker.text if f.speaker else None for f in found] == ["Ana"]


@pytest.mark.parametrize(
    ("parse", "speaker"),
    [
        ("name_heads_quotation.txt", "Ruiz"),
        ("names_head_quotation.txt", "Lind"),
        ("name_object_heads_quotation.txt", "Ruiz"),
        ("listener_before_colon.txt", "Ruiz"),
    ],
)
def test_name_before_the_colon_heads_the_quotation(nlp: Any, parse: str, speaker: str) -> None:
    """Pollsters agree - Ana Ruiz: “…” (or "- Tide Research and Bo Lind:") and … doesn't surprise Ana
    Ruiz: “…”: the name before the colon speaks; in X told Tidewater News: “…” the cue's subject does."""
    assert [f.speaker.text if f.speaker else None for f in _found(nlp, parse)] == [speaker]


def test_one_word_before_a_pronoun_and_speech_verb_is_a_quotation(nlp: Any) -> None:
    """“Really,” she added: a one-word utterance reported by the speech verb after it is a quotation."""
    found = _found(nlp, "one_word_then_cue.txt")
    assert [(f.cue.text if f.cue else None, f.speaker.text if f.speaker else None) for f in found] == [
        ("added", "she")
    ]


def test_one_word_after_a_speech_verb_with_a_slipped_lemma_is_a_quotation(nlp: Any) -> None:
    """Ana joked, “Never.”: a one-word utterance after a speech verb is a quotation even when the
    lemmatizer slipped on the verb ("jok"); the mended cue lemma decides, as it does for ``is_cue``."""
    found = _found(nlp, "slipped_cue_lemma.txt")
    assert [(f.cue.text if f.cue else None, f.speaker.text if f.speaker else None) for f in found] == [
        ("joked", "Ana")
    ]


def test_verb_right_before_the_mark_beats_a_farther_cue(nlp: Any) -> None:
    """After Bo Lind criticized Ana, Ana shot back, “…”: the verb with a named subject right before the
    opening mark is the cue, though outside the lexicon, not the cue verb further back."""
    found = _found(nlp, "verb_before_mark_outside_lexicon.txt")
    assert [(f.cue.text if f.cue else None, f.speaker.i if f.speaker else None) for f in found] == [
        ("shot", 6)
    ]


def test_according_to_after_the_cue_names_the_source(nlp: Any) -> None:
    """“…,” Ana said, according to the Tidewater Star: the article gives the paper as its source."""
    found = _found(nlp, "according_after_cue.txt")
    assert [(f.cue.text if f.cue else None, f.speaker.text if f.speaker else None) for f in found] == [
        ("according", "Star")
    ]


def test_subject_nearest_the_verb_speaks(nlp: Any) -> None:
    """In Salem, Harlow, Ana went after Bo, calling him “…”: of the two subjects the parser gave "went",
    the one next to it speaks, not the place set off by commas."""
    found = _found(nlp, "place_as_second_subject.txt")
    assert [f.speaker.text if f.speaker else None for f in found] == ["Ana"]
