"""Who said what: entities with in-article coreference, quotes with resolved speakers, and dates.

Entry points: :func:`analyze_articles` (a stream, parsed in batches) and :func:`analyze_article`.
Results are :class:`newsfuse.model.ArticleAnalysis`, stamped with :data:`ANALYZER_NAME`.
"""

from newsfuse.analyze.stage import ANALYZER_NAME, analyze_article, analyze_articles

__all__ = ["ANALYZER_NAME", "analyze_article", "analyze_articles"]
