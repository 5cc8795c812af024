"""Story centroids: when they cap an article's similarity with each member, and when they stop to."""

from __future__ import annotations

from newsfuse.stories.state import Centroid
from newsfuse.stories.vectors import dot, normalised

HARBOUR = normalised({"ferry": 2.0, "reef": 1.5, "velmar": 1.0, "lifeboat": 0.5})
STRIKE = normalised({"strike": 2.0, "docker": 1.0, "velmar": 0.7})
QUAKE = normalised({"quake": 1.8, "ferry": 0.3, "tremor": 1.1})


def test_an_exact_centroid_caps_the_dot_with_each_member() -> None:
    """While nothing is pruned, an article's dot with the centroid is at least its dot with any member."""
    centroid = Centroid()
    for member in (HARBOUR, STRIKE, QUAKE):
        centroid.add(member, keep=300)
    centroid.remove(STRIKE)
    article = normalised({"ferry": 1.0, "velmar": 1.0, "tremor": 0.4, "strike": 2.0})
    assert centroid.exact
    assert all(dot(article, centroid.vector) >= dot(article, m) for m in (HARBOUR, QUAKE))


def test_a_pruned_centroid_is_no_longer_exact() -> None:
    """Pruning drops member terms, so the centroid no longer caps the members."""
    centroid = Centroid()
    centroid.add(HARBOUR, keep=2)
    assert centroid.exact
    centroid.add(QUAKE, keep=2)
    assert not centroid.exact
    assert dot({"velmar": 1.0}, centroid.vector) < dot({"velmar": 1.0}, HARBOUR)


def test_a_negative_weight_or_an_inexact_merge_makes_a_centroid_inexact() -> None:
    """A negative weight (a hashed count over the document total) or absorbing an inexact story."""
    negative = Centroid()
    negative.add({"ferry": 1.2, "reef": -0.1}, keep=300)
    assert not negative.exact
    merged = Centroid()
    merged.add(HARBOUR, keep=300)
    merged.absorb(negative, keep=300)
    assert not merged.exact


def test_exactness_survives_a_snapshot_and_old_snapshots_are_not_trusted() -> None:
    """``exact`` is saved; a snapshot from before it was kept restores as inexact."""
    centroid = Centroid()
    centroid.add(HARBOUR, keep=300)
    assert Centroid.from_dict(centroid.to_dict()).exact
    old = {key: value for key, value in centroid.to_dict().items() if key != "exact"}
    assert not Centroid.from_dict(old).exact
