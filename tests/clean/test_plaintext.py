"""The plain-text cleaner on fictional texts: each boilerplate kind, titles, headings, paragraphs."""

from __future__ import annotations

import pytest

from newsfuse.clean.boilerplate import is_boilerplate
from newsfuse.clean.plaintext import clean_text_document
from newsfuse.errors import InputError
from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef

TITLE = "Harbour Council Approves Quellmoor Bridge After Long Debate"
BODY = [
    "The Quellmoor harbour council voted on Tuesday to build a new bridge across the estuary, ending a "
    "debate that had lasted three years.",
    "Councillor Mira Okonde said the vote was close. “We listened to every fisher who came to the hall,” "
    "she told reporters after the session.",
    "Construction is expected to begin next spring, according to the harbour office.",
]


def raw(text: str, title: str | None = None) -> RawDocument:
    return RawDocument(SourceRef(SourceKind.FILE, "fictional.txt"), text=text, title=title)


def clean(text: str, title: str | None = None) -> Article:
    return clean_text_document(raw(text, title))


def article_text(*extra_after: str, before: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*before, TITLE, *BODY, *extra_after])


def assert_clean(article: Article) -> None:
    """The fictional article came through whole: title first, every body paragraph, nothing else."""
    assert article.title == TITLE
    assert article.paragraph_texts() == [TITLE, *BODY]
    assert [p.kind for p in article.paragraphs] == [ParagraphKind.TITLE] + [ParagraphKind.BODY] * 3


BOILERPLATE = {
    "tagline": "Latest harbour news, reviews and exclusive updates for Quellmoor and the Brightwater coast.",
    "leave a reply": "Leave A Reply",
    "email notice": "Your email address will not be published.",
    "email notice with required": "Your email address will not be published. Required fields are marked *",
    "required fields": "Required fields are marked *",
    "share": "Share this article",
    "share on": "Share on Facebook",
    "social row": "Facebook Twitter WhatsApp Email",
    "subscribe": "Subscribe",
    "newsletter": "Sign up for our free weekly newsletter to get the best of the Brightwater Gazette.",
    "cookies": "We use cookies to give you the best experience on our website. By browsing you accept them.",
    "advertisement": "ADVERTISEMENT",
    "story continues": "Story continues below advertisement",
    "read more": "Read more: Quellmoor fishers protest new harbour fees",
    "copyright": "© 2031 Brightwater Gazette. All rights reserved.",
    "all rights reserved": "Brightwater Gazette Ltd, all rights reserved",
    "comment count": "12 Comments",
}


@pytest.mark.parametrize("line", BOILERPLATE.values(), ids=BOILERPLATE.keys())
def test_boilerplate_line_after_article_is_dropped(line: str) -> None:
    """A furniture line at the end of the article is removed and nothing else is."""
    assert_clean(clean(article_text(line)))


@pytest.mark.parametrize("line", BOILERPLATE.values(), ids=BOILERPLATE.keys())
def test_boilerplate_line_before_title_is_dropped(line: str) -> None:
    """A furniture line above the headline is removed, so the headline is still the title."""
    assert_clean(clean(article_text(before=(line,))))


def test_related_posts_trail_is_dropped() -> None:
    """A "Related posts" marker and the headline teasers after it go; a sentence after them stays."""
    trail = ["Related posts", "Brightwater Ferry Strike Enters Third Week", "Quellmoor Mayor Opens Market"]
    article = clean(article_text(*trail))
    assert_clean(article)
    tail = clean(article_text(*trail, "The bridge will cost four million crowns."))
    assert tail.paragraph_texts()[-1] == "The bridge will cost four million crowns."
    assert "Brightwater Ferry Strike" not in tail.text


def test_comment_prompts_at_the_end_are_dropped() -> None:
    """The comment form of a blog post leaves no trace."""
    prompts = ("Leave A Reply", "Cancel Reply", "Your email address will not be published.", "Post Comment")
    assert_clean(clean(article_text(*prompts)))


