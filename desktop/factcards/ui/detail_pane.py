"""The selected card in full: wording, status, every quote in its context, the note."""

from collections.abc import Sequence
from html import escape
from urllib.parse import quote as url_quote

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from factcards.core.wording import quote_context
from factcards.ui.palette import Tones, tones
from factcards.ui.status_style import BADGE_TEXT_COLOUR, status_colour, status_label
from factcards.ui.translation import QT_TRANSLATE_NOOP, translate
from factcards_db import (
    CONTEXT_CHARS,
    CardDetail,
    CardSummary,
    ConflictView,
    EventRecord,
    QuoteView,
    SuggestionView,
)

# A card shows this many of its conflicts; the rest are counted.
SHOWN_CONFLICTS = 12
# Quotes the pane lists; a card that hundreds of sources carry lists the first ones and
# says how many more there are (every quote stays on the card, in the brief and exports).
SHOWN_QUOTES = 40
# The note is saved this long after the editor stops typing (and at once on leaving it).
NOTE_SAVE_DELAY_MS = 500
_EMPTY_HINT = QT_TRANSLATE_NOOP(
    "DetailPane",
    "<p>No card selected.</p><p>Import articles with <b>File ▸ Import files…</b> (Ctrl+I); "
    "factcards finds their claims and groups them into cards.</p>",
)


