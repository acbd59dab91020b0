"""Starting the window: the Qt application, the project to show, and a clean exit."""

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from factcards import __version__
from factcards.core.demo import ensure_demo_project
from factcards.core.resources import APP_ID, icon_files
from factcards.ui.main_window import MainWindow
from factcards.ui.settings import Settings
from factcards.ui.translation import install_translators, translate
from factcards_db import Project, ProjectError, known_failure


def no_display_reason() -> str | None:
    """Why no window can open here, or None when a display is available."""
    if os.environ.get("QT_QPA_PLATFORM") or "-platform" in sys.argv:
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return (
            "factcards needs a graphical display, and none was found (DISPLAY and "
            "WAYLAND_DISPLAY are unset). Start it from a desktop session, or use "
            "'factcards import' and 'factcards export' on the command line."
        )
    return None


def make_application(qt_args: Sequence[str] = ()) -> QApplication:
    """The QApplication, named so settings land in factcards' own place."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(["factcards", *qt_args])
    app.setApplicationName("factcards")
    app.setOrganizationName("factcards")
    app.setApplicationVersion(__version__)
    # Wayland desktops match the window to its menu entry (and icon) by this name.
    app.setDesktopFileName(APP_ID)
    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    app.setWindowIcon(icon)
    install_translators(app)
    return app


def open_window(project_path: Path | None) -> MainWindow | None:
    """Open the project (the demo when None) in a new main window."""
    try:
        path = project_path if project_path is not None else ensure_demo_project()
        project = Project.open(path)
    except ProjectError as error:
        QMessageBox.critical(None, translate("App", "Cannot open project"), error.message)
        print(f"factcards: {error.message}", file=sys.stderr)
        return None
    window = MainWindow(project, Settings())
    window.show()
    return window


def run_app(project_path: Path | None, qt_args: Sequence[str] = ()) -> int:
    """Show the window until the user quits; return the exit status."""
    reason = no_display_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    app = make_application(qt_args)
    window = open_window(project_path)
    if window is None:
        return 2
    _tell_project_failures(window)
    return app.exec()


def _tell_project_failures(window: MainWindow) -> None:
    """Show a failure of the project file that escapes an action (a damaged page found
    while reading a large project, say) as the store words it, never as a traceback;
    anything else is a bug, reported as Python reports it."""
    report_bug = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        failure = known_failure(error, window.project.path)
        if failure is None:
            report_bug(kind, error, trace)
            return
        print(f"factcards: {failure.message}", file=sys.stderr)
        window.show_problem(failure)

    sys.excepthook = hook
