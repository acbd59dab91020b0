"""An editor triages the demo from the keyboard, and the work is there after reopening."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from factcards.ui.main_window import MainWindow
from factcards_db import Project


def test_c_confirms_the_first_card_and_it_stays_confirmed(
    open_app: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = open_app()
    assert window.card_model.rowCount() > 10
    assert window.card_view.currentIndex().row() == 0
    assert window.card_view.hasFocus()
    first = window.current_card_id()
    assert first is not None

    qtbot.keyClick(window.card_view, Qt.Key.Key_C)

    assert window.card_model.card_at(0).status == "confirmed"
    assert "Confirmed" in window.detail.facts.text()
    assert "Confirmed: 1" in window.counts_label.text()
    path = window.project.path
    window.close()

    with Project.open(path) as project:
        assert project.card(first).status == "confirmed"
        events = project.events()
    assert [(e.card_id, e.action, e.before, e.after) for e in events] == [
        (first, "status", "unreviewed", "confirmed")
    ]

    reopened = open_app()
    assert reopened.current_card_id() == first
    assert reopened.card_model.card_at(0).status == "confirmed"
    reopened.close()


def test_keys_move_dispute_and_reset(demo_window: MainWindow, qtbot: QtBot) -> None:
    view = demo_window.card_view
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 2
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert demo_window.card_model.card_at(1).status == "disputed"
    qtbot.keyClick(view, Qt.Key.Key_U)
    assert demo_window.card_model.card_at(1).status == "unreviewed"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.currentIndex().row() == 0
    assert len(demo_window.project.events()) == 2


def test_the_detail_pane_shows_every_quote_with_its_source(demo_window: MainWindow) -> None:
    detail = demo_window.project.card_detail(demo_window.current_card_id() or 0)
    assert len(detail.quotes) >= 2
    html = demo_window.detail.quotes.toPlainText()
    for quote in detail.quotes:
        assert quote.source_title in html
        assert " ".join(quote.text.split()) in html
    assert demo_window.detail.wording.text() == detail.summary.wording


def test_n_jumps_to_the_note_and_the_note_is_saved_as_typed(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    card_id = demo_window.current_card_id()
    qtbot.keyClick(demo_window.card_view, Qt.Key.Key_N)
    assert QApplication.focusWidget() is demo_window.detail.note
    # Typing C here writes a letter; it does not confirm the card.
    qtbot.keyClicks(demo_window.detail.note, "Call the Gazette")
    assert demo_window.card_model.card_at(0).status == "unreviewed"
    qtbot.waitUntil(lambda: demo_window.project.card(card_id or 0).note == "Call the Gazette")
    qtbot.keyClick(demo_window.detail.note, Qt.Key.Key_Escape)
    assert demo_window.card_view.hasFocus()
    events = demo_window.project.events(card_id)
    assert [e.action for e in events] == ["note"]
    assert events[-1].after == "Call the Gazette"


def test_a_note_in_progress_is_saved_when_the_window_closes(
    open_app: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = open_app()
    card_id = window.current_card_id() or 0
    window.detail.focus_note()
    qtbot.keyClicks(window.detail.note, "half-typed")
    path = window.project.path
    window.close()
    with Project.open(path) as project:
        assert project.card(card_id).note == "half-typed"


def test_the_event_log_names_the_editor_from_settings(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    demo_window.settings.editor_name = "Nadia Fell"
    qtbot.keyClick(demo_window.card_view, Qt.Key.Key_D)
    assert demo_window.project.events()[-1].editor == "Nadia Fell"