class DetailPane(QWidget):
    """Shows one card; reports note edits, debounced, through `note_edited`."""

    note_edited = Signal(int, str)
    leave_requested = Signal()
    # The editor clicked a link in the pane: open another card, accept or reject a match.
    card_requested = Signal(int)
    merge_requested = Signal(int, int)
    reject_requested = Signal(int, int)
    # (card, source, start, end): show this quote in its source.
    quote_focused = Signal(int, int, int, int)
    split_requested = Signal(int, int)
    detach_requested = Signal(int, int)
    untag_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._card_id: int | None = None
        self._quotes: dict[int, QuoteView] = {}
        self._saved_note = ""

        self.wording = QLabel()
        self.wording.setObjectName("wording")
        self.wording.setWordWrap(True)
        self.wording.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading_font = QFont(self.wording.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        heading_font.setBold(True)
        self.wording.setFont(heading_font)

        self.facts = QLabel()
        self.facts.setObjectName("facts")

        self.quotes = QTextBrowser()
        self.quotes.setObjectName("quotes")
        self.quotes.setOpenLinks(False)
        self.quotes.setAccessibleName(self.tr("Quotes, conflicts and suggested matches"))
        self.quotes.anchorClicked.connect(self._link_clicked)

        note_label = QLabel(self.tr("Editor's &note (saved as you type):"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setAccessibleName(self.tr("Editor's note"))
        self.note.setPlaceholderText(self.tr("Why this card is confirmed or disputed…"))
        self.note.setMaximumHeight(120)
        self.note.setTabChangesFocus(True)
        note_label.setBuddy(self.note)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush_note)
        self.note.textChanged.connect(self._note_changed)
        back = QShortcut(QKeySequence("Esc"), self.note)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(self._leave_note)

        layout = QVBoxLayout(self)
        layout.addWidget(self.wording)
        layout.addWidget(self.facts)
        layout.addWidget(self.quotes, stretch=1)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        self.show_card(None)

    @property
    def card_id(self) -> int | None:
        """The card shown, if any."""
        return self._card_id

    def show_card(self, detail: CardDetail | None, events: Sequence[EventRecord] = ()) -> None:
        """Show a card (None: nothing selected) with its history. A pending note edit is
        saved first; the note being typed is never overwritten under the cursor."""
        same_card = detail is not None and detail.summary.id == self._card_id
        if not same_card:
            self.flush_note()
        self._card_id = detail.summary.id if detail else None
        self._quotes = {q.id: q for q in detail.quotes} if detail else {}
        self.note.setEnabled(detail is not None)
        if detail is None:
            self.wording.setText(self.tr("Nothing selected"))
            self.facts.setText("")
            self.quotes.setHtml(self.tr(_EMPTY_HINT))
            self._set_note_text("")
            return
        self.update_summary(detail.summary)
        scroll = self.quotes.verticalScrollBar().value()
        self.quotes.setHtml(_detail_html(detail, events, tones(self.quotes.palette())))
        if same_card:
            self.quotes.verticalScrollBar().setValue(scroll)
        if not (same_card and self.note.hasFocus()):
            self._set_note_text(detail.summary.note)

    def update_summary(self, card: CardSummary) -> None:
        """Refresh the wording and status line after an edit (the note is left alone)."""
        if card.id != self._card_id:
            return
        self.wording.setText(card.wording)
        sources = self.tr("source") if card.source_count == 1 else self.tr("sources")
        colour = status_colour(card.status).name()
        self.facts.setText(
            f'<span style="background:{colour}; color:{BADGE_TEXT_COLOUR};">'
            f"&nbsp;{escape(status_label(card.status))}&nbsp;</span>"
            f"&nbsp; {card.source_count} {sources} · {_origins(card.origin_count)} · "
            f"{card.quote_count} "
            f"{self.tr('quote') if card.quote_count == 1 else self.tr('quotes')}"
            f" · {self.tr('score')} {card.score:.2f}"
        )

    def focus_note(self) -> None:
        """Put the cursor at the end of the note, ready to type."""
        if self._card_id is None:
            return
        self.note.setFocus()
        self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def flush_note(self) -> None:
        """Save the note now if it changed since it was last saved."""
        self._save_timer.stop()
        if self._card_id is None:
            return
        text = self.note.toPlainText()
        if text != self._saved_note:
            self._saved_note = text
            self.note_edited.emit(self._card_id, text)

    def note_not_saved(self, card_id: int, saved: str) -> None:
        """The store refused the note: `saved` is what it still holds, so the next flush
        (a keystroke, another card) tries again with what is in the box."""
        if card_id == self._card_id:
            self._saved_note = saved

    def _set_note_text(self, text: str) -> None:
        self._saved_note = text
        self.note.blockSignals(True)
        self.note.setPlainText(text)
        self.note.blockSignals(False)

    def _note_changed(self) -> None:
        self._save_timer.start()

    def _leave_note(self) -> None:
        self.flush_note()
        self.leave_requested.emit()

    def _link_clicked(self, url: QUrl) -> None:
        if self._card_id is None:
            return
        action, _, argument = url.toString(QUrl.ComponentFormattingOption.FullyDecoded).partition(
            ":"
        )
        if action == "untag":
            self.untag_requested.emit(self._card_id, argument)
            return
        if not argument.isdigit():
            return
        number = int(argument)
        if action == "card":
            self.card_requested.emit(number)
        elif action == "merge":
            self.merge_requested.emit(self._card_id, number)
        elif action == "reject":
            self.reject_requested.emit(self._card_id, number)
        elif action == "source" and number in self._quotes:
            quote = self._quotes[number]
            self.quote_focused.emit(self._card_id, quote.source_id, quote.start, quote.end)
        elif action == "split":
            self.split_requested.emit(self._card_id, number)
        elif action == "detach":
            self.detach_requested.emit(self._card_id, number)


def _origins(count: int) -> str:
    if count == 1:
        return translate("DetailPane", "1 independent origin")
    return translate("DetailPane", "{count} independent origins").format(count=count)


def _detail_html(detail: CardDetail, events: Sequence[EventRecord], tone: Tones) -> str:
    parts = []
    if detail.summary.tags:
        remove = escape(translate("DetailPane", "Remove this tag"))
        tags = " ".join(
            f'<span style="background:{tone.tag_background}; color:{tone.tag_text};">'
            f"&nbsp;{escape(tag)}&nbsp;</span>"
            f'<a href="untag:{url_quote(tag)}" title="{remove}">×</a>'
            for tag in detail.summary.tags
        )
        parts.append(f"<p><b>{translate('DetailPane', 'Tags:')}</b> {tags}</p>")
    if detail.summary.hidden:
        hidden = translate("DetailPane", "Hidden: not a claim (H shows it again).")
        parts.append(f"<p><i>{hidden}</i></p>")
    parts.append(_quotes_html(detail.quotes, detail.summary.quote_count, tone))
    origins = sorted({q.origin for q in detail.quotes if q.origin})
    if len(detail.quotes) < detail.summary.quote_count:  # only the first quotes are here
        line = translate("DetailPane", "<b>Origins:</b> {count} independent").format(
            count=detail.summary.origin_count
        )
        parts.append(f"<p>{line}</p>")
    elif origins:
        line = translate("DetailPane", "<b>Origins:</b> {origins}").format(
            origins=escape(", ".join(origins))
        )
        if len(origins) == 1 and len({q.source_id for q in detail.quotes}) > 1:
            line += translate("DetailPane", " (every source goes back to this one)")
        parts.append(f"<p>{line}</p>")
    if detail.conflicts:
        parts.append(_conflicts_html(detail.conflicts, detail.summary.conflict_count, tone))
    if detail.suggestions:
        parts.append(_suggestions_html(detail.suggestions))
    if events:
        parts.append(_history_html(events))
    return "".join(parts)


def _history_html(events: Sequence[EventRecord]) -> str:
    rows = []
    for event in reversed(events):
        change = escape(event.action)
        if event.before not in (None, "") or event.after not in (None, ""):
            before = escape(_short(event.before))
            after = escape(_short(event.after))
            change += f": {before} → {after}"
        rows.append(f"<li>{escape(event.at.replace('T', ' ')[:16])} — "
                    f"<b>{escape(event.editor)}</b> — {change}</li>")  # fmt: skip
    return f"<h4>{translate('DetailPane', 'History')}</h4><ul>" + "".join(rows) + "</ul>"


def _short(value: str | None) -> str:
    text = " ".join((value or "—").split())
    return text if len(text) <= 60 else text[:59] + "…"


def _conflicts_html(conflicts: list[ConflictView], total: int, tone: Tones) -> str:
    """The first SHOWN_CONFLICTS quotes that contradict the card's, of `total`."""
    items = []
    shown: set[int] = set()
    open_card = translate("DetailPane", "open that card")
    for conflict in conflicts:
        if conflict.other_quote_id in shown or len(shown) == SHOWN_CONFLICTS:
            continue
        shown.add(conflict.other_quote_id)
        source = escape(conflict.other_source_outlet or conflict.other_source_title)
        items.append(
            f'<li><b style="color:{tone.warning};">{escape(conflict.reason)}</b> — {source}: '
            f"“{escape(' '.join(conflict.other_text.split()))}” "
            f'(<a href="card:{conflict.other_card_id}">{open_card}</a>)</li>'
        )
    if total > len(shown):
        more = translate("DetailPane", "… and {count} more conflicting quotes")
        items.append(f"<li>{more.format(count=total - len(shown))}</li>")
    title = translate("DetailPane", "⚠ Conflicts")
    return f"<h4>{title}</h4><ul>" + "".join(items) + "</ul>"


def _suggestions_html(suggestions: list[SuggestionView]) -> str:
    items = []
    match = translate("DetailPane", "match {score}")
    merge = translate("DetailPane", "same claim: merge")
    reject = translate("DetailPane", "not the same")
    open_card = translate("DetailPane", "open")
    for suggestion in suggestions:
        other = suggestion.other_card_id
        items.append(
            f"<li>“{escape(suggestion.other_wording)}” "
            f"({match.format(score=f'{suggestion.score:.2f}')}) — "
            f'<a href="merge:{other}">{merge}</a> · <a href="reject:{other}">{reject}</a> · '
            f'<a href="card:{other}">{open_card}</a></li>'
        )
    title = translate("DetailPane", "Suggested matches")
    return f"<h4>{title}</h4><ul>" + "".join(items) + "</ul>"


def _quotes_html(quotes: list[QuoteView], total: int, tone: Tones) -> str:
    """The first SHOWN_QUOTES of the card's `total` quotes, with their sources."""
    parts: list[str] = []
    several = total > 1 or len(quotes) > 1
    show = translate("DetailPane", "show in source")
    split = translate("DetailPane", "split out")
    detach = translate("DetailPane", "detach")
    for quote in quotes:
        before, after = quote_context(quote.context_before, quote.context_after, CONTEXT_CHARS)
        source = f"<b>{escape(quote.source_title)}</b>"
        if quote.source_outlet:
            source += f" — {escape(quote.source_outlet)}"
        attribution = ""
        if quote.attribution:
            attributed = translate("DetailPane", "Attributed to {who}")
            attribution = f"<br><i>{attributed.format(who=escape(quote.attribution))}</i>"
        actions = f'<a href="source:{quote.id}">{show}</a>'
        if several:
            actions += (
                f' · <a href="split:{quote.id}">{split}</a>'
                f' · <a href="detach:{quote.id}">{detach}</a>'
            )
        if len(parts) == SHOWN_QUOTES:
            more = translate("DetailPane", "… and {count} more quotes")
            parts.append(f"<p><i>{more.format(count=total - SHOWN_QUOTES)}</i></p>")
            break
        parts.append(
            f"<p>{source}{attribution}<br><small>{actions}</small></p>"
            f'<blockquote><span style="color:{tone.muted};">{escape(before)}</span> '
            f'<span style="font-weight:600; background-color:{tone.quote_highlight};">'
            f"{escape(' '.join(quote.text.split()))}</span> "
            f'<span style="color:{tone.muted};">{escape(after)}</span></blockquote>'
        )
    no_quotes = translate("DetailPane", "This card has no quotes.")
    return "".join(parts) or f"<p>{no_quotes}</p>"
