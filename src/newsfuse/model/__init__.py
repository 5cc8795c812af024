"""The one data model every stage imports: articles and spans here, analysis and story types beside them."""

from newsfuse.model.analysis import ArticleAnalysis, Entity, Quote, TemporalExpression
from newsfuse.model.article import (
    ARTICLE_ID_LENGTH,
    PARAGRAPH_SEPARATOR,
    Article,
    DateSource,
    Paragraph,
    ParagraphKind,
    RawDocument,
    SourceKind,
    SourceRef,
    Span,
    article_id_for,
    build_article,
    normalise_for_identity,
)

__all__ = [
    "ARTICLE_ID_LENGTH",
    "PARAGRAPH_SEPARATOR",
    "Article",
    "ArticleAnalysis",
    "DateSource",
    "Entity",
    "Paragraph",
    "ParagraphKind",
    "Quote",
    "RawDocument",
    "SourceKind",
    "SourceRef",
    "Span",
    "TemporalExpression",
    "article_id_for",
    "build_article",
    "normalise_for_identity",
]
