"""Small helpers every part of the store uses to write SQL."""

from collections.abc import Sequence
from datetime import UTC, datetime

# A card the editor can see, with the cards table as `c`: not merged into another, not
# removed. (The card list's partial indexes, schema.py's 0004_card_order, are made on the
# same condition, which is what lets SQLite use them.)
LIVE_CARD = "c.merged_into IS NULL AND c.removed = 0"


def now() -> str:
    """The time, as the store records it (UTC, to the second)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def placeholders(values: Sequence[object]) -> str:
    """As many "?" as values, for an IN (...) list."""
    return ", ".join("?" for _ in values)
