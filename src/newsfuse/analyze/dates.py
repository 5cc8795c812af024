"""Temporal expressions: spaCy's DATE/TIME entities plus a few shipped patterns, each normalised.

Values are ISO-like strings — "2023-12", "2024-07-04", "2015", or a range "2024-01-01/2024-07-15" —
resolved against the publication date where the expression is relative ("in May", "earlier this
year", "this past week"). News reports mostly the past, so a bare month or weekday resolves to its
most recent occurrence up to publication; a month and day to the occurrence nearest publication.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import cache
from importlib import resources

from spacy.tokens import Doc

from newsfuse.analyze.syntax import entities_of, text_of, tokens_of

NO_PUBLICATION = "relative expression and no publication date"
UNRECOGNISED = "not a calendar expression this analyzer normalises"

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
FULL_DATE = re.compile(rf"\b{MONTH} {DAY},? {YEAR}\b")
DAY_FIRST = re.compile(rf"\b{DAY} {MONTH},? {YEAR}\b")
MONTH_YEAR = re.compile(rf"\b{MONTH},? (?:of )?{YEAR}\b")
MONTH_DAY = re.compile(rf"\b{MONTH} {DAY}\b")
ONLY_MONTH = re.compile(rf"\b{MONTH}\b")
ONLY_YEAR = re.compile(rf"\b{YEAR}\b")
DECADE = re.compile(r"\b(?P<decade>(?:19|20)\d0)s\b")
AGO = re.compile(r"\b(?P<n>\d+|a|one|two|three|four|five|six) (?P<unit>day|week|month|year)s? ago\b")
WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b")
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
DATE_LABELS = frozenset({"DATE", "TIME"})
# Where no tagger ran (sentences with no attribution cue), these stand in for its DATE entities.
UNTAGGED_PATTERNS = (
    *(
        re.compile(p.pattern, re.IGNORECASE)
        for p in (FULL_DATE, DAY_FIRST, MONTH_YEAR, DECADE, AGO, ONLY_YEAR)
    ),
    re.compile(r"\b(?:" + "|".join(name.title() for name in WEEKDAYS) + r")\b"),
)


@cache
def extra_patterns() -> tuple[re.Pattern[str], ...]:
    """The shipped patterns for phrases the tagger misses (``data/dates.txt``)."""
    text = resources.files("newsfuse.analyze").joinpath("data/dates.txt").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(re.compile(line, re.IGNORECASE) for line in lines)


@cache
def _extra_start() -> re.Pattern[str]:
    """Where any shipped pattern matches: one pass over the text finds every place one of them may
    start, so each is tried there alone instead of scanning the whole text once per pattern."""
    either = "|".join(f"(?:{pattern.pattern})" for pattern in extra_patterns())
    return re.compile(f"(?={either})", re.IGNORECASE)


def _extra_matches(text: str) -> list[tuple[int, int]]:
    """Each shipped pattern's matches, as its own ``finditer`` gives them (leftmost, not overlapping)."""
    starts = [m.start() for m in _extra_start().finditer(text)]
    ranges: list[tuple[int, int]] = []
    for pattern in extra_patterns():
        end = 0
        for start in starts:
            if start >= end and (m := pattern.match(text, start)):
                ranges.append(m.span())
                end = m.end()
    return ranges


