"""The short Markdown table of the stories benchmark."""

from __future__ import annotations

from typing import Any

_METRICS = ("bcubed_p", "bcubed_r", "bcubed_f1", "pairwise_f1", "ami")


def _quality_rows(quality: dict[str, Any]) -> list[str]:
    rows = [
        "| set | system | B³ P | B³ R | B³ F1 | pairwise F1 | AMI | clusters pred / gold |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, result in quality.items():
        for system in ("ours", "baseline"):
            scores = result[system]
            cells = " | ".join(f"{scores[m]:.3f}" for m in _METRICS)
            rows.append(
                f"| {name} | {system} | {cells} | {scores['pred_clusters']} / {scores['gold_clusters']} |"
            )
    return rows


def _ceiling_rows(quality: dict[str, Any]) -> list[str]:
    rows = [
        "Oracle ceilings: the whole set at once, TF-IDF with IDF fitted on it, average link, the threshold "
        "picked on the gold labels (see `bench/stories/ceiling.py`). They bound what the words can do, "
        "and show what NeuS's one-article-per-outlet structure is worth.",
        "",
        "| set | words alone: B³ F1 (threshold) | one article per outlet: B³ F1 (threshold) |",
        "|---|---|---|",
    ]
    for name, result in quality.items():
        cells = [
            f"{c['bcubed_f1']:.3f} ({c['similarity_threshold']})" if c else "—"
            for c in (
                result["ceilings"].get(k) for k in ("tfidf_average_link", "tfidf_average_link_one_per_outlet")
            )
        ]
        rows.append(f"| {name} | {' | '.join(cells)} |")
    return rows


def _speed_rows(speed: dict[str, Any]) -> list[str]:
    rows = [
        f"Stream: {speed['stream']}; window {speed['window_days']} days.",
        "",
        "| articles added | articles per CPU-s (last 5k) | GC share (last 5k) | articles per CPU-s (overall) "
        "| RSS MB | hot stories | hot articles |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in speed["checkpoints"]:
        gc_share = f"{c['gc_share_last_5k']:.0%}" if "gc_share_last_5k" in c else "—"
        rows.append(
            f"| {c['articles']:,} | {c['articles_per_cpu_s_last_5k']:,.0f} | {gc_share} "
            f"| {c['articles_per_cpu_s_overall']:,.0f} "
            f"| {c['rss_mb']:,.0f} | {c['hot_stories']:,} | {c['hot_articles']:,} |"
        )
    return rows


def markdown(results: dict[str, Any]) -> str:
    lines = [
        f"# Stories benchmark — `{results['clusterer']}`",
        "",
        f"Stream order: {results['stream_order']}. Baseline: {results['baseline']}.",
        "",
        *_quality_rows(results["quality"]),
    ]
    if all("ceilings" in result for result in results["quality"].values()):
        lines += ["", *_ceiling_rows(results["quality"])]
    if "speed" in results:
        lines += ["", f"## Speed and memory ({results['machine']})", "", *_speed_rows(results["speed"])]
    return "\n".join(lines) + "\n"
