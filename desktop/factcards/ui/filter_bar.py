"""Finding cards: search and filters above the card list.

Search is full-text (SQLite FTS5 over wording, quotes, notes and tags; what the editor
types is quoted, so no input is a syntax error). Filters: status, source, tag, has a
conflict, single source, hidden cards, minimum score; and the sort order. Each change
re-queries the store; the status bar's counts follow.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from factcards.ui.status_style import status_label
from factcards.ui.translation import QT_TRANSLATE_NOOP
from factcards_db import CARD_ORDERS, STATUSES, CardFilter, CardOrder, Status

# Search runs this long after the last keystroke.
SEARCH_DELAY_MS = 180
ORDER_LABELS: dict[CardOrder, str] = {
    "sources": QT_TRANSLATE_NOOP("FilterBar", "Most sources"),
    "score": QT_TRANSLATE_NOOP("FilterBar", "Best score"),
    "conflicts": QT_TRANSLATE_NOOP("FilterBar", "Most conflicts"),
    "document": QT_TRANSLATE_NOOP("FilterBar", "Document order"),
}


class FilterBar(QWidget):
    """Search box and filters; emits `changed` when the list should show other cards."""

    changed = Signal()
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search wording, quotes, notes and tags"))
        self.search.setAccessibleName(self.tr("Search cards"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._search_now)
        back = QShortcut(QKeySequence("Esc"), self.search)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(self.leave_requested)

        self.status = QComboBox()
        self.status.setObjectName("status_filter")
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Any status"), None)
        for status in STATUSES:
            self.status.addItem(status_label(status), status)

        self.source = QComboBox()
        self.source.setObjectName("source_filter")
        self.source.setAccessibleName(self.tr("Source"))
        self.source.addItem(self.tr("Any source"), None)
        self.source.setMaximumWidth(220)

        self.tag = QComboBox()
        self.tag.setObjectName("tag_filter")
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.addItem(self.tr("Any tag"), None)

        self.conflicts = QCheckBox(self.tr("Conflicts"))
        self.conflicts.setObjectName("conflict_filter")
        self.conflicts.setToolTip(self.tr("Only cards a source contradicts"))
        self.single = QCheckBox(self.tr("Single source"))
        self.single.setObjectName("single_source_filter")
        self.single.setToolTip(self.tr("Only cards carried by one source"))
        self.hidden = QCheckBox(self.tr("Hidden"))
        self.hidden.setObjectName("hidden_filter")
        self.hidden.setToolTip(
            self.tr("Show the cards hidden as not claims, instead of the others")
        )

        self.min_score = QDoubleSpinBox()
        self.min_score.setObjectName("min_score")
        self.min_score.setAccessibleName(self.tr("Minimum check-worthiness score"))
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setPrefix(self.tr("score ≥ "))

        self.order = QComboBox()
        self.order.setObjectName("order")
        self.order.setAccessibleName(self.tr("Sort order"))
        for order in CARD_ORDERS:
            self.order.addItem(self.tr(ORDER_LABELS[order]), order)

        for combo in (self.status, self.source, self.tag, self.order):
            combo.currentIndexChanged.connect(self.changed)
        for box in (self.conflicts, self.single, self.hidden):
            box.toggled.connect(self.changed)
        self.min_score.valueChanged.connect(self.changed)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.search, 0, 0, 1, 4)
        layout.addWidget(self.order, 0, 4)
        layout.addWidget(self.status, 1, 0)
        layout.addWidget(self.source, 1, 1)
        layout.addWidget(self.tag, 1, 2)
        layout.addWidget(self.min_score, 1, 3)
        checks = QWidget()
        row = QGridLayout(checks)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Only:")), 0, 0)
        row.addWidget(self.conflicts, 0, 1)
        row.addWidget(self.single, 0, 2)
        row.addWidget(self.hidden, 0, 3)
        layout.addWidget(checks, 2, 0, 1, 5)

    def card_filter(self) -> CardFilter:
        """The filter the bar describes."""
        status: Status | None = self.status.currentData()
        return CardFilter(
            min_score=round(self.min_score.value(), 2),
            order=self.order.currentData() or "sources",
            search=self.search.text(),
            statuses=frozenset({status}) if status else frozenset(),
            source_id=self.source.currentData(),
            tag=self.tag.currentData(),
            has_conflict=self.conflicts.isChecked(),
            single_source=self.single.isChecked(),
            hidden=self.hidden.isChecked(),
        )

    def set_sources(self, sources: list[tuple[int, str]]) -> None:
        """The sources to filter by (id, name), keeping the current choice."""
        self._refill(self.source, self.tr("Any source"), sources)

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        """The tags in use (tag, number of cards), keeping the current choice."""
        self._refill(self.tag, self.tr("Any tag"), [(tag, f"{tag} ({n})") for tag, n in tags])

    def set_order(self, order: CardOrder) -> None:
        """Choose the sort order (without a second `changed` when it is the same)."""
        index = self.order.findData(order)
        if index >= 0 and index != self.order.currentIndex():
            self.order.setCurrentIndex(index)

    def clear(self) -> None:
        """Back to every card (the sort order and score cut stay)."""
        self.blockSignals(True)
        try:
            self.search.clear()
            for combo in (self.status, self.source, self.tag):
                combo.setCurrentIndex(0)
            for box in (self.conflicts, self.single, self.hidden):
                box.setChecked(False)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected."""
        self.search.setFocus()
        self.search.selectAll()

    def _search_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def _refill(
        self, combo: QComboBox, any_label: str, items: Sequence[tuple[object, str]]
    ) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(any_label, None)
            for value, label in items:
                combo.addItem(label, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)
        if current is not None and combo.currentData() != current:
            self.changed.emit()
