"""The analysis stage: parse each article once, then read entities, quotes and dates off the parse."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from spacy.tokens import Doc, Token

from newsfuse.analyze.colon import colon_attributions
from newsfuse.analyze.dates import find_temporal, normalise
from newsfuse.analyze.direct import DirectQuotes, Found, outside_reports
from newsfuse.analyze.entities import EntityIndex, build_entity_index
from newsfuse.analyze.lexicon import Lexicon, lexicon
from newsfuse.analyze.marks import quoted_segments
from newsfuse.analyze.outlets import Outlets
from newsfuse.analyze.pipeline import focused_docs, load_pipeline
from newsfuse.analyze.reported import reported
from newsfuse.analyze.speakers import SpeakerResolver
from newsfuse.analyze.syntax import (
    cue_lemma,
    is_description,
    mention_bounds,
    sentence_of,
    sentences_of,
    text_of,
    tokens_of,
)
from newsfuse.model import Article, ArticleAnalysis, Entity, Quote, TemporalExpression

# v5: view adjectives, light-verb statements, gerund and participle speakers, "as X noted", the source of
# "…," X said, according to Y, named subjects before an opening mark
ANALYZER_NAME = "analyze.v5"
DEFAULT_BATCH_SIZE = 16
SPEAKER_VOTE = 1.0


def analyze_articles(
    articles: Iterable[Article], batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[ArticleAnalysis]:
    """Analyse a stream of articles, parsing them in batches with one pipeline per process."""
    nlp = load_pipeline()
    stream = iter(articles)
    while batch := list(islice(stream, max(batch_size, 1))):
        docs = focused_docs(nlp, [a.text for a in batch], batch_size)
        for article, doc in zip(batch, docs, strict=True):
            yield analyse_doc(article, doc)


def analyze_article(article: Article) -> ArticleAnalysis:
    """Analyse one article."""
    return next(analyze_articles([article], batch_size=1))


def analyse_doc(article: Article, doc: Doc) -> ArticleAnalysis:
    """Everything the stage reads off one parsed article."""
    lex = lexicon()
    paragraph_of = _paragraph_index(article)
    index = build_entity_index(doc, lex.title | lex.description)
    resolver = SpeakerResolver(doc, index, lex)
    found = _attributions(doc, lex, article, paragraph_of, index)
    outlets = Outlets(doc, lex)
    quotes = [_to_quote(article, item, resolver, outlets, index, lex) for item in found]
    _vote_speakers(found, resolver)
    for token in tokens_of(doc):
        if is_description(token, lex):
            resolver.resolve(token)
    return ArticleAnalysis(
        article_id=article.id,
        analyzer=ANALYZER_NAME,
        sentences=tuple(
            article.span(s.start_char, s.end_char, "sentence")
            for s in sentences_of(doc)
            if text_of(doc)[s.start_char : s.end_char].strip()
        ),
        entities=_entities(article, index),
        quotes=tuple(quotes),
        dates=_dates(article, doc),
    )


def _vote_speakers(found: list[Found], resolver: SpeakerResolver) -> None:
    """A named speaker of a speech verb is evidence of a person, when the tagger ever said person."""
    for item in found:
        if item.speaker is None or item.speaker.pos_ != "PROPN":
            continue
        cluster = resolver.resolve(item.speaker)
        if cluster is not None and cluster.may_be_person:
            cluster.vote("PERSON", SPEAKER_VOTE)


def _paragraph_index(article: Article) -> list[int]:
    """For every character offset, the index of its paragraph (separators belong to the one before)."""
    owner = [0] * (len(article.text) + 1)
    for number, paragraph in enumerate(article.paragraphs):
        end = article.paragraphs[number + 1].start if number + 1 < len(article.paragraphs) else len(owner)
        owner[paragraph.start : end] = [number] * (end - paragraph.start)
    return owner


def _attributions(
    doc: Doc, lex: Lexicon, article: Article, paragraph_of: list[int], index: EntityIndex
) -> list[Found]:
    bounds = [(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))]
    segments = quoted_segments(article.text, bounds)
    direct = DirectQuotes(doc, lex, paragraph_of)
    quotations = direct.quotations(segments)
    found = direct.find(quotations)
    for item in found:
        if item.speaker is None:
            item.speaker = _person_beside(doc, index, item)
    quoted = [r for item in found for r in item.content]
    found = [item for item in found if item.cue is not None or item.speaker is not None]  # no one's words
    reports = reported(doc, lex, paragraph_of, quoted)
    found = _joined_to_reports(outside_reports(found, reports), reports)
    for item in reports:
        if any(item.content[0][0] <= s.start and s.end <= item.content[-1][1] for s in segments):
            item.kind = "mixed"
        found.append(item)
    found += colon_attributions(doc, article, [r for item in found for r in item.content])
    return sorted(found, key=lambda f: f.content[0][0])


def _joined_to_reports(quotes: list[Found], reports: list[Found]) -> list[Found]:
    """The quotations, less those that carry on a report of the same cue ("The plan is ''reckless,''
    said Bell. ''It leaves me speechless.''"): one cue, one attribution, its parts joined."""
    by_cue = {r.cue.i: r for r in reports if r.cue is not None}
    kept = []
    for quote in quotes:
        report = by_cue.get(quote.cue.i) if quote.cue is not None else None
        if report is not None and report.content[-1][1] <= quote.content[0][0]:
            report.content.extend(quote.content)
        else:
            kept.append(quote)
    return kept


def _person_beside(doc: Doc, index: EntityIndex, item: Found) -> Token | None:
    """For a quotation with no cue (a headline), a person named in its sentence outside the marks."""
    start, end = item.content[0]
    sent = doc.char_span(start, end, alignment_mode="expand")
    if sent is None:
        return None
    for token in sentence_of(sent.root):
        if start <= token.idx < end or token.pos_ != "PROPN":
            continue
        cluster = index.at(token.idx, token.idx + len(token))
        if cluster is not None and cluster.may_be_person:
            return token
    return None


def _to_quote(
    article: Article,
    item: Found,
    resolver: SpeakerResolver,
    outlets: Outlets,
    index: EntityIndex,
    lex: Lexicon,
) -> Quote:
    speaker = entity_id = None
    if item.speaker is not None:
        speaker = article.span(*mention_bounds(item.speaker), "speaker")
        cluster = resolver.resolve_speaker(item.speaker)
        entity_id = f"e{cluster.index}" if cluster is not None else None
    via, via_name = (None, None)
    if item.cue is not None:
        paragraph = article.paragraphs[resolver_paragraph(article, item)] if article.paragraphs else None
        via, via_name = outlets.for_cue(item.cue, paragraph.start if paragraph else 0)
    cue = item.cue
    return Quote(
        kind=item.kind,
        content=tuple(article.span(s, e, "content") for s, e in item.content),
        cue=article.span(cue.idx, cue.idx + len(cue), "cue") if cue is not None else None,
        cue_lemma=cue_lemma(cue, lex) if cue is not None else None,
        speaker=speaker,
        speaker_entity=entity_id,
        via_outlet=article.span(*via, "outlet") if via else None,
        via_outlet_name=via_name,
    )


def resolver_paragraph(article: Article, item: Found) -> int:
    """The paragraph index holding the quote's cue."""
    offset = item.cue.idx if item.cue is not None else item.content[0][0]
    for number, paragraph in enumerate(article.paragraphs):
        if paragraph.start <= offset <= paragraph.end:
            return number
    return 0


def _entities(article: Article, index: EntityIndex) -> tuple[Entity, ...]:
    entities = []
    for cluster in index.clusters:
        mentions = sorted(set(cluster.mentions))
        entities.append(
            Entity(
                id=f"e{cluster.index}",
                name=cluster.name,
                type=cluster.label,
                aliases=tuple(sorted(set(cluster.surfaces) - {cluster.name})),
                mentions=tuple(article.span(s, e, "mention") for s, e in mentions),
            )
        )
    return tuple(entities)


def _dates(article: Article, doc: Doc) -> tuple[TemporalExpression, ...]:
    published: date | None = article.published.date() if article.published else None
    found = []
    for start, end in find_temporal(doc):
        value, reason = normalise(article.text[start:end], published)
        found.append(TemporalExpression(article.span(start, end, "date"), value, reason))
    return tuple(found)
