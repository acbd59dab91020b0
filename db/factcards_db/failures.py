"""SQLite's failures that are not factcards' fault, told in plain words.

As qutebrowser sorts SQLite errors (misc/sql.py: KnownError and BugError), a full disk, a
busy, read-only, damaged or vanished file becomes a `ProjectError` whose message names the
file and says what to do; anything else is a bug and propagates as it is.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factcards_db.errors import (
    ProjectError,
    ProjectFull,
    ProjectLocked,
    ProjectNotFound,
    ProjectReadOnly,
    ProjectUnreadable,
    ProjectWriteFailed,
)

# SQLite's primary result codes (https://sqlite.org/rescode.html).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT = 3, 5, 6, 8, 10, 11
_FULL, _CANTOPEN, _NOTADB = 13, 14, 26
# Older Pythons and a few call paths give no error code; SQLite's own wording then says it.
_CODES_BY_TEXT = (
    ("database or disk is full", _FULL),
    ("database is locked", _BUSY),
    ("database table is locked", _LOCKED),
    ("readonly database", _READONLY),
    ("disk i/o error", _IOERR),
    ("malformed", _CORRUPT),
    ("file is not a database", _NOTADB),
    ("unable to open database file", _CANTOPEN),
)


def known_failure(error: BaseException, path: Path) -> ProjectError | None:
    """The plain-words error for a failure of the project file at `path`; None for a bug.

    The messages assume the failure interrupted a change (which SQLite then rolled back),
    or the opening of the file.
    """
    if isinstance(error, ProjectError):
        return error
    if not isinstance(error, sqlite3.Error):
        return None
    code = _primary_code(error)
    name = path.name
    if code == _FULL:
        return ProjectFull(
            path,
            f"The disk is full, so the last change to {name} was not saved; the project is "
            "as it was before it. Free some space on the disk, then try again.",
        )
    if code in (_BUSY, _LOCKED):
        return ProjectLocked(
            path,
            f"{name} is busy: another program is writing to it, so the last change was not "
            "saved. Close the other program or wait for it to finish, then try again.",
        )
    if code in (_READONLY, _PERM):
        return ProjectReadOnly(
            path,
            f"{name} cannot be changed (the file or its folder is read-only), so the last "
            "change was not saved. Use File ▸ Save a copy… to go on working in a copy.",
        )
    if code == _IOERR:
        return ProjectWriteFailed(
            path,
            f"The disk reported an error while factcards was writing {path} ({error}), so the "
            "last change was not saved. Check that the disk is not full and works (or that "
            "the network share is reachable), then try again.",
        )
    if code in (_CORRUPT, _NOTADB):
        return ProjectUnreadable(
            path,
            f"{name} is damaged (SQLite says: {error}). factcards did not change it. Restore "
            "it from a backup: a copy you saved, or a .bak file next to it.",
        )
    if code == _CANTOPEN:
        return ProjectNotFound(
            path,
            f"factcards cannot open {path}: check that the file and its folder are there and "
            "that you may read them.",
        )
    return None


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(error).lower()
    return next((found for words, found in _CODES_BY_TEXT if words in text), None)
