"""The editor's workbench, driven through the window: each test a short story."""

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from factcards.ui.main_window import MainWindow
from factcards_db import Project

HOSTILE = """Ferry yard approved <script>alert('pwned')</script>
By Ann Lowe, The Quayside Post

The council approved the <img src=x onerror="alert(1)"> €18 million ferry yard on Tuesday, the mayor said.
Skerrow Electric Ferries employs 180 people, see [the report](javascript:alert(document.cookie)) for details.
Isle Connect Ferries ordered four <a href="javascript:steal()">S40</a> vessels, the company said.
"""


def _elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every element of an HTML document, as a browser's parser sees it."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collector().feed(html)
    return found


def _project_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / "post.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "yard.factcards"
    from factcards.core.importer import import_paths

    with Project.create(path) as project:
        import_paths(project, [folder])
    return path


def _select_rows(window: MainWindow, rows: list[int]) -> None:
    selection = window.card_view.selectionModel()
    window.select_row(rows[0])
    for row in rows[1:]:
        selection.select(window.card_model.index(row), QItemSelectionModel.SelectionFlag.Select)


def test_new_card_from_source_selection_survives_undo_and_redo(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    source = demo_window.source_view.source
    assert source is not None
    start = source.text.index("Skerrow said it had orders")
    end = start + len("Skerrow said it had orders for six S40 vessels")
    demo_window.source_view.select_span(start, end)
    assert demo_window.actions_by_name["new_card_from_selection"].isEnabled()

    demo_window.actions_by_name["new_card_from_selection"].trigger()
    card_id = demo_window.current_card_id()
    assert card_id is not None
    [quote] = demo_window.project.card_detail(card_id).quotes
    assert (quote.source_id, quote.start, quote.end) == (source.id, start, end)
    assert quote.text == source.text[start:end]
    assert demo_window.actions_by_name["undo"].text() == "&Undo New card"

    qtbot.keyClick(demo_window.card_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert card_id not in demo_window.project.card_ids()

    qtbot.keyClick(
        demo_window.card_view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert card_id in demo_window.project.card_ids()
    [again] = demo_window.project.card_detail(card_id).quotes
    assert (again.start, again.end, again.text) == (start, end, quote.text)


def test_merging_two_cards_gives_one_card_in_the_brief(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    first = demo_window.card_model.card_at(0)
    second = demo_window.card_model.card_at(1)
    _select_rows(demo_window, [0, 1])
    qtbot.keyClick(demo_window.card_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.card_model.row_of(second.id) is None
    merged = demo_window.project.card_detail(first.id)
    assert len(merged.quotes) == first.quote_count + second.quote_count

    dialog = demo_window.export_brief()
    qtbot.addWidget(dialog)
    brief = dialog.markdown_text()
    assert brief.count(f"### {first.wording}") == 1
    assert f"### {second.wording}" not in brief
    preview = dialog.preview.toPlainText()
    for quote in merged.quotes:
        assert " ".join(quote.text.split()) in preview
    dialog.close()


def test_hostile_article_text_never_becomes_markup(
    open_app: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_app(_project_with(tmp_path, HOSTILE))
    dialog = window.export_brief()
    qtbot.addWidget(dialog)
    preview_html = dialog.preview.toHtml()
    assert dialog.save_to(tmp_path / "brief.html", "html")
    page = (tmp_path / "brief.html").read_text(encoding="utf-8")
    assert dialog.save_to(tmp_path / "brief.md", "md")
    brief = (tmp_path / "brief.md").read_text(encoding="utf-8")
    for html in (preview_html, page):
        elements = _elements(html)
        names = {name for name, _ in elements}
        assert not names & {"script", "img", "iframe", "object", "embed"}, names
        for _, attributes in elements:
            for attribute, value in attributes:
                assert not attribute.startswith("on"), attribute
                assert not (value or "").strip().lower().startswith("javascript:"), value
    # The words are still there, as text, for the editor to read.
    assert "alert(1)" in dialog.preview.toPlainText()
    assert "<script>" not in brief and "&lt;script&gt;" in brief
    dialog.close()
    window.close()


def test_search_with_quotes_and_parentheses_finds_the_right_cards(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    bar = demo_window.filter_bar
    for query in ('"investment deal" (Skerrow', 'Corvane" OR (', "NOT AND ) ( *", "€210"):
        bar.search.setText(query)
        bar.search.returnPressed.emit()
        for row in range(demo_window.card_model.rowCount()):
            card = demo_window.card_model.card_at(row)
            detail = demo_window.project.card_detail(card.id)
            words = " ".join([card.wording, card.note, *(q.text for q in detail.quotes)]).lower()
            tokens = [t for t in re.findall(r"\w+", query.lower()) if t not in ("or", "not", "and")]
            assert all(t[:5] in words for t in tokens), (query, card.wording)
    bar.search.setText('"investment deal" (Skerrow')
    bar.search.returnPressed.emit()
    assert demo_window.card_model.rowCount() >= 1
    assert "Unreviewed:" in demo_window.counts_label.text()


def test_bulk_confirm_five_cards_is_five_events_and_one_undo(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    ids = [demo_window.card_model.card_at(row).id for row in range(5)]
    _select_rows(demo_window, list(range(5)))
    qtbot.keyClick(demo_window.card_view, Qt.Key.Key_C)
    assert all(demo_window.project.card(i).status == "confirmed" for i in ids)
    assert [e.action for e in demo_window.project.events()] == ["status"] * 5
    assert "Confirmed: 5" in demo_window.counts_label.text()
    assert demo_window.actions_by_name["undo"].text() == "&Undo Confirm 5 cards"

    demo_window.actions_by_name["undo"].trigger()
    assert all(demo_window.project.card(i).status == "unreviewed" for i in ids)
    assert len(demo_window.project.events()) == 10
    assert demo_window.actions_by_name["undo"].isEnabled() is False


def test_filters_follow_status_tags_conflicts_and_hiding(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    view, bar = demo_window.card_view, demo_window.filter_bar
    total = demo_window.card_model.rowCount()
    first = demo_window.current_card_id()
    qtbot.keyClick(view, Qt.Key.Key_D)
    bar.status.setCurrentIndex(bar.status.findData("disputed"))
    assert demo_window.card_model.rowCount() == 1
    assert "Disputed: 1" in demo_window.counts_label.text()
    bar.clear()
    assert demo_window.card_model.rowCount() == total

    bar.conflicts.setChecked(True)
    assert 0 < demo_window.card_model.rowCount() < total
    assert all(
        demo_window.card_model.card_at(r).conflict_count
        for r in range(demo_window.card_model.rowCount())
    )
    bar.clear()

    demo_window.apply(demo_window.editing.tag([first or 0], "follow up"))
    bar.tag.setCurrentIndex(bar.tag.findData("follow up"))
    assert demo_window.card_model.rowCount() == 1
    bar.clear()

    demo_window.select_row(1)
    hidden = demo_window.current_card_id()
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert demo_window.card_model.row_of(hidden or 0) is None
    assert demo_window.card_model.rowCount() == total - 1
    bar.hidden.setChecked(True)
    assert demo_window.card_model.rowCount() == 1
    demo_window.select_row(0)
    qtbot.keyClick(view, Qt.Key.Key_H)  # show it again
    bar.hidden.setChecked(False)
    assert demo_window.card_model.rowCount() == total


def test_split_and_detach_a_quote_then_see_the_history(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    card_id = demo_window.current_card_id() or 0
    detail = demo_window.project.card_detail(card_id)
    assert len(detail.quotes) >= 3
    demo_window.detail.split_requested.emit(card_id, detail.quotes[-1].id)
    new_card = demo_window.current_card_id()
    assert new_card != card_id
    assert [q.id for q in demo_window.project.card_detail(new_card or 0).quotes] == [
        detail.quotes[-1].id
    ]
    demo_window.show_card(card_id)
    demo_window.detail.detach_requested.emit(card_id, detail.quotes[0].id)
    after = demo_window.project.card_detail(card_id)
    assert len(after.quotes) == len(detail.quotes) - 2
    history = demo_window.detail.quotes.toPlainText()
    assert "History" in history and "detach" in history and "split" in history
    demo_window.undo()
    demo_window.undo()
    assert len(demo_window.project.card_detail(card_id).quotes) == len(detail.quotes)


def test_clicking_a_highlighted_claim_in_the_source_selects_its_card(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    source = demo_window.source_view.source
    assert source is not None
    spans = demo_window.project.spans_of_source(source.id)
    other = next(s for s in spans if s.card_id != demo_window.current_card_id())
    with qtbot.waitSignal(demo_window.source_view.card_clicked):
        demo_window.source_view._clicked(demo_window.source_view._offsets.to_qt(other.start + 1))
    assert demo_window.detail.card_id == other.card_id


def test_next_unreviewed_skips_reviewed_cards(demo_window: MainWindow, qtbot: QtBot) -> None:
    view = demo_window.card_view
    demo_window.select_row(1)
    qtbot.keyClick(view, Qt.Key.Key_C)
    demo_window.select_row(0)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.currentIndex().row() == 2


def test_exports_from_the_dialog(demo_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    qtbot.keyClick(demo_window.card_view, Qt.Key.Key_C)
    dialog = demo_window.export_brief()
    qtbot.addWidget(dialog)
    dialog.form.quotes.setChecked(False)
    assert "> " not in dialog.markdown_text().split("## Conflicts")[0]
    dialog.form.group_by.setCurrentIndex(1)
    assert "## Meridian Wire (" in dialog.markdown_text()
    assert dialog.save_to(tmp_path / "reviews.jsonld", "claimreview")
    reviews = json.loads((tmp_path / "reviews.jsonld").read_text(encoding="utf-8"))
    [review] = reviews["@graph"]
    assert review["reviewRating"]["alternateName"] == "Confirmed"
    assert review["itemReviewed"]["appearance"]
    assert dialog.save_to(tmp_path / "cards.csv", "csv")
    assert (tmp_path / "cards.csv").read_text(encoding="utf-8").startswith("id,status,wording")
    dialog.copy()
    assert "Brief: demo" in QApplication.clipboard().text()
    dialog.close()


def test_settings_keep_the_editor_name_and_brief_defaults(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    dialog = demo_window.show_settings()
    qtbot.addWidget(dialog)
    dialog.editor_name.setText("Miriam Achterberg")
    dialog.brief.notes.setChecked(False)
    dialog.accept()
    assert demo_window.settings.editor_name == "Miriam Achterberg"
    assert demo_window.settings.brief_defaults.notes is False
    qtbot.keyClick(demo_window.card_view, Qt.Key.Key_D)
    assert demo_window.project.events()[-1].editor == "Miriam Achterberg"
