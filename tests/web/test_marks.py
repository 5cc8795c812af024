"""Marked text: pieces that rebuild the text exactly, with a highlight of exactly the requested characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.errors import UsageError
from newsfuse.model import Span
from newsfuse.web.marks import Mark, check_highlight, mark_text
from newsfuse.web.statements import cut, source_href

TEXT = 'Mayor Ada Lin said "the bridge opens Monday" at noon.'


def test_crossing_marks_cut_into_pieces_with_both_kinds() -> None:
    """A quote and an entity that cross give pieces carrying one, the other, or both kinds."""
    quote = Mark(TEXT.index('"'), len(TEXT) - 9, "quote", "quote by Ada Lin")
    entity = Mark(0, 12, "ent", "Ada Lin (PERSON)")
    crossing = Mark(15, 25, "claim", target="claim-15-25")
    marked = mark_text(TEXT, [quote, entity, crossing])
    assert "".join(p.text for p in marked.before) == TEXT
    kinds = {p.text: p.kinds for p in marked.before}
    assert kinds["Mayor Ada Li"] == ("ent",)
    assert kinds['"the b'] == ("claim", "quote")
    assert next(p for p in marked.before if p.text == '"the b').target == "claim-15-25"


def test_highlight_is_exactly_the_requested_characters() -> None:
    """The highlighted run is text[start:end] even when it starts and ends inside marks."""
    marks = [Mark(6, 13, "ent"), Mark(18, 44, "quote")]
    marked = mark_text(TEXT, marks, (10, 30))
    assert "".join(p.text for p in marked.highlighted) == TEXT[10:30]
    assert "".join(p.text for p in marked.before + marked.highlighted + marked.after) == TEXT


@given(
    st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(0, len(TEXT))), max_size=8),
    st.tuples(st.integers(0, len(TEXT)), st.integers(0, len(TEXT))),
)
def test_any_marks_and_highlight_rebuild_the_text(spans: list[tuple[int, int]], hl: tuple[int, int]) -> None:
    """Whatever the marks, the pieces rebuild the text and the highlight is its exact slice."""
    start, end = sorted(hl)
    marked = mark_text(TEXT, [Mark(min(a, b), max(a, b), "ent") for a, b in spans], (start, end))
    assert "".join(p.text for p in marked.before + marked.highlighted + marked.after) == TEXT
    assert "".join(p.text for p in marked.highlighted) == TEXT[start:end]


@pytest.mark.parametrize(("start", "end"), [(5, None), (None, 5), (-1, 3), (4, 2), (0, len(TEXT) + 1)])
def test_bad_highlight_is_a_clear_error(start: int | None, end: int | None) -> None:
    """A half-given, reversed or out-of-text highlight is refused with the reason."""
    with pytest.raises(UsageError, match="highlight"):
        check_highlight(TEXT, start, end)


def test_statement_cut_stresses_the_inner_span_and_links_to_the_source() -> None:
    """A statement's fragments are its own characters, the detail stressed; its link cites the span."""
    span = Span("a1", 0, len(TEXT))
    fragments = cut(TEXT, span, [Span("a1", 37, 43), Span("other", 0, 5)])
    assert "".join(f.text for f in fragments) == TEXT
    assert [f.text for f in fragments if f.stressed] == ["Monday"]
    assert source_href(Span("a1", 3, 9)) == "/articles/a1?start=3&end=9#hl"
