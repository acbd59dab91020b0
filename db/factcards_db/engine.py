"""The SQLite library underneath, for the About dialog and bug reports."""

import sqlite3


def sqlite_version() -> str:
    """The version of the SQLite library Python is linked with."""
    return sqlite3.sqlite_version
