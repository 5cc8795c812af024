"""RSS and Atom feeds: one document per entry with its metadata; a file that is not a feed is one Skipped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from ingest_helpers import Route, article_html, documents, read_all, skips

from newsfuse.ingest import ReadOptions
from newsfuse.model import DateSource, SourceKind, SourceRef

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Tidewatch Post</title>
  <link>https://tidewatchpost.example/</link>
  <language>en-gb</language>
  <item>
    <title>Pier repairs start in Gullhaven</title>
    <link>{link}</link>
    <pubDate>Mon, 05 May 2031 08:15:00 +0000</pubDate>
    <dc:creator>Marta Kiel</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Repairs to the <b>north pier</b> began on Monday.</p>]]></content:encoded>
  </item>
  <item>
    <title>Ferry fares to rise</title>
    <link>https://tidewatchpost.example/fares</link>
    <description>&lt;p&gt;Fares rise by 4% in June.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo of the day</title>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Vorland Herald</title>
  <entry>
    <title>Harbour board vote</title>
    <link href="https://vorlandherald.example/vote"/>
    <updated>2031-05-06T10:00:00Z</updated>
    <author><name>Piet Aaldering</name></author>
    <content type="text">The board voted 5-2 on Tuesday.</content>
  </entry>
</feed>
"""


def test_rss_items_become_documents(tmp_path: Path) -> None:
    """content:encoded is preferred to the summary; title, link, date, author and feed title are kept."""
    path = tmp_path / "tidewatch.rss"
    path.write_text(RSS.format(link="https://tidewatchpost.example/pier"), encoding="utf-8")
    results = read_all(path)
    pier, fares = documents(results)
    assert pier.html == "<p>Repairs to the <b>north pier</b> began on Monday.</p>"
    assert pier.title == "Pier repairs start in Gullhaven"
    assert pier.url == "https://tidewatchpost.example/pier"
    assert pier.published == datetime(2031, 5, 5, 8, 15, tzinfo=UTC)
    assert pier.published_source is DateSource.METADATA
    assert pier.authors == ("Marta Kiel",)
    assert pier.outlet == "Tidewatch Post"
    assert pier.language == "en-gb"
    assert pier.source == SourceRef(SourceKind.FEED, str(path), item=1)
    assert fares.html == "<p>Fares rise by 4% in June.</p>"
    assert fares.published is None
    [skip] = skips(results)
    assert str(skip) == f"{path}:3: feed entry has no content or summary"


def test_atom_entries_become_documents(tmp_path: Path) -> None:
    """Atom content of type text is handed over as text."""
    path = tmp_path / "vorland.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = read_all(path)
    assert doc.text == "The board voted 5-2 on Tuesday."
    assert doc.authors == ("Piet Aaldering",)
    assert doc.outlet == "Vorland Herald"
    assert doc.published == datetime(2031, 5, 6, 10, 0, tzinfo=UTC)


def test_sniffed_feed_without_feed_extension(tmp_path: Path) -> None:
    """A feed saved without a known extension is recognised by its first bytes."""
    path = tmp_path / "vorland-feed"
    path.write_text(ATOM, encoding="utf-8")
    assert len(documents(read_all(path))) == 1


def test_file_that_is_not_a_feed_is_one_skip(tmp_path: Path) -> None:
    """An .xml file that is not RSS or Atom is one Skipped saying so."""
    path = tmp_path / "timetable.xml"
    path.write_text("Ferry timetable: 07:00, 09:30, 12:00 — not a feed at all <<", encoding="utf-8")
    [skip] = read_all(path)
    assert skip.locator == str(path)
    assert skip.reason.startswith("not an RSS/Atom feed")


def test_fetch_mode_reads_the_linked_pages(
    tmp_path: Path, http_server: tuple[str, Callable[[str, Route], None]]
) -> None:
    """With fetching on, each entry's link is fetched, keeping the feed's title, date and outlet."""
    base, add_route = http_server
    add_route("/feed/pier", Route(body=article_html("Pier repairs start in Gullhaven", "Tidewatch Post")))
    path = tmp_path / "tidewatch.rss"
    path.write_text(RSS.format(link=f"{base}/feed/pier"), encoding="utf-8")
    options = ReadOptions(fetch=True, allow_private=True, timeout_seconds=5)
    results = read_all(path, options)
    pier = documents(results)[0]
    assert pier.html is not None and "Harbourmaster Ilse Varnholt" in pier.html
    assert pier.source == SourceRef(SourceKind.URL, f"{base}/feed/pier")
    assert pier.title == "Pier repairs start in Gullhaven"
    assert pier.outlet == "Tidewatch Post"
    assert pier.published == datetime(2031, 5, 5, 8, 15, tzinfo=UTC)
    refused = [skip for skip in skips(results) if skip.locator == "https://tidewatchpost.example/fares"]
    assert len(refused) == 1
