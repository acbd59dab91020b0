"""Export brief…: choose what the brief shows, see it as it will read, save or copy it.

The brief saves as markdown or as a standalone styled HTML page (sanitised by nh3), or
goes to the clipboard; the same dialog saves ClaimReview JSON-LD for the reviewed cards
and a CSV of the cards for spreadsheets.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from factcards.core.brief import BriefOptions, write_brief
from factcards.core.exports import SUFFIXES, export_text
from factcards.core.markup import render
from factcards.ui.settings import BriefDefaults
from factcards.ui.status_style import status_label
from factcards.ui.translation import QT_TRANSLATE_NOOP
from factcards_db import STATUSES, Project, Status

_FILE_FILTERS = {
    "md": QT_TRANSLATE_NOOP("ExportDialog", "Markdown (*.md)"),
    "html": QT_TRANSLATE_NOOP("ExportDialog", "Web page (*.html)"),
    "claimreview": QT_TRANSLATE_NOOP("ExportDialog", "ClaimReview JSON-LD (*.jsonld *.json)"),
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "CSV (*.csv)"),
}


class BriefOptionsForm(QWidget):
    """The brief's options as checkboxes and a choice of grouping."""

    def __init__(self, defaults: BriefDefaults, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statuses: dict[Status, QCheckBox] = {}
        layout = QFormLayout(self)
        row = QHBoxLayout()
        for status in STATUSES:
            box = QCheckBox(status_label(status))
            box.setObjectName(f"brief_{status}")
            box.setChecked(status in defaults.statuses)
            self.statuses[status] = box
            row.addWidget(box)
        layout.addRow(self.tr("Cards:"), row)
        self.notes = self._check("brief_notes", self.tr("Editor's notes"), defaults.notes)
        self.quotes = self._check("brief_quotes", self.tr("Quotes"), defaults.quotes)
        self.conflicts = self._check("brief_conflicts", self.tr("Conflicts"), defaults.conflicts)
        self.single = self._check(
            "brief_single", self.tr("Single-source warnings"), defaults.single_source_warnings
        )
        shown = QHBoxLayout()
        for box in (self.notes, self.quotes, self.conflicts, self.single):
            shown.addWidget(box)
        layout.addRow(self.tr("Show:"), shown)
        self.group_by = QComboBox()
        self.group_by.setObjectName("brief_group_by")
        self.group_by.addItem(self.tr("By status"), "status")
        self.group_by.addItem(self.tr("By source"), "source")
        self.group_by.setCurrentIndex(1 if defaults.group_by == "source" else 0)
        layout.addRow(self.tr("Group:"), self.group_by)

    def _check(self, name: str, label: str, checked: bool) -> QCheckBox:
        box = QCheckBox(label)
        box.setObjectName(name)
        box.setChecked(checked)
        return box

    def defaults(self) -> BriefDefaults:
        """The options as settings keep them."""
        return BriefDefaults(
            statuses=tuple(s for s in STATUSES if self.statuses[s].isChecked()),
            notes=self.notes.isChecked(),
            quotes=self.quotes.isChecked(),
            group_by="source" if self.group_by.currentData() == "source" else "status",
            conflicts=self.conflicts.isChecked(),
            single_source_warnings=self.single.isChecked(),
        )

    def watch(self, callback: Callable[[], None]) -> None:
        """Call `callback` whenever an option changes."""
        for box in (*self.statuses.values(), self.notes, self.quotes, self.conflicts, self.single):
            box.toggled.connect(callback)
        self.group_by.currentIndexChanged.connect(callback)


class ExportDialog(QDialog):
    """Brief options, a live preview, and every way out."""

    def __init__(
        self,
        project: Project,
        title: str,
        editor: str,
        defaults: BriefDefaults,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export brief"))
        self.project = project
        self.title = title
        self.editor = editor
        self.saved_to: Path | None = None
        self.form = BriefOptionsForm(defaults)
        self.form.watch(self.refresh)

        self.preview = QTextBrowser()
        self.preview.setObjectName("brief_preview")
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Brief preview"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for export_format, label, tip in (
            ("md", self.tr("Save &markdown…"), self.tr("The brief as a .md file")),
            ("html", self.tr("Save &HTML…"), self.tr("The brief as a styled web page")),
            ("claimreview", self.tr("Save &ClaimReview…"),
             self.tr("schema.org ClaimReview JSON-LD of confirmed and disputed cards")),
            ("csv", self.tr("Save C&SV…"), self.tr("Every card as a row, for spreadsheets")),
        ):  # fmt: skip
            button = QPushButton(label)
            button.setObjectName(f"save_{export_format}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, f=export_format: self.choose_and_save(f))
            actions.addWidget(button)
        copy = QPushButton(self.tr("Co&py"))
        copy.setObjectName("copy_brief")
        copy.setToolTip(self.tr("Copy the brief (formatted and as markdown) to the clipboard"))
        copy.clicked.connect(self.copy)
        actions.addWidget(copy)
        actions.addStretch()
        actions.addWidget(buttons)

        splitter = QSplitter()
        splitter.addWidget(self.form)
        splitter.addWidget(self.preview)
        splitter.setSizes([320, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addLayout(actions)
        self.resize(1000, 680)
        self.refresh()

    def options(self) -> BriefOptions:
        """The brief options as chosen now."""
        chosen = self.form.defaults()
        return BriefOptions(
            title=self.title,
            day=date.today(),
            editor=self.editor,
            statuses=chosen.statuses,
            notes=chosen.notes,
            quotes=chosen.quotes,
            group_by=chosen.group_by,
            conflicts=chosen.conflicts,
            single_source_warnings=chosen.single_source_warnings,
        )

    def markdown_text(self) -> str:
        """The brief as markdown, with the chosen options."""
        return write_brief(self.project, self.options())

    def refresh(self) -> None:
        """Render the preview again (after an option changed)."""
        self.preview.setHtml(render(self.markdown_text()))

    def text_of(self, export_format: str) -> str:
        """One export with the chosen options."""
        return export_text(
            self.project, export_format, self.title, date.today(), self.editor, self.options()
        )

    def save_to(self, path: Path, export_format: str = "md") -> bool:
        """Write an export to `path`; tell the user and return False when that fails."""
        try:
            path.write_text(self.text_of(export_format), encoding="utf-8")
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("Could not write {path}: {reason}.").format(
                    path=path, reason=error.strerror or error
                ),
            )
            return False
        self.saved_to = path
        return True

    def choose_and_save(self, export_format: str) -> None:
        """Ask where to save an export, then save it."""
        suffix = SUFFIXES[export_format]
        stem = self.project.path.stem + ("-brief" if export_format in ("md", "html") else "")
        suggested = self.project.path.with_name(stem + suffix)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save"), str(suggested), self.tr(_FILE_FILTERS[export_format])
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(suffix)
        if self.save_to(path, export_format):
            self.setWindowTitle(self.tr("Export brief — saved {name}").format(name=path.name))

    def copy(self) -> None:
        """The brief to the clipboard: rich text for mail, markdown as plain text."""
        markdown_text = self.markdown_text()
        data = QMimeData()
        data.setHtml(render(markdown_text))
        data.setText(markdown_text)
        QApplication.clipboard().setMimeData(data)
