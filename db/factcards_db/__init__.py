"""factcards_db: the SQLite project file. No Qt here; the UI calls this API, never SQL."""

from factcards_db.errors import (
    ProjectError,
    ProjectLocked,
    ProjectNotFound,
    ProjectReadOnly,
    ProjectTooNew,
    ProjectUnreadable,
)
from factcards_db.project import Project
from factcards_db.queries import CONTEXT_CHARS
from factcards_db.records import (
    CARD_ORDERS,
    STATUSES,
    CardDetail,
    CardFilter,
    CardOrder,
    CardSummary,
    ConflictRecord,
    ConflictView,
    EventRecord,
    LinkableQuote,
    NewQuote,
    NewSource,
    QuoteView,
    SourceRecord,
    Status,
    SuggestionView,
)

__all__ = [
    "CARD_ORDERS",
    "CONTEXT_CHARS",
    "STATUSES",
    "CardDetail",
    "CardFilter",
    "CardOrder",
    "CardSummary",
    "ConflictRecord",
    "ConflictView",
    "EventRecord",
    "LinkableQuote",
    "NewQuote",
    "NewSource",
    "Project",
    "ProjectError",
    "ProjectLocked",
    "ProjectNotFound",
    "ProjectReadOnly",
    "ProjectTooNew",
    "ProjectUnreadable",
    "QuoteView",
    "SourceRecord",
    "Status",
    "SuggestionView",
]
