"""The window's figures on one project, measured in this process (bench/speed.py runs it).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.window_speed PROJECT [--runs 5]

Prints a line per figure, then the figures as one line of JSON (what bench/speed.py
reads). Works on a copy of the project, so the status changes it makes stay there.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from bench.memory import peak_resident_mb
from factcards.ui.app import make_application
from factcards.ui.card_delegate import CardDelegate
from factcards.ui.main_window import MainWindow
from factcards.ui.settings import Settings
from factcards_db import Project, Status


class PaintWatch(CardDelegate):
    """The card delegate, noting when it first paints a card."""

    first_paint: float | None = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: object) -> None:  # type: ignore[override]
        if self.first_paint is None:
            self.first_paint = time.perf_counter()
        super().paint(painter, option, index)  # type: ignore[arg-type]


def settle(until: Callable[[], bool] | None = None, limit: float = 30.0) -> None:
    """Run the event loop until `until()` holds (or, without one, until it is idle)."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        if until is None or until():
            return


def open_to_first_paint(path: Path) -> float:
    """Seconds from opening the project to the first card painted."""
    start = time.perf_counter()
    window = MainWindow(Project.open(path), Settings())
    watch = PaintWatch(window.card_view)
    window.card_view.setItemDelegate(watch)
    window.resize(1280, 800)
    window.show()
    settle(lambda: watch.first_paint is not None)
    assert watch.first_paint is not None, "no card was painted"
    seconds = watch.first_paint - start
    window.close()
    window.deleteLater()
    settle()
    return seconds


def repaint_after(window: MainWindow, change: Callable[[], None]) -> float:
    """Milliseconds from a change to the list repainted with its result."""
    start = time.perf_counter()
    change()
    window.card_view.viewport().repaint()
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(prog="python -m bench.window_speed")
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="factcards-window-speed-"))
    try:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        path = folder / options.project.name
        shutil.copyfile(options.project, path)
        make_application()
        with Project.open(path) as project:
            project.close()  # migrated (if needed) once, before the timed opens
        figures = measure(path, options.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")
    print(json.dumps(figures))
    return 0


def peak_memory(path: Path) -> float:
    """MB at most resident while one window has the project open, through an editor's
    session: every filter, searches, status changes, then the whole list fetched and
    scrolled through from top to bottom. Measured first, so that the windows the other
    figures open and close are not counted."""
    window = MainWindow(Project.open(path), Settings())
    window.resize(1280, 800)
    window.show()
    settle()
    bar = window.filter_bar
    for combo in (bar.status, bar.source, bar.tag):
        for index in range(min(combo.count(), 40)):
            combo.setCurrentIndex(index)
            settle()
        combo.setCurrentIndex(0)
    for text in ("ferry", "million", "spokesperson", ""):
        bar.search.setText(text)
        bar.search.returnPressed.emit()
        settle()
    for row in range(0, 140, 7):
        window.select_row(row)
        window.set_status("confirmed")
        settle()
    window.card_model.fetch_all()
    settle()
    scroll = window.card_view.verticalScrollBar()
    for value in range(0, scroll.maximum() + 1, max(1, scroll.maximum() // 200)):
        scroll.setValue(value)
        window.card_view.viewport().repaint()
    peak = peak_resident_mb()
    window.close()
    window.deleteLater()
    settle()
    return peak


def measure(path: Path, runs: int) -> dict[str, float]:
    """Every figure, as medians of `runs`."""
    figures: dict[str, float] = {"peak memory with the project open": peak_memory(path)}
    figures["open to first painted card"] = statistics.median(
        open_to_first_paint(path) for _ in range(runs)
    )

    window = MainWindow(Project.open(path), Settings())
    window.resize(1280, 800)
    window.show()
    settle()
    bar = window.filter_bar
    words = ["ferry", "battery", "million", '"annual report"', "spokesperson"]

    def status_filter(index: int) -> Callable[[], None]:
        return lambda: bar.status.setCurrentIndex(index)

    def source_filter(index: int) -> Callable[[], None]:
        return lambda: bar.source.setCurrentIndex(index)

    def search(text: str) -> Callable[[], None]:
        def change() -> None:
            bar.search.setText(text)
            bar.search.returnPressed.emit()  # the typing pause left out

        return change

    times = []
    for run in range(runs):
        times.append(repaint_after(window, status_filter(1 + run % 3)))
        repaint_after(window, status_filter(0))
    figures["status filter to updated list"] = statistics.median(times)
    times = []
    for run in range(runs):
        times.append(repaint_after(window, source_filter(1 + run * 37 % (bar.source.count() - 1))))
        repaint_after(window, source_filter(0))
    figures["source filter to updated list"] = statistics.median(times)
    times = []
    for run in range(runs):
        times.append(repaint_after(window, search(words[run % len(words)])))
        repaint_after(window, search(""))
    figures["search to updated list"] = statistics.median(times)

    viewport = window.card_view.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for _ in range(max(runs, 20)):
        start = time.perf_counter()
        viewport.render(image)
        times.append((time.perf_counter() - start) * 1000)
    figures["one screen of cards painted"] = statistics.median(times)

    committed, shown = [], []
    for run in range(max(runs, 20)):
        window.select_row(run * 7)
        settle()
        card = window.current_card_id()
        assert card is not None
        status: Status = "confirmed" if run % 2 else "disputed"
        start = time.perf_counter()
        window.project.set_statuses({card: status}, "bench")
        committed.append((time.perf_counter() - start) * 1000)
        window.select_row(run * 7 + 1)
        settle()
        start = time.perf_counter()
        window.set_status(status)
        window.card_view.viewport().repaint()
        shown.append((time.perf_counter() - start) * 1000)
    figures["status change committed"] = statistics.median(committed)
    figures["status change shown (C to list, pane, counts)"] = statistics.median(shown)

    window.close()
    return figures


if __name__ == "__main__":
    sys.exit(main())
