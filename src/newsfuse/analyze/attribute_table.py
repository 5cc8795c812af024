"""The model's attribute ruler as lookup tables: the same POS, MORPH and LEMMA at a fraction of the cost.

spaCy's ``attribute_ruler`` maps tags to parts of speech (and a few words to lemmas) by running a
``Matcher`` with its 179 patterns over every token, a fifth of the pipeline's time. Its patterns only
compare the token's lower-cased form, tag, dependency label and whether it is a space, so the patterns
that hold for one such combination are worked out once and cached. Matches are applied in the ruler's
own order (pattern by pattern, later ones winning), with the ruler's own attribute values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FEATURES = ("LOWER", "TAG", "DEP", "IS_SPACE")

Key = tuple[int, int, int, int]  # LOWER, TAG, DEP (string hashes) and IS_SPACE of one token
Test = Callable[[dict[str, Any]], bool]


class UnsupportedPatternError(ValueError):
    """A ruler pattern uses an attribute or operator the table does not evaluate."""


def _value_test(feature: str, spec: Any) -> Callable[[Any], bool]:
    """A test of one feature value; an unknown value (None) passes none."""
    inner = _operator_test(feature, spec)
    return lambda value: value is not None and inner(value)


def _operator_test(feature: str, spec: Any) -> Callable[[Any], bool]:
    if not isinstance(spec, dict):
        return lambda value: bool(value == spec)
    ((op, arg),) = spec.items()
    if op == "IN":
        members = frozenset(arg)
        return lambda value: value in members
    if op == "NOT_IN":
        excluded = frozenset(arg)
        return lambda value: value not in excluded
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda value: pattern.search(value) is not None
    raise UnsupportedPatternError(f"{feature}: operator {op!r}")


def _token_test(spec: dict[str, Any]) -> Test:
    """A test of one pattern token against a token's features."""
    unknown = set(spec) - set(FEATURES)
    if unknown:
        raise UnsupportedPatternError(f"attributes {sorted(unknown)}")
    tests = [(feature, _value_test(feature, value)) for feature, value in spec.items()]
    return lambda features: all(test(features[feature]) for feature, test in tests)


@dataclass(frozen=True, slots=True)
class _Rule:
    """One ruler pattern: its tests per token, which token it sets, and the ruler's attribute id."""

    attr_id: int
    tests: tuple[Test, ...]
    index: int


class AttributeTable:
    """A drop-in for a loaded ``AttributeRuler`` (``__call__`` on a Doc, same results)."""

    def __init__(self, ruler: Any) -> None:
        self.strings = ruler.vocab.strings
        self.attrs: list[dict[int, int]] = list(ruler.attrs)
        self.rules: list[_Rule] = []
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tests = tuple(_token_test(spec) for spec in pattern)
                self.rules.append(_Rule(attr_id, tests, entry["index"]))
        self.lower_tests = [
            _value_test("LOWER", spec["LOWER"])
            for entry in ruler.patterns
            for pattern in entry["patterns"]
            for spec in pattern[:1]
            if "LOWER" in spec
        ]
        self.named: dict[int, bool] = {}  # word form → whether some rule's first token names it
        self.cache: dict[Key, tuple[list[tuple[int, dict[int, int]]], dict[int, int], list[_Rule]]] = {}

    def _features(self, key: Key) -> dict[str, Any]:
        lower, tag, dep, is_space = key
        text = self.strings.as_string
        word = text(lower) if lower else None
        return {"LOWER": word, "TAG": text(tag), "DEP": text(dep), "IS_SPACE": bool(is_space)}

    def _reduced(self, key: Key) -> Key:
        """The key with the word form dropped (0) when no rule's first token names it: the cache then
        holds one entry per tag and label for all ordinary words, so it stays small."""
        lower = key[0]
        named = self.named.get(lower)
        if named is None:
            word = self.strings.as_string(lower)
            named = self.named[lower] = any(test(word) for test in self.lower_tests)
        return key if named else (0, key[1], key[2], key[3])

    def _entry(self, key: Key) -> tuple[list[tuple[int, dict[int, int]]], dict[int, int], list[_Rule]]:
        """For a token's features: the one-token rules that hold (in order, and merged, later ones
        winning) and the longer rules whose first token accepts it. Cached per combination."""
        key = self._reduced(key)
        found = self.cache.get(key)
        if found is None:
            features = self._features(key)
            starting = [r for r in self.rules if r.tests[0](features)]
            single = [(r.attr_id, self.attrs[r.attr_id]) for r in starting if len(r.tests) == 1]
            found = self.cache[key] = (single, _merged(single), [r for r in starting if len(r.tests) > 1])
        return found

    def __call__(self, doc: Doc) -> Doc:
        keys: list[Key] = [tuple(row) for row in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()]
        entries = [self._entry(key) for key in keys]
        extra: dict[int, list[tuple[int, dict[int, int]]]] = {}
        for start, (_, _, longer) in enumerate(entries):
            for rule in longer:
                end = start + len(rule.tests)
                if end <= len(keys) and all(
                    test(self._features(k))
                    for test, k in zip(rule.tests[1:], keys[start + 1 : end], strict=True)
                ):
                    target = start + rule.index if rule.index >= 0 else end + rule.index
                    extra.setdefault(target, []).append((rule.attr_id, self.attrs[rule.attr_id]))
        for i, (single, merged, _) in enumerate(entries):
            if i in extra:
                merged = _merged(sorted(single + extra[i], key=lambda item: item[0]))
            if merged:
                set_token_attrs(doc[i], merged)
        return doc


def _merged(applied: list[tuple[int, dict[int, int]]]) -> dict[int, int]:
    """Attribute values after applying the rules in order (a later rule overwrites an earlier one)."""
    merged: dict[int, int] = {}
    for _, attrs in applied:
        merged.update(attrs)
    return merged
