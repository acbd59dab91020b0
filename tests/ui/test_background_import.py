"""Import runs off the GUI thread: the window keeps answering, and Cancel works at once.
So does a pasted or dropped text."""

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from tests.ui.conftest import OpenWindow

from bench.make_corpus import make_corpus
from factcards.core.importer import ImportReport, import_paths
from factcards.ui.main_window import MainWindow
from factcards_db import Project

ARTICLES = 300
CANCEL_AFTER = 6
# Articles in the project a text is pasted into: reading what linking needs of their
# quotes takes the worker a second or so, long enough for the GUI thread's timer to fire
# many times.
HELD_ARTICLES = 120
T = TypeVar("T")
PASTED = """Harbour Gazette

Council approves a new ferry yard on the north quay

The Port Ellis council approved the new ferry yard on Tuesday by seven votes to two.
The yard will cost €18 million and open in 2027, the council said.
"""


def _import_ticking(
    window: MainWindow, folder: Path, tick: Callable[[], None], interval: int
) -> ImportReport:
    """Import a folder through the window while a timer of the GUI thread calls `tick`
    (it fires only while the event loop runs)."""
    return _ticking(lambda: window.import_paths([folder]), tick, interval)


def _ticking(action: Callable[[], T], tick: Callable[[], None], interval: int) -> T:
    """Do `action` while a timer of the GUI thread calls `tick`."""
    timer = QTimer()
    timer.setInterval(interval)
    timer.timeout.connect(tick)
    timer.start()
    try:
        return action()
    finally:
        timer.stop()


