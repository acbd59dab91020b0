"""Suggested matches accepted or rejected from the keyboard; conflicts in plain sight."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from factcards.ui.main_window import MainWindow


def _select_card_with_suggestion(window: MainWindow) -> tuple[int, int]:
    for row in range(window.card_model.rowCount()):
        card = window.card_model.card_at(row)
        suggestions = window.project.suggestions_for(card.id)
        if suggestions and window.card_model.row_of(suggestions[0].other_card_id) is not None:
            window.select_row(row)
            return card.id, suggestions[0].other_card_id
    raise AssertionError("no card in the demo has a suggested match")


def test_m_merges_the_suggested_card_into_this_one(demo_window: MainWindow, qtbot: QtBot) -> None:
    card, other = _select_card_with_suggestion(demo_window)
    quotes = (
        demo_window.project.card(card).quote_count + demo_window.project.card(other).quote_count
    )
    assert "Suggested matches" in demo_window.detail.quotes.toPlainText()

    qtbot.keyClick(demo_window.card_view, Qt.Key.Key_M)

    assert demo_window.current_card_id() == card
    assert demo_window.project.card(card).quote_count == quotes
    assert demo_window.card_model.row_of(other) is None
    assert [e.action for e in demo_window.project.events(card)][-1] == "merge"


def test_r_rejects_the_suggestion_and_it_stays_rejected(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    card, other = _select_card_with_suggestion(demo_window)
    qtbot.keyClick(demo_window.card_view, Qt.Key.Key_R)
    assert other not in {s.other_card_id for s in demo_window.project.suggestions_for(card)}
    assert frozenset((card, other)) in demo_window.project.rejected_pairs()
    assert demo_window.card_model.row_of(other) is not None


def test_a_card_in_conflict_says_so_and_why(demo_window: MainWindow) -> None:
    for row in range(demo_window.card_model.rowCount()):
        card = demo_window.card_model.card_at(row)
        if card.conflict_count:
            demo_window.select_row(row)
            break
    else:
        raise AssertionError("the demo has no conflict")
    detail = demo_window.project.card_detail(card.id)
    shown = demo_window.detail.quotes.toPlainText()
    assert "Conflicts" in shown
    assert detail.conflicts[0].reason in shown
    assert "conflict" in demo_window.card_model.data(
        demo_window.card_model.index(row), Qt.ItemDataRole.AccessibleTextRole
    )


def test_the_status_bar_names_the_matcher(demo_window: MainWindow) -> None:
    assert demo_window.matcher_label.text().startswith("Matcher: lexical")


def test_the_list_sorts_by_score_and_back(demo_window: MainWindow) -> None:
    demo_window.set_order("score")
    scores = [
        demo_window.card_model.card_at(r).score for r in range(demo_window.card_model.rowCount())
    ]
    assert scores == sorted(scores, reverse=True)
    demo_window.set_order("sources")
    counts = [
        demo_window.card_model.card_at(r).source_count
        for r in range(demo_window.card_model.rowCount())
    ]
    assert counts == sorted(counts, reverse=True)
