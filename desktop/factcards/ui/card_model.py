"""The card list's model: it holds card ids and fetches rows lazily into a bounded cache.

Like Anki's browser table, the model never owns the whole project. It learns which cards
the list holds a batch of ids at a time, as the view scrolls towards the end (Qt's
canFetchMore and fetchMore; each batch a keyset page of the store, a seek in an index),
and asks the store for the rows the view paints, a page at a time, forgetting the least
recently used ones.
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
from factcards_db import CardFilter, CardKey, CardSummary, Project

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_BATCH = 2000
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
        self._next: CardKey | None = None  # where the next batch of ids starts
        self._complete = False
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
        """Re-read which cards the list holds (after an import, or a filter change): the
        first batch now, the rest as the view asks for it."""
        self.beginResetModel()
        self._ids, self._next = self._project.card_page(self._filter, limit=ID_BATCH)
        self._rows = {card_id: row for row, card_id in enumerate(self._ids)}
        self._complete = len(self._ids) < ID_BATCH
        self._cache.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index) -> None:
        """Add the next batch of the list's cards at its end."""
        if parent.isValid() or self._complete:
            return
        ids, key = self._project.card_page(self._filter, after=self._next, limit=ID_BATCH)
        self._complete = len(ids) < ID_BATCH
        if not ids:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
        self._ids += ids
        self._rows.update((card_id, first + row) for row, card_id in enumerate(ids))
        self._next = key
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Hold every card of the list (before acting on all of them)."""
        while self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

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
        """The row a card is shown in, or None when the filter hides it; fetches the list
        as far as the card when it lies beyond the rows fetched so far."""
        if card_id in self._rows or not self.canFetchMore(QModelIndex()):
            return self._rows.get(card_id)
        if not self._project.lists_card(self._filter, card_id):
            return None
        while card_id not in self._rows and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
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
