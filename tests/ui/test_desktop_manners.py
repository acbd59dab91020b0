"""Desktop manners: readable in light and dark, what a screen reader hears, tooltips,
About with every licence, and every visible string ready for translation."""

import ast
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from factcards.core.licences import UNKNOWN
from factcards.ui.filter_bar import ORDER_LABELS
from factcards.ui.main_window import MainWindow
from factcards.ui.palette import (
    READABLE,
    contrast,
    dark_palette,
    is_dark,
    selection_colours,
    tones,
)
from factcards.ui.shortcuts import COMMANDS
from factcards.ui.status_style import STATUS_LABELS
from factcards.ui.translation import install_translators

REPO = Path(__file__).resolve().parent.parent.parent
UI = REPO / "desktop" / "factcards" / "ui"


def ink_contrast(image: QImage) -> tuple[QColor, float]:
    """An image's background (its commonest colour) and the contrast of its strongest ink."""
    colours = Counter(
        image.pixel(x, y) for y in range(image.height()) for x in range(image.width())
    )
    background = QColor.fromRgb(colours.most_common(1)[0][0])
    return background, max(contrast(background, QColor.fromRgb(c)) for c in colours)


def _same(one: QColor, other: QColor) -> bool:
    """The same colour once painted (8 bits a channel)."""
    pairs = zip(one.toRgb().getRgb()[:3], other.toRgb().getRgb()[:3], strict=True)
    return all(abs(a - b) <= 1 for a, b in pairs)


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The application in the desktop's light palette, or in a dark one."""
    original = QPalette(qapp.palette())
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(original)


def test_cards_source_and_detail_stay_readable(
    scheme: str, demo_window: MainWindow, qtbot: QtBot
) -> None:
    view = demo_window.card_view
    conflicted = next(
        row
        for row in range(demo_window.card_model.rowCount())
        if demo_window.card_model.card_at(row).conflict_count
    )
    demo_window.select_row(conflicted)
    qtbot.wait(50)
    for row in (0, conflicted):
        rect = view.visualRect(demo_window.card_model.index(row))
        # The wording: below the badge line, above the quote line, right of the status bar.
        wording = rect.adjusted(16, rect.height() * 2 // 5, -rect.width() // 3, -rect.height() // 3)
        background, ink = ink_contrast(view.viewport().grab(wording).toImage())
        palette = view.palette()
        expected = (
            selection_colours(palette)[0]
            if row == conflicted
            else palette.color(QPalette.ColorRole.Base)
        )
        assert _same(background, expected)
        assert ink >= READABLE, (scheme, row, ink)
    assert is_dark(view.palette()) == (scheme == "dark")
    for widget in (demo_window.detail.quotes.viewport(), demo_window.source_view.text.viewport()):
        background, ink = ink_contrast(widget.grab().toImage())
        assert is_dark(widget.palette()) == (scheme == "dark")
        assert background == widget.palette().color(QPalette.ColorRole.Base)
        assert ink >= READABLE


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_detail_panes_own_colours_suit_the_palette(qapp: QApplication, dark: bool) -> None:
    palette = dark_palette() if dark else QPalette(qapp.palette())
    assert is_dark(palette) == dark
    tone = tones(palette)
    base = palette.color(QPalette.ColorRole.Base)
    assert contrast(QColor(tone.muted), base) >= READABLE
    assert contrast(QColor(tone.warning), base) >= READABLE
    assert contrast(QColor(tone.tag_text), QColor(tone.tag_background)) >= READABLE


def test_a_screen_reader_hears_wording_status_and_sources(demo_window: MainWindow) -> None:
    cards = QAccessible.queryAccessibleInterface(demo_window.card_view)
    assert cards.text(QAccessible.Text.Name) == "Cards"
    assert cards.childCount() == demo_window.card_model.rowCount()
    first = demo_window.card_model.card_at(0)
    item = cards.child(0)
    heard = item.text(QAccessible.Text.Name)
    assert heard.startswith(first.wording)
    assert "Unreviewed" in heard
    assert f"{first.source_count} sources, {first.origin_count} independent" in heard
    assert first.first_source in item.text(QAccessible.Text.Description)
    source = QAccessible.queryAccessibleInterface(demo_window.source_view.text)
    assert source.text(QAccessible.Text.Name) == "Source text"


def test_every_action_explains_itself(demo_window: MainWindow) -> None:
    for command in COMMANDS:
        action = demo_window.actions_by_name[command.name]
        assert action.statusTip() == command.description
        assert action.toolTip().startswith(command.description)
        if command.key_text():
            assert f"({command.key_text()})" in action.toolTip()
    menus = [action.menu() for action in demo_window.menuBar().actions()]
    titled = [a for menu in menus if menu for a in menu.actions() if a.text() and not a.menu()]
    assert titled and all(action.statusTip() for action in titled)


def test_about_names_every_library_and_its_licence(demo_window: MainWindow, qtbot: QtBot) -> None:
    dialog = demo_window.show_about()
    qtbot.addWidget(dialog)
    licences = {name.lower().replace("_", "-"): text for name, text in dialog.licences().items()}
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    for requirement in project["project"]["dependencies"]:
        name = re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]
        assert name.lower().replace("_", "-") in licences, name
    assert licences["qt"].startswith("LGPL")
    assert {"python", "sqlite", "pyside6-essentials", "sqlite-utils"} <= set(licences)
    assert UNKNOWN not in licences.values()
    dialog.close()


