"""Fetching: off unless asked; private addresses refused on every hop; size and time capped."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_helpers import Route, article_html, documents, read_all, skips

from newsfuse.errors import InputError
from newsfuse.ingest import ReadOptions, Skipped
from newsfuse.ingest.fetch import address_refusal, fetch_document, fetch_or_skip, resolve_checked
from newsfuse.model import SourceKind, SourceRef

Server = tuple[str, Callable[[str, Route], None]]
LOCAL = ReadOptions(fetch=True, allow_private=True, timeout_seconds=5)


def test_url_list_without_fetch_skips_each_url(tmp_path: Path) -> None:
    """Without --fetch nothing is fetched: each URL is one Skipped saying how to turn fetching on."""
    path = tmp_path / "reading.urls"
    path.write_text("# morning list\nhttps://tidewatchpost.example/a\n\nhttp://vorlandherald.example/b\n")
    results = read_all(path)
    assert results == [
        Skipped("https://tidewatchpost.example/a", "network fetching is off; pass --fetch"),
        Skipped("http://vorlandherald.example/b", "network fetching is off; pass --fetch"),
    ]


def test_text_file_of_urls_is_a_url_list(tmp_path: Path) -> None:
    """A .txt file whose lines are all URLs is read as a URL list, not as an article."""
    path = tmp_path / "links.txt"
    path.write_text("https://tidewatchpost.example/a\nhttps://tidewatchpost.example/b\n")
    assert [type(result) for result in read_all(path)] == [Skipped, Skipped]


def test_non_url_line_in_url_list(tmp_path: Path) -> None:
    """A line of a .urls file that is not a URL is Skipped with its line number."""
    path = tmp_path / "mixed.urls"
    path.write_text("https://tidewatchpost.example/a\nftp://old.example/file\n")
    second = read_all(path)[1]
    assert second == Skipped(f"{path}:2", "not an http(s) URL: ftp://old.example/file")


def test_loopback_is_refused_without_allow_private(http_server: Server) -> None:
    """A page on 127.0.0.1 is refused unless private addresses are allowed."""
    base, add_route = http_server
    add_route("/refused", Route(body=article_html("Ferry")))
    skip = fetch_or_skip(f"{base}/refused", ReadOptions(fetch=True, timeout_seconds=5))
    assert isinstance(skip, Skipped)
    assert skip.reason == "refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address (--allow-private)"


def test_names_are_checked_by_their_resolved_address(http_server: Server) -> None:
    """ "localhost" is refused for the loopback address it resolves to, not for its name."""
    base, _ = http_server
    url = base.replace("127.0.0.1", "localhost")
    with pytest.raises(InputError, match=r"refused: localhost resolves to .*loopback"):
        fetch_document(url, ReadOptions(fetch=True, timeout_seconds=5))


def test_page_is_fetched_with_allow_private(http_server: Server) -> None:
    """With private addresses allowed, the page is fetched and handed over as HTML with its URL."""
    base, add_route = http_server
    add_route("/ferry", Route(body=article_html("Ferry to run all winter")))
    doc = fetch_document(f"{base}/ferry", LOCAL)
    assert doc.html == article_html("Ferry to run all winter").decode()
    assert doc.url == f"{base}/ferry"
    assert doc.source == SourceRef(SourceKind.URL, f"{base}/ferry")
    assert doc.outlet == "127.0.0.1"


def test_url_list_with_fetch(tmp_path: Path, http_server: Server) -> None:
    """A URL list with fetching on yields the pages, and a Skipped for each failure with the reason."""
    base, add_route = http_server
    add_route("/list/a", Route(body=article_html("Pier")))
    path = tmp_path / "today.urls"
    path.write_text(f"{base}/list/a\n{base}/list/missing\n")
    results = read_all(path, LOCAL)
    assert [doc.url for doc in documents(results)] == [f"{base}/list/a"]
    assert skips(results) == [Skipped(f"{base}/list/missing", "HTTP 404 Not Found")]


def test_size_cap_while_streaming(http_server: Server) -> None:
    """A body over the cap is refused with the cap named."""
    base, add_route = http_server
    add_route("/big", Route(body=b"<html><p>" + b"tide " * 5000 + b"</p></html>"))
    options = ReadOptions(fetch=True, allow_private=True, max_bytes=4096, timeout_seconds=5)
    with pytest.raises(InputError, match=r"over the 4\.0 KB cap"):
        fetch_document(f"{base}/big", options)


def test_timeout(http_server: Server) -> None:
    """A server slower than the timeout gives a timed-out failure."""
    base, add_route = http_server
    add_route("/slow", Route(body=article_html("Slow"), delay=1.5))
    options = ReadOptions(fetch=True, allow_private=True, timeout_seconds=0.3)
    with pytest.raises(InputError, match=r"^timed out after 0\.3 s$"):
        fetch_document(f"{base}/slow", options)


def test_redirect_is_followed(http_server: Server) -> None:
    """A redirect is followed, and the document keeps the final URL."""
    base, add_route = http_server
    add_route("/moved", Route(status=301, headers={"Location": "/ferry-new"}))
    add_route("/ferry-new", Route(body=article_html("Ferry")))
    assert fetch_document(f"{base}/moved", LOCAL).url == f"{base}/ferry-new"


def test_redirect_to_a_link_local_address_is_refused(http_server: Server) -> None:
    """A hop to the cloud metadata address is refused even with private addresses allowed."""
    base, add_route = http_server
    add_route("/sneaky", Route(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}))
    with pytest.raises(InputError, match=r"^refused: 169\.254\.169\.254 resolves to .*a link-local address$"):
        fetch_document(f"{base}/sneaky", LOCAL)


def test_redirect_loop_stops(http_server: Server) -> None:
    """More than five redirects end the fetch."""
    base, add_route = http_server
    add_route("/loop", Route(status=302, headers={"Location": "/loop"}))
    with pytest.raises(InputError, match="more than 5 redirects"):
        fetch_document(f"{base}/loop", LOCAL)


def test_non_html_content_is_refused(http_server: Server) -> None:
    """A response that is not HTML is refused with its content type."""
    base, add_route = http_server
    add_route("/photo", Route(body=b"\x89PNG", headers={"Content-Type": "image/png"}))
    with pytest.raises(InputError, match=r"^not HTML \(content type image/png\)$"):
        fetch_document(f"{base}/photo", LOCAL)


@pytest.mark.parametrize(
    ("address", "allow_private", "expected"),
    [
        ("10.1.2.3", False, "private"),
        ("192.168.0.10", False, "private"),
        ("127.0.0.1", False, "loopback"),
        ("::1", False, "loopback"),
        ("100.64.0.1", False, "non-public"),
        ("169.254.169.254", True, "link-local"),
        ("fe80::1", True, "link-local"),
        ("224.0.0.251", True, "multicast"),
        ("240.0.0.1", True, "reserved"),
        ("0.0.0.0", True, "unspecified"),
        ("::ffff:10.0.0.1", False, "private"),
        ("10.1.2.3", True, None),
        ("93.184.215.14", False, None),
        ("2a00:1450:4001:81b::200e", False, None),
    ],
)
def test_address_policy(address: str, allow_private: bool, expected: str | None) -> None:
    """Private and loopback need allow_private; link-local, multicast, reserved are never fetched."""
    assert address_refusal(ipaddress.ip_address(address), allow_private) == expected


def test_resolution_refuses_private_names() -> None:
    """Resolving a name returns its address only when every address it has is allowed."""
    assert str(resolve_checked("localhost", 80, allow_private=True)) in {"127.0.0.1", "::1"}
    with pytest.raises(InputError, match="loopback"):
        resolve_checked("localhost", 80, allow_private=False)


def test_redirect_to_a_malformed_url_is_a_clear_failure(http_server: Server) -> None:
    """A Location header that is not a usable URL ends the fetch with a reason, not a crash."""
    base, add_route = http_server
    add_route("/garbled", Route(status=302, headers={"Location": "http://[not-an-address/"}))
    add_route("/ftp", Route(status=302, headers={"Location": "ftp://files.example/ferry.html"}))
    with pytest.raises(InputError, match=r"^invalid redirect to 'http://\[not-an-address/'"):
        fetch_document(f"{base}/garbled", LOCAL)
    with pytest.raises(InputError, match=r"^not an http\(s\) URL: ftp://"):
        fetch_document(f"{base}/ftp", LOCAL)
