"""Settings, each declared once with its type and default (as Picard's options.py does).

Stored with QSettings in the platform's usual place. Window geometry and splitter sizes
are kept apart from the user's choices.
"""

import getpass
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QByteArray, QSettings

from factcards_db import CARD_ORDERS, STATUSES, CardOrder, Status

MAX_RECENT = 8


@dataclass(frozen=True, slots=True)
class BriefDefaults:
    """The brief options a user keeps between exports."""

    statuses: tuple[Status, ...] = STATUSES
    notes: bool = True
    quotes: bool = True
    group_by: Literal["status", "source"] = "status"
    conflicts: bool = True
    single_source_warnings: bool = True


def default_editor_name() -> str:
    """The operating-system user, the editor's name until they set another."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "editor"


class Settings:
    """The user's settings."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings()

    @property
    def editor_name(self) -> str:
        """Who the event log names for this user's actions."""
        value = self._store.value("editor/name", "", type=str)
        return str(value).strip() or default_editor_name()

    @editor_name.setter
    def editor_name(self, name: str) -> None:
        self._store.setValue("editor/name", name.strip())

    @property
    def recent_projects(self) -> list[Path]:
        """Projects opened lately, the newest first, only those still on disk."""
        values = self._store.value("projects/recent", [], type=list)
        if not isinstance(values, list):
            return []
        return [Path(value) for value in values if Path(value).is_file()]

    def remember_project(self, path: Path) -> None:
        """Put a project first in the recent list and make it the one to reopen."""
        path = path.resolve()
        recent = [p for p in self.recent_projects if p.resolve() != path]
        self._store.setValue("projects/recent", [str(p) for p in [path, *recent][:MAX_RECENT]])
        self._store.setValue("projects/last", str(path))

    @property
    def show_low_scoring(self) -> bool:
        """Whether the list also shows candidates below the score cut."""
        return bool(self._store.value("view/show_low_scoring", False, type=bool))

    @show_low_scoring.setter
    def show_low_scoring(self, shown: bool) -> None:
        self._store.setValue("view/show_low_scoring", shown)

    @property
    def card_order(self) -> CardOrder:
        """How the card list is sorted."""
        value = str(self._store.value("view/order", "sources", type=str))
        for order in CARD_ORDERS:
            if value == order:
                return order
        return "sources"

    @card_order.setter
    def card_order(self, order: CardOrder) -> None:
        self._store.setValue("view/order", order)

    @property
    def brief_defaults(self) -> BriefDefaults:
        """The brief options Export brief… starts from."""
        statuses = self._store.value("brief/statuses", list(STATUSES), type=list)
        chosen = tuple(s for s in STATUSES if isinstance(statuses, list) and s in statuses)
        group = str(self._store.value("brief/group_by", "status", type=str))
        return BriefDefaults(
            statuses=chosen or STATUSES,
            notes=bool(self._store.value("brief/notes", True, type=bool)),
            quotes=bool(self._store.value("brief/quotes", True, type=bool)),
            group_by="source" if group == "source" else "status",
            conflicts=bool(self._store.value("brief/conflicts", True, type=bool)),
            single_source_warnings=bool(
                self._store.value("brief/single_source_warnings", True, type=bool)
            ),
        )

    @brief_defaults.setter
    def brief_defaults(self, defaults: BriefDefaults) -> None:
        self._store.setValue("brief/statuses", list(defaults.statuses))
        self._store.setValue("brief/notes", defaults.notes)
        self._store.setValue("brief/quotes", defaults.quotes)
        self._store.setValue("brief/group_by", defaults.group_by)
        self._store.setValue("brief/conflicts", defaults.conflicts)
        self._store.setValue("brief/single_source_warnings", defaults.single_source_warnings)

    def window_state(self, name: str) -> QByteArray | None:
        """Saved geometry or splitter state, if any."""
        value = self._store.value(f"window/{name}")
        return value if isinstance(value, QByteArray) else None

    def save_window_state(self, name: str, state: QByteArray) -> None:
        """Keep a geometry or splitter state for next time."""
        self._store.setValue(f"window/{name}", state)
