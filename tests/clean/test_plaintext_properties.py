"""Property tests: the cleaner never crashes and never loses an article sentence that is not boilerplate."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.clean.plaintext import clean_text_document
from newsfuse.clean.titles import title_key
from newsfuse.errors import InputError
from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef

NAMES = ["Orlanda", "Quellmoor", "Brightwater", "Tamsk", "Velloran", "Okonde", "Marisch", "Dunhollow"]
WORDS = [
    *("the", "a", "of", "on", "in", "to", "and", "with", "for", "after", "before", "that", "was"),
    *("harbour", "council", "ferry", "crew", "fishers", "bridge", "storm", "market", "mayor", "plan"),
    *("said", "voted", "reported", "told", "reporters", "quietly", "again", "new", "old", "three"),
    *("morning", "evening", "budget", "town", "coast", "island", "talks", "union", "boats", "nets"),
]
OUTLETS = ["Brightwater Gazette", "Quellmoor Courier", "Tamsk Evening Post"]

name = st.sampled_from(NAMES)
word = st.sampled_from(WORDS)
title_words = st.lists(
    st.sampled_from([*NAMES, "Council", "Bridge", "Storm", "Ferry", "Vote"]), min_size=3, max_size=9
)
title = title_words.map(" ".join)


@st.composite
def sentence(draw: st.DrawFn, min_words: int = 2) -> str:
    """A fictional sentence: a name, lower-case words with a name or two among them, a full stop."""
    rest = draw(st.lists(word, min_size=min_words, max_size=14))
    for _ in range(draw(st.integers(0, 2))):
        rest.insert(draw(st.integers(0, len(rest))), draw(name))
    return " ".join([draw(name), *rest]) + draw(st.sampled_from([".", ".", "!", "?", ".”"]))


@st.composite
def boilerplate(draw: st.DrawFn) -> str:
    outlet = draw(st.sampled_from(OUTLETS))
    return draw(
        st.sampled_from(
            [
                "Leave A Reply",
                "Your email address will not be published.",
                "Required fields are marked *",
                "Related posts",
                f"Share on {draw(st.sampled_from(['Facebook', 'Twitter', 'WhatsApp']))}",
                f"Subscribe to our {outlet} newsletter",
                f"© {draw(st.integers(1990, 2040))} {outlet}. All rights reserved.",
                "Advertisement",
                f"Read more: {draw(title)}",
                f"Latest {draw(word)} news, reviews and exclusive updates for {outlet} readers.",
                "We use cookies to improve your experience on our website.",
            ]
        )
    )


def raw(text: str) -> RawDocument:
    return RawDocument(SourceRef(SourceKind.STDIN, "-"), text=text)


def assert_offsets(article: Article) -> None:
    """Paragraph offsets cut the text into the paragraphs, in order, two newlines apart."""
    assert article.text == "\n\n".join(article.paragraph_texts())
    previous_end = -2
    for paragraph in article.paragraphs:
        assert paragraph.start == previous_end + 2
        assert (
            article.text[paragraph.start : paragraph.end].strip()
            == article.text[paragraph.start : paragraph.end]
        )
        previous_end = paragraph.end
    assert [p.kind for p in article.paragraphs[:1]] in ([ParagraphKind.TITLE], [ParagraphKind.BODY], [])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=600))
def test_any_text_cleans_or_is_rejected(text: str) -> None:
    """Arbitrary text gives an article with consistent offsets, or an InputError — nothing else."""
    try:
        article = clean_text_document(raw(text))
    except InputError:
        return
    assert_offsets(article)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.characters(codec="utf-8"), max_size=80), max_size=60))
def test_any_lines_clean_or_are_rejected(lines: list[str]) -> None:
    """Line-per-block text (the scored path) never raises anything but InputError."""
    try:
        article = clean_text_document(raw("\n".join(lines)))
    except InputError:
        return
    assert_offsets(article)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title,
    st.lists(
        st.lists(sentence(), min_size=1, max_size=4),
        min_size=1,
        max_size=8,
        unique_by=lambda sentences: title_key(" ".join(sentences)),  # a repeated line is a doubled title
    ),
    st.lists(st.tuples(st.integers(0, 8), boilerplate()), max_size=8),
)
def test_paragraph_text_keeps_every_sentence_and_drops_boilerplate(
    headline: str, paragraphs: list[list[str]], furniture: list[tuple[int, str]]
) -> None:
    """Blank-line paragraphs with furniture between them: every sentence kept, every furniture line gone."""
    blocks = [" ".join(sentences) for sentences in paragraphs]
    for position, line in sorted(furniture, reverse=True):
        blocks.insert(min(position, len(blocks)), line)
    article = clean_text_document(raw("\n\n".join([headline, *blocks])))
    assert article.title == headline
    assert article.paragraph_texts() == [headline, *(" ".join(sentences) for sentences in paragraphs)]
    assert_offsets(article)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(sentence(min_words=5), min_size=1, max_size=3), min_size=1, max_size=10),
    st.lists(st.tuples(st.integers(0, 10), boilerplate()), max_size=12),
)
def test_line_text_keeps_every_sentence(
    paragraphs: list[list[str]], furniture: list[tuple[int, str]]
) -> None:
    """One line per block (no blank lines), furniture interleaved: every article sentence survives."""
    lines = [" ".join(sentences) for sentences in paragraphs]
    for position, line in sorted(furniture, reverse=True):
        lines.insert(min(position, len(lines)), line)
    article = clean_text_document(raw("\n".join(lines)))
    for sentences in paragraphs:
        for one in sentences:
            assert one in article.text
    assert_offsets(article)
