"""The real factcards window in a process of its own, driven by lines on standard input.

    python tests/robustness/window_child.py PROJECT

Opens PROJECT as `factcards PROJECT` does (offscreen) and answers each command with one
JSON line on standard output:

    (on opening)  {"title": ..., "read_only": ..., "editing": [enabled editing commands]}
    state         the same
    confirm       selects the first card and confirms it with the window's own action (what
                  pressing C does): {"card": id, "status": status as the project has it}
    quit          closes the window and exits

Tests kill it (SIGKILL) between two commands, to see what a crash leaves behind.
"""

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from factcards.ui.app import make_application, open_window
from factcards.ui.main_window import EDITING_COMMANDS, MainWindow


def _reply(answer: dict[str, object]) -> None:
    print(json.dumps(answer), flush=True)


def _state(window: MainWindow) -> dict[str, object]:
    return {
        "title": window.windowTitle(),
        "read_only": window.project.read_only,
        "editing": sorted(n for n in EDITING_COMMANDS if window.actions_by_name[n].isEnabled()),
    }


def main() -> int:
    app = make_application()
    window = open_window(Path(sys.argv[1]))
    if window is None:
        _reply({"error": "the project did not open"})
        return 2
    app.processEvents()
    _reply(_state(window))
    for line in sys.stdin:
        command = line.strip()
        if command == "state":
            _reply(_state(window))
        elif command == "confirm":
            window.select_row(0)
            card = window.current_card_id()
            window.actions_by_name["confirm"].trigger()
            app.processEvents()
            status = window.project.card(card).status if card is not None else None
            _reply({"card": card, "status": status})
        elif command == "quit":
            window.close()
            _reply({"closed": True})
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
