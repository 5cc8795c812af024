"""What every reader produces and the options that govern reading."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsfuse.model import RawDocument

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_USER_AGENT = "newsfuse/0.1 (+https://example.invalid/newsfuse; news research)"


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input item that was not read, with the item's locator and the reason, for the user to see."""

    locator: str
    reason: str

    def __str__(self) -> str:
        return f"{self.locator}: {self.reason}"

    def to_dict(self) -> dict[str, str]:
        return {"locator": self.locator, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs. Network access happens only with ``fetch=True``."""

    fetch: bool = False
    allow_private: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout_seconds: float = 15.0
    user_agent: str = DEFAULT_USER_AGENT


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file (or ``-`` for stdin) and its size in bytes when known, for progress."""

    path: Path
    size: int | None = None

    @property
    def locator(self) -> str:
        return str(self.path)


ReadResult = RawDocument | Skipped
Reader = Callable[[Source, ReadOptions], Iterator[ReadResult]]
