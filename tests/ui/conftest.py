"""Qt fixtures: a headless application with private settings, and the window on a project."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from factcards.ui.app import open_window
from factcards.ui.main_window import MainWindow


@pytest.fixture(autouse=True, scope="session")
def _clipboard_emptied_before_exit(qapp: QApplication) -> Iterator[None]:
    """Empty the clipboard while Python still runs.

    The offscreen platform keeps the clipboard in a process-wide static that Qt frees
    after Python has finalised; freeing mime data made from Python then segfaults the
    run (exit 139) after every test passed. Real platforms own their clipboard in the
    application object, which Python frees in time.
    """
    yield
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def _private_settings(qapp: QApplication, tmp_path: Path) -> None:
    qapp.setApplicationName("factcards")
    qapp.setOrganizationName("factcards")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )


OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def open_app(qtbot: QtBot) -> OpenWindow:
    """Opens the window as `factcards [PROJECT]` does (no project: the demo), shown and active."""

    def open_app(project: Path | None = None) -> MainWindow:
        window = open_window(project)
        assert window is not None
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return open_app


@pytest.fixture
def demo_window(open_app: OpenWindow) -> Iterator[MainWindow]:
    """The window on the demo project, as a new user first sees it."""
    window = open_app()
    yield window
    window.close()
