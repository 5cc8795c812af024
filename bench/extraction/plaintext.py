"""Measure (2): the plain-text cleaner on WCXB-dev pages flattened to all their visible text lines.

Side by side on the same lines: jusText, and plain trafilatura on the lines wrapped as ``<p>`` paragraphs
of a minimal page. Scores are lower-cased ``\\w+`` bag-of-words P/R/F1 against the gold main content,
averaged over pages; speed is this one process's CPU time (``time.process_time``) around each tool's call
only, i.e. per-core throughput that other load on the machine barely disturbs.
Run:

    python -m bench.extraction.plaintext --shared ../shared [--limit N]
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import justext
import trafilatura

from bench.extraction.common import bag_of_words_f1, load_wcxb
from bench.extraction.flatten import visible_lines
from newsfuse.clean.plaintext import clean_text_document
from newsfuse.clean.resources import data_json
from newsfuse.errors import InputError
from newsfuse.model import RawDocument, SourceKind, SourceRef

RESULTS = Path(__file__).resolve().parents[1] / "results"
NAME = "extraction_plaintext"
SEED_REPEATS = 500
FOLDS_TEXT = "5-fold"


def _ours(lines: list[str], with_title: bool) -> str:
    raw = RawDocument(SourceRef(SourceKind.STDIN, "-"), text="\n".join(lines))
    try:
        article = clean_text_document(raw)
    except InputError:
        return ""
    return article.text if with_title else article.body_text()


def _as_paragraphs(lines: list[str]) -> str:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"


def _justext(lines: list[str]) -> str:
    paragraphs = justext.justext(_as_paragraphs(lines), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _trafilatura(lines: list[str]) -> str:
    return trafilatura.extract(_as_paragraphs(lines)) or ""


TOOLS: dict[str, Callable[[list[str]], str]] = {
    "newsfuse (body, no title)": lambda lines: _ours(lines, with_title=False),
    "newsfuse (title + body)": lambda lines: _ours(lines, with_title=True),
    "jusText 3.0.2 (<p> per line)": _justext,
    "trafilatura 2.3.1 default (<p> per line)": _trafilatura,
}


def _seed_rate(shared: Path) -> float | None:
    """Articles/s on the seed texts (paragraph text, the common plain-text input), repeated."""
    seeds = [path.read_text(encoding="utf-8") for path in sorted((shared / "seeds").glob("*.txt"))]
    if not seeds:
        return None
    raws = [RawDocument(SourceRef(SourceKind.FILE, "seed"), text=text) for text in seeds]
    start = time.process_time()
    for _ in range(SEED_REPEATS):
        for raw in raws:
            clean_text_document(raw)
    return SEED_REPEATS * len(raws) / (time.process_time() - start)


def measure_plaintext(shared: Path, limit: int | None) -> dict[str, object]:
    """Bag-of-words P/R/F1 and pages/s of the cleaner and two baselines on flattened WCXB-dev pages."""
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in TOOLS}
    seconds = dict.fromkeys(TOOLS, 0.0)
    pages = 0
    for page in load_wcxb(shared, limit):
        lines = visible_lines(page.html)
        pages += 1
        for name, tool in TOOLS.items():
            start = time.process_time()
            output = tool(lines)
            seconds[name] += time.process_time() - start
            scores[name].append(bag_of_words_f1(output, page.main_content))
    tools = {
        name: {
            "precision": round(statistics.fmean(s[0] for s in values), 4),
            "recall": round(statistics.fmean(s[1] for s in values), 4),
            "f1": round(statistics.fmean(s[2] for s in values), 4),
            "pages_per_second": round(pages / seconds[name], 1),
        }
        for name, values in scores.items()
        if values
    }
    fit = data_json("line_model.json").get("fit", {})
    return {
        "set": "WCXB dev (CC BY 4.0), pages flattened to visible text lines",
        "pages": pages,
        "tools": tools,
        "line_model_cross_validation": fit,
        "seed_articles_per_second": _seed_rate(shared),
        "how_measured": "CPU time of one process (time.process_time) around each tool call only",
    }


def _markdown(result: dict[str, object]) -> str:
    tools = result["tools"]
    assert isinstance(tools, dict)
    rows = [
        "| tool | P | R | F1 | pages/s |",
        "|---|---|---|---|---|",
        *(
            f"| {name} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['pages_per_second']} |"
            for name, v in tools.items()
        ),
    ]
    fit = result["line_model_cross_validation"]
    cv = fit.get("cv_f1_mean") if isinstance(fit, dict) else None
    notes = [
        "",
        f"{result['pages']} WCXB-dev pages ({result['set']}). Bag-of-words F1 averaged over pages.",
        f"The line model is fitted on these pages, so the rows above are in-sample; its {FOLDS_TEXT}"
        f" cross-validated F1 (the cleaner on held-out pages) is {cv}.",
        f"Cleaner on the seed texts (paragraph text): {result['seed_articles_per_second']} articles/s.",
        f"Speed: {result['how_measured']}.",
    ]
    return "\n".join(rows + notes) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    result = measure_plaintext(args.shared, args.limit)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{NAME}.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (RESULTS / f"{NAME}.md").write_text(_markdown(result), encoding="utf-8")
    print(_markdown(result))


if __name__ == "__main__":
    main()
