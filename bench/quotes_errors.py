"""Error analysis of who-said-what on PolNeAR: false positives and negatives sorted into buckets.

Run: ``python -m bench.quotes_errors --shared ../shared --split train --limit 300 [--show BUCKET]``.
A held-back part is only scored, never read: ``--offset 300 --limit 540 --scores-only``.
Predictions are matched to the gold one-to-one with the reference scorer's own functions (loaded from
``../shared/tools`` at run time), then every unmatched or wrongly attributed item lands in one bucket:
what kind it is (direct or indirect), why it failed (missed, boundary, speaker, spurious) and a coarse
shape (the gold cue's word, the speaker's form). Parses are cached under ``--cache`` keyed by the
split, the limit and what the focus rules send to the parser, so re-running after a rule change is
cheap.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.tokens import Doc, DocBin

from bench.quotes import load_split, prediction, to_article
from newsfuse.analyze.focus import runs
from newsfuse.analyze.lexicon import lexicon
from newsfuse.analyze.marks import ALL_MARKS
from newsfuse.analyze.pipeline import focused_docs, load_pipeline
from newsfuse.analyze.stage import DEFAULT_BATCH_SIZE, analyse_doc

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "him", "her", "them"})


@dataclass(frozen=True, slots=True)
class Error:
    """One scored mistake, with the text needed to read it."""

    bucket: str
    article: str
    content: str
    gold_source: str
    pred_source: str
    cue: str


def load_scorer(shared: Path) -> ModuleType:
    """The reference scorer, imported from the shared tools so matching is exactly the benchmark's."""
    path = shared / "tools" / "score_quotes.py"
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cached_docs(rows: list[dict[str, Any]], cache: Path, key: str) -> list[Doc]:
    """Focused parses of the texts, read from the cache when the articles and the focus plans match."""
    nlp = load_pipeline()
    plans = repr([runs(r["text"], lexicon()) for r in rows])
    digest = hashlib.sha256((plans + key).encode()).hexdigest()[:16]
    path = cache / f"docs-{digest}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(focused_docs(nlp, [r["text"] for r in rows], DEFAULT_BATCH_SIZE))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(
        attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "POS", "MORPH", "SENT_START"],
        docs=docs,
    ).to_disk(path)
    return docs


def _source_form(text: str, source: list[tuple[int, int]] | None) -> str:
    if not source:
        return "none"
    words = " ".join(text[s:e] for s, e in source).strip()
    if words.lower() in PRONOUNS:
        return "pronoun"
    return "name" if words[:1].isupper() else "noun"


def _kind(text: str, ranges: list[tuple[int, int]], direct: bool) -> str:
    """Direct (opens with a quotation mark), mixed (marks inside reported speech) or indirect."""
    if not direct:
        return "indirect"
    first = text[ranges[0][0] : ranges[0][1]].lstrip()
    return "direct" if first[:1] in ALL_MARKS else "mixed"


def _cue(attribution: dict[str, Any]) -> str:
    return " ".join(c["text"] for c in attribution["cue"]).lower() or "-"


