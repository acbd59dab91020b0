"""The architecture's two walls, checked on the source:

- Qt (PySide6, shiboken6) is imported only in factcards.ui: factcards.core, the CLI and the
  store stay importable, testable and usable without Qt.
- SQL lives in the store, factcards_db: nothing else imports sqlite3, sqlite_utils or QtSql.
  (The store's own tests, tests/db/, may open the database file directly.)

Every import counts: at module level, inside functions, under `if TYPE_CHECKING:`, and
`importlib.import_module("...")` / `__import__("...")` with a literal name.
"""

import ast
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DESKTOP = REPO / "desktop" / "factcards"
UI = DESKTOP / "ui"
STORE = REPO / "db" / "factcards_db"
STORE_TESTS = REPO / "tests" / "db"

QT = ("PySide6", "shiboken6")
SQL = ("sqlite3", "sqlite_utils", "PySide6.QtSql")

# Folders that are not the project's own code.
SKIP_DIRS = {".git", ".venv", "venv", "build", "dist", "node_modules", "__pycache__"}


def python_files(root: Path) -> Iterator[Path]:
    """Every .py file under root, skipping virtualenvs, caches and hidden folders."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            name
            for name in dirs
            if name not in SKIP_DIRS
            and not name.startswith(".")
            and not (Path(folder, name) / "pyvenv.cfg").exists()
        )
        yield from (Path(folder, name) for name in sorted(files) if name.endswith(".py"))


def is_under(path: Path, folder: Path) -> bool:
    return path.is_relative_to(folder)


def imports(source: str, filename: str) -> Iterator[tuple[int, str]]:
    """(line, dotted module name) for every import in the source, however nested."""
    tree = ast.parse(source, filename=filename)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:  # relative imports stay in the package
                yield node.lineno, node.module
                for alias in node.names:  # `from PySide6 import QtSql`
                    yield node.lineno, f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func) and node.args:
            name = node.args[0]
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                yield node.lineno, name.value


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in {"__import__", "import_module"}
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def matches(module: str, forbidden: Iterable[str]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in forbidden)


def offences(files: Iterable[Path], forbidden: Iterable[str]) -> list[str]:
    """'path:line: imports module' for each line of the files with a forbidden import."""
    forbidden = tuple(forbidden)
    found: dict[tuple[Path, int], str] = {}
    for path in files:
        source = path.read_text(encoding="utf-8")
        for line, module in imports(source, str(path)):
            if matches(module, forbidden):
                # `from PySide6.QtCore import Qt` names PySide6.QtCore and PySide6.QtCore.Qt
                shortest = min(found.get((path, line), module), module, key=len)
                found[path, line] = shortest
    return [
        f"{path.relative_to(REPO)}:{line}: imports {module}"
        for (path, line), module in found.items()
    ]


def non_ui_files() -> list[Path]:
    """factcards outside factcards.ui, and the store."""
    desktop = [path for path in python_files(DESKTOP) if not is_under(path, UI)]
    return desktop + list(python_files(STORE))


def non_store_files() -> list[Path]:
    """All the repository's Python outside the store and its tests."""
    return [
        path
        for path in python_files(REPO)
        if not is_under(path, STORE) and not is_under(path, STORE_TESTS)
    ]


def test_qt_is_imported_only_in_the_ui_package() -> None:
    bad = offences(non_ui_files(), QT)
    assert not bad, (
        "Qt may be imported only under desktop/factcards/ui/ (factcards.core, the CLI and "
        "factcards_db must work without Qt):\n  " + "\n  ".join(bad)
    )


def test_sql_stays_in_the_store() -> None:
    bad = offences(non_store_files(), SQL)
    assert not bad, (
        "Only db/factcards_db may use SQLite (sqlite3, sqlite_utils, QtSql); go through "
        "factcards_db.Project instead:\n  " + "\n  ".join(bad)
    )


def test_the_guards_see_the_code() -> None:
    """The walls above are checked on real files, not on an empty list."""
    scanned = {path.relative_to(REPO).as_posix() for path in non_ui_files()}
    assert "desktop/factcards/cli.py" in scanned
    assert "db/factcards_db/project.py" in scanned
    assert not any(name.startswith("desktop/factcards/ui/") for name in scanned)
    assert "desktop/factcards/cli.py" in {
        path.relative_to(REPO).as_posix() for path in non_store_files()
    }


@pytest.mark.parametrize(
    ("source", "line", "module"),
    [
        ("import PySide6", 1, "PySide6"),
        ("import os, shiboken6", 1, "shiboken6"),
        ("from PySide6.QtCore import Qt", 1, "PySide6.QtCore"),
        ("from PySide6 import QtWidgets", 1, "PySide6"),
        ("def f():\n    if True:\n        from PySide6.QtGui import QColor\n", 3, "PySide6.QtGui"),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import PySide6.QtGui",
            3,
            "PySide6.QtGui",
        ),
        ("import importlib\nimportlib.import_module('PySide6.QtWidgets')", 2, "PySide6.QtWidgets"),
        ("__import__('shiboken6')", 1, "shiboken6"),
    ],
)
def test_the_qt_guard_catches(source: str, line: int, module: str) -> None:
    assert (line, module) in [(n, m) for n, m in imports(source, "<example>") if matches(m, QT)]


@pytest.mark.parametrize(
    "source",
    [
        "import sqlite3",
        "from sqlite_utils import Database",
        "from sqlite_utils.db import Table",
        "def f():\n    import sqlite3 as db\n",
        "from PySide6 import QtSql",
        "from PySide6.QtSql import QSqlDatabase",
    ],
)
def test_the_sql_guard_catches(source: str) -> None:
    assert any(matches(module, SQL) for _, module in imports(source, "<example>"))


def test_the_guards_let_lookalikes_pass() -> None:
    source = "import sqlite_fts4\nfrom PySide6ish import x\nfrom . import sqlite3\nimport pyside6"
    assert not [m for _, m in imports(source, "<example>") if matches(m, QT + SQL)]
