"""A ``.newsfuseignore`` file in a walked folder leaves documentation and manifests out of discovery."""

from __future__ import annotations

from pathlib import Path

from newsfuse.ingest import ReadOptions, discover_sources


def _names(root: Path, *paths: Path) -> list[str]:
    sources = discover_sources([str(p) for p in paths or (root,)], ReadOptions())
    return [s.path.relative_to(root).as_posix() for s in sources]


def test_listed_patterns_are_left_out_below_their_folder(tmp_path: Path) -> None:
    """Patterns match names and relative paths in the ignore file's folder and below; comments are skipped."""
    for name in ["a.txt", "README.md", "notes/README.md", "notes/b.txt", "drafts/c.txt", "feeds/d.json"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("An article about the Marrow lantern festival.\n", encoding="utf-8")
    (tmp_path / ".newsfuseignore").write_text("# docs\nREADME.md\n\ndrafts/\n", encoding="utf-8")
    (tmp_path / "feeds" / ".newsfuseignore").write_text("*.json\n", encoding="utf-8")
    assert _names(tmp_path) == ["a.txt", "notes/b.txt"]


def test_a_file_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    """The ignore file only filters folder walks: a file the user names is always a source."""
    (tmp_path / "README.md").write_text("Read me.\n", encoding="utf-8")
    (tmp_path / ".newsfuseignore").write_text("README.md\n", encoding="utf-8")
    assert _names(tmp_path, tmp_path / "README.md") == ["README.md"]
    assert _names(tmp_path) == []
