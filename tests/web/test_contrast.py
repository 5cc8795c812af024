"""The stylesheet's colours meet WCAG AA: 4.5:1 for text, 3:1 for the lines that carry meaning.

The ratios are computed from ``site.css`` itself: every rule that sets both a text colour and a background
is checked as a pair, every other text colour against the page, and the few places where text sits on a
background set by an enclosing element are listed below.
"""

from __future__ import annotations

import re

import pytest

from newsfuse.web import STATIC_DIR

CSS = (STATIC_DIR / "site.css").read_text()
PALETTE = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", CSS))
RULES = re.findall(r"([^{}]+)\{([^{}]*)\}", CSS)

# Text whose background comes from an enclosing element: (text colour, background).
NESTED = [
    ("ink", "panel"),  # header, table heads, notes
    ("link", "panel"),  # links in the header and notes
    ("muted", "panel"),  # outlet list and meta text in notes
    ("ink", "ent-bg"),  # entity marks, hovered statements, the targeted claim
    ("link", "ent-bg"),  # links inside the targeted claim
    ("ink", "quote-bg"),  # quotation marks, stressed search words
    ("ink", "hl-bg"),  # the highlighted source characters
]
LINES = [("claim-line", "paper"), ("good", "paper"), ("warn", "paper"), ("bad", "paper")]


def _var(value: str) -> str | None:
    match = re.search(r"var\(--([\w-]+)\)", value)
    return match.group(1) if match else None


def _declared_pairs() -> list[tuple[str, str]]:
    pairs = []
    for _selector, body in RULES:
        decls = dict(
            (k.strip(), v.strip()) for k, _, v in (d.partition(":") for d in body.split(";")) if v.strip()
        )
        color = _var(decls.get("color", ""))
        background = _var(decls.get("background", decls.get("background-color", "")))
        if color:
            pairs.append((color, background or "paper"))
    return pairs


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_ratios() -> None:
    """Black on white is 21:1, and #767676 on white is the well-known AA boundary (4.54:1)."""
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("text", "background"), sorted(set(_declared_pairs() + NESTED)))
def test_text_colours_meet_aa(text: str, background: str) -> None:
    """Every text colour is at least 4.5:1 against each background it is shown on."""
    assert contrast(PALETTE[text], PALETTE[background]) >= 4.5


@pytest.mark.parametrize(("line", "background"), LINES)
def test_meaningful_lines_meet_aa_for_graphics(line: str, background: str) -> None:
    """Underlines and borders that carry meaning are at least 3:1 against the page."""
    assert contrast(PALETTE[line], PALETTE[background]) >= 3.0
