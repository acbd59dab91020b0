"""`factcards import` on a terminal: a one-line progress bar on standard error.

Drawn only when standard error is a terminal, so piped or logged output stays quiet;
the line is cleared at the end, before the summary is printed.
"""

import shutil
import sys
import time
from typing import TextIO

_BAR = 24


class ProgressLine:
    """A progress callback for import_paths that draws one line on a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.shown = self.stream.isatty()
        self._started = time.monotonic()
        self._drawn = False

    def __call__(self, done: int, total: int, name: str) -> bool:
        if not name:
            self._started = time.monotonic()  # time left counts from the first file
        if self.shown and total:
            self.draw(done, total, name or "reading the project's cards…")
        return True

    def draw(self, done: int, total: int, name: str) -> None:
        """Redraw the line: files done of all, a bar, time left, the current file."""
        filled = _BAR * done // total
        line = f"{done}/{total} files [{'#' * filled}{'.' * (_BAR - filled)}]"
        elapsed = time.monotonic() - self._started
        if done:
            line += f" {_left(elapsed / done * (total - done))} left"
        width = shutil.get_terminal_size().columns - 1
        line = f"{line}  {name.rsplit('/', 1)[-1]}"[:width]
        self.stream.write("\r" + line.ljust(width))
        self.stream.flush()
        self._drawn = True

    def clear(self) -> None:
        """Take the line away (before the summary is printed)."""
        if self._drawn:
            width = shutil.get_terminal_size().columns - 1
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()
            self._drawn = False


def _left(seconds: float) -> str:
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"
