"""Near-duplicate detection and store throughput on the clustering dev data, with synthetic wire copies.

Run: ``python -m bench.dedup --shared ../shared``. Writes ``bench/results/dedup.json`` and ``dedup.md``.

Negatives: ECB+ (train + dev) and NeuS val articles — many pairs report the same event in different
words, which must not be linked. Positives: for every ECB+ document of five sentences or more, a
"syndicated" copy (new headline, byline line, last sentence replaced) and an "edited" copy (also one
middle sentence dropped), each of which must be linked to its source.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef, build_article
from newsfuse.store import open_store
from newsfuse.stories.dedup import DedupConfig, NearDuplicateFinder

RESULTS = Path(__file__).resolve().parent / "results"
NAME = "dedup"
BATCH = 200
HOW = (
    "One process; CPU seconds (time.process_time) of sketching + LSH lookup + SQLite write (WAL, one"
    " transaction per 200 articles) over all articles; search timed separately over 50 queries."
)


def _article(path: str, item: int, title: str, sentences: list[str]) -> Article:
    raw = RawDocument(SourceRef(SourceKind.JSONL, path, item=item), text="unused")
    parts = [(title, ParagraphKind.TITLE)] + [(s, ParagraphKind.BODY) for s in sentences if s.strip()]
    return build_article(raw, parts, title=title)


def load(shared: Path) -> tuple[list[Article], dict[str, tuple[str, str]]]:
    """Originals and copies interleaved as a stream; copies map copy id → (kind, source id)."""
    folder = shared / "data" / "clustering"
    articles: list[Article] = []
    copies: dict[str, tuple[str, str]] = {}
    for name in ("ecbplus_train.jsonl", "ecbplus_dev.jsonl"):
        for number, line in enumerate((folder / name).read_text(encoding="utf-8").splitlines()):
            doc = json.loads(line)
            sentences = doc["sentences"]
            original = _article(name, number, f"Report {doc['doc_id']}", sentences)
            articles.append(original)
            if len(sentences) < 5:
                continue
            variants = {
                "syndicated": ["By Staff, Bench Wire", *sentences[:-1], "Send questions to the city desk."],
                "edited": ["By Staff, Bench Wire", *sentences[:2], *sentences[3:-1], "More to follow."],
            }
            for kind, body in variants.items():
                copy = _article(f"{name}#{kind}", number, f"Copy of {doc['doc_id']}", body)
                if copy.id != original.id:
                    articles.append(copy)
                    copies[copy.id] = (kind, original.id)
    neus = folder / "neus_val.jsonl"
    for number, line in enumerate(neus.read_text(encoding="utf-8").splitlines()):
        doc = json.loads(line)
        articles.append(_article(neus.name, number, doc["title"], doc["text"].split("\n")))
    return articles, copies


def measure(
    articles: list[Article], copies: dict[str, tuple[str, str]], config: DedupConfig
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.db"))
        finder = NearDuplicateFinder(store, config)
        seen: set[str] = set()
        unique = [a for a in articles if not (a.id in seen or seen.add(a.id))]
        started = time.process_time()
        linked: dict[str, str | None] = {}
        for start in range(0, len(unique), BATCH):
            marked = finder.mark(unique[start : start + BATCH])
            store.add_articles(marked)
            linked.update((m.article.id, m.article.near_duplicate_of) for m in marked)
        cpu = time.process_time() - started
        search_started = time.perf_counter()
        for query in ["earthquake", "pirates navy", "election results", "fire warehouse", "police"] * 10:
            store.search(query, limit=20)
        search_ms = (time.perf_counter() - search_started) / 50 * 1000
        store.close()
    found = {kind: 0 for kind in ("syndicated", "edited")}
    totals = {kind: 0 for kind in ("syndicated", "edited")}
    for copy_id, (kind, source_id) in copies.items():
        totals[kind] += 1
        # A source that is itself a copy of an earlier article hands its copies on to that original.
        found[kind] += linked.get(copy_id) in {source_id, linked.get(source_id)} - {None}
    false_links = sum(1 for a, o in linked.items() if o is not None and a not in copies)
    originals = len(unique) - len(copies)
    return {
        "articles": len(unique),
        "originals": originals,
        "copy_recall": {kind: round(found[kind] / totals[kind], 4) for kind in totals},
        "copies": totals,
        "false_links_among_originals": false_links,
        "false_link_rate": round(false_links / originals, 5),
        "articles_per_cpu_second": round(len(unique) / cpu, 1),
        "search_ms_per_query": round(search_ms, 2),
        "config": _config(config),
    }


def _config(config: DedupConfig) -> dict[str, Any]:
    return {name: getattr(config, name) for name in ("num_perm", "bands", "shingle_words", "threshold")}


def markdown(result: dict[str, Any]) -> str:
    m = result["dedup"]
    return "\n".join(
        [
            "# Near-duplicate detection (ECB+ train+dev and NeuS val, synthetic copies)",
            "",
            "| articles | syndicated-copy recall | edited-copy recall | links among dataset originals | "
            "articles/CPU-s (sketch+LSH+write) | search ms/query |",
            "|---|---|---|---|---|---|",
            f"| {m['articles']} | {m['copy_recall']['syndicated']:.3f} ({m['copies']['syndicated']}) | "
            f"{m['copy_recall']['edited']:.3f} ({m['copies']['edited']}) | "
            f"{m['false_links_among_originals']} of {m['originals']} | {m['articles_per_cpu_second']} | "
            f"{m['search_ms_per_query']} |",
            "",
            f"Config: {m['config']}. {result['measured']}",
            "",
            "Links among dataset originals are not all errors: by inspection most pairs scoring 0.6 or more",
            "are the same wire story re-posted by two sites (ECB+ holds many); those near 0.45-0.55 share a",
            "wire lead with different rewrites.",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared data folder")
    parser.add_argument("--threshold", type=float, default=None, help="try another confirmation threshold")
    args = parser.parse_args()
    articles, copies = load(args.shared)
    config = DedupConfig() if args.threshold is None else DedupConfig(threshold=args.threshold)
    result = {
        "dedup": measure(articles, copies, config),
        "measured": HOW,
        "python": platform.python_version(),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{NAME}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / f"{NAME}.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
