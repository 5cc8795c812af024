"""The ingest service: idempotent batches, near-duplicate links, visible skips, resumable after kill -9."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.ingest import Skipped
from newsfuse.service.ingest import IngestOptions, IngestReport, ingest
from newsfuse.store import Store, open_store

NOUNS = [
    "harbour",
    "council",
    "ferry",
    "pier",
    "budget",
    "mayor",
    "river",
    "bridge",
    "school",
    "library",
    "museum",
    "festival",
    "storm",
    "road",
    "market",
    "union",
    "tram",
    "station",
    "clinic",
    "vote",
    "plan",
    "report",
    "engineer",
    "teacher",
    "farmer",
    "crowd",
    "square",
    "tower",
    "garden",
    "lantern",
    "orchard",
    "quarry",
    "mill",
    "canal",
    "dock",
    "harvest",
    "parade",
    "ledger",
]
VERBS = [
    "said",
    "approved",
    "rejected",
    "reviewed",
    "opened",
    "closed",
    "delayed",
    "funded",
    "inspected",
    "praised",
    "questioned",
]
DAYS = ("Monday", "Tuesday", "Friday")


def _sentence(rng: random.Random) -> str:
    n = rng.choice
    return (
        f"The {n(NOUNS)} {n(NOUNS)} {n(VERBS)} the {n(NOUNS)} {n(NOUNS)} near the {n(NOUNS)} on {n(DAYS)} "
        f"after {rng.randint(2, 900)} {n(NOUNS)}s {n(VERBS)} the {n(NOUNS)}."
    )


def fictional_article(number: int, paragraphs: int = 4) -> tuple[str, list[str]]:
    """A title and body paragraphs about the fictional town of Elmbrook, different for every number."""
    rng = random.Random(number)
    title = f"Elmbrook {rng.choice(NOUNS).title()} {rng.choice(VERBS).title()}, Report {number}"
    return title, [" ".join(_sentence(rng) for _ in range(3)) for _ in range(paragraphs)]


def write_articles(folder: Path, numbers: range) -> list[Path]:
    """One plain-text article file per number."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in numbers:
        title, body = fictional_article(number)
        path = folder / f"elmbrook-{number:04d}.txt"
        path.write_text("\n\n".join([title, *body]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(str(tmp_path / "ingest.db"))
    yield opened
    opened.close()


IN_PROCESS = IngestOptions(workers=1, commit_every=5)


class RecordingProgress:
    """A real progress hook that keeps what it was told."""

    def __init__(self) -> None:
        self.sources: int | None = None
        self.updates = 0
        self.skips: list[Skipped] = []

    def started(self, sources: int, total_bytes: int | None) -> None:
        self.sources = sources

    def advanced(self, report: IngestReport, bytes_done: int) -> None:
        self.updates += 1

    def skipped(self, item: Skipped) -> None:
        self.skips.append(item)


def test_ingesting_twice_adds_nothing(store: Store, tmp_path: Path) -> None:
    """A second run over the same files stores nothing and counts every article as already stored."""
    write_articles(tmp_path / "in", range(12))
    jsonl = tmp_path / "in" / "feed.jsonl"
    title, body = fictional_article(500)
    jsonl.write_text(
        json.dumps({"title": title, "text": "\n\n".join(body), "outlet": "Elmbrook Herald"}) + "\n"
    )
    first = ingest(store, [str(tmp_path / "in")], IN_PROCESS)
    second = ingest(store, [str(tmp_path / "in")], IN_PROCESS)
    assert (first.stored, first.exact_duplicates, first.skipped) == (13, 0, [])
    assert (second.stored, second.exact_duplicates) == (0, 13)
    assert store.count() == 13


def test_copies_are_stored_and_linked(store: Store, tmp_path: Path) -> None:
    """A republished copy with a new headline and ending is stored as a near-duplicate of the first."""
    title, body = fictional_article(7, paragraphs=6)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-original.txt").write_text("\n\n".join([title, *body]))
    copy = ["Elmbrook Herald republishes the report", *body[:-1], "Write to the Herald with your questions."]
    (folder / "b-copy.txt").write_text("\n\n".join(copy))
    (folder / "c-exact.txt").write_text("\n\n".join([title, *body]))
    report = ingest(store, [str(folder)], IN_PROCESS)
    assert (report.stored, report.near_duplicates, report.exact_duplicates) == (2, 1, 1)
    (listed_copy,) = [s for s in store.list_articles() if s.near_duplicate_of]
    assert store.get_article(listed_copy.near_duplicate_of or "").source.path.endswith("a-original.txt")


def test_bad_inputs_are_skipped_with_reasons(store: Store, tmp_path: Path) -> None:
    """An empty file and a missing path are reported with their locators; the rest is stored."""
    write_articles(tmp_path / "in", range(3))
    (tmp_path / "in" / "empty.txt").write_text("")
    progress = RecordingProgress()
    missing = str(tmp_path / "nowhere.txt")
    report = ingest(store, [str(tmp_path / "in"), missing], IN_PROCESS, progress)
    assert report.stored == 3
    assert {Path(s.locator).name for s in report.skipped} == {"empty.txt", "nowhere.txt"}
    assert all(s.reason for s in report.skipped)
    assert progress.skips == report.skipped
    assert progress.sources is not None and progress.sources >= 3
    assert progress.updates > 0


def test_worker_processes_keep_first_seen_order(tmp_path: Path) -> None:
    """Two worker processes store the same articles in the same order as one in-process worker."""
    write_articles(tmp_path / "in", range(16))
    orders = []
    for workers in (1, 2):
        with_store = open_store(str(tmp_path / f"w{workers}.db"))
        ingest(
            with_store, [str(tmp_path / "in")], IngestOptions(workers=workers, commit_every=7, chunk_size=3)
        )
        orders.append([s.id for s in with_store.list_articles(limit=100)])
        with_store.close()
    assert len(orders[0]) == 16
    assert orders[0] == orders[1]


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # not created or not migrated yet


def _ingest_command(db: Path, folder: Path) -> list[str]:
    code = "from newsfuse.cli import main; main()"
    args = ["--db", str(db), "ingest", str(folder), "--workers", "1", "--commit-every", "5", "--json"]
    args += ["--no-analyze", "--no-cluster"]  # this test is about ingest's commits; spaCy would only slow it
    return [sys.executable, "-c", code, *args]


@pytest.mark.slow
def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    """After kill -9 the store is readable and keeps its commits; a re-run completes with no duplicates."""
    total = 300
    write_articles(tmp_path / "in", range(total))
    db = tmp_path / "killed.db"
    process = subprocess.Popen(_ingest_command(db, tmp_path / "in"), stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _count(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    committed = _count(db)
    assert 0 < committed <= total
    rerun = subprocess.run(_ingest_command(db, tmp_path / "in"), capture_output=True, text=True, check=True)
    report = json.loads(rerun.stdout)
    assert report["exact_duplicates"] == committed
    assert report["stored"] == total - committed
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (total, total)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
