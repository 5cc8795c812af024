"""The story page context over a comparison built by hand: every piece resolves to its source characters."""

from __future__ import annotations

from datetime import UTC, datetime

from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef, Span, build_article
from newsfuse.model.comparison import (
    ArticleEntry,
    BriefItem,
    Claim,
    ConflictType,
    Contradiction,
    Fact,
    QuoteEntry,
    QuoteOccurrence,
    StoryComparison,
)
from newsfuse.model.story import Story, StoryEntity, StoryMember
from newsfuse.service.comparisons import ComparedStory
from newsfuse.service.story_views import StoryView
from newsfuse.store import StoredStory
from newsfuse.web.story_page import story_page

WHEN = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def _article(outlet: str, text: str) -> Article:
    raw = RawDocument(SourceRef(SourceKind.FILE, f"{outlet}.txt"), text=text)
    return build_article(raw, [(text, ParagraphKind.BODY)], outlet=outlet, published=WHEN)


def _span(article: Article, words: str, label: str = "") -> Span:
    start = article.text.index(words)
    return article.span(start, start + len(words), label)


A = _article("Gullhaven Courier", 'Mayor Ada Lin said "the bridge opens Monday" after 40 years of delays.')
B = _article("Tidewire", 'Lin said "the new bridge opens Monday" after 45 years of delays.')


def _compared() -> ComparedStory:
    claim_a, claim_b = (
        _span(A, "after 40 years of delays", "claim"),
        _span(B, "after 45 years of delays", "claim"),
    )
    quote_a, quote_b = _span(A, '"the bridge opens Monday"'), _span(B, '"the new bridge opens Monday"')
    fact = Fact(
        "f0",
        (Claim("c1", claim_a, A.outlet or "", A.outlet or ""), Claim("c2", claim_b, "Tidewire", "Tidewire")),
        ("Gullhaven Courier", "Tidewire"),
        0.9,
    )
    conflict = Contradiction(
        ConflictType.NUMBER,
        "count",
        claim_a,
        claim_b,
        _span(A, "40"),
        _span(B, "45"),
        "Gullhaven Courier",
        "Tidewire",
    )
    quote = QuoteEntry(
        "q0",
        "Ada Lin",
        (
            QuoteOccurrence((quote_a,), "Ada Lin", "Gullhaven Courier", "Gullhaven Courier"),
            QuoteOccurrence((quote_b,), "Ada Lin", "Tidewire", "Tidewire", changed=(_span(B, "new"),)),
        ),
    )
    comparison = StoryComparison(
        comparer="compare.test",
        articles=(
            ArticleEntry(A.id, "Gullhaven Courier", WHEN, "published"),
            ArticleEntry(B.id, "Tidewire", WHEN, "published"),
        ),
        facts=(fact,),
        contradictions=(conflict,),
        updates=(),
        quotes=(quote,),
        events=(),
        brief=(BriefItem("corroborated", claim_a, ("Gullhaven Courier", "Tidewire")),),
    )
    members = tuple(StoryMember(a.id, a.outlet, WHEN, None) for a in (A, B))
    lin = StoryEntity("s-e0", "Ada Lin", "PERSON", ("Lin",), {A.id: 1, B.id: 1}, 1.0)
    story = Story("story-1", "Bridge", WHEN, WHEN, ("Gullhaven Courier", "Tidewire"), members, (lin,), ())
    view = StoryView(StoredStory(story, True, [], {"s-e0": "ent-ada-lin"}), list(members))
    return ComparedStory(view, comparison, [A, B], "etag")


def test_story_page_resolves_every_piece_to_its_characters() -> None:
    """Brief markers number the outlets, the grid has one cell per outlet, contradiction details and a quote
    variant's changed words are stressed, and the speaker links to the entity page."""
    page = story_page(_compared())
    assert page.outlets == ("Gullhaven Courier", "Tidewire")
    assert page.brief[0].markers == ((1, "Gullhaven Courier"), (2, "Tidewire"))
    assert page.brief[0].statement.text == "after 40 years of delays"
    row = page.grid[0]
    assert row.corroborated and [c.outlet if c else None for c in row.cells] == [
        "Gullhaven Courier",
        "Tidewire",
    ]
    conflict = page.conflicts[0]
    assert conflict.kind == "number (count)"
    assert [f.text for f in conflict.a.statement.fragments if f.stressed] == ["40"]
    assert [f.text for f in conflict.b.statement.fragments if f.stressed] == ["45"]
    first, variant = page.quotes[0].versions
    assert not first.variant and variant.variant
    assert [f.text for f in variant.parts[0].fragments if f.stressed] == ["new"]
    assert variant.parts[0].text == '"the new bridge opens Monday"'
    assert page.quotes[0].speaker_href == "/entities/ent-ada-lin"
    quoted = '"the new bridge opens Monday"'
    start = B.text.index(quoted)
    assert variant.parts[0].href == f"/articles/{B.id}?start={start}&end={start + len(quoted)}#hl"
