"""The window when the project cannot be written: a read-only file, a full disk, a copy
saved while the project is open, an old project upgraded."""

from pathlib import Path

from pytestqt.qtbot import QtBot
from tests.db.damage import fill_the_disk, free_the_disk, make_old_project
from tests.ui.conftest import OpenWindow

from factcards.core.importer import import_paths
from factcards.core.resources import demo_articles_dir
from factcards.ui.main_window import EDITING_COMMANDS
from factcards_db import Project


def _demo_project(folder: Path) -> Path:
    path = folder / "story.factcards"
    with Project.create(path) as project:
        import_paths(project, [demo_articles_dir()])
    return path


def test_a_read_only_project_can_be_read_and_exported_but_not_changed(
    tmp_path: Path, open_app: OpenWindow, qtbot: QtBot
) -> None:
    path = _demo_project(tmp_path)
    path.chmod(0o444)
    before = path.read_bytes()
    window = open_app(path)

    assert window.windowTitle() == "story.factcards (read-only) — factcards"
    assert "Read-only: story.factcards is a read-only file." in window.statusBar().currentMessage()
    assert not any(window.actions_by_name[name].isEnabled() for name in EDITING_COMMANDS)
    assert window.actions_by_name["export_brief"].isEnabled()
    assert window.actions_by_name["save_copy"].isEnabled()
    card = window.current_card_id()
    assert card is not None

    qtbot.keyClick(window.card_view, "C")
    assert window.card_model.card_at(0).status == "unreviewed"
    assert window.detail.note.isReadOnly()

    window.close()
    assert path.read_bytes() == before


def test_a_full_disk_says_not_saved_keeps_the_note_typed_and_saves_it_later(
    tmp_path: Path, open_app: OpenWindow, qtbot: QtBot
) -> None:
    window = open_app(_demo_project(tmp_path))
    card = window.current_card_id()
    assert card is not None
    fill_the_disk(window.project)
    long_note = "Called the port authority; they read the figures out to me. " * 400

    window.detail.note.setPlainText(long_note)  # as if pasted
    window.detail.flush_note()

    box = window.problem_box
    assert box.isVisible() and box.windowTitle() == "Not saved"
    assert box.text().startswith("The disk is full, so the last change to story.factcards")
    assert window.project.card(card).note == ""
    assert window.editing.history.undo_name() is None
    assert window.detail.note.toPlainText() == long_note  # still there to save
    box.close()

    free_the_disk(window.project)  # space freed: the next save stores what was typed
    window.detail.flush_note()
    assert window.project.card(card).note == long_note
    window.close()


def test_save_a_copy_while_open_gives_a_whole_project_with_the_latest_work(
    tmp_path: Path, open_app: OpenWindow, qtbot: QtBot
) -> None:
    window = open_app(_demo_project(tmp_path))
    card = window.current_card_id()
    assert card is not None
    qtbot.keyClick(window.card_view, "D")
    window.detail.note.setFocus()
    qtbot.keyClicks(window.detail.note, "Two outlets disagree on the date")

    copy = tmp_path / "for the desk"
    assert window.save_copy_to(copy)  # typed without a suffix: .factcards is added

    saved = tmp_path / "for the desk.factcards"
    assert f"Saved a copy as {saved}" == window.statusBar().currentMessage()
    with Project.open(saved) as project:
        assert project.integrity_check() == "ok"
        assert project.card(card).status == "disputed"
        assert project.card(card).note == "Two outlets disagree on the date"
    assert not window.save_copy_to(window.project.path)
    assert "is the project itself" in window.problem_box.text()
    window.close()


def test_an_old_project_is_upgraded_and_the_editor_told_where_the_backup_is(
    tmp_path: Path, open_app: OpenWindow
) -> None:
    path = tmp_path / "old.factcards"
    make_old_project(path)
    window = open_app(path)

    box = window.notice_box
    assert box.windowTitle() == "Project upgraded"
    backups = sorted(tmp_path.glob("old.factcards.bak-*"))
    assert len(backups) == 1
    assert str(backups[0]) in box.text()
    assert window.windowTitle() == "old.factcards — factcards"
    box.close()
    window.close()
