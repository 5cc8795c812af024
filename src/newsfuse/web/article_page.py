"""What the article page shows: the clean text with entities, quotes and speakers marked, an optional
highlight of exact characters, and — when the article is read within its story — each of its claims linked
to the aligned claims and contradictions in the other outlets."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.compare.claims import outlet_of
from newsfuse.model import Article, ArticleAnalysis, ParagraphKind
from newsfuse.model.comparison import Claim, StoryComparison
from newsfuse.service import ArticleView
from newsfuse.service.comparisons import ComparedStory
from newsfuse.store.analysis_tables import speaker_name
from newsfuse.web.marks import Mark, MarkedText, check_highlight, mark_text
from newsfuse.web.statements import EntityLinks, Statement, Statements


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    """One claim of this article, with the same fact as other articles state it and what contradicts it."""

    anchor: str
    statement: Statement
    corroborated: bool
    aligned: tuple[Statement, ...]
    contradicted_by: tuple[tuple[str, Statement], ...]


@dataclass(frozen=True, slots=True)
class QuoteLine:
    """A quotation in this article: who said it (as resolved), its kind, and its parts."""

    speaker: str | None
    speaker_href: str | None
    kind: str
    parts: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class EntityLine:
    """An entity of this article: name, type, how often it is mentioned, its page if the story knows it."""

    name: str
    type: str
    mentions: int
    href: str | None


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """Everything the article page template shows; built by :func:`article_page`."""

    view: ArticleView
    outlet: str
    story_id: str | None
    text: MarkedText
    highlighted: str | None
    claims: tuple[ClaimEntry, ...]
    quotes: tuple[QuoteLine, ...]
    entities: tuple[EntityLine, ...]

    @property
    def article(self) -> Article:
        return self.view.article


def _analysis_marks(analysis: ArticleAnalysis, text: str) -> list[Mark]:
    marks = [
        Mark(m.start, m.end, "ent", f"{e.name} ({e.type})") for e in analysis.entities for m in e.mentions
    ]
    for quote in analysis.quotes:
        speaker = speaker_name(analysis, quote, text)
        note = f"quote by {speaker}" if speaker else "quote, speaker unknown"
        marks += [Mark(c.start, c.end, "quote", note) for c in quote.content]
        if quote.speaker:
            marks.append(Mark(quote.speaker.start, quote.speaker.end, "speaker", "speaker"))
        if quote.cue:
            marks.append(Mark(quote.cue.start, quote.cue.end, "cue", "attribution cue"))
    return marks


def _anchor(claim: Claim) -> str:
    return f"claim-{claim.span.start}-{claim.span.end}"


def _claims(article_id: str, comparison: StoryComparison, cite: Statements) -> tuple[ClaimEntry, ...]:
    entries = []
    for fact in comparison.facts:
        for claim in fact.claims:
            if claim.span.article_id != article_id:
                continue
            aligned = tuple(
                cite.of(c.span, outlet=c.outlet) for c in fact.claims if c.span.article_id != article_id
            )
            against = tuple(
                (k.type.value, cite.of(other, [detail], outlet))
                for k in comparison.contradictions
                for mine, other, detail, outlet in (
                    (k.a, k.b, k.b_detail, k.b_outlet),
                    (k.b, k.a, k.a_detail, k.a_outlet),
                )
                if mine.overlaps(claim.span)
            )
            statement = cite.of(claim.span, outlet=claim.outlet)
            entries.append(ClaimEntry(_anchor(claim), statement, fact.corroborated, aligned, against))
    return tuple(sorted(entries, key=lambda e: e.statement.span.start))


def _quotes_and_entities(
    analysis: ArticleAnalysis, cite: Statements, links: EntityLinks
) -> tuple[tuple[QuoteLine, ...], tuple[EntityLine, ...]]:
    """The article's quotations in order, and its entities, most mentioned first."""
    text = cite.article_text(analysis.article_id)
    quotes = []
    for q in analysis.quotes:
        speaker = speaker_name(analysis, q, text)
        href = links.speaker_href(speaker) if speaker else None
        quotes.append(QuoteLine(speaker, href, q.kind, tuple(cite.of(c) for c in q.content)))
    entities = sorted(
        (EntityLine(e.name, e.type, len(e.mentions), links.entity_href(e.name)) for e in analysis.entities),
        key=lambda e: -e.mentions,
    )
    return tuple(quotes), tuple(entities)


def article_page(
    view: ArticleView,
    compared: ComparedStory | None = None,
    start: int | None = None,
    end: int | None = None,
) -> ArticlePage:
    """The article page; ``compared`` (the article's story) links its claims across outlets."""
    article = view.article
    highlight = check_highlight(article.text, start, end)
    marks = [
        Mark(p.start, p.end, f"p-{p.kind.value}")
        for p in article.paragraphs
        if p.kind is not ParagraphKind.BODY
    ]
    analysis = view.analysis
    if analysis is not None:
        marks += _analysis_marks(analysis, article.text)
    claims: tuple[ClaimEntry, ...] = ()
    story_id = None
    if compared is not None and any(a.id == article.id for a in compared.articles):
        story_id = compared.view.stored.story.id
        claims = _claims(article.id, compared.comparison, Statements(compared.articles))
        marks += [Mark(c.statement.span.start, c.statement.span.end, "claim", "", c.anchor) for c in claims]
    links = EntityLinks(compared.view if story_id and compared else None)
    quotes, entities = _quotes_and_entities(analysis, Statements([article]), links) if analysis else ((), ())
    return ArticlePage(
        view=view,
        outlet=outlet_of(article),
        story_id=story_id,
        text=mark_text(article.text, marks, highlight),
        highlighted=article.text[highlight[0] : highlight[1]] if highlight else None,
        claims=claims,
        quotes=quotes,
        entities=entities,
    )
