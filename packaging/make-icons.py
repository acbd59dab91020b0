"""Render the application icon's PNG sizes from its SVG, with Qt's own SVG renderer.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make-icons.py          write them
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make-icons.py --check  compare only

The SVG, resources/icons/hicolor/scalable/apps/APP_ID.svg, is the one source; the PNGs go to
resources/icons/hicolor/NxN/apps/APP_ID.png, the freedesktop icon-theme layout, so the
hicolor folder can be copied into ~/.local/share/icons as it is. --check exits 1 when a PNG
is missing or differs from a fresh rendering (after an edit of the SVG, run without it).
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.factcards.factcards"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HICOLOR = Path(__file__).resolve().parent.parent / "resources" / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
# Rasterisers differ in the last bit of antialiasing between Qt versions.
_TOLERANCE = 3


def png_path(size: int) -> Path:
    """Where the PNG of one size lives."""
    return HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(size: int) -> QImage:
    """The icon at one size, on a transparent background."""
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make-icons: {SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def differs(a: QImage, b: QImage) -> bool:
    """True when two images differ in size or by more than the tolerance in any channel."""
    if a.size() != b.size():
        return True
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            if any(abs((pa >> s & 255) - (pb >> s & 255)) > _TOLERANCE for s in (0, 8, 16, 24)):
                return True
    return False


def main(args: list[str]) -> int:
    """Write (or with --check, compare) every PNG size; return the exit status."""
    check = args == ["--check"]
    _app = QGuiApplication(["make-icons"])
    stale = []
    for size in SIZES:
        image, path = render(size), png_path(size)
        if check:
            if not path.exists() or differs(QImage(str(path)), image):
                stale.append(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(path)):
                raise SystemExit(f"make-icons: cannot write {path}")
    if stale:
        print("make-icons: out of date (run packaging/make-icons.py):", *stale, sep="\n  ")
        return 1
    print(f"make-icons: {len(SIZES)} sizes {'match' if check else 'written from'} {SVG.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
