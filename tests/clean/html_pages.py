"""Fictional HTML pages for the HTML extractor's tests (invented outlet, people and events)."""

from __future__ import annotations

import json
from typing import Any

from newsfuse.model import RawDocument, SourceKind, SourceRef

OUTLET = "The Marlow Ledger"
URL = "https://www.marlowledger.example/2025/04/02/ferry-strike-ends"
HEADLINE = "Ferry strike in Port Vessing ends after nine days"

PARAGRAPHS = (
    "Ferry crews in Port Vessing returned to work on Wednesday after a nine-day strike that stranded"
    " thousands of island commuters, the Harbour Workers Guild said in a statement.",
    "The dispute over night-shift pay was settled late on Tuesday when the operator, Vessing Lines,"
    " agreed to raise the overnight premium by twelve percent and to hire fourteen more deckhands.",
    "“We never wanted to leave people stuck on the quay,” said Orla Brennick, the guild's regional"
    " secretary, speaking outside the terminal. “But the crews were running on empty.”",
    "Island traders said the strike had cost them a week of deliveries. The council has promised a"
    " review of the timetable before the summer season begins in June.",
)
SECTION = "What happens next"
AFTER_SECTION = (
    "The first sailing left the mainland at six in the morning, and the operator expects the full"
    " timetable to run again by Friday, once two vessels have been inspected by the harbour master.",
)

NAVIGATION = """
<header><nav><ul>
  <li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe</a></li>
</ul></nav></header>
"""
SIDEBAR = """
<aside class="sidebar"><h3>Most read</h3><ul>
  <li><a href="/a">Lighthouse keeper retires after forty years</a></li>
  <li><a href="/b">Gull numbers rise along the east cliffs</a></li>
</ul></aside>
"""
COMMENTS = """
<section id="comments" class="comments"><h3>Comments</h3>
  <div class="comment"><p>Finally! My commute has been a nightmare all week, thanks to nobody.</p></div>
</section>
"""
FOOTER = """
<footer><p>© 2025 The Marlow Ledger. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a></footer>
"""
JSON_LD = (
    '<script type="application/ld+json">'
    + json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": HEADLINE,
            "datePublished": "2025-04-02T09:30:00+01:00",
            "author": [
                {"@type": "Person", "name": "Tamsin Quayle"},
                {"@type": "Person", "name": "Idris Fenwick"},
            ],
            "publisher": {"@type": "Organization", "name": OUTLET},
        }
    )
    + "</script>"
)


def article_body() -> str:
    """The article's main text as HTML: paragraphs, a section heading, more paragraphs."""
    first = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    second = "".join(f"<p>{text}</p>" for text in AFTER_SECTION)
    return f'<p class="byline">By Tamsin Quayle</p>{first}<h2>{SECTION}</h2>{second}'


def page(head: str = "", body: str | None = None, lang: str = "en-GB") -> str:
    """A full page around an article, with navigation, sidebar, comments and footer."""
    main = article_body() if body is None else body
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        f"{NAVIGATION}<main><article><h1>{HEADLINE}</h1>{main}</article>{COMMENTS}</main>"
        f"{SIDEBAR}{FOOTER}</body></html>"
    )


def raw(html: str, url: str | None = URL, **hints: Any) -> RawDocument:
    """A raw HTML document as a reader would hand it over."""
    return RawDocument(SourceRef(SourceKind.FILE, "page.html"), html=html, url=url, **hints)
