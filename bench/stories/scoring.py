"""Scoring with the reference scorer in ../shared/tools, loaded at run time (never copied here)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

Scorer = Callable[[dict[str, str], dict[str, str]], dict[str, Any]]


@cache
def reference_scorer(shared: Path) -> Scorer:
    """``score(gold, pred)`` from ``tools/score_clusters.py`` (B-cubed, pairwise, AMI, cluster counts)."""
    path = shared / "tools" / "score_clusters.py"
    spec = importlib.util.spec_from_file_location("score_clusters", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    scorer: Scorer = module.score
    return scorer
