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
class SourceLabel:
    """What names a stored article in a list, without its text."""

    id: int
    title: str
    outlet: str | None


@dataclass(frozen=True, slots=True)
class IndexableQuote:
    """A stored quote as the linker's index reads it: its words, and its cards (none when
    the editor hid them)."""

    quote_id: int
    source_id: int
    text: str
    subject: str | None
    context: str | None
    card_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkIndexState:
    """How far the project's linker index goes, and how it was made."""

    version: str
    through_quote: int
    quotes: int


@dataclass(frozen=True, slots=True)
class NewQuote:
    """A claim span of a source, ready to store."""

    start: int
    end: int
    attribution: str | None
    score: float
    subject: str | None = None
    origin: str | None = None
    context: str | None = None


CardOrder = Literal["sources", "score", "conflicts", "document"]
CARD_ORDERS: tuple[CardOrder, ...] = ("sources", "score", "conflicts", "document")
# Where a page of the card list starts: the order's key of the last card shown before it.
CardKey = tuple[float | int, ...]


@dataclass(frozen=True, slots=True)
class CardFilter:
    """Which cards a list shows, in which order.

    `min_score` hides candidates below the score cut; `search` is full-text search over
    wording, quotes, notes and tags (the editor's words, quoted: never a syntax error);
    an empty `statuses` means every status. Orders: "sources" (most sources, then best
    score), "score" (check-worthiness), "conflicts" (most conflicts first), "document"
    (as the articles tell them).
    """

    min_score: float = 0.0
    order: CardOrder = "sources"
    search: str = ""
    statuses: frozenset[Status] = frozenset()
    source_id: int | None = None
    tag: str | None = None
    has_conflict: bool = False
    single_source: bool = False
    hidden: bool = False  # show the hidden cards instead of the others


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
    origin_count: int = 0
    conflict_count: int = 0
    suggestion_count: int = 0
    hidden: bool = False
    tags: tuple[str, ...] = ()


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
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class ConflictView:
    """A quote of one card that another quote contradicts, and why."""

    id: int
    quote_id: int
    card_id: int
    other_quote_id: int
    other_card_id: int
    other_text: str
    other_source_title: str
    other_source_outlet: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class SuggestionView:
    """Another card that may be the same claim, with the match score."""

    card_id: int
    other_card_id: int
    other_wording: str
    score: float
    state: Literal["open", "accepted", "rejected"]


@dataclass(frozen=True, slots=True)
class ConflictRecord:
    """A conflict between two quotes, each end by card and span (for the JSON export)."""

    quote_a: int
    card_a: int
    source_a: int
    start_a: int
    end_a: int
    quote_b: int
    card_b: int
    source_b: int
    start_b: int
    end_b: int
    reason: str


@dataclass(frozen=True, slots=True)
class CardDetail:
    """A card with all its quotes in source order, its conflicts and its suggestions."""

    summary: CardSummary
    quotes: list[QuoteView] = field(default_factory=list)
    conflicts: list[ConflictView] = field(default_factory=list)
    suggestions: list[SuggestionView] = field(default_factory=list)


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


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """What a merge moved, so that it can be undone exactly."""

    keep: int
    other: int
    moved_quotes: tuple[int, ...]
    note_before: str
    score_before: float


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """A quote's place in its source, and the card it is on (for the source view)."""

    quote_id: int
    start: int
    end: int
    card_id: int
