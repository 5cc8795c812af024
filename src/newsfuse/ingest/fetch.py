"""Fetching web pages safely: resolved addresses checked on every hop, size and time capped.

Only called when ``ReadOptions.fetch`` is true. The host is resolved here and the connection goes to the
address that was checked (the name is kept for the ``Host`` header and TLS), so a name cannot resolve to a
public address for the check and to a private one for the connection. ``allow_private`` lets loopback and
private networks through (a local mirror, a test server); link-local (cloud metadata endpoints), multicast,
reserved and unspecified addresses are refused always. Proxies from the environment are not used, for the
same reason.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from urllib.parse import SplitResult, urljoin, urlsplit

import httpx

from newsfuse.errors import InputError
from newsfuse.ingest.base import ReadOptions, ReadResult, Skipped
from newsfuse.ingest.decode import decode_bytes, human_size, over_cap_reason
from newsfuse.ingest.metadata import looks_like_html, outlet_from_url
from newsfuse.model import RawDocument, SourceKind, SourceRef

MAX_REDIRECTS = 5
FETCH_OFF_REASON = "network fetching is off; pass --fetch"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def fetch_or_skip(url: str, options: ReadOptions) -> ReadResult:
    """The page at ``url`` as a raw document, or a Skipped saying why not (fetching off, refused, failed)."""
    if not options.fetch:
        return Skipped(url, FETCH_OFF_REASON)
    try:
        return fetch_document(url, options)
    except InputError as error:
        return Skipped(url, str(error))


def fetch_document(url: str, options: ReadOptions) -> RawDocument:
    """Fetch one HTML page, following up to five redirects, each checked; raise ``InputError`` on failure."""
    headers = {"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml"}
    current = url
    try:
        # trust_env=False: a proxy from the environment would connect to the name, not the checked address
        with httpx.Client(
            timeout=options.timeout_seconds, follow_redirects=False, headers=headers, trust_env=False
        ) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                outcome = _fetch_hop(client, current, options)
                if isinstance(outcome, RawDocument):
                    return outcome
                current = outcome
    except httpx.TimeoutException as error:
        raise InputError(f"timed out after {options.timeout_seconds:g} s") from error
    except httpx.HTTPError as error:
        raise InputError(f"fetch failed: {error}") from error
    except (httpx.InvalidURL, ValueError) as error:
        raise InputError(f"invalid URL {current}: {error}") from error
    raise InputError(f"more than {MAX_REDIRECTS} redirects")


def address_refusal(address: IPAddress, allow_private: bool) -> str | None:
    """Why fetching from this address is refused (``"loopback"``, ``"link-local"``…), or None if allowed."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:  # before "reserved": ::1 lies in the reserved ::/8
        return None if allow_private else "loopback"
    for kind, flag in (
        ("unspecified", address.is_unspecified),
        ("multicast", address.is_multicast),
        ("link-local", address.is_link_local),
        ("reserved", address.is_reserved),
    ):
        if flag:
            return kind
    if allow_private:
        return None
    if address.is_private:
        return "private"
    return None if address.is_global else "non-public"


def resolve_checked(host: str, port: int, allow_private: bool) -> IPAddress:
    """Resolve ``host`` and return its first address, refusing it if any address it resolves to is refused."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise InputError(f"cannot resolve host {host}: {error}") from error
    addresses = list(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos))
    for address in addresses:
        refusal = address_refusal(address, allow_private)
        if refusal is not None:
            hint = "" if allow_private or refusal not in {"loopback", "private"} else " (--allow-private)"
            raise InputError(f"refused: {host} resolves to {address}, a {refusal} address{hint}")
    if not addresses:
        raise InputError(f"cannot resolve host {host}: no addresses")
    return addresses[0]


def _fetch_hop(client: httpx.Client, url: str, options: ReadOptions) -> RawDocument | str:
    """One request: the page, or the next URL to go to when the answer is a redirect."""
    parts = urlsplit(url)
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise InputError(f"not an http(s) URL: {url}")
    port = parts.port or _DEFAULT_PORTS[parts.scheme]
    address = resolve_checked(parts.hostname, port, options.allow_private)
    extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
    deadline = time.monotonic() + options.timeout_seconds
    # "close": each hop gets its own connection; a pooled one would carry an earlier hop's TLS name
    request_headers = {"Host": parts.netloc.rpartition("@")[2], "Connection": "close"}
    with client.stream(
        "GET", _pinned_url(parts, address, port), headers=request_headers, extensions=extensions
    ) as response:
        if response.is_redirect:
            return _redirect_target(url, str(response.headers.get("location", "")))
        if response.status_code >= 400:
            raise InputError(f"HTTP {response.status_code} {response.reason_phrase}")
        mime = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if mime and mime not in HTML_TYPES:
            raise InputError(f"not HTML (content type {mime})")
        body = _read_body(response, options, deadline)
        charset = response.charset_encoding
    html = decode_bytes(body, declared=charset, html=True)
    if not mime and not looks_like_html(html):
        raise InputError("not HTML (no content type, and the body has no HTML tags)")
    return RawDocument(source=SourceRef(SourceKind.URL, url), html=html, url=url, outlet=outlet_from_url(url))


def _redirect_target(url: str, location: str) -> str:
    try:
        target = urljoin(url, location)
        urlsplit(target).port  # noqa: B018 - raises ValueError on a malformed host or port
    except ValueError as error:
        raise InputError(f"invalid redirect to {location[:200]!r}: {error}") from error
    return target


def _read_body(response: httpx.Response, options: ReadOptions, deadline: float) -> bytes:
    """The response body, stopping as soon as it passes the size cap or the time limit."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise InputError(over_cap_reason(int(declared), options.max_bytes))
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > options.max_bytes:
            raise InputError(f"too large: more than the {human_size(options.max_bytes)} cap (--max-bytes)")
        if time.monotonic() > deadline:
            raise InputError(f"timed out after {options.timeout_seconds:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _pinned_url(parts: SplitResult, address: IPAddress, port: int) -> str:
    """The URL with its host replaced by the checked address, so the connection goes where we checked."""
    host = f"[{address}]" if address.version == 6 else str(address)
    return parts._replace(netloc=f"{host}:{port}").geturl()