def test_sentence_mentioning_furniture_words_is_kept() -> None:
    """Article sentences about cookies, newsletters or copyright are not mistaken for furniture."""
    sentences = [
        "The bakery on Quay Street said its cookies sold out before noon on the day of the vote.",
        "Copyright lawyers for the harbour office said the bridge design belongs to the town.",
        "Read the full council minutes, Okonde urged, before judging the decision.",
        "Subscribers to the Gazette newsletter will get weekly updates on the construction.",
    ]
    article = clean(article_text(*sentences))
    assert article.paragraph_texts()[-4:] == sentences


def test_title_printed_twice_with_stray_whitespace() -> None:
    """A headline repeated with leading spaces is kept once."""
    text = f"{TITLE}\n\n   {TITLE}\n\n\n" + "\n\n".join(BODY)
    assert_clean(clean(text))


def test_title_printed_twice_with_small_differences() -> None:
    """A repeat that differs in quotes, case or a letter is still a repeat."""
    title = "“A Very Long Night” Ferry Crew Recalls Brightwater Storm"
    repeat = '"A very long night" Ferry Crew Recalls Brightwater Storm'
    article = clean(f"{title}\n\n{repeat}\n\n" + "\n\n".join(BODY))
    assert article.title == title
    assert article.paragraph_texts() == [title, *BODY]


def test_headline_glued_to_first_sentence_is_split() -> None:
    """A title repeated at the start of the first paragraph with no space is cut off."""
    text = f"{TITLE}\n\n{TITLE}{BODY[0]}\n\n" + "\n\n".join(BODY[1:])
    assert_clean(clean(text))


def test_glued_headline_without_separate_title_becomes_the_title() -> None:
    """With no title line, a title-cased run glued to a sentence at a case boundary is the title."""
    text = f"{TITLE}{BODY[0]}\n\n" + "\n\n".join(BODY[1:])
    assert_clean(clean(text))


def test_camel_case_word_in_a_title_is_not_a_glue_point() -> None:
    """A name like "McAllister" inside a headline is not mistaken for a glued boundary."""
    title = "Ferry Owner McAllister Sells Fleet To Brightwater Group"
    article = clean(f"{title}\n\n" + "\n\n".join(BODY))
    assert article.title == title
    assert article.paragraph_texts()[1:] == BODY


def test_first_sentence_starting_with_the_headline_words_is_not_cut() -> None:
    """A first sentence that begins with the headline's words, in sentence case, keeps them."""
    title = "Storm Hits Quellmoor Coast"
    first = "Storm hits Quellmoor coast for the second time this month, the weather office said."
    article = clean(f"{title}\n\n{first}\n\n{BODY[1]}")
    assert article.paragraph_texts() == [title, first, BODY[1]]


def test_title_hint_is_used_and_its_repeat_dropped() -> None:
    """A title given by the source is the title, and its copy at the top of the text is not repeated."""
    article = clean(article_text(), title=TITLE)
    assert_clean(article)
    only_body = clean("\n\n".join(BODY), title=TITLE)
    assert_clean(only_body)


def test_section_headings_are_kept_as_headings() -> None:
    """Short headline-like lines between paragraphs are HEADING paragraphs."""
    heading = "Fishers – Split Over The Bridge Plan"
    text = "\n\n".join([TITLE, BODY[0], heading, BODY[1], BODY[2]])
    article = clean(text)
    assert article.paragraph_texts() == [TITLE, BODY[0], heading, BODY[1], BODY[2]]
    assert article.paragraphs[2].kind is ParagraphKind.HEADING


