"""An article's text with its analysis drawn on it: entities, quotes, cues and speakers, then lists below.

Styles only mark the article's own characters; the one insertion is the resolved entity name after a
speaker mention ("he [Rowan Pellegrini]"), dimmed so it reads as an annotation, not as text.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from newsfuse.model import Article, ArticleAnalysis, ParagraphKind, Quote

ENTITY = "cyan"
QUOTE = "black on khaki1"
SPEAKER = "bold"
CUE = "underline"
TITLE = "bold"
NOTE = "dim"


def marked_text(article: Article, analysis: ArticleAnalysis | None) -> Text:
    """The clean text, titles in bold, with the analysis's spans styled when there is one."""
    text = Text(article.text)
    for paragraph in article.paragraphs:
        if paragraph.kind is not ParagraphKind.BODY:
            text.stylize(TITLE, paragraph.start, paragraph.end)
    if analysis is None:
        return text
    for entity in analysis.entities:
        for mention in entity.mentions:
            text.stylize(ENTITY, mention.start, mention.end)
    notes: dict[int, str] = {}
    for quote in analysis.quotes:
        for part in quote.content:
            text.stylize(QUOTE, part.start, part.end)
        if quote.cue is not None:
            text.stylize(CUE, quote.cue.start, quote.cue.end)
        if quote.speaker is not None:
            text.stylize(SPEAKER, quote.speaker.start, quote.speaker.end)
            name = speaker_name(article, analysis, quote)
            if name.casefold() not in article.text[quote.speaker.start : quote.speaker.end].casefold():
                notes[quote.speaker.end] = f" [{name}]"
    return _insert_notes(text, notes)


def _insert_notes(text: Text, notes: dict[int, str]) -> Text:
    if not notes:
        return text
    offsets = sorted(notes)
    pieces = text.divide(offsets)
    out = Text()
    for index, piece in enumerate(pieces):
        out.append_text(piece)
        if index < len(offsets):
            out.append(notes[offsets[index]], style=NOTE)
    return out


def speaker_name(article: Article, analysis: ArticleAnalysis, quote: Quote) -> str:
    """Who said it: the resolved entity's name, else the literal mention, else "unattributed"."""
    entity = analysis.entity(quote.speaker_entity) if quote.speaker_entity else None
    if entity is not None:
        return entity.name
    if quote.speaker is not None:
        return article.text[quote.speaker.start : quote.speaker.end]
    return "unattributed"


def quote_list(article: Article, analysis: ArticleAnalysis) -> Table:
    """One line per quote: "speaker — quote (via outlet)", in text order."""
    table = Table(title="quotes", title_justify="left", show_header=False, box=None, padding=(0, 1))
    table.add_column("speaker", style=SPEAKER, no_wrap=True)
    table.add_column("quote")
    for quote in sorted(analysis.quotes, key=lambda q: q.start):
        words = " … ".join(article.text[part.start : part.end] for part in quote.content)
        via = quote.via_outlet_name or article.outlet
        line = Text(words, style=QUOTE)
        if via:
            line.append(f" (via {via})", style=NOTE)
        line.append(f" {quote.kind}", style=NOTE)
        table.add_row(speaker_name(article, analysis, quote) + " —", line)
    return table


def date_list(article: Article, analysis: ArticleAnalysis) -> Table:
    """One line per date expression with its resolved value (or why it has none)."""
    table = Table(title="dates", title_justify="left", show_header=False, box=None, padding=(0, 1))
    table.add_column("text", no_wrap=True)
    table.add_column("value")
    for date in sorted(analysis.dates, key=lambda d: d.span.start):
        value = date.value or f"unresolved ({date.reason or 'no reason given'})"
        table.add_row(article.text[date.span.start : date.span.end], Text("→ " + value, style=NOTE))
    return table
