"""Paints one card of the list: status in colour and words, sources, wording, first quote.

A delegate, not a widget per card: the list paints only the rows on screen, all of the
same height, so a project of any size scrolls at the same speed.
"""

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from factcards.ui.card_model import CARD_ROLE
from factcards.ui.palette import selection_colours
from factcards.ui.status_style import (
    BADGE_TEXT_COLOUR,
    CONFLICT_COLOUR,
    status_colour,
    status_label,
)
from factcards.ui.translation import translate
from factcards_db import CardSummary

_PAD = 8
_GAP = 3
_BAR = 5
_WORDING_LINES = 2


class CardDelegate(QStyledItemDelegate):
    """Paints cards from the model's CARD_ROLE."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        del index
        metrics = QFontMetrics(option.font)
        bold = QFontMetrics(_bold(option.font))
        height = (
            _PAD * 2
            + metrics.height()
            + 4  # badge line
            + _GAP
            + bold.lineSpacing() * _WORDING_LINES
            + _GAP
            + metrics.lineSpacing()  # first quote
        )
        return QSize(option.rect.width() or 400, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, CardSummary):
            return
        painter.save()
        try:
            self._paint_card(painter, option, card)
        finally:
            painter.restore()

    def _paint_card(
        self, painter: QPainter, option: QStyleOptionViewItem, card: CardSummary
    ) -> None:
        palette = option.palette
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            background, text_colour = selection_colours(palette)
        else:
            background = palette.color(QPalette.ColorRole.Base)
            text_colour = palette.color(QPalette.ColorRole.Text)
        painter.fillRect(rect, background)
        painter.fillRect(
            QRect(rect.left(), rect.top(), _BAR, rect.height()), status_colour(card.status)
        )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        left = rect.left() + _BAR + _PAD
        width = rect.width() - _BAR - 2 * _PAD
        top = rect.top() + _PAD
        metrics = QFontMetrics(option.font)

        # Badge: the status in words on its colour.
        label = status_label(card.status)
        badge = QRect(left, top, metrics.horizontalAdvance(label) + 12, metrics.height() + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(status_colour(card.status))
        painter.drawRoundedRect(QRectF(badge), 4, 4)
        painter.setPen(QColor(BADGE_TEXT_COLOUR))
        painter.setFont(option.font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)

        facts_left = badge.right() + 10
        if card.conflict_count:
            # A conflict is what an editor must not miss: its own badge, in words.
            warning = (
                translate("CardDelegate", "⚠ conflict")
                if card.conflict_count == 1
                else translate("CardDelegate", "⚠ {count} conflicts").format(
                    count=card.conflict_count
                )
            )
            conflict = QRect(
                facts_left, top, metrics.horizontalAdvance(warning) + 12, metrics.height() + 4
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(CONFLICT_COLOUR))
            painter.drawRoundedRect(QRectF(conflict), 4, 4)
            painter.setPen(QColor(BADGE_TEXT_COLOUR))
            painter.drawText(conflict, Qt.AlignmentFlag.AlignCenter, warning)
            facts_left = conflict.right() + 10
        painter.setPen(text_colour)
        painter.drawText(
            QRect(facts_left, top, rect.right() - facts_left - _PAD, badge.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            card_facts(card),
        )
        top = badge.bottom() + 1 + _GAP

        bold_font = _bold(option.font)
        bold = QFontMetrics(bold_font)
        painter.setFont(bold_font)
        for line in _wrapped_lines(card.wording, bold_font, width, _WORDING_LINES):
            painter.drawText(left, top + bold.ascent(), line)
            top += bold.lineSpacing()
        top += _GAP

        italic = QFont(option.font)
        italic.setItalic(True)
        italic_metrics = QFontMetrics(italic)
        source = metrics.elidedText(
            f"{card.first_source}:", Qt.TextElideMode.ElideRight, int(width * 0.4)
        )
        painter.setFont(option.font)
        painter.setPen(text_colour)
        painter.drawText(left, top + metrics.ascent(), source)
        quote_left = left + metrics.horizontalAdvance(source) + 6
        quote = italic_metrics.elidedText(
            f"“{' '.join(card.first_quote.split())}”",
            Qt.TextElideMode.ElideRight,
            left + width - quote_left,
        )
        quote_colour = QColor(text_colour)
        quote_colour.setAlphaF(0.75)
        painter.setFont(italic)
        painter.setPen(quote_colour)
        painter.drawText(quote_left, top + italic_metrics.ascent(), quote)


def card_facts(card: CardSummary) -> str:
    """The card's numbers in words: sources, independent origins, suggestions, score."""
    if card.source_count == 1:
        facts = translate("CardDelegate", "1 source")
    elif card.origin_count == 1:
        facts = translate("CardDelegate", "{sources} sources from 1 origin")
    else:
        facts = translate("CardDelegate", "{sources} sources from {origins} origins")
    facts = facts.format(sources=card.source_count, origins=card.origin_count)
    if card.suggestion_count:
        suggested = translate("CardDelegate", "{count} suggested")
        facts += "  ·  " + suggested.format(count=card.suggestion_count)
    return (
        facts
        + "  ·  "
        + translate("CardDelegate", "score {score}").format(score=f"{card.score:.2f}")
    )


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """Word-wrap text to at most `max_lines` lines, eliding the last when it runs over."""
    text = " ".join(text.split())
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[str] = []
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = line.textStart()
        lines.append(text[start : start + line.textLength()].rstrip())
        if len(lines) == max_lines and start + line.textLength() < len(text):
            rest = text[start:]
            lines[-1] = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    layout.endLayout()
    return lines
