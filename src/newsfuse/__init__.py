"""newsfuse: articles from many outlets in; stories, who-said-what and cross-outlet comparison out.

The Python API (:mod:`newsfuse.py_api`) is loaded on first use, so ``import newsfuse`` costs nothing::

    import newsfuse

    with newsfuse.open("news.db") as nf:
        nf.ingest(["examples/"])
        print(nf.stories().items)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsfuse.py_api import Newsfuse, open

__version__ = "0.1.0"
__all__ = ["Newsfuse", "__version__", "open"]


def __getattr__(name: str) -> Any:
    """``newsfuse.open`` and ``newsfuse.Newsfuse``, imported when first asked for."""
    if name in ("Newsfuse", "open"):
        from newsfuse import py_api

        return getattr(py_api, name)
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
