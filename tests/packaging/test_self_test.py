"""`factcards --self-test` from the checkout: it passes here, and its blank-card check can fail."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from factcards.ui.self_test import MIN_COLOURS, MIN_INK_SHARE, ink


def test_the_self_test_passes_without_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "QT_QPA_PLATFORM"}}
    env.update(
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        TMPDIR=str(tmp_path / "tmp"),
    )
    (tmp_path / "tmp").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "factcards", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "factcards self-test passed: " in result.stdout
    assert "on the offscreen platform" in result.stdout
    assert not (tmp_path / "data" / "factcards").exists()
    assert not (tmp_path / "config" / "factcards").exists()
    assert list((tmp_path / "tmp").iterdir()) == []  # its temporary project is gone


def test_a_blank_card_is_told_from_a_painted_one(qapp: QApplication) -> None:
    blank = QImage(600, 80, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    assert ink(blank) == (0.0, 1)

    painted = QImage(blank)
    painter = QPainter(painted)
    painter.fillRect(0, 0, 6, 80, QColor("#d08000"))  # a status bar alone is not a card
    painter.end()
    share, colours = ink(painted)
    assert colours < MIN_COLOURS

    painter = QPainter(painted)
    font = painter.font()
    font.setPixelSize(18)
    painter.setFont(font)
    painter.drawText(12, 30, "Corvane will invest €210 million in Skerrow")
    painter.drawText(12, 60, "4 sources from 1 origin")
    painter.end()
    share, colours = ink(painted)
    assert colours >= MIN_COLOURS and share >= MIN_INK_SHARE
