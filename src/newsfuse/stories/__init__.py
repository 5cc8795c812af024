"""Stories: online clustering of articles into stories (``cluster.online.v2``) and cross-document entities.

Entry points: :class:`~newsfuse.stories.clusterer.OnlineClusterer` (``add``, ``snapshot``/``restore``,
``stories``, ``drain_closed``) and :func:`~newsfuse.stories.clusterer.cluster_batch` for back-fills.
Near-duplicate detection lives beside it in :mod:`newsfuse.stories.dedup`.
"""

from newsfuse.stories.clusterer import NAME, OnlineClusterer, cluster_batch
from newsfuse.stories.options import ClusterOptions
from newsfuse.stories.xdoc import EntityTable, story_entities

__all__ = ["NAME", "ClusterOptions", "EntityTable", "OnlineClusterer", "cluster_batch", "story_entities"]
