"""The extractive brief: source spans only, most corroborated first, then single-source, conflicts, quotes.

Section names are fixed UI labels; every line is a span of an article with the outlets behind it.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.model.comparison import BriefItem, Contradiction, Fact, QuoteEntry

CORROBORATED = "corroborated"
SINGLE_SOURCE = "single-source"
CONTRADICTED = "contradicted"
QUOTED = "quoted"
MAX_SINGLE_SOURCE = 25


def build_brief(
    facts: Sequence[Fact], contradictions: Sequence[Contradiction], quotes: Sequence[QuoteEntry]
) -> list[BriefItem]:
    """Brief lines in reading order; facts arrive sorted by how many independent outlets carry them."""
    items = [BriefItem(CORROBORATED, f.claims[0].span, f.outlets) for f in facts if f.corroborated]
    single = [f for f in facts if not f.corroborated and not f.claims[0].in_quote]
    items.extend(BriefItem(SINGLE_SOURCE, f.claims[0].span, f.outlets) for f in single[:MAX_SINGLE_SOURCE])
    for conflict in contradictions:
        items.append(BriefItem(CONTRADICTED, conflict.a, (conflict.a_outlet,)))
        items.append(BriefItem(CONTRADICTED, conflict.b, (conflict.b_outlet,)))
    items.extend(BriefItem(QUOTED, q.occurrences[0].content[0], q.outlets) for q in quotes)
    return items
