"""One writer per project: an advisory lock held for as long as a project is open to edit.

SQLite's own locks last one transaction, so two windows on one project would both write,
each showing cards the other has changed. A writable project therefore holds an exclusive
flock(2) on a lock file beside it, `NAME-lock` (beside SQLite's own `NAME-wal` and
`NAME-shm`), until it is closed; a second window or command finds the lock taken and
opens the project read-only, or refuses, and says which process has it.

Why this design:
- flock, not a lock file's mere existence: the kernel drops the lock when its process
  ends, even on SIGKILL or a power cut, so a lock file left behind never blocks anyone.
- flock on a file of its own, never on the project: SQLite locks the project with POSIX
  record locks, and a process's POSIX locks on a file all vanish when it closes any
  descriptor of it (and NFS emulates flock with POSIX locks).
- The lock file is removed on close; a process that locked the file just as it was
  removed notices that the name now leads elsewhere, and tries again.
- The lock belongs to the process: a second connection of the same process (the window's
  background import) shares it, counted, instead of locking itself out. factcards opens
  one window per process, so a second window is a second process, and is kept out.
Where flock is missing (Windows) or the lock file cannot be made, no lock is taken and
SQLite's busy handling (a clear "is busy" message) is what stops a second writer.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

_ATTEMPTS = 5


class LockHeld(Exception):
    """Another process (or window) has the project open to edit."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


def lock_path(project: Path) -> Path:
    """The lock file of a project."""
    return project.with_name(project.name + "-lock")


@dataclass(slots=True)
class _Held:
    """A lock this process holds, and how many open projects share it."""

    path: Path
    descriptor: int
    users: int = 1


# Locks this process holds, by the lock file's (device, inode).
_held: dict[tuple[int, int], _Held] = {}
_held_guard = threading.Lock()


class ProjectLock:
    """One open project's share of a held lock; `release` (or the end of the process)
    gives it up."""

    def __init__(self, key: tuple[int, int]) -> None:
        self._key: tuple[int, int] | None = key

    def release(self) -> None:
        """Give this share up; the last one removes the lock file and unlocks it (once;
        later calls do nothing)."""
        if self._key is None:
            return
        with _held_guard:
            held = _held[self._key]
            held.users -= 1
            if held.users == 0:
                del _held[self._key]
                # Removed while still held, so no one locks the old file and thinks it current.
                with contextlib.suppress(OSError):
                    held.path.unlink()
                os.close(held.descriptor)
        self._key = None


def acquire(project: Path) -> ProjectLock | None:
    """Lock the project for this process; None where no lock can be taken.

    Raises LockHeld, naming the holder, when another process or window has it.
    """
    if sys.platform == "win32":
        return None
    import fcntl

    path = lock_path(project)
    for _ in range(_ATTEMPTS):
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            try:
                descriptor = os.open(path, os.O_RDONLY)
            except OSError:
                return None
        status = os.fstat(descriptor)
        key = (status.st_dev, status.st_ino)
        with _held_guard:
            if key in _held:
                os.close(descriptor)
                _held[key].users += 1
                return ProjectLock(key)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            os.close(descriptor)
            raise LockHeld(holder) from None
        except OSError:  # a file system without locks
            os.close(descriptor)
            return None
        try:
            current = os.path.samestat(status, os.stat(path))
        except OSError:
            current = False
        if current:
            _write_holder(descriptor)
            with _held_guard:
                _held[key] = _Held(path, descriptor)
            return ProjectLock(key)
        os.close(descriptor)
    return None


def _write_holder(descriptor: int) -> None:
    """Say who holds the lock, for the message a second window shows."""
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()} {socket.gethostname()}\n".encode(), 0)
    except OSError:
        pass  # a read-only lock file still locks; it just cannot name its holder


def _holder(descriptor: int) -> str:
    """'process 1234' (or 'process 1234 on otherhost'), or 'another process'."""
    try:
        words = os.pread(descriptor, 200, 0).decode("utf-8", "replace").split()
    except OSError:
        words = []
    if not words or not words[0].isdigit():
        return "another process"
    if len(words) > 1 and words[1] != socket.gethostname():
        return f"process {words[0]} on {words[1]}"
    return f"process {words[0]}"
