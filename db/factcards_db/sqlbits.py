"""Small helpers every part of the store uses to write SQL."""

from collections.abc import Sequence
from datetime import UTC, datetime


def now() -> str:
    """The time, as the store records it (UTC, to the second)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def placeholders(values: Sequence[object]) -> str:
    """As many "?" as values, for an IN (...) list."""
    return ", ".join("?" for _ in values)
