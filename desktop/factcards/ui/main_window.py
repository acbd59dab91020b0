"""The main window: the card list with its search and filters, the selected card, its
source, menus and the status bar.

Every editor action goes through `factcards.core.editing.Editing`, which commits it,
logs it and keeps it undoable; the window only applies the `Change` it returns.
"""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QItemSelectionModel,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent
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
    QWidget,
)

from factcards.core.editing import Change, Editing
from factcards.core.extract import SCORE_CUT
from factcards.core.importer import ImportReport
from factcards.core.link import matcher_name
from factcards.ui.about_dialog import AboutDialog
from factcards.ui.card_delegate import CardDelegate
from factcards.ui.card_model import CardListModel
from factcards.ui.detail_pane import SHOWN_CONFLICTS, SHOWN_QUOTES, DetailPane
from factcards.ui.export_dialog import ExportDialog
from factcards.ui.filter_bar import FilterBar
from factcards.ui.import_worker import ImportJob, ImportRun, PastedText
from factcards.ui.settings import Settings
from factcards.ui.settings_dialog import SettingsDialog
from factcards.ui.shortcuts import COMMANDS, Command
from factcards.ui.source_view import SourceView
from factcards.ui.status_style import status_label
from factcards.ui.translation import QT_TRANSLATE_NOOP, translate
from factcards_db import STATUSES, CardOrder, Project, ProjectError, Status

PROJECT_SUFFIX = ".factcards"
_PROJECT_FILTERS = (
    QT_TRANSLATE_NOOP("MainWindow", "factcards projects (*.factcards)"),
    QT_TRANSLATE_NOOP("MainWindow", "All files (*)"),
)

_ARTICLE_FILTERS = (
    QT_TRANSLATE_NOOP("MainWindow", "Articles (*.txt *.text *.md *.markdown *.html *.htm *.pdf)"),
    QT_TRANSLATE_NOOP("MainWindow", "Text and markdown (*.txt *.text *.md *.markdown)"),
    QT_TRANSLATE_NOOP("MainWindow", "Web pages (*.html *.htm)"),
    QT_TRANSLATE_NOOP("MainWindow", "PDF (*.pdf)"),
    QT_TRANSLATE_NOOP("MainWindow", "All files (*)"),
)
_ORDERS: tuple[CardOrder, ...] = ("sources", "score", "conflicts", "document")
# Commands that change the project: disabled when it is open read-only.
EDITING_COMMANDS = frozenset(
    {
        "import_files",
        "import_folder",
        "paste_source",
        "undo",
        "redo",
        "new_card_from_selection",
        "add_selection_to_card",
        "confirm",
        "dispute",
        "unreview",
        "edit_note",
        "edit_wording",
        "tag",
        "hide",
        "merge_selected",
        "merge_suggestion",
        "reject_suggestion",
    }
)