def test_the_window_answers_during_an_import_and_cancel_keeps_it_whole(
    open_app: OpenWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    files = sorted(make_corpus(tmp_path / "corpus", ARTICLES))
    # One long article early on (the third file): it takes many of the timer's intervals
    # to import however fast the machine, so the timer is seen firing within a file.
    long_article = files[2]
    long_article.write_text(
        "\n\n".join(path.read_text(encoding="utf-8") for path in [long_article, *files[-40:]]),
        encoding="utf-8",
    )
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
    assert Counter(during)[2] >= 3  # while the long third file was imported
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


@pytest.fixture(scope="module")
def project_without_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of a few months' coverage whose link index is missing (made by an earlier
    factcards, or by one that reads quotes otherwise): the next import, a paste too, reads
    what linking needs of every quote it holds. Built once; each test pastes into a copy."""
    folder = tmp_path_factory.mktemp("held")
    make_corpus(folder / "corpus", HELD_ARTICLES)
    path = folder / "beat.factcards"
    with Project.create(path) as project:
        import_paths(project, [folder / "corpus"])
        project.clear_link_index()
    return path


def _copy(project_path: Path, folder: Path) -> Path:
    with Project.open(project_path) as project:
        return project.save_copy(folder / "beat.factcards")


def test_cancelling_a_paste_while_the_cards_are_read_keeps_nothing_of_it(
    open_app: OpenWindow, project_without_index: Path, tmp_path: Path
) -> None:
    window: MainWindow = open_app(_copy(project_without_index, tmp_path))
    held = len(window.project.sources())
    cards = window.card_model.rowCount()
    reading: list[int] = []  # the progress bar's maximum at each tick while cards are read

    def tick() -> None:
        dialog = window.findChild(QProgressDialog, "import_progress")
        if dialog is None or dialog.wasCanceled():
            return
        if "Reading the project's cards, to link the pasted text" in dialog.labelText():
            reading.append(dialog.maximum())
            if len(reading) == 3:
                dialog.findChild(QPushButton).click()  # Cancel, as the editor clicks it

    imported = _ticking(lambda: window.import_text(PASTED), tick, 5)

    # The GUI thread's timer kept firing while the worker read the cards, under a busy bar.
    assert reading == [0, 0, 0]
    assert not imported
    assert "Cancelled: the text was not imported" in window.statusBar().currentMessage()
    assert window.import_run is None
    # Nothing of the text was stored, and the project is whole.
    assert len(window.project.sources()) == held
    assert window.card_model.rowCount() == cards
    assert window.project.integrity_check() == "ok"
    with Project.open(window.project.path) as other:  # as the next session sees it
        assert "Pasted text" not in [source.title for source in other.sources()]
        assert not any("ferry yard" in source.text for source in other.sources())


def test_a_paste_reads_the_cards_off_the_gui_thread_and_a_second_one_waits_its_turn(
    open_app: OpenWindow, project_without_index: Path, tmp_path: Path
) -> None:
    window: MainWindow = open_app(_copy(project_without_index, tmp_path))
    held = len(window.project.sources())
    window.select_row(2)
    selected = window.current_card_id()
    labels: list[str] = []
    second_paste: list[bool] = []

    def tick() -> None:
        dialog = window.findChild(QProgressDialog, "import_progress")
        if dialog is None:
            return
        labels.append(dialog.labelText())
        if "Reading the project's cards" in dialog.labelText() and not second_paste:
            # Ctrl+Shift+V again before the first paste has ended: refused, not run twice.
            second_paste.append(window.import_text(PASTED))
            assert "already running" in window.statusBar().currentMessage()

    imported = _ticking(lambda: window.import_text(PASTED), tick, 5)

    reads = [label for label in labels if "Reading the project's cards" in label]
    assert len(reads) >= 3  # the timer fired again and again while the worker read
    assert second_paste == [False]
    assert imported
    message = window.statusBar().currentMessage()
    assert message.startswith("Text imported as a new source:")
    assert "0 claims" not in message
    sources = window.project.sources()
    assert len(sources) == held + 1
    assert "ferry yard" in sources[-1].text
    assert window.project.spans_of_source(sources[-1].id)
    assert window.current_card_id() == selected  # the editor's place in the list is kept
    assert window.import_run is None


def test_closing_the_window_mid_paste_keeps_nothing_of_the_text(
    open_app: OpenWindow, project_without_index: Path, tmp_path: Path
) -> None:
    project_path = _copy(project_without_index, tmp_path)
    window: MainWindow = open_app(project_path)
    held = len(window.project.sources())
    closed: list[bool] = []

    def tick() -> None:
        dialog = window.findChild(QProgressDialog, "import_progress")
        if closed or dialog is None:
            return
        if "Reading the project's cards" in dialog.labelText():
            closed.append(window.close())  # Ctrl+Q while the cards are read

    imported = _ticking(lambda: window.import_text(PASTED), tick, 5)

    assert closed == [True]
    assert not imported
    assert window.import_run is None
    with Project.open(project_path) as project:
        assert len(project.sources()) == held
        assert project.integrity_check() == "ok"


def test_a_fault_in_the_import_is_told_and_the_window_goes_on(
    open_app: OpenWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fault of factcards' own on the worker thread (here, as if refresh_origins had a
    # bug) once left the window waiting for an import that would never report.
    make_corpus(tmp_path / "corpus", 3)
    project_path = tmp_path / "beat.factcards"
    Project.create(project_path).close()
    window: MainWindow = open_app(project_path)

    def faulty(*_args: object) -> None:
        raise RuntimeError("origins went wrong")

    shown: list[str] = []
    monkeypatch.setattr("factcards.core.importer.refresh_origins", faulty)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))

    report = window.import_paths([tmp_path / "corpus"])

    assert report.cancelled
    assert len(shown) == 1
    assert "fault in factcards" in shown[0] and "origins went wrong" in shown[0]
    assert window.import_run is None
    # The three files were stored before the fault; the window still imports.
    assert len(window.project.sources()) == 3
    monkeypatch.undo()
    one_claim = (
        "Ferry yard vote\n\nThe council approved the ferry yard on Tuesday by seven votes.\n"
    )
    assert window.import_text(one_claim)
    assert len(window.project.sources()) == 4
    assert window.statusBar().currentMessage() == "Text imported as a new source: 1 claim found"
