"""Export brief…: the brief rendered for reading, and saved as markdown."""

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from factcards.core.markup import render


class BriefDialog(QDialog):
    """A preview of the brief with a Save button."""

    def __init__(self, markdown_text: str, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export brief"))
        self.markdown_text = markdown_text
        self._suggested = suggested
        self.saved_to: Path | None = None

        self.preview = QTextBrowser()
        self.preview.setObjectName("brief_preview")
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Brief preview"))
        self.preview.setHtml(render(markdown_text))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self._choose_and_save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def save_to(self, path: Path) -> bool:
        """Write the brief to `path`; tell the user and return False when that fails."""
        try:
            path.write_text(self.markdown_text, encoding="utf-8")
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Brief not saved"),
                self.tr("Could not write {path}: {reason}.").format(
                    path=path, reason=error.strerror or error
                ),
            )
            return False
        self.saved_to = path
        return True

    def _choose_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save brief"), str(self._suggested), self.tr("Markdown (*.md)")
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".md":
            path = path.with_suffix(path.suffix + ".md") if path.suffix else path.with_suffix(".md")
        if self.save_to(path):
            self.accept()