def test_hard_wrapped_lines_are_joined() -> None:
    """A paragraph wrapped at a fixed width becomes one paragraph with single spaces."""
    words = BODY[0].split()
    wrapped, line = [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > 60:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped.append(line)
    article = clean(f"{TITLE}\n\n" + "\n".join(wrapped) + "\n\n" + "\n\n".join(BODY[1:]))
    assert_clean(article)


def test_offsets_point_at_the_paragraphs() -> None:
    """Every paragraph's offsets cut its own text out of the article text."""
    article = clean(article_text(*BOILERPLATE.values()))
    assert article.text == "\n\n".join(article.paragraph_texts())
    for paragraph, expected in zip(article.paragraphs, [TITLE, *BODY], strict=True):
        assert article.text[paragraph.start : paragraph.end] == expected


def test_crlf_text_is_cleaned_like_lf() -> None:
    """Windows line ends give the same article."""
    assert_clean(clean(article_text().replace("\n", "\r\n")))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("  \n\n \t \n", "empty"),
        ("Leave A Reply\n\nYour email address will not be published.\n\nSubscribe", "boilerplate"),
        (TITLE, "only a title"),
    ],
    ids=["empty", "whitespace", "all boilerplate", "title only"],
)
def test_nothing_article_like_raises_input_error(text: str, reason: str) -> None:
    """A text with nothing article-like left is rejected with a reason, not cleaned into nothing."""
    with pytest.raises(InputError, match=reason):
        clean(text)


def test_html_document_is_rejected() -> None:
    """A raw document without text is an input error for this cleaner."""
    document = RawDocument(SourceRef(SourceKind.FILE, "page.html"), html="<p>hi</p>")
    with pytest.raises(InputError, match="no text"):
        clean_text_document(document)


def test_byline_names_become_authors() -> None:
    """ "By A and B, Staff Writers" is dropped from the text; A and B are the authors, the role is not."""
    byline = "By Mira Okonde and Tamsin Hale, Staff Writers"
    article = clean(article_text(before=()).replace(BODY[0], f"{byline}\n\n{BODY[0]}"))
    assert_clean(article)
    assert article.authors == ("Mira Okonde", "Tamsin Hale")


def test_related_marker_above_the_article_is_a_menu_item() -> None:
    """A "Popular" or "Related" line above the first paragraph does not swallow the headline after it."""
    assert_clean(clean(article_text(before=("Popular",))))
    assert_clean(clean(article_text(before=("Related stories",))))


def test_flattened_page_keeps_the_article_and_drops_menus() -> None:
    """One line per page block: menus, teasers and footer go, the headline and every paragraph stay."""
    menu = ["Brightwater Gazette", "Home", "News", "Sport", "Weather", "Opinion", "Sign in", "Harbour"]
    byline = ["By Mira Okonde", "Published 3 March 2031"]
    teasers = ["Share this article", "Most read", "Ferry Strike Enters Third Week", "Island Talks Stall"]
    footer = ["About us", "Contact", "Careers", "Privacy policy", "© 2031 Brightwater Gazette"]
    article = clean("\n".join([*menu, TITLE, *byline, *BODY, *teasers, *footer]))
    assert_clean(article)
    assert article.authors == ("Mira Okonde",)


def test_long_separator_rows_are_matched_without_backtracking_blowup() -> None:
    """Regression: a 240-character "a | b | c" nutrition row once took the furniture regex 25 s."""
    row = " | ".join(f"Nutrient{i}: {i * 7}g" for i in range(16))
    assert not is_boilerplate(row)
    assert is_boilerplate("Home » City Hall » Council")
    assert is_boilerplate("NEWS | LOCAL | FIRE & RESCUE")


def test_furniture_line_is_not_joined_into_a_wrapped_paragraph() -> None:
    """Regression: a 41-character furniture line above a sentence was joined to it and both dropped."""
    text = "Your email address will not be published.\nOrlanda sold the harbour nets again this morning."
    article = clean(f"{TITLE}\n\n{BODY[0]}\n\n{text}")
    assert article.paragraph_texts() == [TITLE, BODY[0], text.split("\n")[1]]


def test_lines_ending_sentences_are_not_taken_for_hard_wrapping() -> None:
    """Two long lines that each end a sentence stay two paragraphs (wrapped lines stop mid-sentence)."""
    first = "The harbour office opened a new ticket hall for the island ferry today."
    second = "Fishers said the nets would be mended before the spring storms came in."
    article = clean(f"{TITLE}\n\n{BODY[0]}\n\n{first}\n{second}")
    assert article.paragraph_texts() == [TITLE, BODY[0], first, second]
