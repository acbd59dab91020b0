"""Make the README's screenshot: the window on a copy of the demo project, offscreen.

QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshot.py docs

writes docs/main-window.png, docs/source-view.png and, in a dark palette (Fusion style, as
a dark desktop gives it), docs/main-window-dark.png.
"""

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from factcards.core.importer import import_paths
from factcards.core.resources import demo_articles_dir
from factcards.ui.app import make_application
from factcards.ui.main_window import MainWindow
from factcards.ui.palette import dark_palette
from factcards.ui.settings import Settings
from factcards_db import Project


def main(out: Path) -> None:
    """Write PNGs of the main window mid-triage and of the source view into `out`."""
    app = make_application()
    shoot(out, "")
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    shoot(out, "-dark")
    del app


def shoot(out: Path, suffix: str) -> None:
    """The screenshots, their names ending in `suffix`."""
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        path = Path(folder) / "demo.factcards"
        with Project.create(path) as project:
            import_paths(project, [demo_articles_dir()])
        window = MainWindow(Project.open(path), Settings())
        window.resize(1280, 800)
        window.show()
        window.set_status("confirmed")
        window.move_selection(1)
        window.set_status("disputed")
        window.detail.note.setPlainText("Gazette says €240m; the wire says €210m. Ask Corvane.")
        window.detail.flush_note()
        # Show a card in conflict with other sources, as an editor meets one.
        for row in range(window.card_model.rowCount()):
            card = window.card_model.card_at(row)
            if card.conflict_count and card.status == "unreviewed":
                window.select_row(row)
                break
        for _ in range(10):
            QApplication.processEvents()
        window.grab().save(str(out / f"main-window{suffix}.png"))
        if suffix:
            window.close()
            return
        source = window.source_view.source
        if source is not None:
            start = source.text.index("Skerrow said it had orders")
            window.source_view.select_span(start, start + len("Skerrow said it had orders"))
        window.right.setSizes([300, 500])
        for _ in range(10):
            QApplication.processEvents()
        window.right.grab().save(str(out / "source-view.png"))
        window.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
