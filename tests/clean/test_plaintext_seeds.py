"""The plain-text cleaner on the two seed articles (read at run time, never copied into the repo).

Expectations are computed from each file's structure: its boilerplate lines are recognised here by
generic furniture patterns, the title is the first remaining line, headings are the short lines without
final punctuation, and every other line must come out as a paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsfuse.clean.plaintext import clean_text_document
from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef

FURNITURE = [
    re.compile(r"Latest .+ news and exclusive updates for .+"),
    re.compile(r"Leave A Reply"),
    re.compile(r"Your email address will not be published\..*"),
    re.compile(r"Related posts?"),
]
SEED_NAMES = ["000_793e761c6d2727d9.txt", "002_1b94bf1f4cbb2ef6.txt"]


def lines_of(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_furniture(line: str) -> bool:
    return any(pattern.fullmatch(line) for pattern in FURNITURE)


def is_heading_line(line: str) -> bool:
    return len(line.split()) <= 12 and not re.search(r"[.!?:,;”\"]$", line)


@pytest.fixture(params=SEED_NAMES)
def seed(request: pytest.FixtureRequest, seeds_dir: Path) -> tuple[list[str], Article]:
    path = seeds_dir / request.param
    if not path.exists():
        pytest.skip(f"seed {path} not found")
    raw = RawDocument(SourceRef(SourceKind.FILE, str(path)), text=path.read_text(encoding="utf-8"))
    return lines_of(path), clean_text_document(raw)


def test_title_is_the_first_article_line(seed: tuple[list[str], Article]) -> None:
    """The title is the first non-furniture line, first paragraph, kind TITLE, and appears once."""
    lines, article = seed
    title = next(line for line in lines if not is_furniture(line))
    assert article.title == title
    assert article.paragraph_texts()[0] == title
    assert article.paragraphs[0].kind is ParagraphKind.TITLE
    assert article.text.count(title) == 1


def test_no_boilerplate_line_is_left(seed: tuple[list[str], Article]) -> None:
    """Every furniture line of the input is gone from the article."""
    lines, article = seed
    furniture = [line for line in lines if is_furniture(line)]
    assert furniture, "each seed carries some boilerplate"
    for line in furniture:
        assert line not in article.text


def test_every_article_line_is_kept(seed: tuple[list[str], Article]) -> None:
    """Each non-furniture line other than the title comes out as a paragraph, in order, glued copy split."""
    lines, article = seed
    title = article.title
    assert title is not None
    expected = []
    for line in lines:
        if is_furniture(line) or line == title:
            continue
        expected.append(line.removeprefix(title) if line.startswith(title) else line)
    assert article.paragraph_texts()[1:] == expected


def test_glued_headline_is_split_where_present(seed: tuple[list[str], Article]) -> None:
    """A line that starts with the title glued to a capital letter becomes the first body paragraph."""
    lines, article = seed
    title = article.title
    assert title is not None
    glued = [line for line in lines if re.match(re.escape(title) + r"[A-Z]", line)]
    if glued:
        assert article.paragraph_texts()[1] == glued[0][len(title) :]


def test_headings_are_kept_as_headings(seed: tuple[list[str], Article]) -> None:
    """Short lines without final punctuation inside the article are HEADING paragraphs."""
    lines, article = seed
    headings = [line for line in lines[1:] if not is_furniture(line) and is_heading_line(line)]
    headings = [line for line in headings if line != article.title]
    got = [article.text[p.start : p.end] for p in article.paragraphs if p.kind is ParagraphKind.HEADING]
    assert got == headings


def test_both_seeds_have_the_expected_shape(seeds_dir: Path) -> None:
    """Between them the seeds show a doubled title, a glued headline and two section headings."""
    all_lines = {name: lines_of(seeds_dir / name) for name in SEED_NAMES}
    doubled = [name for name, lines in all_lines.items() if lines[0] == lines[1]]
    assert doubled == [SEED_NAMES[0]]
    second = [line for line in all_lines[SEED_NAMES[1]] if not is_furniture(line)]
    assert any(re.match(re.escape(second[0]) + r"[A-Z]", line) for line in second[1:])
    headings = [line for line in second[1:] if is_heading_line(line)]
    assert len(headings) == 2
