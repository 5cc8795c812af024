"""The plain-text cleaner on the bundled fictional examples: mastheads, bylines, trails and forms go."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsfuse.clean.plaintext import clean_text_document
from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef

SENTENCE_END = re.compile(r"[.!?][\"'”’]?$")
FURNITURE = re.compile(r"©|^Your email address|^Published ")


def sentence_lines(lines: list[str], min_words: int) -> list[str]:
    """Input lines that end like sentences, minus the furniture sentences the examples carry."""
    return [
        line
        for line in lines
        if len(line.split()) >= min_words and SENTENCE_END.search(line) and not FURNITURE.search(line)
    ]


def text_examples(examples_dir: Path) -> list[dict[str, str]]:
    manifest = json.loads((examples_dir / "expected.json").read_text(encoding="utf-8"))
    return [item for item in manifest["articles"] if item["format"] == "txt"]


@pytest.fixture
def cleaned(examples_dir: Path) -> list[tuple[dict[str, str], list[str], Article]]:
    results = []
    for item in text_examples(examples_dir):
        path = examples_dir / item["file"]
        text = path.read_text(encoding="utf-8")
        raw = RawDocument(SourceRef(SourceKind.FILE, str(path)), text=text)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        results.append((item, lines, clean_text_document(raw)))
    if not results:
        pytest.skip("no plain-text examples in examples/")
    return results


def test_titles_match_the_manifest(cleaned: list[tuple[dict[str, str], list[str], Article]]) -> None:
    """Each example's title is the headline, not the masthead or tagline printed above it."""
    for item, _, article in cleaned:
        assert article.title == item["title"]
        assert article.paragraphs[0].kind is ParagraphKind.TITLE
        assert article.text.count(item["title"]) == 1


def test_every_sentence_line_is_kept(cleaned: list[tuple[dict[str, str], list[str], Article]]) -> None:
    """Every input line that is a sentence of six or more words is found in the output."""
    for _, lines, article in cleaned:
        for line in sentence_lines(lines, 6):
            assert line in article.text or line.endswith(article.paragraph_texts()[1])


def test_article_ends_at_its_last_sentence(cleaned: list[tuple[dict[str, str], list[str], Article]]) -> None:
    """Sharing rows, tags, related trails, comment forms and sign-ups after the article are all gone."""
    for _, lines, article in cleaned:
        assert article.paragraph_texts()[-1] == sentence_lines(lines, 4)[-1]


def test_authors_come_from_the_byline(cleaned: list[tuple[dict[str, str], list[str], Article]]) -> None:
    """The byline line is dropped from the text but its names become the article's authors."""
    for item, _, article in cleaned:
        assert list(article.authors) == item["authors"]
        assert not any(text.startswith("By ") for text in article.paragraph_texts())
