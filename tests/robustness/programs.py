"""The real program in child processes: the command line, and the window driven by lines."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.hostile_corpus import without_privilege

WINDOW_CHILD = Path(__file__).with_name("window_child.py")


def factcards(
    *args: str, unprivileged: bool = False, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """Run `factcards ARGS` as from a terminal (as a user who cannot read every file, when
    `unprivileged` and this is root); `prefix` runs Python code first (a file size limit)."""
    if prefix:
        command = [sys.executable, "-c", "".join(prefix), *args]
    else:
        command = [sys.executable, "-m", "factcards", *args]
    return subprocess.run(
        without_privilege(command) if unprivileged else command,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


class WindowProcess:
    """`factcards PROJECT` in a child process, offscreen, answering commands."""

    def __init__(self, project: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WINDOW_CHILD), str(project)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.opened = self._answer()

    @property
    def pid(self) -> int:
        return self.process.pid

    def ask(self, command: str) -> dict[str, Any]:
        """Send one command and return the window's answer."""
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self._answer()

    def _answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"the window process ended (exit {self.process.wait()})"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as a crash or a power cut."""
        self.process.kill()
        self.process.communicate()

    def quit(self) -> None:
        """Close the window as a user does, and wait for the process to end."""
        self.ask("quit")
        self.process.communicate()
