"""Errors the user can do something about, each with one plain sentence to show.

Like qutebrowser's KnownError: these are "not our fault" conditions (a file that is not
a project, a project from a newer factcards, a locked or read-only file). Anything else
that SQLite raises is a bug and propagates as is.
"""

from pathlib import Path


class ProjectError(Exception):
    """A project file that cannot be opened or written, with a message for the user."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


class ProjectNotFound(ProjectError):
    """The path names no file."""


class ProjectUnreadable(ProjectError):
    """The file is not a factcards project, or it is damaged."""


class ProjectTooNew(ProjectError):
    """The file was written by a newer factcards; it is refused, never downgraded."""


class ProjectReadOnly(ProjectError):
    """The file or its folder cannot be written."""


class ProjectLocked(ProjectError):
    """Another factcards window or process is writing this project."""


class ProjectFull(ProjectError):
    """The disk (or the space the file may take) is full; the last change was not made."""


class ProjectWriteFailed(ProjectError):
    """The operating system could not read or write the file (a failing disk or share)."""
