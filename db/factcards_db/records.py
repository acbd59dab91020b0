"""Plain dataclasses the store hands out and takes in. No behaviour, no SQL."""

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["unreviewed", "confirmed", "disputed"]
STATUSES: tuple[Status, ...] = ("unreviewed", "confirmed", "disputed")


@dataclass(frozen=True, slots=True)
class NewSource:
    """An ingested article, ready to store. `text` is what all offsets refer to."""

    path: str
    title: str
    outlet: str | None
    published: str | None
    sha256: str
    text: str
    encoding: str


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A stored article."""

    id: int
    path: str
    title: str
    outlet: str | None
    published: str | None
    sha256: str
    text: str
    encoding: str
    imported_at: str


@dataclass(frozen=True, slots=True)
class LinkableQuote:
    """What the linker needs to know about a stored quote to match new ones to its card."""

    quote_id: int
    card_id: int
    source_id: int
    text: str


@dataclass(frozen=True, slots=True)
class CardFilter:
    """Which cards a list shows. `min_score` hides candidates below the score cut."""

    min_score: float = 0.0


@dataclass(frozen=True, slots=True)
class CardSummary:
    """One row of the card list: enough to paint it."""

    id: int
    wording: str
    status: Status
    note: str
    score: float
    source_count: int
    quote_count: int
    first_quote: str
    first_source: str


@dataclass(frozen=True, slots=True)
class QuoteView:
    """A quote as the detail pane and the exports show it."""

    id: int
    source_id: int
    start: int
    end: int
    text: str
    attribution: str | None
    score: float
    source_title: str
    source_outlet: str | None
    source_path: str
    context_before: str
    context_after: str


@dataclass(frozen=True, slots=True)
class CardDetail:
    """A card with all its quotes, in source order."""

    summary: CardSummary
    quotes: list[QuoteView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One entry of the append-only event log."""

    id: int
    card_id: int | None
    editor: str
    at: str
    action: str
    before: str | None
    after: str | None
