"""Projects from the File menu: import into one, open another, refuse what is not one."""

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from factcards.ui.app import no_display_reason, run_app
from factcards.ui.main_window import MainWindow
from factcards.ui.settings import Settings
from factcards_db import Project

ARTICLE = """Quayside Post

Council approves a new ferry yard on the north quay

The Port Ellis council approved the new ferry yard on Tuesday by seven votes to two.
The yard will cost €18 million and open in 2027, the council said.
"""

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _new_project(tmp_path: Path) -> Path:
    path = tmp_path / "yard.factcards"
    Project.create(path).close()
    return path


def test_importing_files_shows_their_cards_and_reports_the_bad_one(
    open_app: Callable[..., MainWindow], tmp_path: Path, article_dir: Path, qtbot: QtBot
) -> None:
    window = open_app(_new_project(tmp_path))
    assert window.card_model.rowCount() == 0
    assert "No card selected" in window.detail.quotes.toPlainText()
    (article_dir / "yard.txt").write_text(ARTICLE, encoding="utf-8")
    (article_dir / "photo.txt").write_bytes(bytes(range(256)) * 8)
    (article_dir / "notes.docx").write_bytes(b"PK\x03\x04")

    report = window.import_paths([article_dir])

    assert report.count("imported") == 1
    assert {p.path.rsplit("/", 1)[-1] for p in report.problems()} == {"photo.txt", "notes.docx"}
    assert window.card_model.rowCount() >= 2
    assert window.card_view.currentIndex().row() == 0
    box = window.import_report_box
    assert "2 of 3 files were not imported" in box.text()
    assert "photo.txt: it looks like a binary file" in box.detailedText()
    box.close()

    cards = window.card_model.rowCount()
    again = window.import_paths([article_dir / "yard.txt"])
    assert again.count("duplicate") == 1
    assert window.card_model.rowCount() == cards
    window.close()


def test_opening_a_file_that_is_not_a_project_explains_and_keeps_the_current_one(
    demo_window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    bogus = tmp_path / "article.factcards"
    bogus.write_text(ARTICLE)
    assert not demo_window.open_project(bogus)
    assert shown and "not a factcards project" in shown[0]
    assert bogus.read_text() == ARTICLE
    assert demo_window.project.path.name == "demo.factcards"
    assert demo_window.card_model.rowCount() > 0


def test_opening_another_project_switches_and_remembers_it(
    demo_window: MainWindow, tmp_path: Path
) -> None:
    other = _new_project(tmp_path)
    assert demo_window.open_project(other)
    assert demo_window.windowTitle().startswith("yard.factcards")
    assert demo_window.card_model.rowCount() == 0
    recent = Settings().recent_projects
    assert recent[0] == other.resolve()
    assert recent[1].name == "demo.factcards"


def test_the_shortcut_table_lists_the_triage_keys(demo_window: MainWindow, qtbot: QtBot) -> None:
    dialog = demo_window.show_shortcuts()
    qtbot.addWidget(dialog)
    rows = dialog.findChild(QTableWidget, "shortcut_table")
    assert rows is not None
    keys = {rows.item(r, 0).text(): rows.item(r, 1).text() for r in range(rows.rowCount())}
    assert keys["C"] == "Confirm"
    assert keys["D"] == "Dispute"
    assert keys["N"] == "Edit note"
    dialog.close()


def test_without_a_display_the_app_says_so_instead_of_crashing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    if not sys.platform.startswith("linux"):
        pytest.skip("display detection is for Linux")
    assert no_display_reason() is not None
    assert run_app(None) == 2
    assert "needs a graphical display" in capsys.readouterr().err
    assert QApplication.instance() is not None  # pytest-qt's, untouched


def test_pasting_text_and_dropping_files_make_new_sources(
    open_app: Callable[..., MainWindow],
    tmp_path: Path,
    article_dir: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_app(_new_project(tmp_path))
    QApplication.clipboard().setText(ARTICLE)
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL_SHIFT)
    [pasted] = window.project.sources()
    assert pasted.title == "Council approves a new ferry yard on the north quay"
    assert window.card_model.rowCount() >= 2
    assert "Text imported as a new source" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL_SHIFT)
    assert len(window.project.sources()) == 1
    assert "already in the project" in window.statusBar().currentMessage()

    page = article_dir / "council.html"
    page.write_text(
        "<html><head><title>Ferry yard vote</title></head><body><nav>Home | News</nav>"
        "<article><h1>Ferry yard vote</h1><p>Skerrow Electric Ferries employs 180 people "
        "at the old quay, the company said on Monday.</p><p>The yard will build four "
        "vessels for Isle Connect Ferries, a spokesperson said.</p></article></body></html>",
        encoding="utf-8",
    )
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(page))])
    _drop(window, data)
    assert [s.title for s in window.project.sources()][-1] == "Ferry yard vote"
    dropped = window.project.sources()[-1]
    spans = window.project.spans_of_source(dropped.id)
    assert any("180 people" in dropped.text[span.start : span.end] for span in spans)
    assert "Home | News" not in dropped.text

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    data = QMimeData()
    data.setText("   \n")
    _drop(window, data)
    assert shown == ["The text was not imported: the pasted text is empty."]
    assert len(window.project.sources()) == 2
    window.close()


def _drop(window: MainWindow, data: QMimeData) -> None:
    """Drag `data` onto the middle of the window and let go, as a file manager does."""
    point = QPointF(window.rect().center())
    action = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), action, data, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(point, action, data, buttons, modifiers))
