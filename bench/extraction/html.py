"""Measures (1) and (3): the HTML ingest path against plain trafilatura, on WCXB-dev and trafilatura-eval.

Speed is CPU time (``time.process_time``) of one process, taken around each tool's call only, with the
tools run in turn on each page so that load from other processes on the machine hits them alike. Our
path is timed end to end: parsing, text, metadata and inserting the article into a temporary SQLite
table (one transaction per 100 pages). Text scores are on the article's body, without its title
paragraph, because the WCXB gold ``main_content`` mostly leaves the headline out.
"""

from __future__ import annotations

import logging
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import trafilatura

from bench.extraction.common import (
    EvalPage,
    GoldPage,
    bag_of_words_f1,
    load_trafilatura_eval,
    load_wcxb,
    snippet_counts,
)
from newsfuse.clean.html import extract_html_document
from newsfuse.errors import InputError
from newsfuse.model import Article, RawDocument, SourceKind, SourceRef

OURS = "newsfuse"
DEFAULT = "trafilatura default"
FAST = "trafilatura fast=True"
BATCH = 100
_DAY = "%Y-%m-%d"


def _ours(page_id: str, html: str, url: str | None) -> Article | None:
    raw = RawDocument(SourceRef(SourceKind.FILE, page_id), html=html, url=url)
    try:
        return extract_html_document(raw)
    except InputError:
        return None


class ArticleTable:
    """A throw-away SQLite table with the article's fields, standing in for the real store."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute(
            "CREATE TABLE article (id TEXT PRIMARY KEY, text TEXT, paragraphs TEXT, title TEXT, url TEXT,"
            " outlet TEXT, authors TEXT, published TEXT, published_source TEXT, language TEXT)"
        )
        self.pending = 0

    def insert(self, article: Article) -> None:
        if self.pending == 0:
            self.db.execute("BEGIN")
        paragraphs = ";".join(f"{p.start},{p.end},{p.kind}" for p in article.paragraphs)
        self.db.execute(
            "INSERT OR IGNORE INTO article VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.text,
                paragraphs,
                article.title,
                article.url,
                article.outlet,
                "; ".join(article.authors),
                article.published.isoformat() if article.published else None,
                str(article.published_source),
                article.language,
            ),
        )
        self.pending += 1
        if self.pending == BATCH:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.db.execute("COMMIT")
            self.pending = 0


@dataclass
class Tally:
    """Per-tool sums over a corpus."""

    seconds: float = 0.0
    pages: int = 0
    scores: list[tuple[float, float, float]] = field(default_factory=list)
    titles: int = 0
    dates: int = 0
    snippets: list[int] = field(default_factory=lambda: [0, 0, 0])  # true pos., false neg., false pos.

    def timed(self, call: Callable[[], object]) -> object:
        start = time.process_time()
        result = call()
        self.seconds += time.process_time() - start
        self.pages += 1
        return result

    def f1(self) -> dict[str, float]:
        columns = list(zip(*self.scores, strict=True)) or [(), (), ()]
        names = ("precision", "recall", "f1")
        return {
            name: round(statistics.fmean(column), 4) if column else 0.0
            for name, column in zip(names, columns, strict=True)
        }

    def snippet_scores(self) -> dict[str, float]:
        tp, fn, fp = self.snippets
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}

    def speed(self) -> float:
        return round(self.pages / self.seconds, 1) if self.seconds else 0.0


def _same_title(found: str | None, gold: str | None) -> bool:
    return bool(found and gold) and " ".join(str(found).split()) == " ".join(str(gold).split())


def _same_day(found: datetime | str | None, gold: str | None) -> bool:
    if not found or not gold:
        return False
    day = found.strftime(_DAY) if isinstance(found, datetime) else str(found)[:10]
    return day == gold[:10]


def _trafilatura_meta(html: str, url: str | None) -> tuple[str | None, str | None]:
    """trafilatura's metadata title and date (not timed: the default ``extract`` does not compute them)."""
    meta = trafilatura.extract_metadata(html, default_url=url)
    return (meta.title, meta.date) if meta is not None else (None, None)


