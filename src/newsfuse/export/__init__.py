"""Outputs to files and streams: story reports (:mod:`newsfuse.export.reports`)."""
