"""Import runs off the GUI thread: the window keeps answering, and Cancel works at once."""

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from tests.ui.conftest import OpenWindow

from bench.make_corpus import make_corpus
from factcards.core.importer import ImportReport, import_paths
from factcards.ui.main_window import MainWindow
from factcards_db import Project

ARTICLES = 300
CANCEL_AFTER = 6


def _import_ticking(
    window: MainWindow, folder: Path, tick: Callable[[], None], interval: int
) -> ImportReport:
    """Import a folder through the window while a timer of the GUI thread calls `tick`
    (it fires only while the event loop runs)."""
    timer = QTimer()
    timer.setInterval(interval)
    timer.timeout.connect(tick)
    timer.start()
    try:
        return window.import_paths([folder])
    finally:
        timer.stop()


def test_the_window_answers_during_an_import_and_cancel_keeps_it_whole(
    open_app: OpenWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    make_corpus(tmp_path / "corpus", ARTICLES)
    project_path = tmp_path / "beat.factcards"
    Project.create(project_path).close()
    window: MainWindow = open_app(project_path)

    labels: list[str] = []
    ticks_while_importing: list[int] = []
    cancelled_at: list[int] = []

    def tick() -> None:
        # A timer of the GUI thread: it fires only while the event loop runs.
        dialog = window.findChild(QProgressDialog, "import_progress")
        if dialog is None:
            return
        ticks_while_importing.append(dialog.value())
        labels.append(dialog.labelText())
        if dialog.value() >= CANCEL_AFTER and not cancelled_at:
            cancelled_at.append(dialog.value())
            dialog.findChild(QPushButton).click()  # the Cancel button, as the editor clicks it

    report = _import_ticking(window, tmp_path / "corpus", tick, 15)

    assert report.cancelled
    imported = report.count("imported")
    assert CANCEL_AFTER <= imported < ARTICLES
    # The timer kept firing while files were being imported, not only before or after,
    # and within a file too, not just between files (as a processEvents() per file would).
    during = [value for value in ticks_while_importing if 0 < value <= imported]
    assert len(set(during)) >= 3
    assert max(Counter(during).values()) >= 3
    assert any("of 300 files" in label for label in labels)
    assert any("left" in label for label in labels)
    # Whole files only: the one being imported when Cancel came was rolled back.
    sources = window.project.sources()
    assert len(sources) == imported
    assert all(window.project.spans_of_source(source.id) for source in sources)
    assert window.card_model.rowCount() > 0
    assert f"{imported} imported" in window.statusBar().currentMessage()
    assert window.import_run is None


def test_cancel_is_heard_while_the_project_is_read_for_linking(
    open_app: OpenWindow, tmp_path: Path
) -> None:
    # The first import into a project made before its link index (or by a factcards that
    # reads quotes otherwise) reads what linking needs of every quote the project holds:
    # a while, in months of coverage. The dialog says so, and Cancel works.
    make_corpus(tmp_path / "earlier", 40)
    project_path = tmp_path / "beat.factcards"
    with Project.create(project_path) as project:
        import_paths(project, [tmp_path / "earlier"])
        project.clear_link_index()
        held = len(project.sources())
    make_corpus(tmp_path / "today", 12, seed=11)
    window: MainWindow = open_app(project_path)

    labels: list[str] = []

    def tick() -> None:
        dialog = window.findChild(QProgressDialog, "import_progress")
        if dialog is None or dialog.wasCanceled():
            return
        labels.append(dialog.labelText())
        if "Reading the project's cards" in dialog.labelText():
            dialog.findChild(QPushButton).click()

    report = _import_ticking(window, tmp_path / "today", tick, 5)

    assert any("Reading the project's cards" in label for label in labels)
    assert report.cancelled
    assert report.count("imported") == 0
    assert len(window.project.sources()) == held
