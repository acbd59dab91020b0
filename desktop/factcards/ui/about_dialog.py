"""Help ▸ About factcards: the version, and every library it runs on with its licence."""

import platform

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factcards import __version__
from factcards.core.licences import Library, runtime_libraries
from factcards_db.engine import sqlite_version


def platform_libraries() -> list[Library]:
    """What factcards stands on besides Python packages: Python itself, Qt and SQLite."""
    return [
        Library("Python", platform.python_version(), "PSF-2.0"),
        Library("Qt", qVersion(), "LGPL-3.0-only"),
        Library("SQLite", sqlite_version(), "Public Domain"),
    ]


class AboutDialog(QDialog):
    """The version, what factcards is, and the table of libraries and licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About factcards"))
        intro = QLabel(
            self.tr(
                "<h3>factcards {version}</h3><p>Claims across articles, grouped into cards, "
                "triaged, briefed. Runs offline; nothing leaves this computer.</p>"
                "<p>factcards is free software under the MIT licence. It runs on these "
                "libraries, each under its own licence:</p>"
            ).format(version=__version__)
        )
        intro.setWordWrap(True)
        self.libraries = libraries = platform_libraries() + runtime_libraries()
        self.table = QTableWidget(len(libraries), 3)
        self.table.setObjectName("licences")
        self.table.setAccessibleName(self.tr("Libraries and their licences"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Library"), self.tr("Version"), self.tr("Licence")]
        )
        for row, library in enumerate(libraries):
            for column, text in enumerate((library.name, library.version, library.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def licences(self) -> dict[str, str]:
        """Library name → licence, as the table lists them."""
        return {library.name: library.licence for library in self.libraries}
