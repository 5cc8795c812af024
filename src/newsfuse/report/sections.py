"""The tables every text report shows, built once for Markdown and HTML alike.

A renderer passes how it writes a cited statement and how it escapes a plain value (an outlet or a
speaker's name); the table titles and headers are fixed UI words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newsfuse.model.article import Span
from newsfuse.model.comparison import Contradiction, QuoteEntry, StoryComparison

LINE_BREAK = "<br>"


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: list[list[str]]


@dataclass(frozen=True, slots=True)
class Cells:
    """How one output format writes a cited statement and a plain value."""

    statement: Callable[[Span], str]
    plain: Callable[[str], str]

    def conflict(self, c: Contradiction) -> list[str]:
        kind = self.plain(c.type.value + (f" ({c.subtype})" if c.subtype else ""))
        side_a = f"{self.plain(c.a_outlet)}: {self.statement(c.a_detail)}{LINE_BREAK}{self.statement(c.a)}"
        side_b = f"{self.plain(c.b_outlet)}: {self.statement(c.b_detail)}{LINE_BREAK}{self.statement(c.b)}"
        return [kind, side_a, side_b]

    def quote(self, q: QuoteEntry) -> list[str]:
        changed = LINE_BREAK.join(self.statement(s) for o in q.occurrences for s in o.changed)
        return [
            self.plain(q.speaker or "?"),
            LINE_BREAK.join(self.statement(p) for p in q.occurrences[0].content),
            self.plain(", ".join(q.outlets)),
            self.plain(q.first_reported_by),
            changed or "—",
        ]


def tables(comparison: StoryComparison, cells: Cells) -> list[Table]:
    """Facts, contradictions, updates, who said what and dated events, in reading order."""
    corroborated = [
        [
            cells.plain(", ".join(f.outlets)),
            LINE_BREAK.join(f"{cells.plain(c.outlet)}: {cells.statement(c.span)}" for c in f.claims),
        ]
        for f in comparison.corroborated
    ]
    return [
        Table("Corroborated facts", ("Outlets", "Statements"), corroborated),
        Table(
            "Single-source facts",
            ("Outlet", "Statement"),
            [
                [cells.plain(f.outlets[0]), cells.statement(f.claims[0].span)]
                for f in comparison.single_source
            ],
        ),
        Table(
            "Contradictions",
            ("Type", "One side", "Other side"),
            [cells.conflict(c) for c in comparison.contradictions],
        ),
        Table(
            "Updates",
            ("Earlier", "Later"),
            [[cells.statement(u.earlier), cells.statement(u.later)] for u in comparison.updates],
        ),
        Table(
            "Who said what",
            ("Speaker", "Quote", "Outlets", "First reported by", "Changed words"),
            [cells.quote(q) for q in comparison.quotes],
        ),
        Table(
            "Events by date",
            ("Date", "Statement"),
            [[cells.plain(e.value), cells.statement(e.claim)] for e in comparison.events],
        ),
    ]


def article_rows(comparison: StoryComparison, plain: Callable[[str], str]) -> list[list[str]]:
    """The articles in publication order: position, outlet, time, how the order is known, copy of."""
    return [
        [
            str(n + 1),
            plain(a.outlet),
            a.published.isoformat() if a.published else "—",
            a.order_basis,
            a.copy_of or "—",
        ]
        for n, a in enumerate(comparison.articles)
    ]


ARTICLE_HEADER = ("#", "Outlet", "Published", "Order from", "Copy of")
