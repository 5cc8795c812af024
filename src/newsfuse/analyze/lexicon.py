"""The cue lexicon shipped as package data (``data/lexicon.txt``), read once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists the rules consult, by section of the data file."""

    speech: frozenset[str]
    stance: frozenset[str]
    according: frozenset[str]
    description: frozenset[str]
    outlet: frozenset[str]
    interview: frozenset[str]
    title: frozenset[str]
    forms: frozenset[str]  # irregular word forms of the cues (said, told, thought)
    noun_forms: frozenset[str]  # cue word forms that are nearly always nouns in news (state, support)
    phrasal: frozenset[str]  # "verb preposition" pairs whose object is the content ("talk about")
    quote_only: frozenset[str]  # cues of quotations only, never of reported clauses ("continue")
    clause_only: frozenset[str]  # cues whose bare object is no content ("found a way", "added a clause")
    as_stance: frozenset[str]  # cues only with "X as Y" ("sees the deal as a trap")
    raising: frozenset[str]  # "X seems to Y": a view with no source, held of X ("seem", "appear")
    light: frozenset[str]  # "verb noun" pairs naming a statement ("make case", "raise question")
    stance_adjective: frozenset[str]  # "X is critical of Y", "X is sure that …" (word forms, not lemmas)
    # every verb lemma that can introduce an attribution (joined once: every token asks)
    cues: frozenset[str] = field(init=False, repr=False, compare=False)
    light_verbs: frozenset[str] = field(init=False, repr=False, compare=False)  # "make", "raise", …

    def __post_init__(self) -> None:
        cues = (
            self.speech
            | self.stance
            | self.raising
            | self.as_stance
            | {pair.split()[0] for pair in self.phrasal}
        )
        object.__setattr__(self, "cues", cues)
        object.__setattr__(self, "light_verbs", frozenset(pair.split()[0] for pair in self.light))


def parse_sections(text: str) -> dict[str, frozenset[str]]:
    """Split ``[section]`` headed word lists; ``#`` starts a comment line."""
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is not None:
            current.add(line.lower())
    return {name: frozenset(words) for name, words in sections.items()}


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon (cached: the file is read once per process)."""
    text = resources.files("newsfuse.analyze").joinpath("data/lexicon.txt").read_text("utf-8")
    sections = parse_sections(text)
    return Lexicon(
        speech=sections.get("speech", frozenset()),
        stance=sections.get("stance", frozenset()),
        according=sections.get("according", frozenset()),
        description=sections.get("description", frozenset()),
        outlet=sections.get("outlet", frozenset()),
        interview=sections.get("interview", frozenset()),
        title=sections.get("title", frozenset()),
        forms=sections.get("forms", frozenset()),
        noun_forms=sections.get("noun_forms", frozenset()),
        phrasal=sections.get("phrasal", frozenset()),
        quote_only=sections.get("quote_only", frozenset()),
        raising=sections.get("raising", frozenset()),
        stance_adjective=sections.get("stance_adjective", frozenset()),
        light=sections.get("light", frozenset()),
        as_stance=sections.get("as_stance", frozenset()),
        clause_only=sections.get("clause_only", frozenset()),
    )
