"""Typed errors with one base class.

Each kind maps to one CLI exit code and one HTTP status, so every interface reports a failure the same way.
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base of every error newsfuse raises on purpose."""

    exit_code = 1
    http_status = 500
    code = "error"


class InputError(NewsfuseError):
    """One input item could not be read or cleaned; the batch goes on without it."""

    exit_code = 2
    http_status = 422
    code = "bad_input"


class UsageError(NewsfuseError):
    """The caller asked for something that cannot be done as asked."""

    exit_code = 2
    http_status = 400
    code = "bad_request"


class NotFoundError(NewsfuseError):
    """No article, story or entity with that id."""

    exit_code = 3
    http_status = 404
    code = "not_found"


class StoreError(NewsfuseError):
    """The store cannot be opened, migrated or written."""

    exit_code = 4
    http_status = 503
    code = "store_unavailable"