def find_temporal(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of temporal expressions: tagger entities and pattern hits, overlaps merged."""
    ranges: list[tuple[int, int]] = []
    names: list[tuple[int, int]] = []
    for ent in entities_of(doc):
        (ranges if ent.label_ in DATE_LABELS else names).append((ent.start_char, ent.end_char))
    text = text_of(doc)
    ranges.extend(_extra_matches(text))
    for start, end in _untagged(doc):
        for pattern in UNTAGGED_PATTERNS:
            ranges.extend(m.span() for m in pattern.finditer(text, start, end))
    ranges = [r for r in ranges if not _overlaps_name(r, names)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps_name(span: tuple[int, int], names: list[tuple[int, int]]) -> bool:
    """Whether the span overlaps one of the names (entities: in order and disjoint, so ends ascend)."""
    first = bisect_right(names, span[0], key=lambda name: name[1])  # the first name ending after it starts
    return first < len(names) and names[first][0] < span[1]


def normalise(text: str, published: date | None) -> tuple[str | None, str | None]:
    """The ISO-like value of a temporal expression, or None with the reason."""
    phrase = text.lower().strip()
    absolute = _absolute(phrase)
    if absolute is not None:
        return absolute, None
    value = _relative(phrase, published or PROBE_DATE)
    if value is None:
        return None, UNRECOGNISED
    if published is None:
        return None, NO_PUBLICATION
    return value, None


PROBE_DATE = date(2000, 6, 15)  # only to test whether a phrase is a relative form we know


def _absolute(phrase: str) -> str | None:
    if m := FULL_DATE.search(phrase) or DAY_FIRST.search(phrase):
        return f"{m['year']}-{MONTHS[m['month']]:02d}-{int(m['day']):02d}"
    if m := MONTH_YEAR.search(phrase):
        return f"{m['year']}-{MONTHS[m['month']]:02d}"
    if m := DECADE.search(phrase):
        return f"{m['decade']}/{int(m['decade']) + 9}"
    if (m := ONLY_YEAR.search(phrase)) and not re.search(r"\d+-year", phrase):
        return m["year"]
    return None


def _relative(phrase: str, pub: date) -> str | None:
    for rule in (_today_like, _periods, _ago, _month_day, _weekday, _month):
        value = rule(phrase, pub)
        if value is not None:
            return value
    return None


def _span(start: date, end: date) -> str:
    return f"{start.isoformat()}/{end.isoformat()}"


def _today_like(phrase: str, pub: date) -> str | None:
    for word, shift in (("yesterday", -1), ("today", 0), ("tonight", 0), ("tomorrow", 1)):
        if re.search(rf"\b{word}\b", phrase):
            return (pub + timedelta(days=shift)).isoformat()
    return None


def _periods(phrase: str, pub: date) -> str | None:
    """This/last/next/past week, month or year, and "earlier this year"."""
    monday = pub - timedelta(days=pub.weekday())
    if re.search(r"\b(?:this )?past week\b", phrase):
        return _span(pub - timedelta(days=7), pub)
    if "earlier this year" in phrase:
        return _span(date(pub.year, 1, 1), pub)
    if "earlier this month" in phrase:
        return _span(pub.replace(day=1), pub)
    table = {
        "last week": _span(monday - timedelta(days=7), monday - timedelta(days=1)),
        "next week": _span(monday + timedelta(days=7), monday + timedelta(days=13)),
        "this week": _span(monday, monday + timedelta(days=6)),
        "last month": _month_value(*_shift_month(pub.year, pub.month, -1)),
        "next month": _month_value(*_shift_month(pub.year, pub.month, 1)),
        "this month": _month_value(pub.year, pub.month),
        "last year": str(pub.year - 1),
        "next year": str(pub.year + 1),
        "this year": str(pub.year),
        "past year": _span(pub - timedelta(days=365), pub),
    }
    return next((value for key, value in table.items() if key in phrase), None)


def _ago(phrase: str, pub: date) -> str | None:
    m = AGO.search(phrase)
    if m is None:
        return None
    n = NUMBERS.get(m["n"]) or int(m["n"])
    if m["unit"] in {"day", "week"}:
        return (pub - timedelta(days=n * (7 if m["unit"] == "week" else 1))).isoformat()
    if m["unit"] == "month":
        return _month_value(*_shift_month(pub.year, pub.month, -n))
    return str(pub.year - n)


def _month_day(phrase: str, pub: date) -> str | None:
    """A month and day with no year: the occurrence nearest publication."""
    m = MONTH_DAY.search(phrase)
    if m is None or not 1 <= int(m["day"]) <= calendar.monthrange(pub.year, MONTHS[m["month"]])[1]:
        return None
    month, day = MONTHS[m["month"]], int(m["day"])
    candidates = [date(pub.year + k, month, day) for k in (-1, 0, 1) if _valid(pub.year + k, month, day)]
    return min(candidates, key=lambda d: abs((d - pub).days)).isoformat()


def _weekday(phrase: str, pub: date) -> str | None:
    """A weekday: the most recent one up to publication (next one after "next")."""
    m = WEEKDAY.search(phrase)
    if m is None:
        return None
    back = (pub.weekday() - WEEKDAYS[m["weekday"]]) % 7
    if "next" in phrase:
        return (pub + timedelta(days=(7 - back) % 7 or 7)).isoformat()
    return (pub - timedelta(days=back)).isoformat()


def _month(phrase: str, pub: date) -> str | None:
    """A bare month: its most recent occurrence up to publication."""
    m = ONLY_MONTH.search(phrase)
    if m is None or (m["month"] == "may" and phrase.strip() not in {"may", "in may"}):
        return None
    month = MONTHS[m["month"]]
    year = pub.year if month <= pub.month else pub.year - 1
    return _month_value(year, month)


def _month_value(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def _valid(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


def _untagged(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the stretches the tagger did not run on."""
    ranges: list[tuple[int, int]] = []
    tokens = tokens_of(doc)
    for token in tokens:
        if token.tag_ or token.is_space:
            continue
        end = token.idx + len(token)
        if ranges and tokens[token.i - 1].tag_ == "":
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((token.idx, end))
    return ranges
