"""Where the bundled resources (demo articles, icons) are, installed or in a checkout."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The resources folder: inside the package when installed, at the top of a checkout."""
    installed = _PACKAGE / "resources"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / "resources"


def demo_articles_dir() -> Path:
    """The articles of the bundled demo story."""
    return resources_dir() / "demo"


APP_ID = "io.github.factcards.factcards"


def icon_files() -> list[Path]:
    """The application icon's PNGs, every size (the freedesktop hicolor layout)."""
    return sorted((resources_dir() / "icons" / "hicolor").glob(f"*x*/apps/{APP_ID}.png"))
