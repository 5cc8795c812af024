"""Keys and rankings the clusterer's output order rests on (fictional names)."""

from newsfuse.model.story import EntityRef
from newsfuse.stories.entities import entity_keys, surname_key
from newsfuse.stories.vectors import top_terms


def test_top_terms_ties_keep_insertion_order() -> None:
    vector = {"harbour": 0.5, "ferry": 0.9, "strike": 0.5, "dock": 0.5, "union": 0.9}
    assert top_terms(vector, 4) == ["ferry", "union", "harbour", "strike"]
    assert top_terms(vector, 1) == ["ferry"]
    assert top_terms(vector, 9) == ["ferry", "union", "harbour", "strike", "dock"]


def test_entity_keys_are_sorted_and_distinct_whatever_the_alias_order() -> None:
    one = EntityRef("Marta Quillfeather", "PERSON", ("Quillfeather", "marta quillfeather"), 3)
    other = EntityRef("Marta Quillfeather", "PERSON", ("marta quillfeather", "Quillfeather"), 1)
    assert entity_keys(one) == entity_keys(other) == tuple(sorted(set(entity_keys(one))))
    assert len(entity_keys(one)) == 2


def test_surname_key_only_for_a_full_person_name() -> None:
    assert surname_key(EntityRef("Marta Quillfeather", "PERSON")) == "quillfeather"
    assert surname_key(EntityRef("Quillfeather", "PERSON")) is None
    assert surname_key(EntityRef("Quillfeather Shipping", "ORG")) is None
