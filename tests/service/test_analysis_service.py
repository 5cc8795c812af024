"""Analysis over the store in worker processes, written for every article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.analyze import ANALYZER_NAME
from newsfuse.model import DateSource, ParagraphKind, RawDocument, SourceKind, SourceRef, build_article
from newsfuse.service.analysis import AnalyzeOptions, analyze_stored
from newsfuse.store import NewArticle, open_store

STORIES = [
    (
        "Lantern festival moves to the Marrow quay",
        "The Marrow lantern festival will move to the north quay this year, organiser Ines Tovar said on "
        "Thursday. “The old square is simply too small for the crowds,” Tovar said.",
    ),
    (
        "Quarry at Holloway Ridge to close",
        "The Holloway Ridge quarry will close in June after forty years, its owner, Brannock Stone, said. "
        "Plant manager Dev Okonjo told the Ridge Courier that all twelve workers would be offered new posts.",
    ),
]


@pytest.mark.slow
def test_worker_processes_analyse_and_store_every_article(tmp_path: Path) -> None:
    """Two worker processes analyse the articles; each stored analysis is its own, speakers found."""
    articles = []
    for number, (title, body) in enumerate(STORIES):
        raw = RawDocument(
            SourceRef(SourceKind.FILE, f"in/{number}.txt"), "unused", published_source=DateSource.NONE
        )
        articles.append(
            build_article(raw, [(title, ParagraphKind.TITLE), (body, ParagraphKind.BODY)], title=title)
        )
    store = open_store(str(tmp_path / "workers.db"))
    try:
        store.add_articles([NewArticle(a) for a in articles])
        report = analyze_stored(store, options=AnalyzeOptions(workers=2, chunk_size=1, commit_every=1))
        assert (report.selected, report.analysed, report.failed) == (2, 2, [])
        stored = store.get_analyses([a.id for a in articles])
        assert [stored[a.id].analyzer for a in articles] == [ANALYZER_NAME] * 2
        speakers = [
            {h.article_id for h in store.quotes_by_speaker(name)} for name in ("Ines Tovar", "Dev Okonjo")
        ]
        assert speakers == [{articles[0].id}, {articles[1].id}]
    finally:
        store.close()
