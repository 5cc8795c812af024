"""Fit the plain-text cleaner's line model on WCXB-dev, with 5-fold cross-validation.

Each page is flattened to its visible lines (as a scraper without an extractor would), the cleaner's
candidate lines are labelled by aligning their words with the gold main content, and two logistic layers
are fitted (numpy, Newton steps with an L2 penalty). The cross-validated score is the cleaner's
bag-of-words F1 on the pages of each held-out fold. Run:

    python -m bench.extraction.fit_line_model --shared ../shared

It rewrites ``src/newsfuse/clean/data/line_model.json``; a ``--limit`` trial run writes
``bench/results/line_model.json.tmp`` instead, so it never replaces the shipped weights.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from bench.extraction.common import bag_of_words_f1, load_wcxb
from bench.extraction.flatten import visible_lines
from newsfuse.clean.line_model import (
    CONTEXT_FEATURES,
    LOCAL_FEATURES,
    LineModel,
    LogisticLayer,
    context_features,
    local_features,
)
from newsfuse.clean.plaintext import candidate_units, clean_text
from newsfuse.clean.shape import is_prose
from newsfuse.clean.units import split_units
from newsfuse.errors import InputError

Matrix = NDArray[np.float64]
WEIGHTS_PATH = Path(__file__).resolve().parents[2] / "src/newsfuse/clean/data/line_model.json"
TRIAL_PATH = Path(__file__).resolve().parents[1] / "results/line_model.json.tmp"  # --limit runs go here
ATTRIBUTION = (
    "Fitted on the WCXB benchmark dev split (Murrough Foley, 2026), licensed CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); only these weights are derived from it. "
    "Re-fit with: python -m bench.extraction.fit_line_model --shared ../shared"
)
FOLDS = 5
PENALTY = 1.0
THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(4, 15))
_WORD = re.compile(r"\w+")


@dataclass
class Page:
    """One page's flattened text, candidate lines, their labels and weights, and the gold text."""

    text: str
    lines: list[str]
    labels: Matrix
    weights: Matrix
    gold: str
    prose: list[bool]
    line_words: list[Counter[str]]
    gold_words: Counter[str]


def _labels(lines: list[str], gold: str) -> tuple[Matrix, Matrix]:
    """Share of each line's words aligned to the gold text (≥ 0.5 means content), and word counts."""
    line_words = [_WORD.findall(line.lower()) for line in lines]
    owner = [index for index, found in enumerate(line_words) for _ in found]
    flat = [word for found in line_words for word in found]
    matched = np.zeros(len(lines))
    matcher = SequenceMatcher(None, flat, _WORD.findall(gold.lower()), autojunk=False)
    for block in matcher.get_matching_blocks():
        for position in range(block.a, block.a + block.size):
            matched[owner[position]] += 1
    counts = np.array([max(len(found), 1) for found in line_words], dtype=np.float64)
    return (matched / counts >= 0.5).astype(np.float64), np.sqrt(counts)


def load_pages(shared: Path, limit: int | None) -> list[Page]:
    pages = []
    for gold in load_wcxb(shared, limit):
        text = "\n".join(visible_lines(gold.html))
        lines = [unit.text for unit in candidate_units(split_units(text))]
        labels, weights = _labels(lines, gold.main_content)
        pages.append(
            Page(
                text,
                lines,
                labels,
                weights,
                gold.main_content,
                [is_prose(line) for line in lines],
                [Counter(_WORD.findall(line.lower())) for line in lines],
                Counter(_WORD.findall(gold.main_content.lower())),
            )
        )
    return pages


def fit_layer(features: Matrix, labels: Matrix, weights: Matrix) -> LogisticLayer:
    """Weighted L2-penalised logistic regression by Newton steps on standardised features."""
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    design = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
    beta = np.zeros(design.shape[1])
    ridge = PENALTY * np.eye(design.shape[1])
    ridge[-1, -1] = 0.0
    for _ in range(25):
        prob = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = design.T @ (weights * (prob - labels)) + ridge @ beta
        hessian = (design * (weights * prob * (1 - prob))[:, None]).T @ design + ridge
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return LogisticLayer(mean=mean, scale=scale, weights=beta[:-1], bias=float(beta[-1]))


def _stack(pages: list[Page], build: Callable[[Page], Matrix]) -> tuple[Matrix, Matrix, Matrix]:
    rows = [build(page) for page in pages if page.lines]
    labels = np.concatenate([page.labels for page in pages if page.lines])
    weights = np.concatenate([page.weights for page in pages if page.lines])
    return np.vstack(rows), labels, weights


