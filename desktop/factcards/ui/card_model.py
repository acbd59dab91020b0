"""The card list's model: it holds card ids and fetches rows lazily into a bounded cache.

Like Anki's browser table, the model never owns the whole project: it asks the store for
the rows the view paints, a page at a time, and forgets the least recently used ones.
"""

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from factcards.ui.status_style import status_label
from factcards.ui.translation import translate
from factcards_db import CardFilter, CardSummary, Project

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
_PAGE = 64
_CACHE_LIMIT = 4096

Index = QModelIndex | QPersistentModelIndex


class CardListModel(QAbstractListModel):
    """Cards of one project, in the store's order, under a filter."""

    def __init__(self, project: Project, card_filter: CardFilter | None = None) -> None:
        super().__init__()
        self._project = project
        self._filter = card_filter or CardFilter()
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._cache: OrderedDict[int, CardSummary] = OrderedDict()
        self.reload()

    @property
    def card_filter(self) -> CardFilter:
        """The filter the list shows."""
        return self._filter

    def set_filter(self, card_filter: CardFilter) -> None:
        """Show the cards under another filter."""
        self._filter = card_filter
        self.reload()

    def reload(self) -> None:
        """Re-read which cards the list holds (after an import, or a filter change)."""
        self.beginResetModel()
        self._ids = self._project.card_ids(self._filter)
        self._rows = {card_id: row for row, card_id in enumerate(self._ids)}
        self._cache.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        card = self.card_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return card.wording
        if role == CARD_ROLE:
            return card
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _spoken(card)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return translate("CardModel", "First quote, from {source}: {quote}").format(
                source=card.first_source, quote=" ".join(card.first_quote.split())
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.wording
        return None

    def card_at(self, row: int) -> CardSummary:
        """The card shown in this row."""
        card_id = self._ids[row]
        card = self._cache.get(card_id)
        if card is None:
            self._fetch_page(row)
            card = self._cache[card_id]
        self._cache.move_to_end(card_id)
        return card

    def row_of(self, card_id: int) -> int | None:
        """The row a card is shown in, or None when the filter hides it."""
        return self._rows.get(card_id)

    def update_card(self, card: CardSummary) -> None:
        """Show a card as it now is, after an edit the store returned."""
        row = self._rows.get(card.id)
        if row is None:
            return
        self._cache[card.id] = card
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def _fetch_page(self, row: int) -> None:
        start = max(0, row - _PAGE // 2)
        page = self._ids[start : start + _PAGE]
        self._cache.update(self._project.card_summaries(page))
        while len(self._cache) > _CACHE_LIMIT:
            self._cache.popitem(last=False)


def _spoken(card: CardSummary) -> str:
    """What a screen reader says for a card: wording, status, sources, conflicts."""
    if card.source_count == 1:
        sources = translate("CardModel", "1 source")
    else:
        sources = translate("CardModel", "{sources} sources, {origins} independent").format(
            sources=card.source_count, origins=card.origin_count
        )
    spoken = f"{card.wording}. {status_label(card.status)}. {sources}."
    if card.conflict_count:
        conflicts = translate("CardModel", "{count} conflicts with other sources.")
        spoken += " " + conflicts.format(count=card.conflict_count)
    return spoken
