"""What the story page shows, built from a compared story: every statement resolved to its source.

The page reads top-down like a researcher's questions: what is the gist (the brief, each line marked with the
outlets behind it), who reports what (outlets × facts), where do outlets disagree (both sides, differing
words stressed), who said what (each quotation with every outlet's version, changed words stressed), and in
what order it happened (timeline and dated events).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from newsfuse.model import Span
from newsfuse.model.comparison import Contradiction, QuoteEntry, StoryComparison
from newsfuse.report.svg import facts_grid, timeline
from newsfuse.service.comparisons import ComparedStory
from newsfuse.service.story_views import StoryView
from newsfuse.web.statements import EntityLinks, Statement, Statements, article_href


@dataclass(frozen=True, slots=True)
class BriefLine:
    """A brief sentence under its section, with the numbers of the outlets that carry it."""

    section: str
    statement: Statement
    markers: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class GridRow:
    """One fact: its first statement, and per outlet column the outlet's own statement of it, if any."""

    fact_id: str
    corroborated: bool
    lead: Statement
    cells: tuple[Statement | None, ...]


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a contradiction: the statement with the differing words stressed, or — when those words
    lie outside it, as a speaker's name does for a quote — the statement and those words apart."""

    statement: Statement
    detail: Statement | None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A contradiction: its kind and both sides."""

    kind: str
    a: Side
    b: Side


@dataclass(frozen=True, slots=True)
class QuoteVersion:
    """One outlet's version of a quotation; ``parts`` stress the words that differ from the first."""

    outlet: str
    credited: str
    parts: tuple[Statement, ...]
    variant: bool


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A quotation, who said it, who reported it first, and every outlet's version."""

    speaker: str | None
    speaker_href: str | None
    first_reported_by: str
    versions: tuple[QuoteVersion, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """An article in publication order, linked to its page."""

    article_id: str
    outlet: str
    title: str | None
    published: str | None
    order_basis: str
    copy_of: str | None
    href: str


@dataclass(frozen=True, slots=True)
class StoryPage:
    """Everything the story page template shows; built by :func:`story_page`."""

    view: StoryView
    outlets: tuple[str, ...]
    brief: tuple[BriefLine, ...]
    grid: tuple[GridRow, ...]
    conflicts: tuple[Conflict, ...]
    quotes: tuple[QuoteRow, ...]
    updates: tuple[tuple[Statement, Statement], ...]
    events: tuple[tuple[str, Statement], ...]
    articles: tuple[TimelineEntry, ...]
    grid_picture: Markup
    timeline_picture: Markup

    @property
    def title(self) -> str:
        return self.view.stored.story.title or self.view.stored.story.id


def _outlets(comparison: StoryComparison) -> tuple[str, ...]:
    """The story's outlets in order of first publication."""
    return tuple(dict.fromkeys(a.outlet for a in comparison.articles))


def _side(claim: Span, detail: Span, outlet: str, cite: Statements) -> Side:
    inside = detail.article_id == claim.article_id and claim.start <= detail.start and detail.end <= claim.end
    if inside:
        return Side(cite.of(claim, [detail], outlet), None)
    return Side(cite.of(claim, outlet=outlet), cite.of(detail, [detail], outlet))


def _conflict(c: Contradiction, cite: Statements) -> Conflict:
    kind = c.type.value + (f" ({c.subtype})" if c.subtype else "")
    return Conflict(kind, _side(c.a, c.a_detail, c.a_outlet, cite), _side(c.b, c.b_detail, c.b_outlet, cite))


def _quote(q: QuoteEntry, cite: Statements, links: EntityLinks) -> QuoteRow:
    versions = tuple(
        QuoteVersion(
            o.outlet,
            o.credited,
            tuple(cite.of(part, o.changed, o.outlet) for part in o.content),
            o.is_variant,
        )
        for o in q.occurrences
    )
    href = links.speaker_href(q.speaker) if q.speaker else None
    return QuoteRow(q.speaker, href, q.first_reported_by, versions)


def _grid(comparison: StoryComparison, outlets: tuple[str, ...], cite: Statements) -> tuple[GridRow, ...]:
    rows = []
    for fact in comparison.facts:
        by_outlet: dict[str, Statement] = {}
        for claim in fact.claims:
            by_outlet.setdefault(claim.outlet, cite.of(claim.span, outlet=claim.outlet))
        lead = by_outlet[fact.claims[0].outlet]
        rows.append(GridRow(fact.id, fact.corroborated, lead, tuple(by_outlet.get(o) for o in outlets)))
    return tuple(rows)


def story_page(compared: ComparedStory) -> StoryPage:
    """The story page of a compared story."""
    comparison = compared.comparison
    cite = Statements(compared.articles)
    outlets = _outlets(comparison)
    number = {outlet: n + 1 for n, outlet in enumerate(outlets)}
    titles = {a.id: a.title for a in compared.articles}
    links = EntityLinks(compared.view)
    brief = tuple(
        BriefLine(b.section, cite.of(b.span), tuple((number.get(o, 0), o) for o in b.outlets))
        for b in comparison.brief
    )
    articles = tuple(
        TimelineEntry(
            a.article_id,
            a.outlet,
            titles.get(a.article_id),
            a.published.strftime("%Y-%m-%d %H:%M") if a.published else None,
            a.order_basis,
            a.copy_of,
            article_href(a.article_id),
        )
        for a in comparison.articles
    )
    return StoryPage(
        view=compared.view,
        outlets=outlets,
        brief=brief,
        grid=_grid(comparison, outlets, cite),
        conflicts=tuple(_conflict(c, cite) for c in comparison.contradictions),
        quotes=tuple(_quote(q, cite, links) for q in comparison.quotes),
        updates=tuple(
            (cite.of(u.earlier, [u.earlier_cue]), cite.of(u.later, [u.later_cue])) for u in comparison.updates
        ),
        events=tuple((e.value, cite.of(e.claim, [e.date])) for e in comparison.events),
        articles=articles,
        grid_picture=Markup(facts_grid(comparison)),
        timeline_picture=Markup(timeline(comparison)),
    )
