"""`factcards --self-test`: proof that an installed or bundled factcards really works here.

It imports the demo story into a temporary project, opens it in the main window, paints
the card list and checks that the first card came out as a card (colours and text), not a
blank rectangle: the failure a bundle with a missing Qt plugin, font or data file shows.
It never touches the user's projects or settings, and runs without a display too.
"""

import os
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, qVersion
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from factcards.core.importer import import_paths
from factcards.core.licences import runtime_libraries
from factcards.core.resources import demo_articles_dir
from factcards.ui.app import make_application, no_display_reason
from factcards.ui.main_window import MainWindow
from factcards.ui.settings import Settings
from factcards_db import Project

# A painted card has text: antialiased glyphs give many shades, and cover a few percent of
# it. A blank one (no font, no paint) is one or two flat colours.
MIN_COLOURS = 16
MIN_INK_SHARE = 0.02
_PAINT_ROUNDS = 20


class SelfTestFailure(Exception):
    """What went wrong, in one sentence for the terminal."""


def run_self_test(qt_args: Sequence[str] = ()) -> int:
    """Run the self-test; print one line and return 0 when it passes, 1 when it does not."""
    if no_display_reason() is not None:
        # Without a display the check still means something offscreen: Qt, its plugins,
        # fonts and the data files are all loaded and used the same way.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        print(f"factcards self-test passed: {_check(qt_args)}")
    except SelfTestFailure as failure:
        print(f"factcards self-test failed: {failure}", file=sys.stderr)
        return 1
    return 0


def ink(image: QImage) -> tuple[float, int]:
    """The share of an image's pixels that differ from its commonest colour (its
    background), and how many colours it has."""
    colours = Counter(
        image.pixel(x, y) for y in range(image.height()) for x in range(image.width())
    )
    total = image.width() * image.height()
    if not total:
        return 0.0, 0
    background = colours.most_common(1)[0][1]
    return (total - background) / total, len(colours)


def _check(qt_args: Sequence[str]) -> str:
    with tempfile.TemporaryDirectory(prefix="factcards-self-test-") as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        app = make_application(qt_args)
        if app.windowIcon().availableSizes() == []:
            raise SelfTestFailure("the application icon is missing from the resources")
        libraries = runtime_libraries()
        if not libraries:
            raise SelfTestFailure("the libraries' records (versions, licences) are missing")
        path = Path(folder) / "demo.factcards"
        with Project.create(path) as project:
            report = import_paths(project, [demo_articles_dir()])
        if report.count("imported") == 0:
            raise SelfTestFailure(f"the demo articles did not import ({report.summary()})")
        store = QSettings()
        window = MainWindow(Project.open(path), Settings(store))
        try:
            window.resize(1100, 700)
            window.show()
            for _ in range(_PAINT_ROUNDS):
                QApplication.processEvents()
            cards = _check_cards(window, app, report.count("imported"))
            return f"{cards}; {len(libraries)} libraries' licences recorded"
        finally:
            window.close()
            # Write the window's settings now, inside the folder, not at exit after the
            # folder is gone (which would leave a stray folder behind in /tmp).
            store.sync()
            window.deleteLater()
            QApplication.processEvents()


def _check_cards(window: MainWindow, app: QApplication, articles: int) -> str:
    view = window.card_view
    model = view.model()
    if model.rowCount() == 0:
        raise SelfTestFailure("the demo project shows no cards")
    rect = view.visualRect(model.index(0, 0))
    if rect.isEmpty():
        raise SelfTestFailure("the card list has no room for its first card")
    image = view.viewport().grab(rect).toImage()
    share, colours = ink(image)
    if colours < MIN_COLOURS or share < MIN_INK_SHARE:
        raise SelfTestFailure(
            f"the first card painted blank ({colours} colours, {share:.1%} ink); "
            "check that a font is installed"
        )
    return (
        f"{model.rowCount()} cards from {articles} demo articles; the first card painted "
        f"({rect.width()}x{rect.height()} px, {colours} colours, {share:.0%} ink) "
        f"with Qt {qVersion()} on the {app.platformName()} platform"
    )
