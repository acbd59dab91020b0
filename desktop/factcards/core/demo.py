"""The demo project: the bundled demo articles, imported once into the user's data folder."""

from pathlib import Path

import platformdirs

from factcards.core.importer import import_paths
from factcards.core.resources import demo_articles_dir
from factcards_db import Project

DEMO_FILE_NAME = "demo.factcards"


def data_dir() -> Path:
    """The per-user folder where factcards keeps its own files."""
    return Path(platformdirs.user_data_dir("factcards", appauthor=False))


def demo_project_path() -> Path:
    """Where the demo project lives."""
    return data_dir() / DEMO_FILE_NAME


def ensure_demo_project() -> Path:
    """Create the demo project on first use; later calls keep the editor's work in it."""
    path = demo_project_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".creating")
    partial.unlink(missing_ok=True)
    with Project.create(partial) as project:
        import_paths(project, [demo_articles_dir()])
    # Only a complete project takes the demo's name, so an interrupted first run retries.
    partial.replace(path)
    return path
