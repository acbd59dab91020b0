"""The launcher files: the .desktop entry, the AppStream metadata and the icon, validated by
Debian's own tools when they are installed (.ci/run installs them), and installed for real."""

import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from configparser import ConfigParser
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from factcards import __version__

REPO = Path(__file__).resolve().parent.parent.parent
APP_ID = "io.github.factcards.factcards"
DESKTOP = REPO / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = REPO / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
HICOLOR = REPO / "resources" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; .ci/run installs it)")
    return found


def desktop_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_the_desktop_entry_is_valid() -> None:
    validator = tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_appstream_metadata_is_valid() -> None:
    appstreamcli = tool("appstreamcli", "appstream")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_entry_metadata_and_icon_name_one_application() -> None:
    entry = desktop_entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == entry["TryExec"] == "factcards"
    component = ElementTree.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == "factcards"
    assert component.find(f"releases/release[@version='{__version__}']") is not None


def test_the_icon_comes_in_every_size_from_its_svg(qapp: QApplication) -> None:
    assert (HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in SIZES:
        image = QImage(str(HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        corner, middle = image.pixelColor(0, 0), image.pixelColor(size // 2, size // 2)
        assert corner.alpha() == 0 and middle.alpha() == 255, size  # a shape, not a blank
    check = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "make-icons.py"), "--check"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_install_launcher_puts_a_working_entry_in_the_menu(tmp_path: Path) -> None:
    program = shutil.which("factcards", path=str(Path(sys.executable).parent))
    assert program, "the factcards command is installed next to this Python"
    result = subprocess.run(
        [str(REPO / "packaging" / "install-launcher"), program],
        capture_output=True,
        text=True,
        env={**os.environ, "PREFIX": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    installed = tmp_path / "applications" / DESKTOP.name
    assert (tmp_path / "metainfo" / METAINFO.name).is_file()
    for size in SIZES:
        assert (
            tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        ).is_file()
    command = shlex.split(desktop_entry(installed)["Exec"])
    assert command[0] == str(Path(program).resolve().parent / "factcards")
    assert command[1] == "%f"
    version = subprocess.run([command[0], "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"factcards {__version__}"
    if shutil.which("desktop-file-validate"):
        valid = subprocess.run(
            ["desktop-file-validate", str(installed)], capture_output=True, text=True
        )
        assert valid.returncode == 0 and not valid.stdout.strip(), valid.stdout


def test_install_launcher_refuses_a_missing_program(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(REPO / "packaging" / "install-launcher"), str(tmp_path / "nowhere" / "factcards")],
        capture_output=True,
        text=True,
        env={**os.environ, "PREFIX": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().endswith("build the bundle first (make bundle)")
    assert not (tmp_path / "applications").exists()
