"""Bytes → text: byte-order marks, declared charsets, UTF-8, then detection; binary and empty input refused.

Every reader decodes through :func:`decode_bytes`, so an input is judged the same way whatever container it
came in. Failures raise :class:`InputError` with the reason a user should see.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from newsfuse.errors import InputError

SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.05
_MIN_PRINTABLE_RATIO = 0.9
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = {9, 10, 12, 13, 27}
_CONTROL_BYTES = bytes(b for b in range(256) if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
_NON_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_NEWLINES = re.compile(r"\r\n?")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do we.
_WINDOWS_1252_LABELS = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "ascii", "us-ascii", "windows-1252"}
_APOSTROPHES = {"’", "‘"}
_MIN_UTF8_PER_BAD_BYTE = 10


def human_size(size: int) -> str:
    """A byte count as a short human figure (``12.3 MB``)."""
    if size < 1024:
        return f"{size} bytes"
    value = size / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def over_cap_reason(size: int, max_bytes: int) -> str:
    """The reason given for an input larger than the cap: its size and the cap, so the user can raise it."""
    return f"too large: {human_size(size)} is over the {human_size(max_bytes)} cap (--max-bytes)"


def check_not_binary(data: bytes) -> None:
    """Raise when the bytes are empty or look binary (NUL bytes, many control bytes)."""
    if not data.strip():
        raise InputError("empty")
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        raise InputError("binary content (NUL bytes), not text")
    controls = len(sample.translate(None, _NON_CONTROL_BYTES))
    if controls / len(sample) > _MAX_CONTROL_RATIO:
        raise InputError(f"binary content ({controls} control bytes in the first {len(sample)}), not text")


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> str:
    """Decode input bytes to text with ``\\n`` newlines, or raise ``InputError`` (empty, binary).

    Order: a byte-order mark; the declared charset (an HTTP header, or ``<meta charset>`` when ``html``)
    if the bytes decode with it; UTF-8; then charset-normalizer, preferring windows-1252 among Latin
    single-byte guesses because short Western texts are often misread as Central European.
    """
    text = _decode_bom(data)
    if text is None:
        check_not_binary(data)
        charset = declared or (sniff_meta_charset(data) if html else None)
        text = _decode_declared(data, charset) if charset else None
        if text is None:
            text = _decode_undeclared(data)
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    if not text.strip():
        raise InputError("empty")
    _check_printable(text)
    return text


def sniff_meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if any."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    return None


def _decode_declared(data: bytes, charset: str) -> str | None:
    label = charset.strip().lower()
    if label.startswith(("utf-16", "utf16", "utf-32", "utf32")):
        return None  # real UTF-16/32 without a BOM has NUL bytes and was refused; this label is wrong
    encoding = "cp1252" if label in _WINDOWS_1252_LABELS else label
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_undeclared(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":  # cut inside the last character: drop it
            return data[: error.start].decode("utf-8", errors="replace")
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    best = charset_normalizer.from_bytes(data).best()
    western = _plausible_cp1252(data)
    if best is None or (western is not None and _is_latin_script(str(best))):
        return western if western is not None else data.decode("cp1252", errors="replace")
    return str(best)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes (pages pasted from two sources) stays UTF-8, the bad bytes replaced."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    return text if good >= _MIN_UTF8_PER_BAD_BYTE * bad else None


def _plausible_cp1252(data: bytes) -> str | None:
    """The windows-1252 reading of the bytes, unless it puts symbols inside words (``Za¿ó³æ``)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for index in range(1, len(text) - 1):
        char = text[index]
        if ord(char) < 128 or char.isalpha() or char in _APOSTROPHES:
            continue
        if text[index - 1].isalpha() and text[index + 1].isalpha():
            return None
    return text


def _is_latin_script(text: str) -> bool:
    """True when every non-ASCII letter of the text is a Latin letter."""
    return all(
        "LATIN" in unicodedata.name(char, "") for char in set(text) if ord(char) >= 128 and char.isalpha()
    )


def _check_printable(text: str) -> None:
    """Refuse decoded text dense with control characters: binary bytes that happened to decode."""
    sample = text[:SNIFF_BYTES]
    unprintable = len(_UNPRINTABLE.findall(sample))
    if unprintable / len(sample) > 1 - _MIN_PRINTABLE_RATIO:
        raise InputError(f"binary content ({unprintable} control characters), not text")