def article_errors(scorer: ModuleType, row: dict[str, Any], pred: dict[str, Any]) -> Iterator[Error]:
    """The article's mistakes, with the scorer's Dice matching (speaker-agreeing pairs first)."""
    text = row["text"]
    gold = [a for a in row["attributions"] if a["content"]]
    gold_items = [
        scorer.make_item(text, scorer.ranges(a["content"]), scorer.ranges(a["source"])) for a in gold
    ]
    preds = pred["quotes"]
    pred_items = [scorer.make_item(text, q["content"], q["source"]) for q in preds]
    keep_g = [i for i, g in enumerate(gold_items) if g["content"]]
    keep_p = [i for i, p in enumerate(pred_items) if p["content"]]
    pairs = []
    for gi in keep_g:
        for pi in keep_p:
            g, p = gold_items[gi], pred_items[pi]
            inter = len(g["content"] & p["content"])
            size = len(g["content"]) + len(p["content"])
            if inter and 4 * inter >= size:
                pairs.append((-2 * inter / size, not scorer.speaker_ok(g, p), gi, pi))
    pairs.sort()
    matched_g: dict[int, int] = {}
    matched_p: set[int] = set()
    for _, _, gi, pi in pairs:
        if gi not in matched_g and pi not in matched_p:
            matched_g[gi] = pi
            matched_p.add(pi)

    def say(ranges: list[tuple[int, int]] | None) -> str:
        return " / ".join(text[s:e] for s, e in ranges or [])

    for gi in keep_g:
        a, g = gold[gi], gold_items[gi]
        g_ranges = scorer.ranges(a["content"])
        kind = _kind(text, g_ranges, g["direct"])
        g_source = scorer.ranges(a["source"]) or None
        content = say(g_ranges)
        if gi in matched_g:
            q = preds[matched_g[gi]]
            if scorer.speaker_ok(g, pred_items[matched_g[gi]]):
                continue
            bucket = (
                f"{kind} speaker: gold {_source_form(text, g_source)} / got {_source_form(text, q['source'])}"
            )
            yield Error(bucket, row["id"], content, say(g_source), say(q["source"]), _cue(a))
            continue
        near = [pi for pi in keep_p if g["content"] & pred_items[pi]["content"]]
        why = "boundary" if near else "missed"
        got = say(preds[near[0]]["content"]) if near else ""
        yield Error(f"{kind} {why}", row["id"], content, say(g_source), got, _cue(a))
    for pi in keep_p:
        if pi in matched_p:
            continue
        p = pred_items[pi]
        overlapping = [gi for gi in keep_g if p["content"] & gold_items[gi]["content"]]
        kind = _kind(text, preds[pi]["content"], p["direct"])
        why = "spurious (overlaps gold)" if overlapping else "spurious"
        q = preds[pi]
        beside = say(scorer.ranges(gold[overlapping[0]]["content"])) if overlapping else ""
        yield Error(f"{kind} {why}", row["id"], say(q["content"]), beside[:200], say(q["source"]), "-")


def print_scores(scores: dict[str, Any]) -> None:
    """Content and who-said-what precision, recall and F1 for each subset, one line each."""
    for subset in ("all", "direct", "indirect"):
        content, who = scores[subset]["content_partial"], scores[subset]["who_said_what"]
        print(
            f"{subset:9s} content P/R/F1 {content['p']}/{content['r']}/{content['f1']}"
            f"  who-said-what P/R/F1 {who['p']}/{who['r']}/{who['f1']}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--split", default="train")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--offset", type=int, default=0, help="skip this many articles (a held-back part)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsfuse-quotes-cache"))
    parser.add_argument("--show", default=None, help="print examples of buckets containing this text")
    parser.add_argument("--examples", type=int, default=12)
    parser.add_argument("--cues", type=int, default=25, help="gold cue words listed for missed items")
    parser.add_argument(
        "--scores-only", action="store_true", help="print P/R/F1 only, no buckets (for a held-back part)"
    )
    args = parser.parse_args(argv)
    rows = load_split(args.shared, args.split, None)[args.offset :]
    rows = rows[: args.limit] if args.limit else rows
    scorer = load_scorer(args.shared)
    docs = cached_docs(rows, args.cache, f"{args.split}:{args.offset}:{args.limit}")
    errors: list[Error] = []
    gold, pred = {}, {}
    for number, (row, doc) in enumerate(zip(rows, docs, strict=True)):
        found = prediction(analyse_doc(to_article(row, args.split, number), doc))
        errors += article_errors(scorer, row, found)
        gold[row["id"]] = [
            scorer.make_item(row["text"], scorer.ranges(a["content"]), scorer.ranges(a["source"]))
            for a in row["attributions"]
        ]
        pred[row["id"]] = [scorer.make_item(row["text"], q["content"], q["source"]) for q in found["quotes"]]
    scores = scorer.score(gold, pred)
    if args.scores_only:
        print_scores(scores)
        return
    print(" ".join(f"{s} {scores[s]['who_said_what']['f1']}" for s in ("all", "direct", "indirect")))
    buckets: dict[str, list[Error]] = defaultdict(list)
    for error in errors:
        buckets[error.bucket].append(error)
    for bucket, items in sorted(buckets.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(items):6d}  {bucket}")
    for kind in ("direct missed", "mixed missed", "indirect missed"):
        cues = Counter(e.cue for e in buckets.get(kind, []))
        print(f"\n{kind}, by gold cue: " + ", ".join(f"{c} {n}" for c, n in cues.most_common(args.cues)))
    if args.show:
        rng = random.Random(0)
        for bucket, items in sorted(buckets.items()):
            if args.show not in bucket:
                continue
            print(f"\n== {bucket}")
            for e in rng.sample(items, min(args.examples, len(items))):
                print(f"- [{e.gold_source}] <{e.cue}> got [{e.pred_source}] {e.content[:160]!r}")
                print(f"  {e.article}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
