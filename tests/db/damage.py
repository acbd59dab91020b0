"""Ways a project file goes wrong, made for tests: the only test helpers that touch SQL.

Other test folders use these instead of opening the database themselves, so that SQL stays
in the store and its own tests (tests/test_boundaries.py).
"""

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from factcards_db import Project
from factcards_db.schema import APPLICATION_ID, migrations


def fill_the_disk(project: Project) -> None:
    """Let the project's file grow no more, as when the disk is full (PRAGMA
    max_page_count; SQLite then fails a growing write with SQLITE_FULL)."""
    pages = project._db.execute("PRAGMA page_count").fetchone()[0]
    project._db.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(project: Project) -> None:
    """Let the project's file grow again."""
    project._db.execute("PRAGMA max_page_count = 1073741823")


def make_too_new(path: Path) -> None:
    """Mark a project as written by a newer factcards (a migration this one lacks)."""
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('factcards', '0099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()


def make_old_project(path: Path, stop_before: str = "0003_workbench") -> None:
    """A project as an older factcards left it: the migrations before `stop_before`."""
    db = Database(sqlite3.connect(path))
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.enable_wal()
    migrations.apply(db, stop_before=stop_before)
    db.close()


def applied_migrations(path: Path) -> list[str]:
    """The migrations a project file has, read without factcards (which would upgrade it)."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid").fetchall()
    finally:
        conn.close()
    return [name for (name,) in rows]


def corrupt_pages(path: Path) -> None:
    """Overwrite the start of every third page after the first with junk (a failing disk)."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // page_size, 3):
        data[page * page_size : page * page_size + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
