"""Inline SVG pictures for the HTML report: the outlets × facts grid and the article timeline."""

from __future__ import annotations

from html import escape

from newsfuse.model.comparison import StoryComparison

CELL = 16
LABEL_WIDTH = 180


def facts_grid(comparison: StoryComparison) -> str:
    """One row per outlet, one column per fact (corroborated first); a filled cell where it reports it."""
    outlets = list(dict.fromkeys(c.outlet for f in comparison.facts for c in f.claims))
    facts = comparison.facts
    width = LABEL_WIDTH + CELL * max(len(facts), 1) + 10
    height = CELL * (len(outlets) + 1) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for row, outlet in enumerate(outlets):
        y = CELL * (row + 1)
        parts.append(f'<text x="0" y="{y + 12}" font-size="11">{escape(outlet)}</text>')
        for col, fact in enumerate(facts):
            present = any(c.outlet == outlet for c in fact.claims)
            fill = ("#2b7a4b" if fact.corroborated else "#c98a1b") if present else "#eeeeee"
            x = LABEL_WIDTH + CELL * col
            parts.append(
                f'<rect x="{x}" y="{y}" width="{CELL - 2}" height="{CELL - 2}" fill="{fill}">'
                f"<title>{escape(fact.id)}</title></rect>"
            )
    parts.append("</svg>")
    return "".join(parts)


def timeline(comparison: StoryComparison) -> str:
    """Articles in publication order on one line, each with its outlet."""
    count = len(comparison.articles)
    step = 140
    width = step * max(count, 1) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="70" role="img">',
        f'<line x1="20" y1="20" x2="{width - 20}" y2="20" stroke="#888"/>',
    ]
    for index, article in enumerate(comparison.articles):
        x = 20 + step * index + step // 2
        when = article.published.strftime("%Y-%m-%d %H:%M") if article.published else article.order_basis
        parts.append(f'<circle cx="{x}" cy="20" r="6" fill="#24527a"/>')
        parts.append(
            f'<text x="{x}" y="42" font-size="11" text-anchor="middle">{escape(article.outlet[:22])}</text>'
        )
        parts.append(f'<text x="{x}" y="58" font-size="10" text-anchor="middle">{escape(when)}</text>')
    parts.append("</svg>")
    return "".join(parts)
