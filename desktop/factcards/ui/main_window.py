"""The main window: the card list, the selected card, menus, and the status bar."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from factcards import __version__
from factcards.core.brief import BriefOptions, write_brief
from factcards.core.extract import SCORE_CUT
from factcards.core.importer import ImportReport, import_paths
from factcards.core.link import matcher_name
from factcards.ui.brief_dialog import BriefDialog
from factcards.ui.card_delegate import CardDelegate
from factcards.ui.card_model import CardListModel
from factcards.ui.detail_pane import DetailPane
from factcards.ui.settings import Settings
from factcards.ui.shortcuts import COMMANDS, Command
from factcards.ui.status_style import STATUS_LABELS
from factcards_db import (
    STATUSES,
    CardFilter,
    CardOrder,
    CardSummary,
    Project,
    ProjectError,
    Status,
)

PROJECT_SUFFIX = ".factcards"
_PROJECT_FILTER = "factcards projects (*.factcards);;All files (*)"
_ARTICLE_FILTER = "Articles (*.txt *.text *.md *.markdown);;All files (*)"


class MainWindow(QMainWindow):
    """One project in one window."""

    def __init__(self, project: Project, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.project = project
        self.actions_by_name: dict[str, QAction] = {}

        self.card_view = QListView()
        self.card_view.setObjectName("cards")
        self.card_view.setAccessibleName(self.tr("Cards"))
        self.card_view.setUniformItemSizes(True)
        self.card_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.card_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.card_view.setItemDelegate(CardDelegate(self.card_view))
        self.card_model = CardListModel(project, self._card_filter())
        self.card_view.setModel(self.card_model)

        self.detail = DetailPane()
        self.detail.note_edited.connect(self._save_note)
        self.detail.leave_requested.connect(self.card_view.setFocus)
        self.detail.card_requested.connect(self.show_card)
        self.detail.merge_requested.connect(self.merge_cards)
        self.detail.reject_requested.connect(self.reject_suggestion)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.card_view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.counts_label = QLabel()
        self.counts_label.setObjectName("status_counts")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.matcher_label = QLabel(self.tr("Matcher: {name}").format(name=matcher_name()))
        self.matcher_label.setObjectName("matcher")
        self.matcher_label.setToolTip(
            self.tr("How factcards decides that two quotes are the same claim")
        )
        self.statusBar().addPermanentWidget(self.matcher_label)

        self._make_actions()
        self._make_menus()
        self._connect_selection()
        self._restore_window()
        self._show_project()

    # -- building the window ------------------------------------------------------------

    def _make_actions(self) -> None:
        handlers = {
            "new_project": self.new_project,
            "open_project": self.choose_project,
            "import_files": self.choose_files,
            "import_folder": self.choose_folder,
            "export_brief": self.export_brief,
            "editor_name": self.ask_editor_name,
            "quit": self.close,
            "confirm": lambda: self.set_status("confirmed"),
            "dispute": lambda: self.set_status("disputed"),
            "unreview": lambda: self.set_status("unreviewed"),
            "next_card": lambda: self.move_selection(1),
            "previous_card": lambda: self.move_selection(-1),
            "edit_note": self.detail.focus_note,
            "merge_suggestion": lambda: self._act_on_suggestion(merge=True),
            "reject_suggestion": lambda: self._act_on_suggestion(merge=False),
            "show_low_scoring": self.toggle_low_scoring,
            "sort_sources": lambda: self.set_order("sources"),
            "sort_score": lambda: self.set_order("score"),
            "sort_document": lambda: self.set_order("document"),
            "shortcuts": self.show_shortcuts,
            "about": self.show_about,
        }
        for command in COMMANDS:
            action = QAction(self.tr(command.label), self)
            action.setObjectName(command.name)
            action.setShortcuts(command.sequences())
            tip = command.description
            if command.key_text():
                tip += f" ({command.key_text()})"
            action.setToolTip(tip)
            action.setStatusTip(command.description)
            if command.scope == "list":
                # Single letters act only where the list has focus, never while typing.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.card_view.addAction(action)
            action.triggered.connect(handlers[command.name])
            self.actions_by_name[command.name] = action
        low = self.actions_by_name["show_low_scoring"]
        low.setCheckable(True)
        low.setChecked(self.settings.show_low_scoring)
        orders = QActionGroup(self)
        for order in ("sources", "score", "document"):
            action = self.actions_by_name[f"sort_{order}"]
            action.setCheckable(True)
            action.setChecked(self.settings.card_order == order)
            orders.addAction(action)

    def _make_menus(self) -> None:
        actions = self.actions_by_name
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for name in ("new_project", "open_project"):
            file_menu.addAction(actions[name])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        for name in ("import_files", "import_folder", "export_brief"):
            file_menu.addAction(actions[name])
        file_menu.addSeparator()
        file_menu.addAction(actions["editor_name"])
        file_menu.addSeparator()
        file_menu.addAction(actions["quit"])

        card_menu = self.menuBar().addMenu(self.tr("&Card"))
        for name in ("confirm", "dispute", "unreview"):
            card_menu.addAction(actions[name])
        card_menu.addSeparator()
        for name in ("next_card", "previous_card", "edit_note"):
            card_menu.addAction(actions[name])
        card_menu.addSeparator()
        for name in ("merge_suggestion", "reject_suggestion"):
            card_menu.addAction(actions[name])

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for name in ("sort_sources", "sort_score", "sort_document"):
            view_menu.addAction(actions[name])
        view_menu.addSeparator()
        view_menu.addAction(actions["show_low_scoring"])

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(actions["shortcuts"])
        help_menu.addAction(actions["about"])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_projects
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        if not recent:
            self.recent_menu.addAction(self.tr("No recent projects")).setEnabled(False)

    def _connect_selection(self) -> None:
        self.card_view.selectionModel().currentChanged.connect(self._current_changed)

    def _restore_window(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)
        splitter = self.settings.window_state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([560, 640])

    # -- the project --------------------------------------------------------------------

    def _card_filter(self) -> CardFilter:
        return CardFilter(
            min_score=0.0 if self.settings.show_low_scoring else SCORE_CUT,
            order=self.settings.card_order,
        )

    def _show_project(self) -> None:
        self.setWindowTitle(f"{self.project.path.name} — factcards")
        self.settings.remember_project(self.project.path)
        self._update_counts()
        self.select_row(0)
        self.card_view.setFocus()

    def open_project(self, path: Path) -> bool:
        """Close this project and open another; tell the user when it cannot be opened."""
        try:
            project = Project.open(path)
        except ProjectError as error:
            self._refuse_project(error)
            return False
        self._switch_to(project)
        return True

    def new_project(self) -> None:
        """Ask where to create a project, create it, and show it."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New project"),
            str(Path.home() / f"untitled{PROJECT_SUFFIX}"),
            self.tr(_PROJECT_FILTER),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(PROJECT_SUFFIX)
        try:
            project = Project.create(path)
        except ProjectError as error:
            self._refuse_project(error)
            return
        self._switch_to(project)

    def choose_project(self) -> None:
        """Ask for a project file and open it."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), str(self.project.path.parent), self.tr(_PROJECT_FILTER)
        )
        if name:
            self.open_project(Path(name))

    def _switch_to(self, project: Project) -> None:
        self.detail.flush_note()
        old = self.project
        self.project = project
        self.card_model = CardListModel(project, self._card_filter())
        self.card_view.setModel(self.card_model)
        self._connect_selection()
        old.close()
        self._show_project()

    def _refuse_project(self, error: ProjectError) -> None:
        QMessageBox.warning(self, self.tr("Cannot open project"), error.message)

    # -- importing ----------------------------------------------------------------------

    def choose_files(self) -> None:
        """Ask for article files and import them."""
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import articles"), str(Path.home()), self.tr(_ARTICLE_FILTER)
        )
        if names:
            self.import_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        """Ask for a folder and import every article in it."""
        name = QFileDialog.getExistingDirectory(self, self.tr("Import folder"), str(Path.home()))
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: list[Path]) -> ImportReport:
        """Import files and folders, with a progress dialog that can cancel between files."""
        self.detail.flush_note()
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def progress(done: int, total: int, name: str) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(self.tr("Importing {name}").format(name=Path(name).name))
            QApplication.processEvents()
            return not dialog.wasCanceled()

        current = self.current_card_id()
        report = import_paths(self.project, paths, progress)
        dialog.reset()
        dialog.deleteLater()
        self.card_model.reload()
        self._update_counts()
        row = self.card_model.row_of(current) if current is not None else None
        self.select_row(row or 0)
        self.statusBar().showMessage(self.tr("Import: {summary}").format(summary=report.summary()))
        problems = report.problems()
        if problems:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Some files were not imported"),
                self.tr("{count} of {total} files were not imported; the others were.").format(
                    count=len(problems), total=len(report.files)
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setDetailedText(
                "\n".join(f"{problem.path}: {problem.message}" for problem in problems)
            )
            box.open()
            self.import_report_box = box
        return report

    # -- triage -------------------------------------------------------------------------

    def current_card_id(self) -> int | None:
        """The id of the selected card, if any."""
        index = self.card_view.currentIndex()
        if not index.isValid():
            return None
        return self.card_model.card_at(index.row()).id

    def set_status(self, status: Status) -> None:
        """Set the selected card's status; it is committed before this returns."""
        card_id = self.current_card_id()
        if card_id is None:
            return
        card = self.project.set_status(card_id, status, self.settings.editor_name)
        self._card_changed(card)
        self.statusBar().showMessage(
            self.tr("Card marked {status}.").format(status=STATUS_LABELS[status].lower()), 3000
        )

    def move_selection(self, step: int) -> None:
        """Select the card `step` rows below (negative: above) the current one."""
        current = self.card_view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        if 0 <= row < self.card_model.rowCount():
            self.select_row(row)

    def select_row(self, row: int) -> None:
        """Select and show the card in this row (nothing when the list is empty)."""
        if not 0 <= row < self.card_model.rowCount():
            self.detail.show_card(None)
            return
        index = self.card_model.index(row)
        self.card_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.card_view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.show_card(None)
            return
        card = self.card_model.card_at(current.row())
        self.detail.show_card(self.project.card_detail(card.id))

    def _save_note(self, card_id: int, note: str) -> None:
        card = self.project.set_note(card_id, note, self.settings.editor_name)
        self._card_changed(card)

    def _card_changed(self, card: CardSummary) -> None:
        self.card_model.update_card(card)
        self.detail.update_summary(card)
        self._update_counts()

    def _update_counts(self) -> None:
        counts = self.project.status_counts(self.card_model.card_filter)
        self.counts_label.setText(
            "  ·  ".join(f"{STATUS_LABELS[status]}: {counts[status]}" for status in STATUSES)
        )

    def toggle_low_scoring(self, shown: bool) -> None:
        """Show or hide candidates below the check-worthiness cut."""
        self.settings.show_low_scoring = shown
        self._refilter()

    def set_order(self, order: CardOrder) -> None:
        """List the cards in another order, keeping the selected one."""
        self.settings.card_order = order
        self.actions_by_name[f"sort_{order}"].setChecked(True)
        self._refilter()

    def _refilter(self) -> None:
        current = self.current_card_id()
        self.card_model.set_filter(self._card_filter())
        self._update_counts()
        row = self.card_model.row_of(current) if current is not None else None
        self.select_row(row or 0)

    # -- suggestions and conflicts ------------------------------------------------------

    def show_card(self, card_id: int) -> None:
        """Select a card in the list; show it in the pane even when the list hides it."""
        row = self.card_model.row_of(card_id)
        if row is not None:
            self.select_row(row)
        else:
            self.detail.show_card(self.project.card_detail(card_id))

    def merge_cards(self, keep: int, other: int) -> None:
        """Accept a suggested match: the other card's quotes join this one."""
        self.detail.flush_note()
        card = self.project.merge_cards(keep, other, self.settings.editor_name)
        self.card_model.reload()
        self._update_counts()
        self.show_card(card.id)
        self.statusBar().showMessage(self.tr("Cards merged."), 3000)

    def reject_suggestion(self, card_id: int, other: int) -> None:
        """Reject a suggested match; it will not be suggested again."""
        card = self.project.reject_suggestion(card_id, other, self.settings.editor_name)
        self._card_changed(card)
        self.detail.show_card(self.project.card_detail(card_id))
        self.statusBar().showMessage(self.tr("Suggestion rejected."), 3000)

    def _act_on_suggestion(self, *, merge: bool) -> None:
        card_id = self.current_card_id()
        if card_id is None:
            return
        suggestions = self.project.suggestions_for(card_id)
        if not suggestions:
            self.statusBar().showMessage(self.tr("This card has no suggested match."), 3000)
            return
        other = suggestions[0].other_card_id
        if merge:
            self.merge_cards(card_id, other)
        else:
            self.reject_suggestion(card_id, other)

    # -- brief, settings, help ----------------------------------------------------------

    def brief_markdown(self) -> str:
        """The project's brief as markdown, as Export brief… shows it."""
        title = self.tr("Brief: {name}").format(name=self.project.path.stem)
        options = BriefOptions(title=title, day=date.today(), editor=self.settings.editor_name)
        return write_brief(self.project, options)

    def export_brief(self) -> BriefDialog:
        """Open the brief preview, from which the brief is saved."""
        self.detail.flush_note()
        suggested = self.project.path.with_name(f"{self.project.path.stem}-brief.md")
        dialog = BriefDialog(self.brief_markdown(), suggested, self)
        dialog.open()
        return dialog

    def ask_editor_name(self) -> None:
        """Ask for the name the event log records."""
        name, accepted = QInputDialog.getText(
            self,
            self.tr("Editor name"),
            self.tr("Your name, as the event log records it:"),
            text=self.settings.editor_name,
        )
        if accepted and name.strip():
            self.settings.editor_name = name

    def show_shortcuts(self) -> QDialog:
        """A table of every command and its keys."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTableWidget(len(COMMANDS), 3, dialog)
        table.setObjectName("shortcut_table")
        table.setHorizontalHeaderLabels(
            [self.tr("Keys"), self.tr("Command"), self.tr("What it does")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for row, command in enumerate(COMMANDS):
            for column, text in enumerate(_shortcut_row(command)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnsToContents()
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        dialog.resize(720, 480)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        """Version and licence."""
        QMessageBox.about(
            self,
            self.tr("About factcards"),
            self.tr(
                "<h3>factcards {version}</h3><p>Claims across articles, grouped into cards, "
                "triaged, briefed. Runs offline.</p><p>MIT licence. Built with Qt for Python "
                "(LGPL), sqlite-utils, Python-Markdown, syntok and charset-normalizer.</p>"
            ).format(version=__version__),
        )

    # -- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail.flush_note()
        self.settings.save_window_state("geometry", self.saveGeometry())
        self.settings.save_window_state("splitter", self.splitter.saveState())
        self.project.close()
        event.accept()


def _shortcut_row(command: Command) -> tuple[str, str, str]:
    label = command.label.replace("&", "").rstrip("…")
    keys = command.key_text() or "—"
    where = " (in the card list)" if command.scope == "list" else ""
    return keys, label, command.description + where
