"""factcards_db: the SQLite project file. No Qt here; the UI calls this API, never SQL."""

from factcards_db.errors import (
    ProjectError,
    ProjectLocked,
    ProjectNotFound,
    ProjectReadOnly,
    ProjectTooNew,
    ProjectUnreadable,
)
from factcards_db.project import CONTEXT_CHARS, Project
from factcards_db.records import (
    STATUSES,
    CardDetail,
    CardFilter,
    CardSummary,
    EventRecord,
    LinkableQuote,
    NewSource,
    QuoteView,
    SourceRecord,
    Status,
)

__all__ = [
    "CONTEXT_CHARS",
    "STATUSES",
    "CardDetail",
    "CardFilter",
    "CardSummary",
    "EventRecord",
    "LinkableQuote",
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
]
