"""Scraper text → units: paragraphs separated by blank lines, hard-wrapped lines joined, other lines apart.

A unit is what the cleaner keeps or drops as a whole. Text without blank lines (a flattened web page)
becomes one unit per line; a block of lines wrapped at a fixed width becomes one unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.clean.boilerplate import is_boilerplate
from newsfuse.clean.shape import ends_sentence

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_MIN_WRAPPED_CHARS = 40
_MAX_WRAP_WIDTH = 120
_WRAP_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Unit:
    """One candidate paragraph; ``block`` numbers the blank-line-separated block it came from."""

    text: str
    block: int
    starts_block: bool


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width: every line but the last is long and close to the widest, most of
    them stop mid-sentence, and none is a furniture line (which must stay apart to be dropped)."""
    if len(lines) < 2:
        return False
    widest = max(len(line) for line in lines)
    if widest > _MAX_WRAP_WIDTH:
        return False
    floor = max(_MIN_WRAPPED_CHARS, _WRAP_SHARE * widest)
    if not all(len(line) >= floor for line in lines[:-1]):
        return False
    if sum(ends_sentence(line) for line in lines[:-1]) * 2 > len(lines) - 1:
        return False
    return not any(is_boilerplate(line, normalised=True) for line in lines)


def split_units(text: str) -> list[Unit]:
    """The units of ``text`` in order, whitespace collapsed, empty lines gone."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    units: list[Unit] = []
    for block_number, block in enumerate(_BLANK_LINE.split(normalised)):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        pieces = [" ".join(lines)] if _is_hard_wrapped(lines) else lines
        units.extend(Unit(piece, block_number, index == 0) for index, piece in enumerate(pieces))
    return units


def is_paragraph_text(units: list[Unit]) -> bool:
    """Whether the text is written as blank-line-separated paragraphs (not one line per page block)."""
    if len(units) < 2:
        return True
    return sum(unit.starts_block for unit in units) * 2 >= len(units)
