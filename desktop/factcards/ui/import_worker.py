"""Import off the GUI thread: the window stays responsive and Cancel is heard at once.

The worker runs import_paths (files and folders) or import_text (pasted or dropped text)
on a QThread with a connection of its own to the project file (an SQLite connection
belongs to the thread that made it). It reports each file as it starts and the report at
the end, through queued signals. Cancel stops it between two claims: the file being
imported is rolled back, the files before it stay.
"""

import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from factcards.core.importer import (
    ImportReport,
    ImportStopped,
    Progress,
    import_paths,
    import_text,
)
from factcards_db import Project, ProjectError, known_failure


@dataclass(frozen=True, slots=True)
class PastedText:
    """Text pasted or dropped on the window, to import as a new source."""

    text: str


# What one import brings in: files and folders, or a text.
ImportJob = list[Path] | PastedText


class ImportWorker(QObject):
    """Imports files and folders, or a text, into a project file, on the thread it is
    moved to."""

    # files done, files in all, the file being imported, seconds left (-1: not known yet)
    progress = Signal(int, int, str, float)
    finished = Signal(object)  # the ImportReport
    failed = Signal(str)  # the project could not be opened, or the import failed

    def __init__(self, project_path: Path, job: ImportJob) -> None:
        super().__init__()
        self._project_path = project_path
        self._job = job
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Stop as soon as possible (safe from any thread)."""
        self._stop.set()

    def run(self) -> None:
        """Import everything; emit finished (or failed) at the end."""
        started = time.monotonic()

        def progress(done: int, total: int, name: str) -> bool:
            nonlocal started
            if not name:
                started = time.monotonic()  # time left counts from the first file
            elapsed = time.monotonic() - started
            left = elapsed / done * (total - done) if done else -1.0
            self.progress.emit(done, total, name, left)
            return not self._stop.is_set()

        try:
            with Project.open(self._project_path) as project:
                report = self._import(project, progress)
        except ProjectError as error:
            self.failed.emit(error.message)
        except Exception as error:
            # Whatever stops the import is told, and the window's wait for it ends: a
            # failure of the file in plain words, a fault of factcards as Python reports
            # it (on standard error) and in a sentence.
            failure = known_failure(error, self._project_path)
            if failure is None:
                traceback.print_exc()
                message = (
                    f"The import stopped because of a fault in factcards ({error!r}). The "
                    "files it had finished are in the project; nothing of the one it was "
                    "on was kept."
                )
            self.failed.emit(message if failure is None else failure.message)
        else:
            self.finished.emit(report)
        finally:
            # Ends the thread's event loop from within: a quit() queued to the GUI thread
            # would never run while that thread waits for this one.
            self.thread().quit()

    def _import(self, project: Project, progress: Progress) -> ImportReport:
        if not isinstance(self._job, PastedText):
            return import_paths(project, self._job, progress, self._stop.is_set)
        try:
            outcome = import_text(project, self._job.text, None, progress, self._stop.is_set)
        except ImportStopped:
            return ImportReport(cancelled=True)  # nothing of the text was stored
        return ImportReport([outcome])


class ImportRun(QObject):
    """One background import, seen from the GUI thread: the worker's signals arrive here
    (queued, so whoever listens runs on the GUI thread), and the thread ends tidily."""

    progress = Signal(int, int, str, float)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, project_path: Path, job: ImportJob, parent: QObject) -> None:
        super().__init__(parent)
        self.worker_thread = QThread(self)
        self.worker = ImportWorker(project_path, job)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        self.worker_thread.finished.connect(self.worker.deleteLater)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)

    @Slot(int, int, str, float)
    def _progress(self, done: int, total: int, name: str, seconds_left: float) -> None:
        self.progress.emit(done, total, name, seconds_left)

    @Slot(object)
    def _finished(self, report: ImportReport) -> None:
        self.finished.emit(report)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.failed.emit(message)

    def start(self) -> None:
        """Start importing."""
        self.worker_thread.start()

    def cancel(self) -> None:
        """Ask the worker to stop."""
        self.worker.cancel()

    def wait(self) -> None:
        """Block until the thread has ended (closing the window mid-import)."""
        self.worker_thread.wait()
