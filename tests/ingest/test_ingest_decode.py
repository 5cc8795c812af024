"""Decoding: byte-order marks, declared and detected charsets, binary and empty input, the size cap."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest.decode import decode_bytes, human_size, sniff_meta_charset
from newsfuse.ingest.files import read_capped

WESTERN = "Le café de Gullhaven était très animé à Noël, dit Mme Østergård."
CURLY = "“It’s a fair deal,” said councillor Brannoch — twice."


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_decide_the_encoding(bom: bytes, encoding: str) -> None:
    """Text behind any UTF-8/16/32 byte-order mark decodes exactly, without the mark."""
    assert decode_bytes(bom + WESTERN.encode(encoding)) == WESTERN


def test_utf8_without_bom() -> None:
    """Plain UTF-8 decodes as UTF-8."""
    assert decode_bytes(CURLY.encode("utf-8")) == CURLY


@pytest.mark.parametrize("text", [WESTERN, CURLY])
def test_windows_1252_is_recognised(text: str) -> None:
    """Short Western European text in windows-1252 (curly quotes, accents) is not misread as cp1250."""
    assert decode_bytes(text.encode("cp1252")) == text


def test_latin1_is_recognised() -> None:
    """ISO-8859-1 text comes back with its accents."""
    text = "Müller sagte, die Straße nach Großbrück sei gesperrt."
    assert decode_bytes(text.encode("latin-1")) == text


def test_central_european_text_is_not_forced_into_windows_1252() -> None:
    """Polish text in cp1250 keeps its letters (windows-1252 would put symbols inside words)."""
    text = "Zażółć gęślą jaźń, powiedział burmistrz Wierzbowa."
    assert decode_bytes(text.encode("cp1250")) == text


def test_cyrillic_single_byte_text() -> None:
    """Russian text in cp1251 is detected as Cyrillic, not read as accented Latin."""
    text = "Мэр Заречного сообщил, что паром начнёт работу в июне."
    assert decode_bytes(text.encode("cp1251")) == text


def test_html_meta_charset_is_respected() -> None:
    """An HTML page's <meta charset> decides its decoding."""
    page = f'<html><head><meta charset="windows-1252"></head><body>{WESTERN}</body></html>'
    assert WESTERN in decode_bytes(page.encode("cp1252"), html=True)
    assert sniff_meta_charset(
        b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    ) == ("ISO-8859-1")


def test_a_wrong_declared_charset_falls_back_to_detection() -> None:
    """A declared charset the bytes do not decode with is ignored rather than garbling the page."""
    page = f'<meta charset="utf-8"><p>{WESTERN}</p>'.encode("cp1252")
    assert WESTERN in decode_bytes(page, html=True)


def test_newlines_are_normalised() -> None:
    """Windows and old Mac newlines become \\n."""
    assert decode_bytes(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"  \n", codecs.BOM_UTF16_LE])
def test_empty_input_is_refused(data: bytes) -> None:
    """Empty or whitespace-only input is refused as "empty"."""
    with pytest.raises(InputError, match=r"^empty$"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01",
        bytes(range(1, 32)) * 20,
        b"PK\x03\x04" + bytes(200),
    ],
)
def test_binary_input_is_refused(data: bytes) -> None:
    """NUL bytes or many control bytes mean binary content, which is refused with that reason."""
    with pytest.raises(InputError, match=r"^binary content"):
        decode_bytes(data)


def test_size_cap_is_checked_before_reading(tmp_path: Path) -> None:
    """A file over the cap is refused from its size alone, naming its size and the cap."""
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(64 * 1024**3)  # sparse: reading it would take minutes and 64 GB
    with pytest.raises(InputError, match=r"64\.0 GB is over the 10\.0 MB cap"):
        read_capped(huge, 10 * 1024 * 1024)


def test_size_cap_admits_files_at_the_cap(tmp_path: Path) -> None:
    """A file of exactly the cap is read whole."""
    path = tmp_path / "edge.txt"
    path.write_bytes(b"a" * 100)
    assert read_capped(path, 100) == b"a" * 100


def test_human_sizes() -> None:
    """Sizes read as bytes, KB, MB or GB."""
    assert [human_size(n) for n in (512, 2048, 5 * 1024**2, 3 * 1024**3)] == [
        "512 bytes",
        "2.0 KB",
        "5.0 MB",
        "3.0 GB",
    ]


def test_a_utf16_label_on_ascii_bytes_is_ignored() -> None:
    """A page claiming UTF-16 in its <meta> but written in UTF-8 is read as UTF-8, not as CJK garbage."""
    page = '<html><head><meta charset="utf-16"></head><body>Gullhaven’s ferry</body></html>'
    assert decode_bytes(page.encode("utf-8"), html=True) == page


def test_utf8_cut_inside_the_last_character() -> None:
    """A UTF-8 file truncated inside its last character keeps everything before it, undamaged."""
    text = "“Ferry’s back,” said Ilse Varnholt. Fête!"
    assert decode_bytes(text.encode("utf-8")[:-2]) == text[:-2]


def test_mostly_utf8_with_a_stray_byte() -> None:
    """One latin-1 byte in a UTF-8 text does not turn every curly quote into mojibake."""
    text = "“Ferry’s back,” said Ilse Varnholt. “It’s a fair deal,” she added. Crème brûlée à Noël. "
    data = text.encode("utf-8") + "Caf\xe9 closed.".encode("latin-1")
    assert decode_bytes(data) == text + "Caf\ufffd closed."
