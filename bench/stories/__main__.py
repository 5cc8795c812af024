"""Story clustering benchmark: quality on NeuS and ECB+ (ours and a TF-IDF baseline), then speed and memory.

Run: ``python -m bench.stories --shared ../shared`` (``--sizes 10000,100000`` for a shorter speed run).
Writes ``bench/results/stories.json`` and ``stories.md``; predictions and gold go to ``bench/cache/``.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.stories.baseline import baseline_clusters
from bench.stories.data import (
    CACHE_DIR,
    SETS,
    SHUFFLE_SEED,
    candidates,
    load_set,
    mentions_for,
    shuffled,
    write_jsonl,
)
from bench.stories.report import markdown
from bench.stories.speed import measure, story_local_order
from newsfuse.stories.clusterer import NAME, OnlineClusterer
from newsfuse.stories.options import ClusterOptions

RESULTS = Path(__file__).resolve().parent.parent / "results"
BASELINE_THRESHOLD = 0.25  # the baseline's best on the training sets
SPEED_PER_DAY = 2000


def score_files(shared: Path, gold: Path, pred: Path) -> dict[str, Any]:
    """The reference scorer, run as the data README says: ``score_clusters.py GOLD PRED --json``."""
    tool = shared / "tools" / "score_clusters.py"
    out = subprocess.run(
        [sys.executable, str(tool), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def ours(stream: list[Any], options: ClusterOptions) -> tuple[dict[str, str], float]:
    clusterer = OnlineClusterer(options)
    start = time.perf_counter()
    clusterer.add_many(stream)
    elapsed = time.perf_counter() - start
    pred = {m.article_id: story.id for story in clusterer.stories() for m in story.members}
    return pred, len(stream) / elapsed


def quality(shared: Path, options: ClusterOptions) -> dict[str, Any]:
    # scipy and scikit-learn only here, after the speed section, so they are not in its memory figures
    from bench.stories.ceiling import ceilings

    out: dict[str, Any] = {}
    folder = CACHE_DIR / "stories"
    for name in SETS:
        docs = load_set(shared, name)
        stream = candidates(shuffled(docs), mentions_for(name, docs))
        gold = folder / f"{name}.gold.jsonl"
        write_jsonl(gold, ((d.doc_id, d.cluster) for d in docs))
        pred, rate = ours(stream, options)
        write_jsonl(folder / f"{name}.ours.jsonl", pred.items())
        write_jsonl(folder / f"{name}.baseline.jsonl", baseline_clusters(stream, BASELINE_THRESHOLD).items())
        out[name] = {
            "articles": len(docs),
            "ours": score_files(shared, gold, folder / f"{name}.ours.jsonl") | {"articles_per_s": rate},
            "baseline": score_files(shared, gold, folder / f"{name}.baseline.jsonl"),
            "ceilings": ceilings(shared, docs),
        }
        print(
            f"{name}: ours B3 F1 {out[name]['ours']['bcubed_f1']:.4f}, "
            f"baseline {out[name]['baseline']['bcubed_f1']:.4f}"
        )
    return out


def speed(shared: Path, sizes: list[int], options: ClusterOptions) -> list[dict[str, float]]:
    base = []
    for name in ("neus_train", "neus_val"):
        docs = load_set(shared, name)
        stream = [
            replace(c, article_id=f"{name}-{c.article_id}")
            for c in candidates(docs, mentions_for(name, docs))
        ]
        base.extend(zip(stream, (d.cluster for d in docs), strict=True))  # ids are per file: prefixed
    return measure(story_local_order(base, SHUFFLE_SEED), sizes, SPEED_PER_DAY, options)


def previous_quality() -> dict[str, Any]:
    """The quality section of the last full run, for a speed-only re-run."""
    previous: dict[str, Any] = json.loads((RESULTS / "stories.json").read_text(encoding="utf-8"))
    return dict(previous["quality"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--sizes", default="10000,100000,1000000", help="speed checkpoints (articles)")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument(
        "--skip-quality", action="store_true", help="keep the quality section of the existing stories.json"
    )
    args = parser.parse_args()
    options = ClusterOptions()
    results: dict[str, Any] = {
        "clusterer": NAME,
        "options": options.to_dict(),
        "baseline": f"TF-IDF (IDF fitted on the whole set) + centroid cosine >= {BASELINE_THRESHOLD}, online",
        "stream_order": f"random.Random({SHUFFLE_SEED}).shuffle of file order (no dates in these sets)",
        "machine": f"{platform.python_implementation()} {platform.python_version()}, one process, CPU time",
    }
    if not args.skip_speed:  # first, so its memory figures hold only the clusterer's stream
        sizes = [int(s) for s in args.sizes.split(",")]
        results["speed"] = {
            "stream": f"NeuS train+val replayed, {SPEED_PER_DAY} articles/day, entities renamed per replay",
            "window_days": options.window_days,
            "checkpoints": speed(args.shared, sizes, options),
        }
    results["quality"] = previous_quality() if args.skip_quality else quality(args.shared, options)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "stories.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    (RESULTS / "stories.md").write_text(markdown(results), encoding="utf-8")
    print((RESULTS / "stories.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
