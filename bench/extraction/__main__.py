"""The extraction benchmark: the HTML path and the plain-text cleaner, side by side with plain trafilatura.

Run: ``python -m bench.extraction --shared ../shared [--limit N]``. Writes
``bench/results/extraction.json`` and a short ``bench/results/extraction.md`` table.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path
from typing import Any

from bench.extraction.html import DEFAULT, FAST, OURS, measure_html
from bench.extraction.plaintext import measure_plaintext

RESULTS = Path(__file__).resolve().parents[1] / "results"
NAME = "extraction"
HOW = (
    "CPU seconds of one process (time.process_time) around each tool's call, tools run in turn on each"
    " page; newsfuse is timed end to end including the SQLite insert. Text scores use the article body"
    " without its title paragraph."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="pages per set, for a quick run")
    args = parser.parse_args()
    started = time.time()
    result: dict[str, Any] = {
        "html": measure_html(args.shared, args.limit),
        "plaintext": measure_plaintext(args.shared, args.limit),
        "limit": args.limit,
        "measured": HOW,
        "python": platform.python_version(),
        "wall_seconds": round(time.time() - started, 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{NAME}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / f"{NAME}.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))


def markdown(result: dict[str, Any]) -> str:
    """The headline numbers as Markdown tables."""
    wcxb, evalset = result["html"]["wcxb"], result["html"]["trafilatura_eval"]
    lines = [
        "# Extraction benchmark",
        "",
        f"## (1) HTML on WCXB-dev ({wcxb['pages']} pages; {wcxb['pages_with_date']} with a gold date)",
        "",
        "| tool | P | R | F1 | pages/s (1 core) | title exact | date accuracy |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in (OURS, DEFAULT, FAST):
        row = wcxb[name]
        title, date = row.get("title_exact", "—"), row.get("date_accuracy", "—")
        lines.append(
            f"| {name} | {row['precision']} | {row['recall']} | {row['f1']} | {row['pages_per_second']}"
            f" | {title} | {date} |"
        )
    lines += [
        "",
        f"## (3) trafilatura-eval ({evalset['pages']} pages; {evalset['pages_with_date']} with a gold date)",
        "",
        "| tool | snippet P | snippet R | snippet F1 | date accuracy | pages/s |",
        "|---|---|---|---|---|---|",
    ]
    for name in (OURS, DEFAULT):
        row = evalset[name]
        lines.append(
            f"| {name} | {row['precision']} | {row['recall']} | {row['f1']} | {row['date_accuracy']}"
            f" | {row['pages_per_second']} |"
        )
    lines += ["", "## (2) plain text", "", "```", json.dumps(result["plaintext"], indent=2), "```"]
    lines += ["", f"How measured: {result['measured']}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
