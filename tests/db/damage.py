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


def make_searchable_0004_project(path: Path) -> None:
    """A project as factcards left it before 0005_quote_search (quotes searched through
    the words of their card): one source, a card of one of its sentences, with a note."""
    make_old_project(path, stop_before="0005_quote_search")
    db = Database(sqlite3.connect(path))
    text = "Ferry yard approved\n\nThe council approved the €18 million slipway on Tuesday."
    start = text.index("The council")
    db["sources"].insert(
        {
            "id": 1,
            "path": "/news/yard.txt",
            "title": "Ferry yard approved",
            "sha256": "0" * 64,
            "text": text,
            "encoding": "utf-8",
            "imported_at": "2026-11-01T09:00:00",
        }
    )
    db["quotes"].insert(
        {"id": 1, "source_id": 1, "span_start": start, "span_end": len(text), "score": 0.8}
    )
    db["cards"].insert(
        {
            "id": 1,
            "wording": "The council approved the yard",
            "note": "Checked with the harbourmaster",
            "score": 0.8,
            "created_at": "2026-11-01T09:00:00",
        }
    )
    db["card_quotes"].insert({"card_id": 1, "quote_id": 1})
    db.execute(
        "INSERT INTO card_text (card_id, wording, note, quotes, tags) VALUES (1, ?, ?, ?, '')",
        ["The council approved the yard", "Checked with the harbourmaster", text[start:]],
    )
    db.conn.commit()
    db.close()