class MainWindow(QMainWindow):
    """One project in one window."""

    def __init__(self, project: Project, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.project = project
        self.editing = Editing(project, lambda: self.settings.editor_name)
        self.actions_by_name: dict[str, QAction] = {}
        self.import_run: ImportRun | None = None
        self._detail_shows = 0  # how often the detail pane was filled (apply() avoids twice)

        self.filter_bar = FilterBar()
        self.filter_bar.min_score.setValue(0.0 if settings.show_low_scoring else SCORE_CUT)
        self.filter_bar.set_order(settings.card_order)
        self.card_view = QListView()
        self.card_view.setObjectName("cards")
        self.card_view.setAccessibleName(self.tr("Cards"))
        self.card_view.setAccessibleDescription(
            self.tr("C confirms, D disputes, U resets; J and K move; N edits the note")
        )
        self.card_view.setUniformItemSizes(True)
        self.card_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.card_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.card_view.setItemDelegate(CardDelegate(self.card_view))
        self.card_model = CardListModel(project, self.filter_bar.card_filter())
        self.card_view.setModel(self.card_model)
        self.filter_bar.changed.connect(self._filters_changed)
        self.filter_bar.leave_requested.connect(self.card_view.setFocus)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.card_view)

        self.detail = DetailPane()
        self.detail.note_edited.connect(self._save_note)
        self.detail.leave_requested.connect(self.card_view.setFocus)
        self.detail.card_requested.connect(self.show_card)
        self.detail.merge_requested.connect(
            self._guarded(lambda card, other: self.apply(self.editing.merge(card, [other])))
        )
        self.detail.reject_requested.connect(
            self._guarded(
                lambda card, other: self.apply(self.editing.reject_suggestion(card, other))
            )
        )
        self.detail.quote_focused.connect(self._show_quote_in_source)
        self.detail.split_requested.connect(
            self._guarded(lambda card, quote: self.apply(self.editing.split(card, quote)))
        )
        self.detail.detach_requested.connect(
            self._guarded(lambda card, quote: self.apply(self.editing.detach(card, quote)))
        )
        self.detail.untag_requested.connect(
            self._guarded(lambda card, tag: self.apply(self.editing.untag([card], tag)))
        )
        self.source_view = SourceView()
        self.source_view.card_clicked.connect(self.show_card)

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.detail)
        self.right.addWidget(self.source_view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
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

        self.setAcceptDrops(True)
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
            "paste_source": self.paste_source,
            "export_brief": self.export_brief,
            "save_copy": self.save_copy,
            "settings": self.show_settings,
            "quit": self.close,
            "undo": self.undo,
            "redo": self.redo,
            "find": self.filter_bar.focus_search,
            "clear_filters": self.filter_bar.clear,
            "new_card_from_selection": self.new_card_from_selection,
            "add_selection_to_card": self.add_selection_to_card,
            "confirm": lambda: self.set_status("confirmed"),
            "dispute": lambda: self.set_status("disputed"),
            "unreview": lambda: self.set_status("unreviewed"),
            "next_card": lambda: self.move_selection(1),
            "previous_card": lambda: self.move_selection(-1),
            "next_unreviewed": self.next_unreviewed,
            "select_all": self.select_all,
            "edit_note": self.detail.focus_note,
            "edit_wording": self.edit_wording,
            "tag": self.tag_selected,
            "hide": self.hide_selected,
            "merge_selected": self.merge_selected,
            "merge_suggestion": lambda: self._act_on_suggestion(merge=True),
            "reject_suggestion": lambda: self._act_on_suggestion(merge=False),
            "show_low_scoring": self.toggle_low_scoring,
            **{f"sort_{order}": (lambda o=order: self.set_order(o)) for order in _ORDERS},
            "shortcuts": self.show_shortcuts,
            "about": self.show_about,
        }
        for command in COMMANDS:
            action = QAction(command.text(), self)
            action.setObjectName(command.name)
            action.setShortcuts(command.sequences())
            tip = command.help()
            if command.key_text():
                tip += f" ({command.key_text()})"
            action.setToolTip(tip)
            action.setStatusTip(command.help())
            if command.scope == "list":
                # Single letters act only where the list has focus, never while typing.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.card_view.addAction(action)
            handler = cast(Callable[..., object], handlers[command.name])
            if command.name in EDITING_COMMANDS:
                # A full disk or a busy file is a message, never an exception in a slot.
                handler = self._guarded(handler, with_arguments=False)
            action.triggered.connect(handler)
            self.actions_by_name[command.name] = action
        low = self.actions_by_name["show_low_scoring"]
        low.setCheckable(True)
        low.setChecked(self.settings.show_low_scoring)
        orders = QActionGroup(self)
        for order in _ORDERS:
            action = self.actions_by_name[f"sort_{order}"]
            action.setCheckable(True)
            action.setChecked(self.settings.card_order == order)
            orders.addAction(action)
        self.source_view.menu_actions = [
            self.actions_by_name["new_card_from_selection"],
            self.actions_by_name["add_selection_to_card"],
        ]
        self.source_view.selection_changed.connect(self._update_actions)

    def _make_menus(self) -> None:
        actions = self.actions_by_name
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for name in ("new_project", "open_project"):
            file_menu.addAction(actions[name])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        for name in ("import_files", "import_folder", "paste_source", "export_brief"):
            file_menu.addAction(actions[name])
        file_menu.addAction(actions["save_copy"])
        file_menu.addSeparator()
        file_menu.addAction(actions["settings"])
        file_menu.addSeparator()
        file_menu.addAction(actions["quit"])

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for name in ("undo", "redo"):
            edit_menu.addAction(actions[name])
        edit_menu.addSeparator()
        for name in ("find", "clear_filters"):
            edit_menu.addAction(actions[name])
        edit_menu.addSeparator()
        for name in ("new_card_from_selection", "add_selection_to_card"):
            edit_menu.addAction(actions[name])

        card_menu = self.menuBar().addMenu(self.tr("&Card"))
        for group in (
            ("confirm", "dispute", "unreview"),
            ("next_card", "previous_card", "next_unreviewed", "select_all"),
            ("edit_note", "edit_wording", "tag", "hide"),
            ("merge_selected", "merge_suggestion", "reject_suggestion"),
        ):
            for name in group:
                card_menu.addAction(actions[name])
            card_menu.addSeparator()

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for order in _ORDERS:
            view_menu.addAction(actions[f"sort_{order}"])
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
        selection = self.card_view.selectionModel()
        selection.currentChanged.connect(self._current_changed)
        selection.selectionChanged.connect(self._update_actions)

    def _restore_window(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        for name, splitter, sizes in (
            ("splitter", self.splitter, [560, 720]),
            ("right_splitter", self.right, [480, 300]),
        ):
            state = self.settings.window_state(name)
            if state is None or not splitter.restoreState(state):
                splitter.setSizes(sizes)

    # -- the project --------------------------------------------------------------------

    def _show_project(self) -> None:
        name = self.project.path.name
        if self.project.read_only:
            name = self.tr("{name} (read-only)").format(name=name)
        self.setWindowTitle(f"{name} — factcards")
        self.settings.remember_project(self.project.path)
        self._refresh_choices()
        self._update_counts()
        self.select_row(0)
        self._update_actions()
        self.card_view.setFocus()
        self._tell_about_project()

    def _tell_about_project(self) -> None:
        """Say why the project is read-only, or that it was upgraded (and where its backup
        is), when it is so."""
        if self.project.read_only:
            reason = self.project.read_only_reason or ""
            self.statusBar().showMessage(self.tr("Read-only: {reason}").format(reason=reason))
        notice = self.project.notice
        if notice:
            self.statusBar().showMessage(notice)
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Project upgraded"),
                notice,
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.open()
            self.notice_box = box

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
            self._filters(_PROJECT_FILTERS),
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
            self,
            self.tr("Open project"),
            str(self.project.path.parent),
            self._filters(_PROJECT_FILTERS),
        )
        if name:
            self.open_project(Path(name))

    def _switch_to(self, project: Project) -> None:
        self.detail.flush_note()
        self.detail.show_card(None)
        self.source_view.clear()
        old = self.project
        self.project = project
        self.editing = Editing(project, lambda: self.settings.editor_name)
        self.card_model = CardListModel(project, self.filter_bar.card_filter())
        self.card_view.setModel(self.card_model)
        self._connect_selection()
        old.close()
        self._refresh_choices()
        self.filter_bar.clear()
        self._show_project()

    def _refuse_project(self, error: ProjectError) -> None:
        QMessageBox.warning(self, self.tr("Cannot open project"), error.message)

    def _guarded(
        self, handler: Callable[..., object], *, with_arguments: bool = True
    ) -> Callable[..., None]:
        """The handler, telling a failure of the project file (a full disk, a busy or
        read-only file) in a message box; the action it was doing is not done."""

        def run(*arguments: object) -> None:
            try:
                handler(*arguments) if with_arguments else handler()
            except ProjectError as error:
                self.show_problem(error)

        return run

    def show_problem(self, error: ProjectError) -> QMessageBox:
        """Tell the user, in the error's plain words, that an action could not be done."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not saved"),
            error.message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.open()
        self.problem_box = box
        self.statusBar().showMessage(error.message)
        return box

    def save_copy(self) -> None:
        """Ask where to save a copy of the project, and save it there."""
        self.detail.flush_note()
        suggested = self.project.path.with_name(f"{self.project.path.stem} copy{PROJECT_SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), str(suggested), self._filters(_PROJECT_FILTERS)
        )
        if name:
            self.save_copy_to(Path(name))

    def save_copy_to(self, path: Path) -> bool:
        """Save a copy of the project (consistent, while it stays open here) to `path`."""
        self.detail.flush_note()
        if not path.suffix:
            path = path.with_suffix(PROJECT_SUFFIX)
        try:
            self.project.save_copy(path)
        except ProjectError as error:
            self.show_problem(error)
            return False
        self.statusBar().showMessage(self.tr("Saved a copy as {path}").format(path=path))
        return True

    def _refresh_choices(self) -> None:
        """Sources and tags the filters offer."""
        self.filter_bar.set_sources(
            [(s.id, s.outlet or s.title) for s in self.project.source_labels()]
        )
        self.filter_bar.set_tags(self.project.tags())

    # -- importing ----------------------------------------------------------------------

    def _filters(self, filters: tuple[str, ...]) -> str:
        """File-dialog filters in the user's language."""
        return ";;".join(self.tr(name) for name in filters)

    def choose_files(self) -> None:
        """Ask for article files and import them."""
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import articles"), str(Path.home()), self._filters(_ARTICLE_FILTERS)
        )
        if names:
            self.import_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        """Ask for a folder and import every article in it."""
        name = QFileDialog.getExistingDirectory(self, self.tr("Import folder"), str(Path.home()))
        if name:
            self.import_paths([Path(name)])

    def paste_source(self) -> None:
        """Import the text on the clipboard as a new source."""
        self.import_text(QApplication.clipboard().text())

    def import_text(self, text: str) -> bool:
        """Import pasted or dropped text as a new source, on a worker thread behind the
        same progress dialog as files (Cancel keeps nothing of the text); say what
        happened, and whether the text was imported, once it has ended."""
        report = self._import_in_background(PastedText(text))
        if report is None or not self.isVisible():
            return report is not None and report.count("imported") == 1
        if not report.files:  # cancelled, or the project failed and the import said so
            self.statusBar().showMessage(self.tr("Cancelled: the text was not imported"))
            return False
        [outcome] = report.files
        if outcome.outcome == "failed":
            QMessageBox.warning(
                self,
                self.tr("Nothing imported"),
                self.tr("The text was not imported: {reason}.").format(reason=outcome.message),
            )
            return False
        if outcome.outcome == "duplicate":
            message = self.tr("That text is already in the project")
        elif outcome.quotes == 1:
            message = self.tr("Text imported as a new source: 1 claim found")
        else:
            message = self.tr("Text imported as a new source: {count} claims found").format(
                count=outcome.quotes
            )
        self.statusBar().showMessage(message)
        return outcome.outcome == "imported"

    # Dropping files, folders or text anywhere on the window imports them.

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.project.read_only or self.import_run is not None:
            return  # nothing can be imported into it, or not before the import under way ends
        data = event.mimeData()
        if any(url.isLocalFile() for url in data.urls()) or data.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        paths = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
        event.acceptProposedAction()
        if paths:
            self.import_paths(paths)
        elif data.hasText():
            self.import_text(data.text())

    def import_paths(self, paths: list[Path]) -> ImportReport:
        """Import files and folders on a worker thread, with a progress dialog (files done,
        the current file, time left, Cancel); return what happened once it has ended.

        The window keeps painting and answering while it runs. Cancel stops the import
        at once: the file being imported is rolled back, the ones before it stay.
        """
        report = self._import_in_background(paths)
        if report is None:
            return ImportReport(cancelled=True)
        if not self.isVisible():
            return report  # the window was closed mid-import; its project is closed
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

    def _import_in_background(self, job: ImportJob) -> ImportReport | None:
        """Run an import on a worker thread behind a progress dialog (shown only when it
        takes a while: a busy bar while the project's cards are read, then the files done,
        the current file and the time left; Cancel); once it has ended, show the list again
        with the same card selected and return what happened.

        One import at a time: while one runs (a second paste before its dialog shows),
        another is refused, with None.
        """
        if self.import_run is not None:
            self.statusBar().showMessage(
                self.tr("An import is already running: wait for it to end, or cancel it")
            )
            return None
        self.detail.flush_note()
        pasted = isinstance(job, PastedText)
        if pasted:
            first = self.tr("Importing the pasted text…")
            reading = self.tr("Reading the project's cards, to link the pasted text to them…")
            cancelling = self.tr("Cancelling: nothing of the pasted text is kept…")
        else:
            first = self.tr("Looking for articles…")
            reading = self.tr("Reading the project's cards, to link the new articles to them…")
            cancelling = self.tr("Cancelling: the file being imported is rolled back…")
        dialog = QProgressDialog(first, self.tr("Cancel"), 0, 1, self)
        dialog.setObjectName("import_progress")
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumDuration(400)
        # A first value starts the clock after which the dialog shows itself (a quick
        # paste shows none); without it, it would wait for the first file, and stay hidden
        # while the project's cards are read. Then a busy bar until files are counted.
        dialog.setValue(0)
        dialog.setMaximum(0)
        run = ImportRun(self.project.path, job, self)
        self.import_run = run
        ended = QEventLoop()
        outcome: list[ImportReport] = []

        def show_progress(done: int, total: int, name: str, seconds_left: float) -> None:
            if dialog.wasCanceled():
                return
            if not name:  # no file yet: a busy bar while the project's cards are read
                dialog.setMaximum(0)
                dialog.setLabelText(reading)
                return
            if pasted:  # one text: nothing to count, the bar stays busy
                dialog.setLabelText(first)
                return
            dialog.setMaximum(total)
            dialog.setValue(done)
            text = self.tr("Importing {name}\n{done} of {total} files").format(
                name=Path(name).name, done=done, total=total
            )
            if seconds_left >= 0:
                text += self.tr(", about {time} left").format(time=_duration(seconds_left))
            dialog.setLabelText(text)

        def cancel() -> None:
            dialog.setLabelText(cancelling)
            run.cancel()

        def finish(report: ImportReport) -> None:
            outcome.append(report)
            ended.quit()

        def fail(message: str) -> None:
            QMessageBox.warning(self, self.tr("Import failed"), message)
            outcome.append(ImportReport(cancelled=True))
            ended.quit()

        run.progress.connect(show_progress)
        run.finished.connect(finish)
        run.failed.connect(fail)
        dialog.canceled.connect(cancel)
        current = self.current_card_id()
        run.start()
        if not outcome:
            ended.exec()
        run.wait()
        self.import_run = None
        report = outcome[0]
        dialog.reset()
        dialog.deleteLater()
        if self.isVisible():  # else the window was closed mid-import; its project is closed
            self._refresh_choices()
            self.apply(Change(listing=True, select=current))
        return report

    # -- the list and the selection -------------------------------------------------------

    def current_card_id(self) -> int | None:
        """The id of the current card (the one the detail pane shows), if any."""
        index = self.card_view.currentIndex()
        if not index.isValid():
            return None
        return self.card_model.card_at(index.row()).id

    def selected_card_ids(self) -> list[int]:
        """The selected cards in list order; the current card when none is selected."""
        rows = sorted(index.row() for index in self.card_view.selectionModel().selectedRows())
        ids = [self.card_model.card_at(row).id for row in rows]
        current = self.current_card_id()
        return ids or ([current] if current is not None else [])

    def move_selection(self, step: int) -> None:
        """Select the card `step` rows below (negative: above) the current one."""
        current = self.card_view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        if 0 <= row < self.card_model.rowCount():
            self.select_row(row)

    def next_unreviewed(self) -> None:
        """Select the next unreviewed card after the current one (wrapping round): the
        store finds it, from the current card's place in the list's order."""
        listed = self.card_model.card_filter
        if listed.statuses and "unreviewed" not in listed.statuses:
            found: list[int] = []
        else:
            unreviewed = replace(listed, statuses=frozenset({"unreviewed"}))
            current = self.current_card_id()
            after = self.project.card_key(current, listed.order) if current else None
            found = self.project.card_page(unreviewed, after=after, limit=1)[0]
            if not found:  # none after the current card: round to the top
                found = self.project.card_page(unreviewed, limit=1)[0]
        row = self.card_model.row_of(found[0]) if found else None
        if row is None:
            self.statusBar().showMessage(self.tr("No unreviewed card left in this list."), 3000)
            return
        self.select_row(row)

    def select_all(self) -> None:
        """Select every card of the list (fetched to its end first)."""
        self.card_model.fetch_all()
        self.card_view.selectAll()

    def select_row(self, row: int) -> None:
        """Select and show the card in this row (nothing when the list is empty)."""
        if not 0 <= row < self.card_model.rowCount():
            self.detail.show_card(None)
            self.source_view.clear()
            return
        index = self.card_model.index(row)
        self.card_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.card_view.scrollTo(index)

    def show_card(self, card_id: int) -> None:
        """Select a card in the list; show it in the pane even when the list hides it."""
        row = self.card_model.row_of(card_id)
        if row is not None:
            self.select_row(row)
        else:
            self._show_detail(card_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.show_card(None)
            self.source_view.clear()
            return
        self._show_detail(self.card_model.card_at(current.row()).id)
        self._update_actions()

    def _show_detail(self, card_id: int) -> None:
        self._detail_shows += 1
        detail = self.project.card_detail(
            card_id, quote_limit=SHOWN_QUOTES + 1, conflict_limit=4 * SHOWN_CONFLICTS
        )
        self.detail.show_card(detail, self.project.events(card_id))
        if detail.quotes:
            quote = detail.quotes[0]
            self._show_quote_in_source(card_id, quote.source_id, quote.start, quote.end)
        else:
            self.source_view.clear()

    def _show_quote_in_source(self, card_id: int, source_id: int, start: int, end: int) -> None:
        self.source_view.show_source(
            self.project.source(source_id),
            self.project.spans_of_source(source_id),
            card_id,
            (start, end),
        )

    def _filters_changed(self) -> None:
        self.settings.card_order = self.filter_bar.card_filter().order
        self.actions_by_name[f"sort_{self.settings.card_order}"].setChecked(True)
        self.apply(Change(listing=True, select=self.current_card_id()))

    # -- editing ------------------------------------------------------------------------

    def apply(self, change: Change | None) -> None:
        """Show what an action changed: rows, the list, the detail pane, the counts."""
        if change is None:
            return
        current = self.current_card_id()
        shows = self._detail_shows
        if change.listing:
            self.card_model.set_filter(self.filter_bar.card_filter())
            self.filter_bar.set_tags(self.project.tags())
            target = change.select if change.select is not None else current
            row = self.card_model.row_of(target) if target is not None else None
            if row is None and target is not None and self.card_model.rowCount():
                row = 0
            self.select_row(row if row is not None else 0)
        else:
            for card in self.project.card_summaries(sorted(change.cards)).values():
                self.card_model.update_card(card)
        shown = self.detail.card_id
        fresh = self._detail_shows != shows  # selecting a row has just shown it
        if shown is not None and not fresh and (change.listing or shown in change.cards):
            self._show_detail(shown)
        self._update_counts()
        self._update_actions()

    def set_status(self, status: Status) -> None:
        """Set the selected cards' status; committed before this returns."""
        ids = self.selected_card_ids()
        if not ids:
            return
        self.apply(self.editing.set_status(ids, status))
        label = status_label(status).lower()
        message = (
            self.tr("Card marked {status}.")
            if len(ids) == 1
            else self.tr("{count} cards marked {status}.")
        )
        self.statusBar().showMessage(message.format(status=label, count=len(ids)), 3000)

    def _save_note(self, card_id: int, note: str) -> None:
        if self.project.read_only:
            return
        try:
            self.apply(self.editing.set_note(card_id, note))
        except ProjectError as error:
            self.detail.note_not_saved(card_id, self.project.card(card_id).note)
            self.show_problem(error)

    def edit_wording(self) -> None:
        """Ask for the card's wording."""
        card_id = self.current_card_id()
        if card_id is None:
            return
        wording, accepted = QInputDialog.getMultiLineText(
            self,
            self.tr("Edit wording"),
            self.tr("The claim, as the card should word it:"),
            self.project.card(card_id).wording,
        )
        if accepted and wording.strip():
            self.apply(self.editing.set_wording(card_id, wording))

    def tag_selected(self) -> None:
        """Ask for a tag and give it to the selected cards."""
        ids = self.selected_card_ids()
        if not ids:
            return
        known = [tag for tag, _ in self.project.tags()]
        tag, accepted = QInputDialog.getItem(
            self, self.tr("Tag"), self.tr("Tag for {n} card(s):").format(n=len(ids)), known, 0, True
        )
        if accepted and tag.strip():
            self.apply(self.editing.tag(ids, tag))

    def hide_selected(self) -> None:
        """Hide the selected cards as not claims; in the hidden list, show them again."""
        ids = self.selected_card_ids()
        if ids:
            hidden = not self.filter_bar.card_filter().hidden
            self.apply(self.editing.hide(ids, hidden))

    def merge_selected(self) -> None:
        """Make the selected cards one card: the current one keeps its wording."""
        ids = self.selected_card_ids()
        current = self.current_card_id()
        if current is None or len(ids) < 2:
            self.statusBar().showMessage(self.tr("Select two cards or more to merge."), 3000)
            return
        self.apply(self.editing.merge(current, [card for card in ids if card != current]))

    def _act_on_suggestion(self, *, merge: bool) -> None:
        card_id = self.current_card_id()
        if card_id is None:
            return
        suggestions = self.project.suggestions_for(card_id)
        if not suggestions:
            self.statusBar().showMessage(self.tr("This card has no suggested match."), 3000)
            return
        other = suggestions[0].other_card_id
        change = (
            self.editing.accept_suggestion(card_id, other)
            if merge
            else self.editing.reject_suggestion(card_id, other)
        )
        self.apply(change)

    def new_card_from_selection(self) -> None:
        """A card of the text selected in the source."""
        selection = self.source_view.selection()
        if selection is None:
            self.statusBar().showMessage(self.tr("Select text in the source first."), 3000)
            return
        self.filter_bar.clear()
        self.apply(self.editing.new_card(*selection))

    def add_selection_to_card(self) -> None:
        """The text selected in the source, as a quote of the current card."""
        selection = self.source_view.selection()
        card_id = self.current_card_id()
        if selection is None or card_id is None:
            self.statusBar().showMessage(
                self.tr("Select a card, and text in the source, first."), 3000
            )
            return
        self.apply(self.editing.add_quote(card_id, *selection))

    def undo(self) -> None:
        """Take the last action back."""
        self.detail.flush_note()
        name = self.editing.history.undo_name()
        self.apply(self.editing.undo())
        if name:
            self.statusBar().showMessage(self.tr("Undone: {name}").format(name=name), 3000)

    def redo(self) -> None:
        """Do the last undone action again."""
        name = self.editing.history.redo_name()
        self.apply(self.editing.redo())
        if name:
            self.statusBar().showMessage(self.tr("Redone: {name}").format(name=name), 3000)

    def _update_actions(self) -> None:
        undo, redo = self.editing.history.undo_name(), self.editing.history.redo_name()
        self.actions_by_name["undo"].setText(
            self.tr("&Undo {name}").format(name=undo) if undo else self.tr("&Undo")
        )
        self.actions_by_name["undo"].setEnabled(undo is not None)
        self.actions_by_name["redo"].setText(
            self.tr("&Redo {name}").format(name=redo) if redo else self.tr("&Redo")
        )
        self.actions_by_name["redo"].setEnabled(redo is not None)
        has_text = self.source_view.selection() is not None
        self.actions_by_name["new_card_from_selection"].setEnabled(has_text)
        self.actions_by_name["add_selection_to_card"].setEnabled(
            has_text and self.current_card_id() is not None
        )
        self.actions_by_name["merge_selected"].setEnabled(len(self.selected_card_ids()) > 1)
        read_only = self.project.read_only
        if read_only:
            for name in EDITING_COMMANDS:
                self.actions_by_name[name].setEnabled(False)
        self.detail.note.setReadOnly(read_only)

    def _update_counts(self) -> None:
        counts = self.project.status_counts(self.card_model.card_filter)
        self.counts_label.setText(
            "  ·  ".join(f"{status_label(status)}: {counts[status]}" for status in STATUSES)
        )

    def toggle_low_scoring(self, shown: bool) -> None:
        """Show or hide candidates below the check-worthiness cut."""
        self.settings.show_low_scoring = shown
        self.filter_bar.min_score.setValue(0.0 if shown else SCORE_CUT)

    def set_order(self, order: CardOrder) -> None:
        """List the cards in another order, keeping the selected one."""
        self.settings.card_order = order
        self.actions_by_name[f"sort_{order}"].setChecked(True)
        self.filter_bar.set_order(order)

    # -- brief, settings, help ----------------------------------------------------------

    def export_brief(self) -> ExportDialog:
        """Open the export dialog: brief options, preview, save and copy."""
        self.detail.flush_note()
        title = self.tr("Brief: {name}").format(name=self.project.path.stem)
        dialog = ExportDialog(
            self.project, title, self.settings.editor_name, self.settings.brief_defaults, self
        )
        dialog.open()
        return dialog

    def show_settings(self) -> SettingsDialog:
        """Open the settings dialog."""
        dialog = SettingsDialog(self.settings, self)
        dialog.open()
        return dialog

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
        dialog.resize(760, 560)
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        """The version and the licences of every library factcards runs on."""
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def changeEvent(self, event: QEvent) -> None:
        # The desktop switched between light and dark: the detail pane's rich text names
        # its colours, so it is drawn again in the new palette's tones.
        if event.type() == QEvent.Type.PaletteChange and self.isVisible():
            current = self.current_card_id()
            if current is not None:
                self._show_detail(current)
        super().changeEvent(event)

    # -- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_run is not None:
            # Closing mid-import: stop it (its current file rolls back) before the project
            # closes under it.
            self.import_run.cancel()
            self.import_run.wait()
        self.detail.flush_note()
        self.settings.save_window_state("geometry", self.saveGeometry())
        self.settings.save_window_state("splitter", self.splitter.saveState())
        self.settings.save_window_state("right_splitter", self.right.saveState())
        self.project.close()
        event.accept()


def _duration(seconds: float) -> str:
    """A time left as people say it: "40 s", "3 min", "1 h 20 min"."""
    if seconds < 60:
        return translate("MainWindow", "{n} s").format(n=max(1, round(seconds)))
    minutes = round(seconds / 60)
    if minutes < 60:
        return translate("MainWindow", "{n} min").format(n=minutes)
    return translate("MainWindow", "{h} h {m} min").format(h=minutes // 60, m=minutes % 60)


def _shortcut_row(command: Command) -> tuple[str, str, str]:
    label = command.text().replace("&", "").rstrip("…")
    keys = command.key_text() or "—"
    where = ""
    if command.scope == "list":
        where = translate("MainWindow", " (in the card list)")
    return keys, label, command.help() + where
