"""Plain-text and HTML files: read as they are, with their SourceRef; bad files give one Skipped each."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import documents, read_all, skips

from newsfuse.ingest import ReadOptions
from newsfuse.model import SourceKind, SourceRef

STORY = (
    "Gullhaven ferry to run all winter\n\nThe harbour board voted 5-2 on Tuesday, chair O. Penhallow said\n"
)


def test_text_file_is_read_as_text(tmp_path: Path) -> None:
    """A .txt file becomes one text document pointing at the file."""
    path = tmp_path / "ferry.txt"
    path.write_text(STORY, encoding="utf-8")
    [doc] = read_all(path)
    assert doc.text == STORY
    assert doc.html is None
    assert doc.source == SourceRef(SourceKind.FILE, str(path))


def test_mis_encoded_text_file_is_decoded(tmp_path: Path) -> None:
    """A windows-1252 .txt file with curly quotes is decoded, not skipped."""
    text = "“We will not close the pier,” said Mayor Annika Solberg of Vøringen.\n"
    path = tmp_path / "pier.txt"
    path.write_bytes(text.encode("cp1252"))
    [doc] = documents(read_all(path))
    assert doc.text == text


def test_utf16_text_file_with_bom(tmp_path: Path) -> None:
    """A UTF-16 file with a byte-order mark is read like any other."""
    path = tmp_path / "wide.txt"
    path.write_bytes(STORY.encode("utf-16"))
    [doc] = documents(read_all(path))
    assert doc.text == STORY


def test_html_file_is_handed_over_as_markup(tmp_path: Path) -> None:
    """An .html file is handed over as HTML, with the decoding its <meta charset> asks for."""
    page = '<html><head><meta charset="iso-8859-1"><title>Fête du port</title></head><body>Fête</body></html>'
    path = tmp_path / "fete.html"
    path.write_bytes(page.encode("latin-1"))
    [doc] = read_all(path)
    assert doc.html == page
    assert doc.text is None
    assert doc.source == SourceRef(SourceKind.FILE, str(path))


def test_malformed_html_is_still_handed_over(tmp_path: Path) -> None:
    """Broken markup is not judged here: cleaning decides what to make of it."""
    page = "<html><body><p>Unclosed <b>bold <div>nested</p></span><p>Ferry fares rise by 4%"
    path = tmp_path / "broken.htm"
    path.write_text(page, encoding="utf-8")
    [doc] = read_all(path)
    assert doc.html == page


def test_empty_binary_and_huge_files_give_one_skip_each(tmp_path: Path) -> None:
    """Each bad file yields exactly one Skipped naming it and saying why."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(300))
    (tmp_path / "huge.txt").write_text("word " * 400, encoding="utf-8")
    options = ReadOptions(max_bytes=1000)
    reasons = {}
    for name in ("empty.txt", "blank.html", "photo.txt", "huge.txt"):
        [skip] = read_all(tmp_path / name, options)
        assert skip.locator == str(tmp_path / name)
        reasons[name] = skip.reason
    assert reasons["empty.txt"] == "empty"
    assert reasons["blank.html"] == "empty"
    assert reasons["photo.txt"].startswith("binary content")
    assert reasons["huge.txt"] == "too large: 2.0 KB is over the 1000 bytes cap (--max-bytes)"


def test_missing_file_is_one_skip(tmp_path: Path) -> None:
    """A path that does not exist yields one Skipped saying so."""
    [skip] = skips(read_all(tmp_path / "nowhere.txt"))
    assert skip.reason == "no such file or directory"


def test_seed_articles_are_read_as_text(seeds_dir: Path) -> None:
    """The seed articles in ../shared/seeds read as text documents pointing at their files."""
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert seeds
    for path in seeds:
        [doc] = read_all(path)
        assert doc.source == SourceRef(SourceKind.FILE, str(path))
        assert doc.text == path.read_text(encoding="utf-8").replace("\r\n", "\n")