def measure_wcxb(shared: Path, limit: int | None) -> dict[str, object]:
    """Bag-of-words F1 and pages/s on WCXB-dev, title exact match and date accuracy, for each tool."""
    tallies = {OURS: Tally(), DEFAULT: Tally(), FAST: Tally()}
    dated = 0
    with tempfile.TemporaryDirectory() as folder:
        table = ArticleTable(Path(folder) / "articles.db")
        for page in load_wcxb(shared, limit):
            dated += bool(page.publish_date)
            _wcxb_page(page, tallies, table)
        table.flush()
        table.db.close()
    result: dict[str, object] = {"pages": tallies[OURS].pages, "pages_with_date": dated}
    for name, tally in tallies.items():
        entry: dict[str, object] = {**tally.f1(), "pages_per_second": tally.speed()}
        if name != FAST:
            entry["title_exact"] = round(tally.titles / max(tally.pages, 1), 4)
            entry["date_accuracy"] = round(tally.dates / max(dated, 1), 4)
        result[name] = entry
    return result


def _wcxb_page(page: GoldPage, tallies: dict[str, Tally], table: ArticleTable) -> None:
    ours = tallies[OURS]

    def ingest() -> Article | None:
        article = _ours(page.page_id, page.html, page.url)
        if article is not None:
            table.insert(article)
        return article

    article = ours.timed(ingest)
    assert article is None or isinstance(article, Article)
    ours.scores.append(bag_of_words_f1(article.body_text() if article else "", page.main_content))
    ours.titles += _same_title(article.title if article else None, page.title)
    ours.dates += _same_day(article.published if article else None, page.publish_date)
    for name, options in ((DEFAULT, {}), (FAST, {"fast": True})):
        text = tallies[name].timed(lambda options=options: trafilatura.extract(page.html, **options))
        tallies[name].scores.append(bag_of_words_f1(str(text or ""), page.main_content))
    title, date = _trafilatura_meta(page.html, page.url)
    tallies[DEFAULT].titles += _same_title(title, page.title)
    tallies[DEFAULT].dates += _same_day(date, page.publish_date)


def measure_trafilatura_eval(shared: Path, limit: int | None) -> dict[str, object]:
    """Snippet P/R/F1 summed over the corpus and date accuracy, ours against trafilatura default."""
    tallies = {OURS: Tally(), DEFAULT: Tally()}
    dated = 0
    for page in load_trafilatura_eval(shared, limit):
        dated += bool(page.date)
        article = tallies[OURS].timed(lambda page=page: _ours(page.file, page.html, page.url))
        assert article is None or isinstance(article, Article)
        _add(tallies[OURS], article.body_text() if article else "", page)
        tallies[OURS].dates += _same_day(article.published if article else None, page.date)
        text = tallies[DEFAULT].timed(lambda page=page: trafilatura.extract(page.html))
        _add(tallies[DEFAULT], str(text or ""), page)
        tallies[DEFAULT].dates += _same_day(_trafilatura_meta(page.html, page.url)[1], page.date)
    result: dict[str, object] = {"pages": tallies[OURS].pages, "pages_with_date": dated}
    for name, tally in tallies.items():
        result[name] = {
            **tally.snippet_scores(),
            "date_accuracy": round(tally.dates / max(dated, 1), 4),
            "pages_per_second": tally.speed(),
        }
    return result


def _add(tally: Tally, text: str, page: EvalPage) -> None:
    tp, fn, fp = snippet_counts(text, page.with_snippets, page.without_snippets)
    tally.snippets[0] += tp
    tally.snippets[1] += fn
    tally.snippets[2] += fp


def measure_html(shared: Path, limit: int | None) -> dict[str, object]:
    """Both HTML measures; trafilatura's per-page log warnings are silenced for the run."""
    logging.disable(logging.WARNING)
    try:
        return {
            "wcxb": measure_wcxb(shared, limit),
            "trafilatura_eval": measure_trafilatura_eval(shared, limit),
        }
    finally:
        logging.disable(logging.NOTSET)
