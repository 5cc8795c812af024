"""The Python API: the operations of the command line as methods, for notebooks and scripts.

Thin by design: each method calls the same service function as its command (``ingest`` →
:func:`~newsfuse.service.pipeline.ingest_and_update`, ``compare`` →
:func:`~newsfuse.service.comparisons.compare_stored_story`, …) and returns that function's typed result,
each with a ``to_dict()`` JSON twin. The heavy stages (cleaning, spaCy, the comparer) are imported by the
methods that need them, so opening a store and reading stories starts fast.

Example::

    import newsfuse

    with newsfuse.open("news.db") as nf:
        nf.ingest(["examples/"])
        story = nf.stories(sort="largest").items[0]
        comparison = nf.compare(story.id)
        print([len(f.outlets) for f in comparison.corroborated])
        html = nf.report(story.id, "html")
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from newsfuse.export import ExportReport, Kind, export_table, iter_rows
from newsfuse.service import ArticlePage, ArticleView, list_articles, search_articles, show_article
from newsfuse.service.quotes import QuotePage, search_quotes
from newsfuse.service.story_views import StoryPage, StoryView, list_stories, show_story
from newsfuse.store import Store, StoryFilters, StorySort, open_store

if TYPE_CHECKING:
    from newsfuse.model.comparison import StoryComparison
    from newsfuse.service.analysis import AnalyzeReport
    from newsfuse.service.entities import EntityView
    from newsfuse.service.pipeline import PipelineReport
    from newsfuse.service.stories import ClusterReport


class Newsfuse:
    """An open store and the operations on it; use it as a context manager, or call :meth:`close`.

    Example::

        nf = newsfuse.open("news.db")
        page = nf.search("ferry terminal")
        print([item.summary.title for item in page.items])
        nf.close()
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Newsfuse:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    # ---- writing -------------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        fetch: bool = False,
        allow_private: bool = False,
        workers: int | None = None,
        analyze: bool = True,
        cluster: bool = True,
    ) -> PipelineReport:
        """Read, clean and store articles from files, folders or URL lists, then analyse and cluster them
        (as ``newsfuse ingest``). Skipped inputs are in ``report.ingest.skipped``, each with its reason.

        Example: ``nf.ingest(["articles/", "feeds/world.rss"], workers=2).ingest.stored``
        """
        from newsfuse.ingest import ReadOptions
        from newsfuse.service.ingest import IngestOptions
        from newsfuse.service.pipeline import PipelineOptions, ingest_and_update

        read = ReadOptions(fetch=fetch, allow_private=allow_private)
        options = PipelineOptions(IngestOptions(read=read, workers=workers), analyze=analyze, cluster=cluster)
        return ingest_and_update(self.store, [str(p) for p in paths], options)

    def analyze(
        self, ids: Sequence[str] | None = None, *, everything: bool = False, workers: int | None = None
    ) -> AnalyzeReport:
        """Analyse the given articles, or those whose analysis is missing or stale (``everything``: all).

        Example: ``nf.analyze(everything=True).analysed``
        """
        from newsfuse.service.analysis import AnalyzeOptions, analyze_stored

        return analyze_stored(self.store, ids, everything, AnalyzeOptions(workers=workers))

    def cluster(self, *, rebuild: bool = False) -> ClusterReport:
        """Place unclustered articles in stories; ``rebuild`` re-clusters everything from scratch.

        Example: ``nf.cluster(rebuild=True).created``
        """
        from newsfuse.service.stories import rebuild_stories, update_stories

        return rebuild_stories(self.store) if rebuild else update_stories(self.store)

    # ---- reading -------------------------------------------------------------------------------

    def articles(self, limit: int = 20, offset: int = 0, outlet: str | None = None) -> ArticlePage:
        """Articles newest first, with the total for paging.

        Example: ``[i.summary.title for i in nf.articles(limit=5).items]``
        """
        return list_articles(self.store, limit, offset, outlet)

    def search(self, query: str, limit: int = 20, offset: int = 0, outlet: str | None = None) -> ArticlePage:
        """Full-text search over titles and text, best match first, with highlighted snippets.

        Example: ``nf.search("prison reform").items[0].snippet``
        """
        return search_articles(self.store, query, limit, offset, outlet)

    def article(self, id_or_prefix: str) -> ArticleView:
        """One article: clean text, metadata, near-duplicate links and its analysis (quotes, speakers).

        Example: ``nf.article("3f2a").analysis.quotes``
        """
        return show_article(self.store, id_or_prefix)

    def stories(
        self,
        sort: StorySort = "newest",
        limit: int = 20,
        offset: int = 0,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlet: str | None = None,
        entity: str | None = None,
    ) -> StoryPage:
        """Stories newest, largest or most contested first, optionally only those with an article in a
        time range, by an outlet, or naming a global entity.

        Example: ``nf.stories(sort="largest", outlet="Tidewire").items``
        """
        filters = StoryFilters(since=since, until=until, outlet=outlet, entity=entity)
        return list_stories(self.store, sort, limit, offset, filters)

    def story(self, id_or_prefix: str) -> StoryView:
        """One story: members by outlet and time (copies marked), key entities, merges.

        Example: ``[m.outlet for m in nf.story("story-3e6a").members]``
        """
        return show_story(self.store, id_or_prefix)

    def compare(self, id_or_prefix: str) -> StoryComparison:
        """The story's comparison: facts (corroborated or single-source), contradictions, updates, quotes
        across outlets, timeline and brief; every statement a :class:`~newsfuse.model.Span` of a source.

        Example: ``[c.type for c in nf.compare("story-3e6a").contradictions]``
        """
        from newsfuse.service.comparisons import compare_stored_story

        return compare_stored_story(self.store, id_or_prefix).comparison

    def report(self, id_or_prefix: str, format: str = "md") -> str:
        """The story's report as a string: ``json`` (docs/comparison-schema.md), ``md`` or ``html``
        (self-contained).

        Example: ``Path("story.html").write_text(nf.report("story-3e6a", "html"))``
        """
        from newsfuse.export.reports import render_report, report_format
        from newsfuse.service.comparisons import compare_stored_story

        fmt = report_format(format)
        return render_report(compare_stored_story(self.store, id_or_prefix), fmt)

    def quotes(
        self, speaker: str | None = None, words: str | None = None, limit: int = 20, offset: int = 0
    ) -> QuotePage:
        """Who said what across the store: quotes whose speaker's name contains ``speaker`` and/or whose
        words include every word of ``words``, each with its source characters.

        Example: ``[(q.hit.speaker, q.text) for q in nf.quotes(speaker="Osei").items]``
        """
        return search_quotes(self.store, speaker, words, limit, offset)

    def entity(self, entity_id: str) -> EntityView:
        """A person, organisation or place across stories (the global id of a story's key entity), with
        what it said in each story.

        Example: ``view = nf.story("story-3e6a"); nf.entity(view.global_id(view.key_entities[0]))``
        """
        from newsfuse.service.entities import show_entity

        return show_entity(self.store, entity_id)

    # ---- tables --------------------------------------------------------------------------------

    def rows(self, kind: Kind) -> Iterator[dict[str, Any]]:
        """The rows of an export table (stories, articles, quotes, claims), streamed from the store;
        ``pandas.DataFrame(nf.rows("quotes"))`` makes a data frame.

        Example: ``next(nf.rows("quotes"))["speaker"]``
        """
        return iter_rows(self.store, kind)

    def export(self, kind: str, path: str | Path, format: str = "jsonl") -> ExportReport:
        """Write an export table to ``path`` as ``jsonl``, ``csv`` or ``parquet``.

        Example: ``nf.export("claims", "claims.parquet", "parquet").rows``
        """
        return export_table(self.store, kind, format, path)


def open(db: str | Path = "newsfuse.db", *, create: bool = True) -> Newsfuse:
    """Open a store: a SQLite file (created unless ``create=False``) or a ``postgresql://`` URL.

    Example: ``with newsfuse.open("news.db") as nf: print(nf.stories().total)``
    """
    return Newsfuse(open_store(str(db), create=create))
