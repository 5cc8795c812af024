"""Loading the extraction sets and the bag-of-words score they are measured with."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GoldPage:
    """One WCXB page: its HTML and the gold main content and metadata."""

    page_id: str
    url: str | None
    html: str
    main_content: str
    title: str | None
    author: str | None
    publish_date: str | None


def decode_html(data: bytes) -> str:
    """Decode page bytes the way the ingest path would: UTF-8, else cp1252 (never fails)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def load_wcxb(shared: Path, limit: int | None = None) -> Iterator[GoldPage]:
    """The WCXB dev pages in id order (``limit`` for a quick run)."""
    root = shared / "data" / "extraction" / "wcxb-dev"
    for count, html_path in enumerate(sorted((root / "html").glob("*.html.gz"))):
        if limit is not None and count >= limit:
            return
        page_id = html_path.name.removesuffix(".html.gz")
        truth = json.loads((root / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))
        gold = truth.get("ground_truth", truth)
        yield GoldPage(
            page_id=page_id,
            url=truth.get("url"),
            html=decode_html(gzip.decompress(html_path.read_bytes())),
            main_content=gold.get("main_content") or "",
            title=gold.get("title"),
            author=gold.get("author"),
            publish_date=gold.get("publish_date"),
        )


def bag_of_words_f1(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of lower-cased ``\\w+`` tokens, as multisets."""
    pred = Counter(_WORD.findall(predicted.lower()))
    ref = Counter(_WORD.findall(gold.lower()))
    overlap = sum((pred & ref).values())
    if not pred or not ref:
        same = float(not pred and not ref)
        return same, same, same
    precision = overlap / sum(pred.values())
    recall = overlap / sum(ref.values())
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


@dataclass(frozen=True, slots=True)
class EvalPage:
    """One trafilatura-eval page: its HTML, the snippets it must and must not yield, and gold metadata."""

    url: str
    file: str
    html: str
    with_snippets: tuple[str, ...]
    without_snippets: tuple[str, ...]
    title: str | None
    date: str | None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def decode_page(data: bytes) -> str:
    """Decode page bytes: the charset the page declares, else UTF-8, else charset-normalizer's guess."""
    declared = _META_CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii", "ignore")] if declared else []
    for encoding in [*candidates, "utf-8"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else data.decode("cp1252", errors="replace")


def load_trafilatura_eval(shared: Path, limit: int | None = None) -> Iterator[EvalPage]:
    """The trafilatura-eval pages in the order of ``evaldata.json`` (``limit`` for a quick run)."""
    root = shared / "data" / "extraction" / "trafilatura-eval"
    gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    for count, (url, entry) in enumerate(gold.items()):
        if limit is not None and count >= limit:
            return
        yield EvalPage(
            url=url,
            file=entry["file"],
            html=decode_page(gzip.decompress((root / "html" / f"{entry['file']}.gz").read_bytes())),
            with_snippets=tuple(entry.get("with") or ()),
            without_snippets=tuple(entry.get("without") or ()),
            title=entry.get("title"),
            date=entry.get("date"),
        )


def snippet_counts(text: str, present: tuple[str, ...], absent: tuple[str, ...]) -> tuple[int, int, int]:
    """True positives, false negatives and false positives of snippets in ``text`` (whitespace-normalised)."""
    flat = " ".join(text.split())
    found = [" ".join(snippet.split()) in flat for snippet in present]
    leaked = sum(" ".join(snippet.split()) in flat for snippet in absent)
    return sum(found), len(found) - sum(found), leaked