def fit_model(pages: list[Page], threshold: float | None = None) -> LineModel:
    """Both layers; the second is fitted on first-layer scores that were not fitted on the same page."""
    features, labels, weights = _stack(pages, lambda page: local_features(page.lines))
    local = fit_layer(features, labels, weights)
    halves = [pages[0::2], pages[1::2]]
    out_of_fold: dict[int, Matrix] = {}
    for index, held_out in enumerate(halves):
        layer = fit_layer(*_stack(halves[1 - index], lambda page: local_features(page.lines)))
        for page in held_out:
            out_of_fold[id(page)] = layer.logits(local_features(page.lines)) if page.lines else np.zeros(0)

    def context(page: Page) -> Matrix:
        chars = np.array([len(line) for line in page.lines], dtype=np.float64)
        return context_features(out_of_fold[id(page)], chars)

    second = fit_layer(*_stack(pages, context))
    model = LineModel(local=local, context=second, threshold=0.5)
    if threshold is None:
        probabilities = [model.probabilities(page.lines) for page in pages]
        threshold = max(THRESHOLDS, key=lambda value: _line_f1(pages, probabilities, value))
    return with_threshold(model, threshold)


def _line_f1(pages: list[Page], probabilities: list[Matrix], threshold: float) -> float:
    """Mean page F1 of the kept lines alone (no title logic): a fast stand-in for choosing a threshold."""
    total = 0.0
    for page, probability in zip(pages, probabilities, strict=True):
        kept: Counter[str] = Counter()
        for words, prose, value in zip(page.line_words, page.prose, probability, strict=True):
            if prose or value >= threshold:
                kept.update(words)
        overlap = sum((kept & page.gold_words).values())
        if overlap:
            precision = overlap / sum(kept.values())
            recall = overlap / sum(page.gold_words.values())
            total += 2 * precision * recall / (precision + recall)
    return total / len(pages)


def with_threshold(model: LineModel, threshold: float) -> LineModel:
    return LineModel(local=model.local, context=model.context, threshold=threshold)


def page_f1(page: Page, model: LineModel, with_title: bool = False) -> float:
    """The cleaner's bag-of-words F1 on one page (an empty result scores as an empty prediction)."""
    try:
        cleaned = clean_text(page.text, None, model)
    except InputError:
        return bag_of_words_f1("", page.gold)[2]
    texts = [text for text, _ in cleaned.paragraphs]
    if with_title and cleaned.title:
        texts.insert(0, cleaned.title)
    return bag_of_words_f1("\n".join(texts), page.gold)[2]


def score(pages: list[Page], model: LineModel) -> float:
    return statistics.fmean(page_f1(page, model) for page in pages)


def cross_validate(pages: list[Page]) -> list[float]:
    """The cleaner's mean F1 on each held-out fold, with a model fitted on the other folds."""
    results = []
    for fold in range(FOLDS):
        train = [page for i, page in enumerate(pages) if i % FOLDS != fold]
        test = [page for i, page in enumerate(pages) if i % FOLDS == fold]
        results.append(score(test, fit_model(train)))
        print(f"fold {fold}: held-out F1 {results[-1]:.3f} on {len(test)} pages", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    args = parser.parse_args()
    pages = load_pages(args.shared, args.limit)
    print(f"{len(pages)} pages, {sum(len(p.lines) for p in pages)} candidate lines", flush=True)
    folds = [] if args.no_cv else cross_validate(pages)
    model = fit_model(pages)
    data = {
        "comment": ATTRIBUTION,
        **model.to_dict(),
        "fit": {
            "pages": len(pages),
            "lines": sum(len(page.lines) for page in pages),
            "cv_folds": FOLDS,
            "cv_f1_per_fold": [round(value, 4) for value in folds],
            "cv_f1_mean": round(statistics.fmean(folds), 4) if folds else None,
            "in_sample_f1": round(score(pages, model), 4),
        },
    }
    output = WEIGHTS_PATH if args.limit is None else TRIAL_PATH
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"weights written to {output}")
    print(json.dumps(data["fit"], indent=1))
    assert len(LOCAL_FEATURES) == len(model.local.weights)
    assert len(CONTEXT_FEATURES) == len(model.context.weights)


if __name__ == "__main__":
    main()
