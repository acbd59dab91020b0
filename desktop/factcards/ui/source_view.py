"""The source view: a whole article, every claim span in it marked, one quote in focus.

Claim spans show as highlights (the selected card's more strongly); clicking one selects
its card. Text selected here becomes a new card or a quote of the selected card, with
exact offsets into the stored text. Qt counts text in UTF-16 units and Python in code
points; `_Offsets` converts, so an emoji before a quote never shifts it.
"""

from bisect import bisect_left, bisect_right
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcards_db import SourceRecord, SourceSpan

_SPAN_COLOUR = QColor(250, 204, 21, 70)
_CARD_COLOUR = QColor(250, 204, 21, 150)
_FOCUS_COLOUR = QColor(249, 115, 22, 170)
# No quote is longer than this many characters (a sentence at most).
_LONGEST_QUOTE = 5000


class _Offsets:
    """Python string index <-> Qt document position, for one text."""

    def __init__(self, text: str) -> None:
        astral = [i for i, char in enumerate(text) if ord(char) > 0xFFFF]
        # Where each astral character starts in the document (it takes two units there).
        self._astral = astral
        self._astral_qt = [index + count for count, index in enumerate(astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        return position - bisect_left(self._astral_qt, position)


class _SourceText(QPlainTextEdit):
    """The article's text, read-only, reporting clicks and offering selection actions."""

    clicked_at = Signal(int)
    context_requested = Signal(QContextMenuEvent)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked_at.emit(self.cursorForPosition(event.position().toPoint()).position())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_requested.emit(event)


class SourceView(QWidget):
    """One source, its claim spans highlighted."""

    card_clicked = Signal(int)
    selection_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source: SourceRecord | None = None
        self._spans: list[SourceSpan] = []
        self._starts: list[int] = []
        self._offsets = _Offsets("")
        # Actions offered on the text's context menu (set by the window).
        self.menu_actions: list[QAction] = []

        self.header = QLabel()
        self.header.setObjectName("source_header")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = _SourceText()
        self.text.setObjectName("source_text")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Source text"))
        self.text.setAccessibleDescription(
            self.tr("The article; highlighted passages are quotes on cards")
        )
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.clicked_at.connect(self._clicked)
        self.text.context_requested.connect(self._context_menu)
        self.text.selectionChanged.connect(
            lambda: self.selection_changed.emit(self.selection() is not None)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.text)
        self.clear()

    def clear(self) -> None:
        """Show no source."""
        self.source = None
        self._spans, self._starts = [], []
        self.header.setText(self.tr("Select a card to see its source."))
        self.text.setPlainText("")
        self.text.setExtraSelections([])

    def show_source(
        self,
        source: SourceRecord,
        spans: list[SourceSpan],
        card_id: int | None,
        focus: tuple[int, int] | None,
    ) -> None:
        """Show a source with its claim spans; the card's spans and `focus` stand out."""
        if self.source is None or self.source.id != source.id:
            self.source = source
            self._offsets = _Offsets(source.text)
            self.text.setPlainText(source.text)
        outlet = f" — {source.outlet}" if source.outlet else ""
        date = f", {source.published}" if source.published else ""
        self.header.setText(f"<b>{escape(source.title)}</b>{escape(outlet)}{date}")
        self._spans = spans
        self._starts = [span.start for span in spans]
        selections = []
        for span in spans:
            colour = _CARD_COLOUR if span.card_id == card_id else _SPAN_COLOUR
            selections.append(self._selection(span.start, span.end, colour, bold=False))
        if focus is not None:
            selections.append(self._selection(*focus, _FOCUS_COLOUR, bold=True))
        self.text.setExtraSelections(selections)
        if focus is not None:
            cursor = self.text.textCursor()
            cursor.setPosition(self._offsets.to_qt(focus[0]))
            self.text.setTextCursor(cursor)
            self.text.centerCursor()

    def selection(self) -> tuple[int, int, int] | None:
        """The selected text as (source, start, end) offsets into the stored text."""
        cursor = self.text.textCursor()
        if self.source is None or not cursor.hasSelection():
            return None
        start = self._offsets.from_qt(cursor.selectionStart())
        end = self._offsets.from_qt(cursor.selectionEnd())
        if not self.source.text[start:end].strip():
            return None
        return self.source.id, start, end

    def select_span(self, start: int, end: int) -> None:
        """Select text by stored-text offsets (as a user dragging over it would)."""
        cursor = self.text.textCursor()
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def span_at(self, index: int) -> SourceSpan | None:
        """The shortest claim span at a stored-text offset, if any."""
        found = None
        for position in range(bisect_right(self._starts, index) - 1, -1, -1):
            span = self._spans[position]
            if span.start < index - _LONGEST_QUOTE:
                break  # spans start in order: none further back can reach this far
            if index < span.end and (
                found is None or span.end - span.start < found.end - found.start
            ):
                found = span
        return found

    def _clicked(self, position: int) -> None:
        span = self.span_at(self._offsets.from_qt(position))
        if span is not None:
            self.card_clicked.emit(span.card_id)

    def _context_menu(self, event: QContextMenuEvent) -> None:
        menu = self.text.createStandardContextMenu()
        menu.addSeparator()
        for action in self.menu_actions:
            menu.addAction(action)
        menu.exec(event.globalPos())

    def _selection(
        self, start: int, end: int, colour: QColor, *, bold: bool
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(colour)
        if bold:
            char_format.setFontWeight(700)
        selection.format = char_format
        return selection