def _lupdate(tmp_path: Path) -> set[tuple[str, str]]:
    ts = tmp_path / "factcards.ts"
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    result = subprocess.run(
        [str(tool), *map(str, sorted(UI.glob("*.py"))), "-ts", str(ts)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    root = ElementTree.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_lupdate_collects_every_command_status_and_order(tmp_path: Path) -> None:
    found = _lupdate(tmp_path)
    for command in COMMANDS:
        assert ("Command", command.label) in found
        assert ("Command", command.description) in found
    for label in STATUS_LABELS.values():
        assert ("Status", label) in found
    for label in ORDER_LABELS.values():
        assert ("FilterBar", label) in found
    assert ("DetailPane", "Suggested matches") in found
    assert ("CardDelegate", "{sources} sources from {origins} origins") in found


def test_an_installed_translation_shows_in_the_window(
    qapp: QApplication, open_app: object, tmp_path: Path
) -> None:
    (tmp_path / "factcards_de.ts").write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="de">
<context><name>Command</name>
<message><source>&amp;Confirm</source><translation>&amp;Bestätigen</translation></message>
</context>
<context><name>Status</name>
<message><source>Confirmed</source><translation>Bestätigt</translation></message>
</context>
</TS>""",
        encoding="utf-8",
    )
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(tool), str(tmp_path / "factcards_de.ts"), "-qm", str(tmp_path / "factcards_de.qm")],
        capture_output=True,
        timeout=60,
        check=True,
    )
    translators = install_translators(qapp, QLocale("de_DE"), tmp_path)
    try:
        assert translators
        window = open_app()  # type: ignore[operator]
        assert window.actions_by_name["confirm"].text() == "&Bestätigen"
        statuses = [window.filter_bar.status.itemText(i) for i in range(4)]
        assert "Bestätigt" in statuses
        window.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


# Qt calls that put text on screen; a bare literal in one of them is never translated.
_TEXT_CALLS = {
    "QAction", "QCheckBox", "QLabel", "QPushButton", "QProgressDialog", "about",
    "addMenu", "addRow", "critical", "getSaveFileName", "getOpenFileNames",
    "getExistingDirectory", "getText", "information", "question", "setAccessibleDescription",
    "setAccessibleName", "setLabelText", "setPlaceholderText", "setStatusTip", "setText",
    "setToolTip", "setWindowTitle", "showMessage", "warning",
}  # fmt: skip


def _words_in(node: ast.expr) -> str:
    """The words a literal (or f-string, or sum of them) shows, with markup taken out."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}"
            for v in node.values
        )
    elif isinstance(node, ast.BinOp):
        return _words_in(node.left) + " " + _words_in(node.right)
    else:
        return ""
    text = re.sub(r"<[^>]*>|&\w+;|\{[^}]*\}", " ", text)
    return " ".join(re.findall(r"[A-Za-z]{2,}", text))


def test_no_visible_text_skips_translation() -> None:
    untranslated = []
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            if name in _TEXT_CALLS:
                for argument in [*node.args, *(k.value for k in node.keywords)]:
                    words = _words_in(argument)
                    if words and words != "factcards":
                        untranslated.append(f"{path.name}:{node.lineno}: {words}")
    assert untranslated == []
