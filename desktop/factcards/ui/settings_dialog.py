"""Settings…: the editor's name and the brief's default options."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from factcards.ui.export_dialog import BriefOptionsForm
from factcards.ui.settings import Settings


class SettingsDialog(QDialog):
    """Edits the settings in place when accepted."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.editor_name = QLineEdit(settings.editor_name)
        self.editor_name.setObjectName("editor_name")
        self.editor_name.setToolTip(self.tr("The name the event log records for your actions"))
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.editor_name)
        brief = QGroupBox(self.tr("Briefs start with"))
        self.brief = BriefOptionsForm(settings.brief_defaults)
        box = QVBoxLayout(brief)
        box.addWidget(self.brief)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(brief)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Keep the settings, then close."""
        if self.editor_name.text().strip():
            self.settings.editor_name = self.editor_name.text()
        self.settings.brief_defaults = self.brief.defaults()
        super().accept()
