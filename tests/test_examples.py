"""The bundled examples/ and their manifest, examples/expected.json, agree with each other.

Later stages assert on what the manifest says was planted, so every phrase it names must be in the named
article exactly as written, and the WARC must rebuild byte for byte from scripts/warc-src/.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build_example_warc.py"
CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"
PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
ARTICLE = re.compile(r"<article>(.*?)</article>", re.S)
PUBLISHED_META = re.compile(r'<meta property="article:published_time" content="([^"]+)">')

QUOTE_SHAPES = {"direct", "multi-paragraph", "partial", "headline", "indirect", "mixed"}
SPEAKER_FORMS = {"pronoun", "first_name", "surname", "description", "full_name"}
CONFLICT_TYPES = {"name", "number", "date", "place", "negation", "attribution"}
NUMBER_SUBTYPES = {"age", "count", "money"}


@pytest.fixture(scope="module")
def manifest(examples_dir: Path) -> dict[str, Any]:
    return json.loads((examples_dir / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {article["id"]: article for article in manifest["articles"]}


@pytest.fixture(scope="module")
def sources(examples_dir: Path, articles: dict[str, dict[str, Any]]) -> dict[str, str]:
    """The raw text of every article: the whole file, or its item of a JSONL, RSS or WARC container."""
    return {article_id: read_item(examples_dir, article) for article_id, article in articles.items()}


def read_item(examples_dir: Path, article: dict[str, Any]) -> str:
    path = examples_dir / article["file"]
    readers = {"txt": read_whole, "html": read_whole, "jsonl": read_jsonl, "rss": read_rss, "warc": read_warc}
    return readers[article["format"]](path, article)


def read_whole(path: Path, article: dict[str, Any]) -> str:
    return path.read_text(encoding="utf-8")


def read_jsonl(path: Path, article: dict[str, Any]) -> str:
    row = json.loads(path.read_text(encoding="utf-8").splitlines()[article["item"] - 1])
    assert row["url"] == article["url"]
    return f"{row['title']}\n\n{row['text']}"


def rss_items(path: Path) -> list[ET.Element]:
    return ET.parse(path).getroot().findall("./channel/item")


def read_rss(path: Path, article: dict[str, Any]) -> str:
    item = rss_items(path)[article["item"] - 1]
    assert item.findtext("link") == article["url"]
    return f"{item.findtext('title')}\n\n{item.findtext(CONTENT_NS)}"


def warc_pages(path: Path) -> Iterator[tuple[str, str]]:
    """(target URI, HTML) of every response record, in file order."""
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                uri = record.rec_headers.get_header("WARC-Target-URI")
                yield uri, record.content_stream().read().decode("utf-8")


def read_warc(path: Path, article: dict[str, Any]) -> str:
    uri, html = list(warc_pages(path))[article["item"] - 1]
    assert uri == article["url"]
    return html


def assert_in_source(sources: dict[str, str], article_id: str, text: str, what: str) -> None:
    assert text in sources[article_id], f"{what}: {text!r} is not in {article_id}"


def test_every_file_named_exists(examples_dir: Path, manifest: dict[str, Any]) -> None:
    """Every file the manifest names is in examples/."""
    for article in manifest["articles"]:
        assert (examples_dir / article["file"]).is_file(), article["file"]


def test_twelve_to_fifteen_articles(manifest: dict[str, Any]) -> None:
    """The examples hold 12 to 15 articles, each with a unique id."""
    ids = [article["id"] for article in manifest["articles"]]
    assert 12 <= len(ids) <= 15
    assert len(set(ids)) == len(ids)


def test_every_article_is_in_exactly_one_event(
    manifest: dict[str, Any], articles: dict[str, dict[str, Any]]
) -> None:
    """Each event lists its own articles and every article belongs to one event."""
    listed = [article_id for event in manifest["events"] for article_id in event["articles"]]
    assert sorted(listed) == sorted(articles)
    for event in manifest["events"]:
        assert all(articles[article_id]["event"] == event["id"] for article_id in event["articles"])


def test_every_event_has_two_to_four_outlets(
    manifest: dict[str, Any], articles: dict[str, dict[str, Any]]
) -> None:
    """Each of the three events is covered by two to four outlets, all of them declared with a domain."""
    assert len(manifest["events"]) == 3
    for event in manifest["events"]:
        outlets = {articles[article_id]["outlet"] for article_id in event["articles"]}
        assert 2 <= len(outlets) <= 4, event["id"]
        assert outlets <= set(manifest["outlets"])
    assert all(domain.endswith(".example") for domain in manifest["outlets"].values())


def test_every_format_is_present(manifest: dict[str, Any]) -> None:
    """The examples cover txt, HTML, JSONL, RSS and WARC, with several txt and HTML files."""
    formats = [article["format"] for article in manifest["articles"]]
    assert {"txt", "html", "jsonl", "rss", "warc"} <= set(formats)
    assert formats.count("txt") >= 2 and formats.count("html") >= 2


def source_published(article: dict[str, Any], source: str, examples_dir: Path) -> date:
    """The publication date the source itself carries, read the way its format gives it."""
    if article["format"] in {"html", "warc"}:
        match = PUBLISHED_META.search(source)
        assert match, article["id"]
        return datetime.fromisoformat(match.group(1)).date()
    if article["format"] == "txt":
        match = re.search(r"^Published (\w+ \d{1,2}, \d{4})", source, re.M)
        assert match, article["id"]
        return datetime.strptime(match.group(1), "%B %d, %Y").date()
    if article["format"] == "jsonl":
        lines = (examples_dir / article["file"]).read_text(encoding="utf-8").splitlines()
        return datetime.fromisoformat(json.loads(lines[article["item"] - 1])["published"]).date()
    item = rss_items(examples_dir / article["file"])[article["item"] - 1]
    return datetime.strptime(item.findtext("pubDate") or "", "%a, %d %b %Y %H:%M:%S %z").date()


def test_every_article_carries_its_publication_date(
    examples_dir: Path, articles: dict[str, dict[str, Any]], sources: dict[str, str]
) -> None:
    """Each article's source gives the publication date the manifest records."""
    for article_id, article in articles.items():
        expected = datetime.fromisoformat(article["published"]).date()
        assert source_published(article, sources[article_id], examples_dir) == expected, article_id


def test_quotes_occur_verbatim(manifest: dict[str, Any], sources: dict[str, str]) -> None:
    """Every part of every planted quote, and its speaker mention, is in the named article as written."""
    for quote in manifest["quotes"]:
        for part in quote["parts"]:
            assert_in_source(sources, quote["article"], part, "quote")
        assert_in_source(sources, quote["article"], quote["speaker_mention"], "speaker mention")
        if quote["original_outlet"]:
            assert_in_source(
                sources, quote["article"], quote["original_outlet"].removeprefix("The "), "outlet"
            )


def test_multi_paragraph_quote_spans_two_paragraphs(
    manifest: dict[str, Any], sources: dict[str, str]
) -> None:
    """The multi-paragraph quote leaves its first paragraph open and reopens a mark in the next, uncued."""
    quote = next(q for q in manifest["quotes"] if q["shape"] == "multi-paragraph")
    *_, before, after = quote["parts"]
    assert f"{before}</p>\n<p>“{after}”</p>" in sources[quote["article"]]


def test_manifest_covers_every_planted_kind(manifest: dict[str, Any]) -> None:
    """Every quote shape, speaker form, quote-mark style and conflict type of the brief is planted."""
    quotes = manifest["quotes"]
    assert {q["shape"] for q in quotes} >= QUOTE_SHAPES
    assert {q["speaker_form"] for q in quotes} >= SPEAKER_FORMS
    assert {"straight", "curly"} <= {q["marks"] for q in quotes}
    assert any(q["original_outlet"] for q in quotes)
    conflicts = manifest["conflicts"]
    assert {c["type"] for c in conflicts} >= CONFLICT_TYPES
    assert {c.get("subtype") for c in conflicts if c["type"] == "number"} >= NUMBER_SUBTYPES
    assert manifest["updates"] and manifest["near_duplicates"] and manifest["single_source"]


def test_entity_mentions_occur_verbatim(manifest: dict[str, Any], sources: dict[str, str]) -> None:
    """Every mention of every alias group is in its article as written."""
    for article_id, groups in manifest["entities"].items():
        for group in groups:
            for mention in group["mentions"]:
                assert_in_source(sources, article_id, mention, group["canonical"])


def test_dates_occur_verbatim_with_valid_ranges(manifest: dict[str, Any], sources: dict[str, str]) -> None:
    """Every planted date expression is in its article and normalises to an ordered ISO date range."""
    for planted in manifest["dates"]:
        assert_in_source(sources, planted["article"], planted["text"], "date")
        start, end = (date.fromisoformat(day) for day in planted["range"])
        assert start <= end, planted


def test_comparison_phrasings_occur_verbatim(manifest: dict[str, Any], sources: dict[str, str]) -> None:
    """Corroborated, single-source, conflicting and updated phrasings are all in their articles."""
    for fact in manifest["corroborated"]:
        assert len({p["article"] for p in fact["phrasings"]}) >= 2, fact["id"]
        for phrasing in fact["phrasings"]:
            assert_in_source(sources, phrasing["article"], phrasing["text"], fact["id"])
    for fact in manifest["single_source"]:
        assert_in_source(sources, fact["article"], fact["text"], "single-source fact")
    for conflict in manifest["conflicts"]:
        for side in ("a", "b"):
            assert_in_source(sources, conflict[side]["article"], conflict[side]["text"], conflict["id"])
            for also in conflict.get(f"also_{side}", []):
                assert_in_source(sources, also, conflict[side]["text"], conflict["id"])
    for update in manifest["updates"]:
        for side in ("earlier", "later"):
            assert_in_source(sources, update[side]["article"], update[side]["text"], "update")


def body_paragraphs(source: str) -> list[str]:
    """The <p> paragraphs of a page's <article> element, or of the whole source when it has none."""
    article = ARTICLE.search(source)
    return PARAGRAPH.findall(article.group(1) if article else source)


def test_near_copy_differs_only_in_headline_byline_and_last_paragraph(
    manifest: dict[str, Any], articles: dict[str, dict[str, Any]], sources: dict[str, str]
) -> None:
    """The syndicated copy repeats all but the last original paragraph, under a new headline and byline."""
    for pair in manifest["near_duplicates"]:
        copy_paragraphs = body_paragraphs(sources[pair["copy"]])
        original_paragraphs = body_paragraphs(sources[pair["original"]])
        assert len(copy_paragraphs) == len(original_paragraphs) >= 5
        assert copy_paragraphs[:-1] == original_paragraphs[:-1]
        assert copy_paragraphs[-1] != original_paragraphs[-1]
        copy, original = articles[pair["copy"]], articles[pair["original"]]
        assert copy["title"] != original["title"] and copy["authors"] != original["authors"]


def test_warc_rebuilds_byte_for_byte(tmp_path: Path, examples_dir: Path) -> None:
    """scripts/build_example_warc.py reproduces examples/wire.warc.gz exactly."""
    out = tmp_path / "wire.warc.gz"
    subprocess.run([sys.executable, str(BUILD_SCRIPT), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (examples_dir / "wire.warc.gz").read_bytes()
